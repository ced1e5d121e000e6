public import Foundation

/// A tag of the repository, as an edition of the handbook.
public struct GitTag: Sendable, Hashable {
    public var name: String
    /// The commit the tag points at.
    public var commit: String
    /// The tag's (or its commit's) date, ISO 8601.
    public var date: String
}

/// The last commit that changed a file.
public struct GitCommit: Sendable, Hashable {
    public var hash: String
    /// ISO 8601 author date.
    public var date: String
    public var author: String
    public var subject: String
}

/// What the build asks of git. The production client runs `git`; tests may use their own.
public protocol GitClient: Sendable {
    /// The top folder of the repository holding `directory`, or nil outside a repository.
    func topLevel(of directory: URL) -> URL?
    /// Tags matching a `git for-each-ref` pattern (such as `v*`), oldest first.
    func tags(matching pattern: String, in repository: URL) throws -> [GitTag]
    /// Writes the files under `path` (relative to the repository) as of `commit` into
    /// `destination`, without touching the working tree or the index.
    func export(commit: String, path: String, in repository: URL, to destination: URL) throws
    /// The last commit that changed each file under `path`, by path relative to the
    /// repository, read in one pass over the history.
    func lastChanges(under path: String, in repository: URL) throws -> [String: GitCommit]
}

/// Runs the `git` command.
public struct ProcessGitClient: GitClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init() {}

    public func topLevel(of directory: URL) -> URL? {
        guard let output = try? run(["-C", directory.path, "rev-parse", "--show-toplevel"]) else { return nil }
        let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : URL(fileURLWithPath: path)
    }

    public func tags(matching pattern: String, in repository: URL) throws -> [GitTag] {
        // `lstrip=2`, not `short`: a branch of the same name would make `short` say `tags/v2`.
        let format = "%(refname:lstrip=2)%09%(objectname)%09%(*objectname)%09%(creatordate:iso-strict)%09%(creatordate:unix)"
        let output = try run(["-C", repository.path, "for-each-ref", "--format=\(format)", "refs/tags/\(pattern)"])
        let tags = output.split(separator: "\n").compactMap { line -> (GitTag, Int)? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { return nil }
            // An annotated tag names its commit in `*objectname`; a lightweight one in `objectname`.
            return (GitTag(name: fields[0], commit: fields[2].isEmpty ? fields[1] : fields[2], date: fields[3]), Int(fields[4]) ?? 0)
        }
        // By the moment of creation, whatever the time zones of the dates.
        return tags.sorted { ($0.1, $0.0.name) < ($1.1, $1.0.name) }.map(\.0)
    }

    public func export(commit: String, path: String, in repository: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        let archive = destination.appendingPathComponent(".export.tar")
        defer { try? FileManager.default.removeItem(at: archive) }
        _ = try run(["-C", repository.path, "archive", "--format=tar", "--output=\(archive.path)", commit, "--", path])
        _ = try run(["-xf", archive.path, "-C", destination.path], executable: "tar")
    }

    public func lastChanges(under path: String, in repository: URL) throws -> [String: GitCommit] {
        let output = try run([
            "-C", repository.path, "-c", "core.quotePath=false", "log", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--name-only",
            "--no-renames", "--", path,
        ])
        var changes: [String: GitCommit] = [:]
        for record in output.split(separator: "\u{1E}") {
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

    private func run(_ arguments: [String], executable: String = "git") throws -> String {
        let process = Foundation.Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
