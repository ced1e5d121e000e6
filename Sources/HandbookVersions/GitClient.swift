public import Foundation

/// A tag of the repository, as an edition of the handbook.
public struct GitTag: Sendable, Hashable {
    public var name: String
    /// The commit the tag points at.
    public var commit: String
    /// The tag's (or its commit's) date, ISO 8601.
    public var date: String

    public init(name: String, commit: String, date: String) {
        self.name = name
        self.commit = commit
        self.date = date
    }
}

/// The last commit that changed a file.
public struct GitCommit: Sendable, Hashable {
    public var hash: String
    /// ISO 8601 author date.
    public var date: String
    public var author: String
    public var subject: String

    public init(hash: String, date: String, author: String, subject: String) {
        self.hash = hash
        self.date = date
        self.author = author
        self.subject = subject
    }
}

/// What the build asks of git: ``CommandLineGit`` runs `git`; tests use a fake.
public protocol GitClient: Sendable {
    /// The top folder of the repository holding `directory`, or nil outside a repository.
    func topLevel(of directory: URL) async -> URL?
    /// Tags matching a `git for-each-ref` pattern (such as `v*`), oldest first.
    func tags(matching pattern: String, in repository: URL) async throws -> [GitTag]
    /// The files under `path` (relative to the repository; `.` for all) as of `commit`, by path
    /// relative to `path`, read without touching the working tree or the index.
    func files(at commit: String, under path: String, in repository: URL) async throws -> [String: Data]
    /// The last commit that changed each file under `path`, by path relative to the
    /// repository, read in one pass over the history.
    func lastChanges(under path: String, in repository: URL) async throws -> [String: GitCommit]
}

extension GitClient {
    /// The repository holding `directory` and the folder's path within it (`""` for its top),
    /// or nil outside a repository.
    func locate(_ directory: URL) async -> (repository: URL, path: String)? {
        let folder = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let repository = await topLevel(of: folder)?.resolvingSymlinksInPath() else { return nil }
        let path = String(folder.path.dropFirst(repository.path.count))
            .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return (repository, path)
    }
}
