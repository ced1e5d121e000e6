package import Foundation

/// The regular files below a folder on disk.
package enum FolderListing {
    /// Paths relative to `folder`, sorted; none when the folder does not exist.
    package static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            paths.append(relative)
        }
        return paths.sorted()
    }

    /// The path every file inside `folder` starts with once symbolic links are resolved.
    package static func resolvedPrefix(of folder: URL) -> String {
        let root = folder.resolvingSymlinksInPath().path
        return root.hasSuffix("/") ? root : root + "/"
    }

    /// Where the file at `relative` below `folder` really is, symbolic links resolved, when that
    /// lies outside the folder (whose ``resolvedPrefix(of:)`` is `prefix`); nil when it is inside.
    package static func outsideTarget(of relative: String, in folder: URL, prefix: String) -> String? {
        let file = folder.appendingPathComponent(relative).resolvingSymlinksInPath().path
        return file.hasPrefix(prefix) ? nil : file
    }
}
