public import Foundation

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

    public let contentDirectory: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory
    }

    public func load() throws(Failure) -> (Handbook, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw .missingContentFolder(contentDirectory.path) }

        let sink = DiagnosticSink()
        let config = readFile("handbook.yaml", sink: sink).flatMap {
            SettingsReader.readConfig(path: "handbook.yaml", text: $0, sink: sink)
        }
        let roles = readFile("roles.yaml", sink: sink).flatMap {
            SettingsReader.readRoles(path: "roles.yaml", text: $0, sink: sink)
        }
        var diagnostics = sink.diagnostics

        let directory = contentDirectory
        let policyResults = files(under: "policies", extensions: ["yaml", "yml"]).concurrentMap { path in
            let sink = DiagnosticSink()
            let policy = ContentLoader.read(path, in: directory, sink: sink).flatMap {
                PolicyReader(path: path, text: $0).read(sink: sink)
            }
            return (policy, sink.diagnostics)
        }
        let chapterResults = files(under: "chapters", extensions: ["md", "markdown"]).concurrentMap { path in
            let sink = DiagnosticSink()
            let chapter = ContentLoader.read(path, in: directory, sink: sink).flatMap {
                ChapterReader(path: path, text: $0).read(sink: sink)
            }
            return (chapter, sink.diagnostics)
        }
        diagnostics += policyResults.flatMap(\.1) + chapterResults.flatMap(\.1)
        var unreadable: Set<Handbook.SourceKind> = []
        if config == nil { unreadable.insert(.config) }
        if roles == nil { unreadable.insert(.roles) }
        if policyResults.contains(where: { $0.0 == nil }) { unreadable.insert(.policies) }
        if chapterResults.contains(where: { $0.0 == nil }) { unreadable.insert(.chapters) }
        let handbook = Handbook(
            config: config ?? HandbookConfig(title: ""), roles: roles ?? [], policies: policyResults.compactMap(\.0),
            chapters: chapterResults.compactMap(\.0), unreadable: unreadable)
        return (handbook, diagnostics)
    }

    private func readFile(_ path: String, sink: DiagnosticSink) -> String? {
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(path).path) else {
            sink.error(at: SourceLocation(path: path), "required file '\(path)' is missing", rule: "missing-file")
            return nil
        }
        return ContentLoader.read(path, in: contentDirectory, sink: sink)
    }

    private static func read(_ path: String, in directory: URL, sink: DiagnosticSink) -> String? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
            sink.error(at: SourceLocation(path: path), "cannot read '\(path)'", rule: "missing-file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(at: SourceLocation(path: path), "'\(path)' is not UTF-8 text", rule: "yaml-syntax")
            return nil
        }
        return text
    }

    /// Paths relative to the content folder, sorted, of the files below `folder` with one of the
    /// given extensions.
    private func files(under folder: String, extensions: Set<String>) -> [String] {
        let root = contentDirectory.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            // Hidden files and everything in hidden folders (drafts, editor backups) are skipped.
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                extensions.contains((relative as NSString).pathExtension.lowercased())
            else { continue }
            paths.append("\(folder)/\(relative)")
        }
        return paths.sorted()
    }
}
