public import Foundation
public import HandbookModel

/// Reads a content folder into a ``Handbook``, with every problem found on the way.
public struct ContentLoader: Sendable {
    /// Errors that stop loading before any file is read.
    public enum Failure: Error, CustomStringConvertible {
        case missingContentFolder(String)

        public var description: String {
            switch self {
            case .missingContentFolder(let path): "content folder '\(path)' does not exist"
            }
        }
    }

    public let content: any ContentTree
    /// Sources read by an earlier load, reused where their text is unchanged.
    public let cache: SourceCache?

    public init(content: any ContentTree, cache: SourceCache? = nil) {
        self.content = content
        self.cache = cache
    }

    public init(contentDirectory: URL) {
        self.init(content: DiskContentTree(root: contentDirectory))
    }

    /// The language `handbook.yaml` names, read on its own and without its problems (which
    /// ``load()`` reports): the default where it names none or cannot be read. Enough to load a
    /// theme while the content is loaded and checked.
    public static func language(of content: any ContentTree) -> HandbookConfig.Language {
        guard content.outsideTarget(of: "handbook.yaml") == nil, let data = content.contents(of: "handbook.yaml"),
            data.count <= HandbookConfig.defaultMaximumFileSize,
            let config = SettingsReader.readConfig(
                path: "handbook.yaml", text: String(decoding: data, as: UTF8.self), sink: DiagnosticSink())
        else { return HandbookConfig.defaultLanguage }
        return config.language
    }

    public func load() throws(Failure) -> (Handbook, [Diagnostic]) {
        guard content.exists else { throw .missingContentFolder(content.location) }

        let sink = DiagnosticSink()
        let hashes = SourceHashes()
        let config = readFile("handbook.yaml", sink: sink, hashes: hashes, sizeLimit: nil).flatMap {
            SettingsReader.readConfig(path: "handbook.yaml", text: $0, sink: sink)
        }
        let sizeLimit = config?.maximumFileSize ?? HandbookConfig.defaultMaximumFileSize
        let roles = readFile("roles.yaml", sink: sink, hashes: hashes, sizeLimit: sizeLimit).flatMap {
            SettingsReader.readRoles(path: "roles.yaml", text: $0, sink: sink)
        }
        var diagnostics = sink.diagnostics

        let content = self.content
        let cache = self.cache
        let policyResults = files(under: "policies", extensions: ["yaml", "yml"]).concurrentMap {
            path -> (Policy?, [Diagnostic]) in
            let source = ContentLoader.source(path, in: content, cache: cache, hashes: hashes, sizeLimit: sizeLimit) {
                text, sink in (nil, PolicyReader(path: path, text: text).read(sink: sink))
            }
            return (source?.policy, source?.diagnostics ?? [])
        }
        let chapterResults = files(under: "chapters", extensions: ["md", "markdown"]).concurrentMap {
            path -> (Chapter?, [Diagnostic]) in
            let source = ContentLoader.source(path, in: content, cache: cache, hashes: hashes, sizeLimit: sizeLimit) {
                text, sink in (ChapterReader(path: path, text: text).read(sink: sink), nil)
            }
            return (source?.chapter, source?.diagnostics ?? [])
        }
        diagnostics += policyResults.flatMap(\.1) + chapterResults.flatMap(\.1)
        var unreadable: Set<Handbook.SourceKind> = []
        if config == nil { unreadable.insert(.config) }
        if roles == nil { unreadable.insert(.roles) }
        if policyResults.contains(where: { $0.0 == nil }) { unreadable.insert(.policies) }
        if chapterResults.contains(where: { $0.0 == nil }) { unreadable.insert(.chapters) }
        var handbook = Handbook(
            config: config ?? HandbookConfig(title: ""), roles: roles ?? [], policies: policyResults.compactMap(\.0),
            chapters: chapterResults.compactMap(\.0), unreadable: unreadable)
        handbook.sourceHashes = hashes.values
        let fileSink = DiagnosticSink()
        handbook.files = Set(
            files(under: "files", extensions: nil).filter {
                ContentLoader.liesInside($0, of: content, sink: fileSink)
            })
        return (handbook, diagnostics + fileSink.diagnostics)
    }

    /// The chapter or policy at `path` as `parse` reads it, or as an earlier load read it when
    /// the file system says it is unchanged (then it is not read again) or its text is the same;
    /// with the file's problems. Nil with the problem when the file cannot be read.
    private static func source(
        _ path: String, in content: any ContentTree, cache: SourceCache?, hashes: SourceHashes, sizeLimit: Int,
        parse: (String, DiagnosticSink) -> (Chapter?, Policy?)
    ) -> SourceCache.File? {
        let sink = DiagnosticSink()
        let signature = cache == nil ? nil : content.signature(of: path)
        // The same device and inode is the file read last time, whose place was checked then.
        if let signature, let cached = cache?.file(at: path, signature: signature) {
            hashes.record(cached.hash, of: path)
            return cached
        }
        guard let text = read(path, in: content, sink: sink, hashes: hashes, sizeLimit: sizeLimit) else {
            return SourceCache.File(text: "", chapter: nil, policy: nil, diagnostics: sink.diagnostics)
        }
        let hash = hashes.hash(of: path)
        if var cached = cache?.file(at: path, text: text) {
            cached.signature = signature
            cache?.store(cached, at: path)
            return cached
        }
        let (chapter, policy) = parse(text, sink)
        let file = SourceCache.File(
            text: text, chapter: chapter, policy: policy, diagnostics: sink.diagnostics, signature: signature,
            hash: hash)
        cache?.store(file, at: path)
        return file
    }

    /// Reads a file that must be there; `sizeLimit` nil is the default limit (for `handbook.yaml`,
    /// which sets the limit of the others).
    private func readFile(_ path: String, sink: DiagnosticSink, hashes: SourceHashes, sizeLimit: Int?) -> String? {
        guard content.fileExists(path) else {
            sink.error(at: SourceLocation(path: path), "required file '\(path)' is missing", rule: "missing-file")
            return nil
        }
        return ContentLoader.read(
            path, in: content, sink: sink, hashes: hashes,
            sizeLimit: sizeLimit ?? HandbookConfig.defaultMaximumFileSize)
    }

    /// Whether the file at `path` lies inside the content folder; if a symbolic link leads
    /// outside, says so, and the file is neither read nor published.
    private static func liesInside(_ path: String, of content: any ContentTree, sink: DiagnosticSink) -> Bool {
        guard let target = content.outsideTarget(of: path) else { return true }
        sink.error(
            at: SourceLocation(path: path),
            "'\(path)' is a symbolic link to '\(target)', outside the content folder; it is not read or published",
            rule: "outside-content", hint: "copy the file into the content folder instead of linking to it")
        return false
    }

    private static func read(
        _ path: String, in content: any ContentTree, sink: DiagnosticSink, hashes: SourceHashes? = nil,
        sizeLimit: Int
    ) -> String? {
        guard liesInside(path, of: content, sink: sink) else { return nil }
        if let size = content.size(of: path), size > sizeLimit {
            sink.error(
                at: SourceLocation(path: path),
                "'\(path)' is \(ByteSize.describe(size)), more than the limit of \(ByteSize.describe(sizeLimit)); it is not read",
                rule: "file-too-large",
                hint: "split it into smaller files, or raise 'max_file_size' in handbook.yaml")
            return nil
        }
        guard let data = content.contents(of: path) else {
            sink.error(at: SourceLocation(path: path), "cannot read '\(path)'", rule: "missing-file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(at: SourceLocation(path: path), "'\(path)' is not UTF-8 text", rule: "yaml-syntax")
            return nil
        }
        hashes?.record(ContentHash.of(data), of: path)
        return text
    }

    /// Paths relative to the content folder, sorted, of the files below `folder` with one of the
    /// given extensions.
    private func files(under folder: String, extensions: Set<String>?) -> [String] {
        content.files(under: folder).filter { path in
            // Hidden files and everything in hidden folders (drafts, editor backups) are skipped.
            let components = path.split(separator: "/")
            guard !components.contains(where: { $0.hasPrefix(".") }) else { return false }
            guard let extensions else { return true }
            guard let name = components.last, let dot = name.lastIndex(of: "."), dot != name.startIndex else {
                return false
            }
            return extensions.contains(name[name.index(after: dot)...].lowercased())
        }
    }
}

/// The hashes of the files a load read, recorded by its parallel readers.
private final class SourceHashes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [String: String] = [:]

    func record(_ hash: String, of path: String) {
        lock.withLock { values[path] = hash }
    }

    func hash(of path: String) -> String {
        lock.withLock { values[path] ?? "" }
    }
}
