public import Foundation
import HandbookModel

/// The files of a content folder, by path relative to it: the folder on disk, or files held
/// in memory (an edition read from git, a test).
public protocol ContentTree: Sendable {
    /// Where the tree is, for messages.
    var location: String { get }
    /// Whether the tree is there at all.
    var exists: Bool { get }
    /// Whether a file is at `path`.
    func fileExists(_ path: String) -> Bool
    /// The bytes of the file at `path`, or nil if there is none or it cannot be read.
    func contents(of path: String) -> Data?
    /// Paths of every file below `folder`, relative to the tree, sorted.
    func files(under folder: String) -> [String]
}

/// A content folder on disk.
public struct DiskContentTree: ContentTree {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var location: String { root.path }

    public var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    public func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    public func files(under folder: String) -> [String] {
        FolderListing.files(in: root.appendingPathComponent(folder)).map { "\(folder)/\($0)" }
    }

    /// The file at `path`, if it lies inside the folder once symbolic links are resolved: for
    /// copying it without reading it, and never from outside the content folder.
    public func fileURL(of path: String) -> URL? {
        let file = root.appendingPathComponent(path).resolvingSymlinksInPath()
        let folder = root.resolvingSymlinksInPath().path
        return file.path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") ? file : nil
    }
}

/// Files held in memory, by path.
public struct MemoryContentTree: ContentTree {
    public var files: [String: Data]
    public let location: String

    public init(files: [String: Data], location: String = "(memory)") {
        self.files = files
        self.location = location
    }

    public var exists: Bool { true }

    public func fileExists(_ path: String) -> Bool { files[path] != nil }

    public func contents(of path: String) -> Data? { files[path] }

    public func files(under folder: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
    }
}
