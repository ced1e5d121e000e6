public import Foundation
public import HandbookLoading
public import HandbookModel

/// The editions of a site, the latest first, with what changed between them.
public struct EditionHistory: Sendable {
    /// Every edition, the latest (the working tree) first, then the tags, newest first.
    public let editions: [Edition]
    /// What changed in each edition since the next older one; nil for the oldest.
    public let changes: [HandbookChanges?]
    /// Editions that cannot be published, and policies changed without a new version.
    public let diagnostics: [Diagnostic]

    /// Reads the tagged editions of the content folder's repository; without git or tags the
    /// history holds the latest edition alone.
    public static func load(latest index: HandbookIndex, contentDirectory: URL, today: CalendarDate, git: any GitClient)
        async -> EditionHistory
    {
        let loader = EditionLoader(git: git, contentDirectory: contentDirectory, today: today)
        let (tagged, loadDiagnostics) = await loader.taggedEditions(pattern: index.handbook.config.editionTags)
        let latest = Edition.latest(index)
        let editions = [latest] + tagged.reversed()
        let changes: [HandbookChanges?] = editions.indices.map { position in
            position + 1 < editions.count
                ? HandbookChanges(from: editions[position + 1].index.handbook, to: editions[position].index.handbook)
                : nil
        }
        var diagnostics = loadDiagnostics
        if let newest = tagged.last, let sinceNewest = changes[0] {
            diagnostics += EditionRules.check(previous: newest, current: latest, changes: sinceNewest)
        }
        return EditionHistory(editions: editions, changes: changes, diagnostics: diagnostics)
    }

    /// For each policy of the latest edition, the editions it appears in, newest first, each
    /// with what changed since the next older edition.
    public func policyHistory() -> [String: [PolicyHistoryEntry]] {
        var history: [String: [PolicyHistoryEntry]] = [:]
        for policy in editions[0].index.handbook.policies {
            let id = policy.id.value
            history[id] = editions.indices.compactMap { position in
                guard let version = editions[position].index.policiesByID[id] else { return nil }
                let hadPolicy = position + 1 < editions.count && editions[position + 1].index.policiesByID[id] != nil
                let change = hadPolicy ? changes[position]?.policies.first { $0.id == id } : nil
                return PolicyHistoryEntry(
                    edition: editions[position].name, folder: editions[position].folder, version: version.version,
                    effective: version.effective?.description ?? "", first: !hadPolicy, change: change)
            }
        }
        return history
    }
}

/// A policy as it stood in one edition.
public struct PolicyHistoryEntry: Sendable {
    public let edition: String
    public let folder: String
    public let version: String
    public let effective: String
    /// Whether the policy first appears in this edition.
    public let first: Bool
    /// Changes since the previous edition, where there were any.
    public let change: ItemChange?
}

/// The last commit that changed each source file of a content folder.
public enum LastChanges {
    /// By path in the content folder; empty outside a git repository.
    public static func load(contentDirectory: URL, git: any GitClient) async -> [String: GitCommit] {
        guard let (repository, path) = await git.locate(contentDirectory),
            let changes = try? await git.lastChanges(under: path.isEmpty ? "." : path, in: repository)
        else { return [:] }
        let prefix = path.isEmpty ? "" : path + "/"
        return Dictionary(
            changes.compactMap { file, commit in
                file.hasPrefix(prefix) ? (String(file.dropFirst(prefix.count)), commit) : nil
            },
            uniquingKeysWith: { first, _ in first })
    }
}
