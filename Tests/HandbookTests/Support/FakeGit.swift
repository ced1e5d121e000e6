import Foundation

@testable import HandbookLoading
@testable import HandbookVersions

/// A repository held in memory: tagged editions of the content folder and the last commit of
/// each file, for tests that should touch neither git nor disk.
struct FakeGit: GitClient {
    /// A tag with the content folder's files at its commit, by path in the content folder.
    struct Tagged: Sendable {
        var tag: GitTag
        var files: [String: Data]
    }

    static let repository = URL(fileURLWithPath: "/fake-repository")
    /// The content folder that this repository holds, for ``SiteBuilder/Options``.
    static let contentDirectory = repository.appendingPathComponent("content")

    /// Oldest first.
    var editions: [Tagged] = []
    /// By path in the content folder.
    var lastChanges: [String: GitCommit] = [:]
    /// Whether there is a repository at all; without one, git finds nothing.
    var exists = true

    func topLevel(of directory: URL) async -> URL? {
        exists && directory.path.hasPrefix(Self.repository.path) ? Self.repository : nil
    }

    func tags(matching pattern: String, in repository: URL) async throws -> [GitTag] {
        let prefix = pattern.hasSuffix("*") ? String(pattern.dropLast()) : pattern
        return editions.map(\.tag).filter { pattern.hasSuffix("*") ? $0.name.hasPrefix(prefix) : $0.name == pattern }
    }

    func files(at commit: String, under path: String, in repository: URL) async throws -> [String: Data] {
        guard path == "content", let edition = editions.first(where: { $0.tag.commit == commit }) else {
            throw CommandLineGit.Failure(description: "fake git has no \(commit):\(path)")
        }
        return edition.files
    }

    func lastChanges(under path: String, in repository: URL) async throws -> [String: GitCommit] {
        Dictionary(uniqueKeysWithValues: lastChanges.map { ("content/" + $0.key, $0.value) })
    }
}

extension MemoryContentTree {
    /// The text of the file at `path`; setting nil removes the file.
    subscript(text path: String) -> String? {
        get { files[path].map { String(decoding: $0, as: UTF8.self) } }
        set { files[path] = newValue.map { Data($0.utf8) } }
    }
}
