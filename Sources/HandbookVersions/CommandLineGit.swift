public import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs the `git` command, reading its output and errors concurrently.
public struct CommandLineGit: GitClient {
    /// A git command that failed, with what it wrote to standard error.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Output beyond this many bytes is an error rather than a build that runs out of memory.
    static let outputLimit = 1 << 30
    /// The program run as git.
    let executable: Executable

    /// - Parameter executable: The program to run, `git` on the `PATH` by default.
    public init(executable: URL? = nil) {
        self.executable = executable.map { .path(FilePath($0.path)) } ?? .name("git")
    }

    public func topLevel(of directory: URL) async -> URL? {
        guard let output = try? await run(["-C", directory.path, "rev-parse", "--show-toplevel"]) else { return nil }
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : URL(fileURLWithPath: path)
    }

    public func tags(matching pattern: String, in repository: URL) async throws -> [GitTag] {
        // `lstrip=2`, not `short`: a branch of the same name would make `short` say `tags/v2`.
        let format =
            "%(refname:lstrip=2)%09%(objectname)%09%(*objectname)%09%(creatordate:iso-strict)%09%(creatordate:unix)"
        let output = try await run([
            "-C", repository.path, "for-each-ref", "--format=\(format)", "refs/tags/\(pattern)",
        ])
        let tags = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line -> (GitTag, Int)? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { return nil }
            // An annotated tag names its commit in `*objectname`; a lightweight one in `objectname`.
            let commit = fields[2].isEmpty ? fields[1] : fields[2]
            return (GitTag(name: fields[0], commit: commit, date: fields[3]), Int(fields[4]) ?? 0)
        }
        // By the moment of creation, whatever the time zones of the dates.
        return tags.sorted { ($0.1, $0.0.name) < ($1.1, $1.0.name) }.map(\.0)
    }

    /// Lists the blobs with `ls-tree`, then reads them all through one `cat-file --batch`.
    public func files(at commit: String, under path: String, in repository: URL) async throws -> [String: Data] {
        let listing = try await run(["-C", repository.path, "ls-tree", "-r", "-z", commit, "--", path])
        let prefix = path == "." || path.isEmpty ? "" : path + "/"
        var blobs: [(path: String, object: String)] = []
        for entry in listing.split(separator: 0) {
            // `<mode> SP <type> SP <object> TAB <path>`; links and submodules are not files.
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = String(decoding: entry[..<tab], as: UTF8.self).split(separator: " ")
            let file = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 3, fields[0] == "100644" || fields[0] == "100755", file.hasPrefix(prefix) else {
                continue
            }
            blobs.append((String(file.dropFirst(prefix.count)), String(fields[2])))
        }
        guard !blobs.isEmpty else { return [:] }
        let request = blobs.map(\.object).joined(separator: "\n") + "\n"
        let batch = try await run(["-C", repository.path, "cat-file", "--batch"], input: request)
        var files: [String: Data] = [:]
        var cursor = batch.startIndex
        for blob in blobs {
            // `<object> SP blob SP <size> LF <contents> LF`
            guard let newline = batch[cursor...].firstIndex(of: UInt8(ascii: "\n")),
                let size = String(decoding: batch[cursor..<newline], as: UTF8.self).split(separator: " ").last
                    .flatMap({ Int($0) }),
                newline + 1 + size <= batch.endIndex
            else { throw Failure(description: "git cat-file: unexpected output for \(blob.path)") }
            files[blob.path] = Data(batch[(newline + 1)..<(newline + 1 + size)])
            cursor = newline + 1 + size + 1
        }
        return files
    }

    public func lastChanges(under path: String, in repository: URL) async throws -> [String: GitCommit] {
        let output = try await run([
            "-C", repository.path, "-c", "core.quotePath=false", "log", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s",
            "--name-only", "--no-renames", "--", path,
        ])
        var changes: [String: GitCommit] = [:]
        for record in String(decoding: output, as: UTF8.self).split(separator: "\u{1E}") {
            let lines = record.split(separator: "\n")
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            let commit = GitCommit(hash: fields[0], date: fields[1], author: fields[2], subject: fields[3])
            for file in lines.dropFirst() where changes[String(file)] == nil {
                changes[String(file)] = commit
            }
        }
        return changes
    }

    /// Runs git and returns its standard output; both pipes are drained concurrently, so a
    /// git that writes much to standard error cannot block on a full pipe.
    func run(_ arguments: [String], input: String? = nil) async throws -> [UInt8] {
        let result = try await Subprocess.run(
            executable, arguments: Arguments(arguments), input: .string(input ?? ""),
            output: .bytes(limit: Self.outputLimit), error: .string(limit: Self.outputLimit))
        guard case .exited(0) = result.terminationStatus else {
            let message = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "git \(arguments.joined(separator: " ")): \(message.suffix(2000))")
        }
        return result.standardOutput
    }
}
