import HandbookMarkdown
import HandbookModel
import HandbookVersions

/// What the renderer knows about the other editions of the site, for the version switcher,
/// the banner of older editions, and the pages about changes.
package struct EditionContext: Sendable {
    package struct Summary: Sendable {
        let name: String
        let folder: String
        let isLatest: Bool
        /// The pages of the edition, relative to its folder.
        package let pages: Set<String>
    }

    /// Every edition, the latest first.
    let editions: [Summary]
    /// The position in `editions` of the edition being rendered.
    let current: Int
    /// What changed since the previous edition; nil for the oldest.
    let changes: HandbookChanges?
    let previousName: String?
    /// The last commit that changed each source file, by path in the content folder.
    let lastChanges: [String: GitCommit]
    /// For each policy id, the editions it appears in, newest first, with what changed since
    /// the previous one it appeared in (latest edition only).
    let policyHistory: [String: [PolicyHistoryEntry]]

    package var edition: Summary { editions[current] }
}

struct EditionLinkView: Sendable {
    let name: String
    let url: String
    let current: Bool
    let latest: Bool
}

struct EditionBannerView: Sendable {
    let name: String
    let latestName: String
    let latestURL: String
}

struct EditionsView: Sendable {
    let currentName: String
    let list: [EditionLinkView]
    let banner: EditionBannerView?
    let changesURL: String
}

struct LastChangeView: Sendable {
    let date: String
    let author: String
    let subject: String
    let commit: String
}

struct FieldChangeView: Sendable {
    let label: String
    let old: String?
    let new: String?
}

struct TextChangeView: Sendable {
    let label: String
    let html: String
}

struct ChangeItemView: Sendable {
    let kind: String
    let kindLabel: String
    let id: String
    let title: String
    let url: String?
    let fields: [FieldChangeView]
    let texts: [TextChangeView]
}

struct ChangeGroupView: Sendable {
    let title: String
    let items: [ChangeItemView]
}

struct ChangesPageView: Sendable {
    let page: PageChrome
    let edition: String
    let since: String?
    let first: Bool
    let empty: Bool
    let groups: [ChangeGroupView]
    let feedURL: String
}

struct HistoryEntryView: Sendable {
    let edition: String
    let url: String
    let version: String
    let effective: String
    let first: Bool
    let change: ChangeItemView?
}

struct HistoryPageView: Sendable {
    let page: PageChrome
    let policy: LinkView
    let entries: [HistoryEntryView]
}

extension ViewFactory {
    /// A change described with the theme's labels.
    func change(_ change: ItemChange, url: String?) -> ChangeItemView {
        func label(_ key: String) -> String { strings["diff_\(key)"] ?? strings[key] ?? key }
        return ChangeItemView(
            kind: change.kind.rawValue, kindLabel: strings["change_\(change.kind.rawValue)"] ?? change.kind.rawValue,
            id: change.id, title: change.title, url: change.kind == .removed ? nil : url,
            fields: change.fields.map { field in
                let parts = [field.scope.map(label), field.name, label(field.field)].compactMap { $0 }.filter {
                    !$0.isEmpty
                }
                return FieldChangeView(label: parts.joined(separator: " · "), old: field.old, new: field.new)
            },
            texts: change.texts.map { text in
                let html =
                    switch text.difference {
                    case .text(let pieces): TextDiff.html(pieces)
                    case .blocks(let blocks): BlockChange.html(blocks, embedLabel: { strings["embed_\($0.rawValue)"] })
                    }
                return TextChangeView(label: label(text.field), html: html)
            })
    }

    /// The changes of an edition grouped by kind, each linking to its page in that edition.
    func changeGroups(_ changes: HandbookChanges) -> [ChangeGroupView] {
        let groups: [(String, [ItemChange], (String) -> String)] = [
            ("group_policies", changes.policies, { SiteRoutes.policy(id: $0) }),
            ("group_processes", changes.processes, { SiteRoutes.process(id: $0) }),
            ("group_chapters", changes.chapters, { SiteRoutes.chapter(id: $0) }),
            ("group_roles", changes.roles, { SiteRoutes.role(id: $0) }),
        ]
        return groups.filter { !$0.1.isEmpty }.map { key, items, route in
            ChangeGroupView(title: strings[key] ?? key, items: items.map { change($0, url: url(route($0.id))) })
        }
    }
}
