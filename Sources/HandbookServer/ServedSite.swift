public import Foundation
import HandbookModel
import Synchronization

/// The files a preview server answers with: the latest build's site, each file with an entity
/// tag and the time it last changed, replaced as a whole after each rebuild.
public final class ServedSite: Sendable {
    /// One file of the site as served.
    public struct File: Sendable {
        public let contents: Data
        /// A quoted hash of the contents, for `ETag` and `If-None-Match`.
        public let entityTag: String
        /// When the contents last changed (`Last-Modified` gives it to the second).
        public let modified: Date
    }

    private let files = Mutex<[String: File]>([:])

    public init() {}

    /// Serves `contents` from now on; files whose bytes did not change keep their time.
    public func replace(with contents: [String: Data], at now: Date = Date()) {
        let gone = files.withLock { Set($0.keys) }.subtracting(contents.keys)
        update(contents, removing: gone, at: now)
    }

    /// Serves `changed` in place of what was at their paths, and no longer the files at
    /// `removed`; the other files stay as they were.
    public func update(_ changed: [String: Data], removing removed: Set<String>, at now: Date = Date()) {
        files.withLock { files in
            for path in removed { files[path] = nil }
            for (path, data) in changed where files[path]?.contents != data {
                files[path] = File(contents: data, entityTag: Self.entityTag(of: data), modified: now)
            }
        }
    }

    /// The paths of the files that changed after `date`.
    public func paths(changedAfter date: Date) -> [String] {
        files.withLock { files in files.compactMap { $0.value.modified > date ? $0.key : nil } }
    }

    /// The file at a path of the site (`chapters/a.html`), if there is one.
    public func file(at path: String) -> File? {
        files.withLock { $0[path] }
    }

    private static func entityTag(of data: Data) -> String {
        "\"" + ContentHash.of(data) + "-" + String(data.count, radix: 16) + "\""
    }
}
