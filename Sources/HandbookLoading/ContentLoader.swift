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

    public func load() throws(Failure) -> (Handbook, [Diagnostic]) {
        guard content.exists else { throw .missingContentFolder(content.location) }

        let sink = DiagnosticSink()
        let hashes = SourceHashes()
        let config = readFile("handbook.yaml", sink: sink, hashes: hashes).flatMap {
            SettingsReader.readConfig(path: "handbook.yaml", text: $0, sink: sink)
        }
        let roles = readFile("roles.yaml", sink: sink, hashes: hashes).flatMap {
            SettingsReader.readRoles(path: "roles.yaml", text: $0, sink: sink)
        }
        var diagnostics = sink.diagnostics

        let content = self.content
        let cache = self.cache
        let policyResults = files(under: "policies", extensions: ["yaml", "yml"]).concurrentMap {
            path -> (Policy?, [Diagnostic]) in
            let sink = DiagnosticSink()
            guard let text = ContentLoader.read(path, in: content, sink: sink, hashes: hashes) else {
                return (nil, sink.diagnostics)
            }
            if let cached = cache?.file(at: path, text: text) { return (cached.policy, cached.diagnostics) }
            let policy = PolicyReader(path: path, text: text).read(sink: sink)
            cache?.store(.init(text: text, chapter: nil, policy: policy, diagnostics: sink.diagnostics), at: path)
            return (policy, sink.diagnostics)
        }
        let chapterResults = files(under: "chapters", extensions: ["md", "markdown"]).concurrentMap {
            path -> (Chapter?, [Diagnostic]) in
            let sink = DiagnosticSink()
            guard let text = ContentLoader.read(path, in: content, sink: sink, hashes: hashes) else {
                return (nil, sink.diagnostics)
            }
            if let cached = cache?.file(at: path, text: text) { return (cached.chapter, cached.diagnostics) }
            let chapter = ChapterReader(path: path, text: text).read(sink: sink)
            cache?.store(.init(text: text, chapter: chapter, policy: nil, diagnostics: sink.diagnostics), at: path)
            return (chapter, sink.diagnostics)
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
        handbook.files = Set(files(under: "files", extensions: nil))
        return (handbook, diagnostics)
    }

    private func readFile(_ path: String, sink: DiagnosticSink, hashes: SourceHashes) -> String? {
        guard content.fileExists(path) else {
            sink.error(at: SourceLocation(path: path), "required file '\(path)' is missing", rule: "missing-file")
            return nil
        }
        return ContentLoader.read(path, in: content, sink: sink, hashes: hashes)
    }

    private static func read(
        _ path: String, in content: any ContentTree, sink: DiagnosticSink, hashes: SourceHashes? = nil
    ) -> String? {
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
            !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                && extensions.map { $0.contains((path as NSString).pathExtension.lowercased()) } ?? true
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
}
