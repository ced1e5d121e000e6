import HandbookModel
package import HandbookVersions

extension EditionContext {
    /// The editions as the version switcher sees them, with their pages; in `history.editions`
    /// order.
    private static func summaries(of history: EditionHistory) -> [Summary] {
        history.editions.map { edition in
            Summary(
                name: edition.name, folder: edition.folder, isLatest: edition.isLatest,
                pages: SitePlan(edition.index, withEditions: history.editions.count > 1, withHistory: edition.isLatest)
                    .paths)
        }
    }

    /// The renderer's view of the history from each edition, in `history.editions` order; nil
    /// for a site with neither tagged editions nor git history.
    ///
    /// - Parameter lastChanges: The last commit that changed each source file of the latest
    ///   edition.
    package static func contexts(of history: EditionHistory, lastChanges: [String: GitCommit]) -> [EditionContext?] {
        let editions = history.editions
        guard editions.count > 1 || !lastChanges.isEmpty else { return editions.map { _ in nil } }
        let summaries = summaries(of: history)
        let policyHistory = editions.count > 1 ? history.policyHistory() : [:]
        return editions.indices.map { position in
            EditionContext(
                editions: summaries, current: position,
                changes: editions.count > 1 ? history.changes[position] : nil,
                previousName: position + 1 < editions.count ? editions[position + 1].name : nil,
                lastChanges: editions[position].isLatest ? lastChanges : [:],
                policyHistory: position == 0 ? policyHistory : [:])
        }
    }
}
