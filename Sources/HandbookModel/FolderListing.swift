package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The regular files below a folder on disk, read with the C library's calls: a content folder
/// of thousands of chapters is listed and checked on every build, and every rebuild of
/// `handbook serve`.
package enum FolderListing {
    /// Paths relative to `folder`, sorted; none when the folder does not exist. Symbolic links
    /// to files are listed; links to folders are not followed.
    package static func files(in folder: URL) -> [String] {
        var paths: [String] = []
        collect(folder.path, relative: "", into: &paths)
        return paths.sorted()
    }

    private static func collect(_ directory: String, relative: String, into paths: inout [String]) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let path = directory + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: path, type: entry.pointee.d_type) {
            case .directory: collect(path, relative: child, into: &paths)
            case .file: paths.append(child)
            case .other: continue
            }
        }
    }

    private enum Kind { case directory, file, other }

    /// A directory entry's kind; a symbolic link counts as the file it leads to, or as nothing
    /// when it leads to a folder or nowhere.
    private static func kind(of path: String, type: UInt8) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK):
            var status = stat()
            guard stat(path, &status) == 0 else { return .other }
            return (status.st_mode & S_IFMT) == S_IFREG ? .file : .other
        default:
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            case S_IFLNK: return kind(of: path, type: UInt8(DT_LNK))
            default: return .other
            }
        }
    }

    /// The path every file inside `folder` starts with once symbolic links are resolved.
    package static func resolvedPrefix(of folder: URL) -> String {
        let root = realPath(folder.path) ?? folder.standardizedFileURL.path
        return root.hasSuffix("/") ? root : root + "/"
    }

    /// Where the file at `relative` below `folder` really is, symbolic links resolved, when that
    /// lies outside the folder (whose ``resolvedPrefix(of:)`` is `prefix`); nil when it is inside
    /// or is not there at all.
    package static func outsideTarget(of relative: String, in folder: URL, prefix: String) -> String? {
        // Without a symbolic link on the way from the folder to the file, the file is inside: a
        // few `lstat`s, where resolving every component of the whole path takes one each.
        if !hasLink(on: relative, below: folder.path) { return nil }
        guard let file = realPath(folder.path + "/" + relative) else { return nil }
        return file.hasPrefix(prefix) ? nil : file
    }

    /// Whether the file at `relative` below `root`, or a folder between them, is a symbolic
    /// link (or cannot be looked at); `..` counts as a link, since it may lead anywhere.
    private static func hasLink(on relative: String, below root: String) -> Bool {
        var path = root
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            guard component != "..", component != "." else { return true }
            path += "/" + component
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK else { return true }
        }
        return false
    }

    /// The size in bytes of the file at `path`, following symbolic links.
    package static func size(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// The identity, size and times of the file at `path`, following symbolic links.
    package static func signature(of path: String) -> FileSignature? {
        #if !os(Linux)
            return nil
        #else
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return FileSignature(
                device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
        #endif
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file's version as the file system tells it without reading the file: which file it is, its
/// size, and when its contents and its status last changed (to the nanosecond), as build tools
/// compare them to skip unchanged inputs.
public struct FileSignature: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64
}
