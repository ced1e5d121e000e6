internal import CRenameExchange
public import Foundation
public import HandbookModel

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writes a rendered site so that readers never see half of it.
///
/// Files go into a staging folder beside the output folder, batch by batch as the build renders
/// them; only when every file and asset is written does the staging folder replace the output
/// folder. On Linux the two folders swap places in one atomic step (`renameat2` with
/// `RENAME_EXCHANGE`), so a reader sees the old site or the new one and never a missing one;
/// where that call is missing (other systems, file systems without it) two renames on one file
/// system do it, with the old folder put back if the second fails. If anything fails before
/// that, the staging folder is removed and the old output is untouched.
///
/// The writer only ever replaces a folder it wrote itself, marked by a `.handbook-site` file, or
/// an empty one: `--output content` or `--output .` must not delete a user's files.
public struct DiskOutput: SiteOutput {
    /// The file that marks a folder as written by handbook.
    public static let marker = ".handbook-site"

    public let outputDirectory: URL
    /// Folders the output must neither be nor contain (the content and theme folders).
    public let protectedDirectories: [URL]

    public init(outputDirectory: URL, protecting protectedDirectories: [URL] = []) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.protectedDirectories = protectedDirectories.map(\.standardizedFileURL)
    }

    /// Starts a staging folder beside the output folder.
    public func begin() throws -> any SiteWriter {
        try checkOutputIsReplaceable()
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, of: name)
        let token = UUID().uuidString.prefix(8)
        let writer = Writer(
            output: self, staging: parent.appendingPathComponent(".\(name).staging-\(token)"),
            retired: parent.appendingPathComponent(".\(name).old-\(token)"))
        try FileManager.default.createDirectory(at: writer.staging, withIntermediateDirectories: false)
        return writer
    }

    /// Writes into the staging folder, then swaps it in for the output folder.
    private final class Writer: SiteWriter {
        let output: DiskOutput
        let staging: URL
        let retired: URL
        private var register = PathRegister()
        private var folders: Set<String> = []

        init(output: DiskOutput, staging: URL, retired: URL) {
            self.output = output
            self.staging = staging
            self.retired = retired
        }

        func add(_ files: [OutputFile]) throws {
            try register.register(files)
            let newFolders = Set(
                files.compactMap { file in file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } }
            ).subtracting(folders)
            for folder in newFolders.sorted() {
                try FileManager.default.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            folders.formUnion(newFolders)
            try output.writeFiles(files, into: staging)
        }

        func add(copyOf source: URL, at path: String) throws {
            try register.register(path)
            let destination = staging.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            // A hard link where the content and the output share a file system, else a copy.
            if link(source.path, destination.path) != 0 {
                try FileManager.default.copyItem(at: source, to: destination)
            }
        }

        func commit() throws {
            let fileManager = FileManager.default
            let outputDirectory = output.outputDirectory
            do {
                try output.writeFiles([OutputFile(path: DiskOutput.marker, contents: Data())], into: staging)
                let hadOutput = fileManager.fileExists(atPath: outputDirectory.path)
                if hadOutput, handbook_exchange_paths(staging.path, outputDirectory.path) == 0 {
                    // The old site is now where the staging folder was.
                    try? fileManager.removeItem(at: staging)
                    return
                }
                if hadOutput {
                    try fileManager.moveItem(at: outputDirectory, to: retired)
                }
                do {
                    try fileManager.moveItem(at: staging, to: outputDirectory)
                } catch {
                    if hadOutput { try? fileManager.moveItem(at: retired, to: outputDirectory) }
                    throw error
                }
            } catch {
                discard()
                throw error
            }
            try? fileManager.removeItem(at: retired)
        }

        func discard() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Refuses an output folder that holds, or is held by, a protected folder, and an existing
    /// folder that handbook did not write.
    private func checkOutputIsReplaceable() throws {
        let output = outputDirectory.resolvingSymlinksInPath().path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        for protected in protectedDirectories.map({ $0.resolvingSymlinksInPath().path }) + [current] {
            if protected == output || protected.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
                throw SiteOutputFailure.overlaps(outputDirectory.path, protected)
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) else { return }
        let contents =
            isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)) : nil
        guard let contents, contents.isEmpty || contents.contains(Self.marker) else {
            throw SiteOutputFailure.notASite(outputDirectory.path)
        }
    }

    public func existingFile(at path: String) -> Data? {
        FileManager.default.contents(atPath: outputDirectory.appendingPathComponent(path).path)
    }

    public func existingFiles(under folder: String) -> [String] {
        FolderListing.files(in: outputDirectory.appendingPathComponent(folder)).map { folder + $0 }
    }

    /// Staging and retired folders that an interrupted earlier build left beside the output.
    private func removeLeftovers(in parent: URL, of name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in names where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
        }
    }

    /// Hard-links the previous build's copy of a file into the staging folder when its bytes
    /// are the same, as rsync's `--link-dest` does: a rebuild then writes only what changed, and
    /// retiring the old site frees only what changed.
    private static func linkUnchanged(_ data: Data, from previous: String, to destination: String) -> Bool {
        let descriptor = open(previous, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == data.count, hasBytes(data, descriptor)
        else { return false }
        return link(previous, destination) == 0
    }

    /// Whether the open file holds exactly `data` (whose size it has), read in pieces.
    private static func hasBytes(_ data: Data, _ descriptor: Int32) -> Bool {
        data.withUnsafeBytes { expected in
            var buffer = [UInt8](repeating: 0, count: min(max(expected.count, 1), 1 << 16))
            var offset = 0
            while offset < expected.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0, offset + count <= expected.count else { return false }
                let same = buffer.withUnsafeBytes {
                    memcmp($0.baseAddress!, expected.baseAddress! + offset, count) == 0
                }
                guard same else { return false }
                offset += count
            }
            return true
        }
    }

    /// Writes a new file with plain POSIX calls. `Data.write(to:)` syncs every file to disk,
    /// which for thousands of pages costs more than rendering them; the staging folder is
    /// swapped in only after every write succeeded, so a crash mid-build leaves the old site.
    private static func writeFile(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Writes `files` into `folder`, whose subfolders exist.
    fileprivate func writeFiles(_ files: [OutputFile], into folder: URL) throws {
        // Paths joined as strings: `URL.appendingPathComponent` per file cost more than writing.
        let previous = outputDirectory.path + "/"
        let staging = folder.path + "/"
        let failures = files.concurrentMap { file -> String? in
            let destination = staging + file.path
            if DiskOutput.linkUnchanged(file.contents, from: previous + file.path, to: destination) {
                return nil
            }
            return DiskOutput.writeFile(file.contents, to: destination)
                ? nil : "\(file.path): \(String(cString: strerror(errno)))"
        }.compactMap { $0 }
        if let first = failures.first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(first)"])
        }
    }
}
