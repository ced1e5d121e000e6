public import Foundation

/// Writes a rendered site so that readers never see half of it.
///
/// Files go into a staging folder beside the output folder; only when every file and asset is
/// written does the staging folder replace the output folder, by two renames on one file system.
/// If anything fails before that, the staging folder is removed and the old output is untouched.
public struct SiteWriter: Sendable {
    public let outputDirectory: URL

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory.standardizedFileURL
    }

    /// Writes `files`, copies `assets` (a folder) to `assets/`, and swaps the result in.
    public func write(_ files: [OutputFile], assets: URL?) throws {
        let fileManager = FileManager.default
        let parent = outputDirectory.deletingLastPathComponent()
        let name = outputDirectory.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")

        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try writeFiles(files, into: staging)
            if let assets, fileManager.fileExists(atPath: assets.path) {
                try fileManager.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }

        let hadOutput = fileManager.fileExists(atPath: outputDirectory.path)
        if hadOutput {
            try fileManager.moveItem(at: outputDirectory, to: retired)
        }
        do {
            try fileManager.moveItem(at: staging, to: outputDirectory)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: outputDirectory) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
    }

    private func writeFiles(_ files: [OutputFile], into folder: URL) throws {
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for subfolder in folders.sorted() {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(subfolder), withIntermediateDirectories: true)
        }
        let failures = files.concurrentMap { file -> String? in
            do {
                try file.contents.write(to: folder.appendingPathComponent(file.path))
                return nil
            } catch {
                return "\(file.path): \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(first)"])
        }
    }
}
