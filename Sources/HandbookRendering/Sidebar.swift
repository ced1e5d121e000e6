import Foundation
import HandbookLoading
import HandbookModel

/// The sidebar: one block per area, listing its chapters and policies.
///
/// A small handbook shows every entry on every page. A large one would make every page carry
/// the whole handbook (pages × entries of output), so each page shows instead the list of areas
/// and, in its own area, a window of entries around its own, with a link to the area's page,
/// which lists them all. `navigation.js` then fills in each area's full list from its
/// ``NavigationData`` file, loaded once per area and cached by the browser; without scripts the
/// area pages remain.
struct Sidebar: Sendable {
    /// Handbooks with at most this many entries show every entry on every page.
    static let unfoldedLimit = 60
    /// Entries shown on each side of the current one in a large handbook's sidebar.
    static let windowRadius = 8

    /// A link of the sidebar, worked out once per build.
    struct Entry: Sendable {
        let title: String
        let path: String
        let policyID: String?
    }

    /// An area's entries: its chapters, then its policies.
    struct AreaEntries: Sendable {
        let area: Area
        let entries: [Entry]
        /// The position of each entry in `entries`, by path.
        let positions: [String: Int]
        /// The link text to the area's page, with the number of entries.
        let allLabel: String

        init(area: Area, entries: [Entry], allLabel: String) {
            self.area = area
            self.entries = entries
            positions = Dictionary(entries.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
            self.allLabel = allLabel.replacingOccurrences(of: "{count}", with: String(entries.count))
        }
    }

    private let theme: Theme
    /// Entries rendered for earlier pages: one that is not the current page reads the same on
    /// every page of a folder depth (each page shows up to 17 of its area).
    private let entries = RenderedOnce()
    let areas: [AreaEntries]
    /// Whether every page lists every entry.
    let isComplete: Bool
    /// Rendered blocks of areas that hold no current page, by root prefix, then area id.
    private let foldedBlocks: [String: [String: String]]

    init(index: HandbookIndex, theme: Theme, roots: Set<String>) {
        self.theme = theme
        // Areas without chapters or policies yet have nothing to link to.
        let areas = index.handbook.config.areas.map { area in
            AreaEntries(
                area: area,
                entries: index.chapters(inArea: area.id).map {
                    Entry(title: $0.title, path: SiteRoutes.chapter($0), policyID: nil)
                }
                    + index.policies(inArea: area.id).map {
                        Entry(title: $0.title, path: SiteRoutes.policy(id: $0.id.value), policyID: $0.id.value)
                    },
                allLabel: theme.string("nav_all_entries"))
        }
        .filter { !$0.entries.isEmpty }
        self.areas = areas
        let isComplete = areas.reduce(0) { $0 + $1.entries.count } <= Sidebar.unfoldedLimit
        self.isComplete = isComplete
        var blocks: [String: [String: String]] = [:]
        for root in roots {
            for entry in areas {
                blocks[root, default: [:]][entry.area.id] = Sidebar.render(
                    entry, shown: isComplete ? entry.entries[...] : [], theme: theme, entries: entries, root: root,
                    currentPath: nil, currentPolicy: nil, open: isComplete, current: false)
            }
        }
        foldedBlocks = blocks
    }

    /// The sidebar HTML for a page at `currentPath` in `area`, relative to `root`.
    func html(root: String, area: Area?, currentPath: String, currentPolicy: String?) -> String {
        areas.map { entry in
            if entry.area.id != area?.id, let cached = foldedBlocks[root]?[entry.area.id] { return cached }
            return Sidebar.render(
                entry, shown: isComplete ? entry.entries[...] : window(of: entry, around: currentPath),
                theme: theme, entries: entries, root: root, currentPath: currentPath, currentPolicy: currentPolicy,
                open: true, current: entry.area.id == area?.id)
        }.joined()
    }

    /// The entries whose titles the sidebar of a page at `currentPath` in `area` shows.
    func shownEntries(area: Area?, currentPath: String) -> [Entry] {
        if isComplete { return areas.flatMap(\.entries) }
        guard let entries = areas.first(where: { $0.area.id == area?.id }) else { return [] }
        return Array(window(of: entries, around: currentPath))
    }

    /// The paths of the scripts that hold each area's full list; none for a small handbook.
    var scriptPaths: [String] {
        isComplete ? [] : areas.map { Self.scriptPath(of: $0.area) }
    }

    static func scriptPath(of area: Area) -> String { "nav/\(SiteRoutes.slug(area.id)).js" }

    /// Each area's full list, for `navigation.js`: `__handbookNav("<area>", [[title, path, code?], …]);`
    /// with paths relative to the site's root.
    func scripts() -> [OutputFile] {
        guard !isComplete else { return [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return areas.map { area in
            let list = area.entries.map { [$0.title, $0.path] + ($0.policyID.map { [$0] } ?? []) }
            let json = (try? encoder.encode(list)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            let id = SiteRoutes.slug(area.area.id)
            return OutputFile(
                path: Self.scriptPath(of: area.area), contents: Data("__handbookNav(\"\(id)\",\(json));\n".utf8))
        }
    }

    /// The entries within ``windowRadius`` of the current page (or the area's first ones).
    private func window(of area: AreaEntries, around currentPath: String) -> ArraySlice<Entry> {
        let entries = area.entries
        let position = area.positions[currentPath] ?? 0
        let start = max(0, min(position - Self.windowRadius, entries.count - 2 * Self.windowRadius - 1))
        return entries[start..<min(entries.count, start + 2 * Self.windowRadius + 1)]
    }

    private static func render(
        _ entry: AreaEntries, shown: ArraySlice<Entry>, theme: Theme, entries: RenderedOnce, root: String,
        currentPath: String?, currentPolicy: String?, open: Bool, current: Bool
    ) -> String {
        let partial = shown.count < entry.entries.count
        let items = shown.map { shown in
            var item = NavItemView(
                title: shown.title, url: root + shown.path,
                current: shown.policyID.map { $0 == currentPolicy } ?? (shown.path == currentPath),
                code: shown.policyID)
            let render = { [item] in theme.render(item, template: "nav-entry") }
            item.html = item.current ? render() : entries.html(item.url, render: render)
            return item
        }
        let view = NavAreaView(
            id: SiteRoutes.slug(entry.area.id), title: entry.area.title, current: current, open: open,
            entries: items, entriesHTML: items.map { $0.html + "\n" }.joined(),
            partial: partial, url: root + SiteRoutes.area(id: entry.area.id),
            allLabel: entry.allLabel)
        return theme.render(view, template: "nav-area")
    }
}
