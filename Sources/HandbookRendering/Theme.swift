public import Foundation
public import HandbookModel
internal import Mustache
import Synchronization
internal import Yams

/// A theme: Mustache templates, UI strings per language, and static assets.
///
/// The default theme is built into `handbook` (from `themes/default`, see `EmbedDefaultTheme`).
/// A theme folder given with `--theme` changes it file by file: each of its templates and assets
/// replaces the built-in one of the same path or adds one, and its strings files replace the
/// built-in strings they name, key by key; the rest stays the built-in theme's, as in Hugo's
/// lookup order.
///
/// ```
/// themes/default/
///   templates/*.mustache   pages, partials and embeds (`requiredTemplates`; see docs/theming.md)
///   i18n/zh-CN.yaml, en.yaml
///   assets/                copied to public/assets/
/// ```
public struct Theme: Sendable {
    /// Problems that stop a build before any page is rendered, described as diagnostics are
    /// (`file:line:col: error: message [rule]`, or `error: message` when no file is to blame).
    public enum Failure: Error, CustomStringConvertible {
        case missingFolder(String)
        case template(file: String, line: Int, column: Int, message: String)
        case strings(file: String, message: String)
        case missingTemplate(String)
        case outsideFolder(file: String, target: String)

        public var description: String {
            switch self {
            case .missingFolder(let path):
                "error: theme folder '\(path)' does not exist; leave out --theme for the built-in theme"
            case .template(let file, let line, let column, let message):
                "\(file):\(line):\(column): error: \(message) [theme-template]"
            case .strings(let file, let message): "\(file): error: \(message) [theme-strings]"
            case .missingTemplate(let name): "error: theme has no template '\(name).mustache' [theme-template]"
            case .outsideFolder(let file, let target):
                "\(file): error: a symbolic link to '\(target)', outside the theme folder [outside-content]"
            }
        }
    }

    /// The theme folder whose files replace the built-in theme's; nil for the built-in theme.
    public let directory: URL?
    /// Every file of the theme, by path in a theme folder: the built-in ones and the folder's.
    private let files: [String: Data]
    /// The templates with the UI strings written in (``ConstantFolding``).
    let library: MustacheLibrary
    /// The templates with the UI strings written in, as text, by name.
    private let templates: [String: String]
    /// Libraries with the values of a site written in as well, by those values.
    private let librariesBySite = LibrariesBySite()
    /// UI strings in the handbook's language.
    package let strings: [String: String]
    /// A hash of every template and string (not of the assets, which pages only link to), so
    /// that cached pages are used only with the theme they were rendered with.
    package let fingerprint: String

    /// Every template the renderer asks for, by name: pages, partials and embeds.
    static let requiredTemplates = [
        "layout", "home", "area", "chapter", "policy", "process", "role", "roles", "search", "404", "nav-area", "pager",
        "process-steps", "kpi-table", "tier-table", "embed-process", "embed-kpi", "embed-tiers", "policy-article",
        "checklist-tool", "print-header", "signoff", "process-checklist", "print-process", "onboarding", "checklists",
        "print", "changes", "history", "change-item", "reviews", "embed-process-map", "site-header",
        "nav-entry",
    ]

    /// The built-in theme's files, by path in a theme folder.
    package static let builtInFiles: [String: Data] = builtInThemeFiles.compactMapValues {
        Data(base64Encoded: $0)
    }

    /// The built-in theme, changed by the files of `directory` where one is given.
    public static func load(from directory: URL?, language: HandbookConfig.Language) throws(Failure) -> Theme {
        var files = builtInFiles
        var overridden: Set<String> = []
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw .missingFolder(directory.path)
            }
            let prefix = FolderListing.resolvedPrefix(of: directory)
            for relative in FolderListing.files(in: directory)
            where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                if let target = FolderListing.outsideTarget(of: relative, in: directory, prefix: prefix) {
                    throw .outsideFolder(file: "\(directory.lastPathComponent)/\(relative)", target: target)
                }
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path)
                else { continue }
                files[relative] = data
                overridden.insert(relative)
            }
        }
        let overriddenFiles = overridden
        @Sendable func label(_ relative: String) -> String {
            overriddenFiles.contains(relative)
                ? "\(directory?.lastPathComponent ?? "")/\(relative)" : "(built-in theme)/\(relative)"
        }
        MustacheHTMLEscaping.registered
        let sources = files.filter { $0.key.hasPrefix("templates/") && $0.key.hasSuffix(".mustache") }
            .map { (relative: $0.key, name: templateName(of: $0.key), text: String(decoding: $0.value, as: UTF8.self)) }
            .sorted { $0.relative < $1.relative }
        // Parsed as written, on all cores, so that errors point into the file; the first in
        // path order is reported.
        let errors = sources.concurrentMap { source -> Failure? in
            do {
                _ = try MustacheTemplate(string: MustacheHTMLEscaping.pragma + source.text)
                return nil
            } catch let error as MustacheTemplate.ParserError {
                // The column on the first line counts the pragma put before the template.
                let line = error.context.lineNumber
                return .template(
                    file: label(source.relative), line: line,
                    column: max(1, error.context.columnNumber - (line == 1 ? MustacheHTMLEscaping.pragma.count : 0)),
                    message: "\(error.error)")
            } catch {
                return .template(file: label(source.relative), line: 1, column: 1, message: "\(error)")
            }
        }
        if let error = errors.lazy.compactMap({ $0 }).first { throw error }
        let names = Set(sources.map(\.name))
        for name in requiredTemplates where !names.contains(name) {
            throw .missingTemplate(name)
        }
        // Strings: the built-in ones, then the folder's, key by key.
        let stringsFile = "i18n/\(language.rawValue).yaml"
        var strings =
            try builtInFiles[stringsFile].map { data throws(Failure) in
                try loadStrings(data, file: "(built-in theme)/\(stringsFile)")
            } ?? [:]
        if overridden.contains(stringsFile), let data = files[stringsFile] {
            strings.merge(try loadStrings(data, file: label(stringsFile))) { _, override in override }
        }
        guard !strings.isEmpty else { throw .strings(file: label(stringsFile), message: "missing UI strings file") }
        // Rendered with the UI strings written in.
        let foldingStrings = strings
        let templates = Dictionary(
            sources.concurrentMap { source in
                (
                    source.name,
                    ConstantFolding.fold(source.text, strings: foldingStrings, context: .init(template: source.name))
                )
            }, uniquingKeysWith: { first, _ in first })
        var library = MustacheLibrary()
        Self.register(templates, in: &library)
        let sourceText = sources.map { $0.relative + "\n" + $0.text }.joined()
        let stringText = strings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        return Theme(
            directory: directory, files: files, library: library, templates: templates, strings: strings,
            fingerprint: ContentHash.of(sourceText + stringText))
    }

    private init(
        directory: URL?, files: [String: Data], library: MustacheLibrary, templates: [String: String],
        strings: [String: String], fingerprint: String
    ) {
        self.directory = directory
        self.files = files
        self.library = library
        self.templates = templates
        self.strings = strings
        self.fingerprint = fingerprint
    }

    /// The name a template is registered under: its path below `templates/`, without `.mustache`.
    private static func templateName(of relative: String) -> String {
        String(relative.dropFirst("templates/".count).dropLast(".mustache".count))
    }

    /// Parses `templates` on all cores and registers them in `library`. Each was parsed as
    /// written before, so none fails here, and one that did would stay as it was.
    private static func register(_ templates: [String: String], in library: inout MustacheLibrary) {
        let parsed = Array(templates).concurrentMap { name, text in
            (name, try? MustacheTemplate(string: MustacheHTMLEscaping.pragma + text))
        }
        for case (let name, let template?) in parsed {
            library.register(template, named: name)
        }
    }

    /// The templates with the UI strings and the values of `site` written in, made once per
    /// build and folder depth: only the templates that name a value are parsed again.
    private func library(for site: SiteView) -> MustacheLibrary {
        let values = site.fixedValues
        return librariesBySite.libraries.withLock { libraries in
            if let library = libraries[values] { return library }
            var library = self.library
            let changed = Array(templates).concurrentMap { name, text in
                let folded = ConstantFolding.fold(text, strings: [:], site: values, context: .init(template: name))
                return folded == text ? nil : (name, folded)
            }
            Self.register(Dictionary(changed.compactMap { $0 }, uniquingKeysWith: { first, _ in first }), in: &library)
            libraries[values] = library
            return library
        }
    }

    private static func loadStrings(_ data: Data, file: String) throws(Failure) -> [String: String] {
        do {
            guard let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self), .default, .default, .utf8),
                let mapping = node.mapping
            else {
                throw Failure.strings(file: file, message: "expected a mapping of string names to text")
            }
            var strings: [String: String] = [:]
            for (key, value) in mapping {
                guard let name = key.string, let text = value.string else { continue }
                strings[name] = text
            }
            return strings
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .strings(file: file, message: "\(error)")
        }
    }

    /// Renders `template` with `context`, whose pages show `site`; a missing template is a theme
    /// error found at load time.
    func render(_ context: some MustacheParent & Sendable, template: String, site: SiteView? = nil) -> String {
        (site.map(library(for:)) ?? library).render(MustacheView(context), withTemplate: template) ?? ""
    }

    /// A UI string, falling back to its key so a gap in a translation shows rather than hides.
    func string(_ key: String) -> String {
        strings[key] ?? key
    }

    /// The `assets/` folder of the theme, as files of the site under `assets/`, stylesheets and
    /// scripts compacted (``AssetCompactor``).
    package func assetFiles() -> [OutputFile] {
        files.filter { $0.key.hasPrefix("assets/") }.sorted { $0.key < $1.key }.map { path, data in
            guard path.hasSuffix(".css") || path.hasSuffix(".js") else { return OutputFile(path: path, contents: data) }
            let text = String(decoding: data, as: UTF8.self)
            return OutputFile(path: path, contents: Data(AssetCompactor.compact(text, path: path).utf8))
        }
    }
}

/// The libraries of ``Theme/library(for:)``, shared by the copies of a theme.
private final class LibrariesBySite: Sendable {
    let libraries = Mutex<[[String: String]: MustacheLibrary]>([:])
}
