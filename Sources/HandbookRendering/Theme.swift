public import Foundation
public import HandbookModel
internal import Mustache
internal import Yams

/// A theme folder: Mustache templates, UI strings per language, and static assets.
///
/// ```
/// themes/default/
///   templates/*.mustache   pages, partials and embeds (`requiredTemplates`; see docs/theming.md)
///   i18n/zh-CN.yaml, en.yaml
///   assets/                copied to public/assets/
/// ```
public struct Theme: Sendable {
    /// Problems that stop a build before any page is rendered.
    public enum Failure: Error, CustomStringConvertible {
        case missingFolder(String)
        case template(file: String, line: Int, column: Int, message: String)
        case strings(file: String, message: String)
        case missingTemplate(String)

        public var description: String {
            switch self {
            case .missingFolder(let path):
                "theme folder '\(path)' has no templates/ folder; pass the theme with --theme"
            case .template(let file, let line, let column, let message):
                "\(file):\(line):\(column): error: \(message) [theme-template]"
            case .strings(let file, let message): "\(file): error: \(message) [theme-strings]"
            case .missingTemplate(let name): "theme has no template '\(name).mustache' [theme-template]"
            }
        }
    }

    public let directory: URL
    let library: MustacheLibrary
    /// UI strings in the handbook's language.
    package let strings: [String: String]
    /// A hash of every template and string, so that cached pages are used only with the
    /// theme they were rendered with.
    package let fingerprint: String

    /// Every template the renderer asks for, by name: pages, partials and embeds.
    static let requiredTemplates = [
        "layout", "home", "area", "chapter", "policy", "process", "role", "roles", "search", "404", "nav-area", "pager",
        "process-steps", "kpi-table", "tier-table", "embed-process", "embed-kpi", "embed-tiers", "policy-article",
        "checklist-tool", "print-header", "signoff", "process-checklist", "print-process", "onboarding", "checklists",
        "print", "changes", "history", "change-item",
    ]

    public static func load(from directory: URL, language: HandbookConfig.Language) throws(Failure) -> Theme {
        let templates = directory.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templates.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: templates.path)
        else {
            throw .missingFolder(directory.path)
        }
        MustacheHTMLEscaping.registered
        var library = MustacheLibrary()
        var sources = ""
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".mustache"),
                let data = FileManager.default.contents(atPath: templates.appendingPathComponent(relative).path)
            else { continue }
            sources += relative + "\n" + String(decoding: data, as: UTF8.self)
            do {
                try library.register(
                    MustacheHTMLEscaping.pragma + String(decoding: data, as: UTF8.self),
                    named: String(relative.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                // The column on the first line counts the pragma put before the template.
                let line = error.context.lineNumber
                throw .template(
                    file: "\(directory.lastPathComponent)/templates/\(relative)", line: line,
                    column: max(1, error.context.columnNumber - (line == 1 ? MustacheHTMLEscaping.pragma.count : 0)),
                    message: "\(error.error)")
            } catch {
                throw .template(
                    file: "\(directory.lastPathComponent)/templates/\(relative)", line: 1, column: 1,
                    message: "\(error)")
            }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw .missingTemplate(name)
        }
        let stringsFile = directory.appendingPathComponent("i18n/\(language.rawValue).yaml")
        let strings = try loadStrings(stringsFile)
        sources += strings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        return Theme(
            directory: directory, library: library, strings: strings, fingerprint: ContentHash.of(sources))
    }

    private static func loadStrings(_ file: URL) throws(Failure) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .strings(file: file.path, message: "missing UI strings file")
        }
        do {
            guard let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self), .default, .default, .utf8),
                let mapping = node.mapping
            else {
                throw Failure.strings(file: file.path, message: "expected a mapping of string names to text")
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
            throw .strings(file: file.path, message: "\(error)")
        }
    }

    /// Renders `template` with `context`; a missing template is a theme error found at load time.
    func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// A UI string, falling back to its key so a gap in a translation shows rather than hides.
    func string(_ key: String) -> String {
        strings[key] ?? key
    }

    /// The `assets/` folder of the theme, as files of the site under `assets/`.
    package func assetFiles() throws -> [OutputFile] {
        let assets = directory.appendingPathComponent("assets")
        return try FolderListing.files(in: assets).map {
            OutputFile(path: "assets/" + $0, contents: try Data(contentsOf: assets.appendingPathComponent($0)))
        }
    }
}
