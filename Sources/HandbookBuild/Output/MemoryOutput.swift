public import Foundation
public import HandbookModel
import Synchronization

/// Keeps the built site in memory: for tests, and for a server that serves what it built.
public final class MemoryOutput: SiteOutput {
    private let site = Mutex<[String: Data]>([:])

    public init() {}

    /// Every file of the site, by path.
    public var files: [String: Data] { site.withLock { $0 } }

    /// The text of the file at `path`, if there is one.
    public func text(at path: String) -> String? {
        existingFile(at: path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func replace(with files: [OutputFile]) throws {
        try SiteOutputFailure.checkUnique(files)
        let contents = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        site.withLock { $0 = contents }
    }

    public func existingFile(at path: String) -> Data? {
        site.withLock { $0[path] }
    }

    public func existingFiles(under folder: String) -> [String] {
        site.withLock { $0.keys.filter { $0.hasPrefix(folder) }.sorted() }
    }
}
