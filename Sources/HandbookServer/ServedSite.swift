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
        files.withLock { files in
            var next: [String: File] = [:]
            next.reserveCapacity(contents.count)
            for (path, data) in contents {
                if let old = files[path], old.contents == data {
                    next[path] = old
                } else {
                    next[path] = File(contents: data, entityTag: Self.entityTag(of: data), modified: now)
                }
            }
            files = next
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
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }
}
