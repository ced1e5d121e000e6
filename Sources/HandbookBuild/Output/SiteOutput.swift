public import Foundation
public import HandbookModel

/// Where a built site goes: a folder on disk (``DiskOutput``) or memory (``MemoryOutput``).
///
/// A build hands its files over in batches as it renders them, so that it never holds the
/// whole site in memory, to a ``SiteWriter`` that keeps them apart until ``SiteWriter/commit()``
/// replaces the previous site with them at once: a reader never sees half of a build. The
/// output also answers what the previous build wrote, from which unchanged editions are reused.
public protocol SiteOutput: Sendable {
    /// Starts writing a new version of the site.
    func begin() throws -> any SiteWriter
    /// The bytes of a file of the site as last written, if there is one.
    func existingFile(at path: String) -> Data?
    /// Paths of the files below `folder` (ending in `/`) in the site as last written.
    func existingFiles(under folder: String) -> [String]
}

/// One new version of a site, written in batches and put in place at once.
public protocol SiteWriter: AnyObject {
    /// Adds files; a path may be added only once.
    func add(_ files: [OutputFile]) throws
    /// Adds the file at `source` as `path`, without reading it where the output can link or
    /// copy it (a download of the content folder).
    func add(copyOf source: URL, at path: String) throws
    /// Replaces the previous site with the files added.
    func commit() throws
    /// Drops the files added; the previous site stays.
    func discard()
}

extension SiteOutput {
    /// Replaces the site with `files`.
    public func replace(with files: [OutputFile]) throws {
        let writer = try begin()
        do {
            try writer.add(files)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// The paths a writer has been given, to refuse a second file at the same path.
struct PathRegister {
    private var seen: Set<String> = []

    mutating func register(_ files: [OutputFile]) throws(SiteOutputFailure) {
        for file in files { try register(file.path) }
    }

    mutating func register(_ path: String) throws(SiteOutputFailure) {
        guard seen.insert(path).inserted else { throw .duplicatePath(path) }
    }
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
}
