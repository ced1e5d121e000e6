public import Foundation
public import HandbookLoading
public import HandbookModel
import HandbookValidation

/// An edition of the handbook: the working tree (the latest), or the content at a git tag.
public struct Edition: Sendable {
    /// The tag, or nil for the working tree.
    public var tag: GitTag?
    /// The edition's name in the version switcher: the tag, or the working tree's version.
    public var name: String
    /// Where the edition is published, relative to the site root: `""` for the latest,
    /// `v/<tag>/` for a tagged edition.
    public var folder: String
    public var index: HandbookIndex

    public var isLatest: Bool { tag == nil }

    /// The working tree's edition, named by its `version` (or `latest`).
    public static func latest(_ index: HandbookIndex) -> Edition {
        let version = index.handbook.config.version
        return Edition(tag: nil, name: version.isEmpty ? "latest" : version, folder: "", index: index)
    }
}

/// Finds the tagged editions of a content folder in its git repository.
public struct EditionLoader: Sendable {
    public let git: any GitClient
    public let contentDirectory: URL
    public let today: CalendarDate

    public init(git: any GitClient, contentDirectory: URL, today: CalendarDate) {
        self.git = git
        self.contentDirectory = contentDirectory
        self.today = today
    }

    /// The tagged editions matching `pattern`, oldest first, read straight from git into
    /// memory; none without git or tags. An edition whose sources have errors is left out,
    /// with a warning.
    public func taggedEditions(pattern: String) async -> ([Edition], [Diagnostic]) {
        guard let (repository, path) = await git.locate(contentDirectory),
            let tags = try? await git.tags(matching: pattern, in: repository), !tags.isEmpty
        else { return ([], []) }
        var editions: [Edition] = []
        var diagnostics: [Diagnostic] = []
        var folders: [String: String] = [:]
        for tag in tags {
            let folder = "v/\(Self.folderName(tag.name))/"
            if let other = folders[folder] {
                diagnostics.append(
                    .warning(
                        at: SourceLocation(path: "handbook.yaml"),
                        "edition '\(tag.name)' is not published: it would share the folder \(folder) with '\(other)'",
                        rule: "edition-error", hint: "rename one of the tags"))
                continue
            }
            folders[folder] = tag.name
            do {
                let files = try await git.files(at: tag.commit, under: path.isEmpty ? "." : path, in: repository)
                let content = MemoryContentTree(files: files, location: "\(tag.name):\(path)")
                let (index, problems) = try ContentCheck(content: content, today: today).run()
                if problems.errorCount > 0 {
                    diagnostics.append(
                        .warning(
                            at: SourceLocation(path: "handbook.yaml"),
                            "edition '\(tag.name)' is not published: its sources have \(problems.errorCount) error(s)",
                            rule: "edition-error", hint: "run handbook check on a checkout of \(tag.name)"))
                    continue
                }
                editions.append(Edition(tag: tag, name: tag.name, folder: folder, index: index))
            } catch {
                diagnostics.append(
                    .warning(
                        at: SourceLocation(path: "handbook.yaml"),
                        "edition '\(tag.name)' cannot be read from git: \(error)",
                        rule: "edition-error"))
            }
        }
        return (editions, diagnostics)
    }

    /// A tag as a folder name: letters, digits, `.`, `-` and `_` kept, anything else `-`.
    public static func folderName(_ tag: String) -> String {
        String(tag.map { $0.isLetter || $0.isNumber || ".-_".contains($0) ? $0 : "-" })
    }
}

/// Warnings about what changed since the previous edition: a policy whose content changed while
/// its version stayed, or whose effective date moved backwards.
public enum EditionRules {
    /// The warnings about the working tree's content against the newest tagged edition; none
    /// without git or tags. Reads no history beyond that edition.
    public static func check(
        latest index: HandbookIndex, contentDirectory: URL, today: CalendarDate, git: any GitClient
    )
        async -> [Diagnostic]
    {
        let loader = EditionLoader(git: git, contentDirectory: contentDirectory, today: today)
        let (tagged, diagnostics) = await loader.taggedEditions(pattern: index.handbook.config.editionTags)
        guard let newest = tagged.last else { return diagnostics }
        let latest = Edition.latest(index)
        return diagnostics
            + check(
                previous: newest, current: latest,
                changes: HandbookChanges(from: newest.index.handbook, to: index.handbook))
    }

    /// - Parameter changes: What changed from `previous` to `current`.
    public static func check(previous: Edition, current: Edition, changes: HandbookChanges) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A process lives in its policy's file: changing it changes the policy.
        let changedByProcess = Set(
            changes.processes.compactMap { change in
                (current.index.processesByID[change.id] ?? previous.index.processesByID[change.id])?.policyID
            })
        let candidates = Set(changes.policies.filter { $0.kind == .changed }.map(\.id)).union(changedByProcess)
        for id in candidates.sorted() {
            guard let policy = current.index.policiesByID[id], let before = previous.index.policiesByID[id] else {
                continue
            }
            let change = changes.policies.first { $0.id == id }
            let isMaterial = changedByProcess.contains(id) || change?.isMaterial == true
            if isMaterial, policy.version == before.version {
                diagnostics.append(
                    .warning(
                        at: policy.id.location,
                        "policy '\(id)' changed between edition '\(previous.name)' and '\(current.name)' but its version is still \(policy.version)",
                        rule: "version-not-bumped",
                        hint: "raise 'version' and set 'effective' to the day the change applies"))
            }
            if let old = before.effective, let new = policy.effective, new < old {
                diagnostics.append(
                    .warning(
                        at: policy.id.location,
                        "effective date of policy '\(id)' moved back from \(old) in edition '\(previous.name)' to \(new) in '\(current.name)'",
                        rule: "effective-backwards"))
            }
        }
        return diagnostics
    }
}
