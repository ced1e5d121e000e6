public import Foundation
public import HandbookModel

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
    /// The size in bytes of the file at `path`, known without reading it.
    func size(of path: String) -> Int?
    /// Where the file at `path` really is when a symbolic link leads outside the tree; nil when
    /// it lies inside.
    func outsideTarget(of path: String) -> String?
    /// What tells a file's version without reading it, if the tree can: a file whose signature
    /// is unchanged since a load read it need not be read again.
    func signature(of path: String) -> FileSignature?
}

extension ContentTree {
    public func signature(of path: String) -> FileSignature? { nil }
}

/// A content folder on disk.
public struct DiskContentTree: ContentTree {
    public let root: URL
    /// The folder's path with symbolic links resolved, worked out once: every file read is
    /// checked against it.
    private let resolvedPrefix: String

    public init(root: URL) {
        self.root = root
        self.resolvedPrefix = FolderListing.resolvedPrefix(of: root)
    }

    public var location: String { root.path }

    public var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// The bytes of the file, never of one outside the folder.
    public func contents(of path: String) -> Data? {
        guard outsideTarget(of: path) == nil else { return nil }
        return FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    public func size(of path: String) -> Int? {
        FolderListing.size(of: root.path + "/" + path)
    }

    public func outsideTarget(of path: String) -> String? {
        FolderListing.outsideTarget(of: path, in: root, prefix: resolvedPrefix)
    }

    public func files(under folder: String) -> [String] {
        FolderListing.files(in: root.appendingPathComponent(folder)).map { "\(folder)/\($0)" }
    }

    public func signature(of path: String) -> FileSignature? {
        FolderListing.signature(of: root.path + "/" + path)
    }

    /// The file at `path`, if it lies inside the folder once symbolic links are resolved: for
    /// copying it without reading it, and never from outside the content folder.
    public func fileURL(of path: String) -> URL? {
        outsideTarget(of: path) == nil ? root.appendingPathComponent(path).resolvingSymlinksInPath() : nil
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

    public func size(of path: String) -> Int? { files[path]?.count }

    /// Nil: files in memory have no links.
    public func outsideTarget(of path: String) -> String? { nil }
}
