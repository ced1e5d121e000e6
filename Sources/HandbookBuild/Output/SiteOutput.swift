public import Foundation
public import HandbookModel

/// Where a built site goes: a folder on disk (``DiskOutput``) or memory (``MemoryOutput``).
///
/// A consumer receives the whole site at once and replaces what it held before, so that a
/// reader never sees half of a build; it also answers what the previous build wrote, from
/// which unchanged editions are reused.
public protocol SiteOutput: Sendable {
    /// Replaces the site with `files`.
    func replace(with files: [OutputFile]) throws
    /// The bytes of a file of the site as last written, if there is one.
    func existingFile(at path: String) -> Data?
    /// Paths of the files below `folder` (ending in `/`) in the site as last written.
    func existingFiles(under folder: String) -> [String]
}

/// Problems that stop writing before anything is touched.
public enum SiteOutputFailure: Error, CustomStringConvertible {
    case notASite(String)
    case overlaps(String, String)
    case duplicatePath(String)

    public var description: String {
        switch self {
        case .notASite(let path):
            "refusing to replace '\(path)': it is not a site written by handbook (no \(DiskOutput.marker) file); "
                + "remove it or choose another --output"
        case .overlaps(let output, let source):
            "refusing to write the site to '\(output)': it would replace '\(source)'"
        case .duplicatePath(let path): "two pages would be written to '\(path)'"
        }
    }

    /// Throws ``duplicatePath(_:)`` for the first path that two files share.
    static func checkUnique(_ files: [OutputFile]) throws(SiteOutputFailure) {
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            throw .duplicatePath(file.path)
        }
    }
}
