import HandbookLoading
import HandbookModel

/// The sidebar: one block per area, listing its chapters and policies.
///
/// Every page shows the whole sidebar, so rendering it page by page costs pages × entries
/// template look-ups — most of a large build. Areas other than the page's own look the same on
/// every page at the same folder depth, so they are rendered once per depth and reused; only the
/// page's own area, which marks the current entry, is rendered for each page.
struct Sidebar: Sendable {
    /// Handbooks with at most this many entries show every area unfolded.
    static let unfoldedLimit = 60

    /// A link of the sidebar, worked out once per build.
    private struct Entry: Sendable {
        let title: String
        let path: String
        let policyID: String?
    }

    private let theme: Theme
    private let areas: [(area: Area, chapters: [Entry], policies: [Entry])]
    /// Rendered blocks of areas that hold no current page, by root prefix, then area id.
    private let foldedBlocks: [String: [String: String]]

    init(index: HandbookIndex, theme: Theme, roots: Set<String>) {
        self.theme = theme
        // Areas without chapters or policies yet have nothing to link to.
        let areas = index.handbook.config.areas.map { area in
            (
                area: area,
                chapters: index.chapters(inArea: area.id).map {
                    Entry(title: $0.title, path: SiteRoutes.chapter($0), policyID: nil)
                },
                policies: index.policies(inArea: area.id).map {
                    Entry(title: $0.title, path: SiteRoutes.policy(id: $0.id.value), policyID: $0.id.value)
                }
            )
        }
        .filter { !$0.chapters.isEmpty || !$0.policies.isEmpty }
        self.areas = areas
        let unfoldAll = areas.reduce(0) { $0 + $1.chapters.count + $1.policies.count } <= Sidebar.unfoldedLimit
        var blocks: [String: [String: String]] = [:]
        for root in roots {
            for entry in areas {
                blocks[root, default: [:]][entry.area.id] = Sidebar.render(
                    entry, theme: theme, root: root, currentPath: nil, currentPolicy: nil, open: unfoldAll)
            }
        }
        foldedBlocks = blocks
    }

    /// The sidebar HTML for a page at `currentPath` in `area`, relative to `root`.
    func html(root: String, area: Area?, currentPath: String, currentPolicy: String?) -> String {
        areas.map { entry in
            if entry.area.id != area?.id, let cached = foldedBlocks[root]?[entry.area.id] { return cached }
            return Sidebar.render(
                entry, theme: theme, root: root, currentPath: currentPath, currentPolicy: currentPolicy, open: true,
                current: entry.area.id == area?.id)
        }.joined()
    }

    private static func render(
        _ entry: (area: Area, chapters: [Entry], policies: [Entry]), theme: Theme, root: String, currentPath: String?,
        currentPolicy: String?, open: Bool, current: Bool = false
    ) -> String {
        let view = NavAreaView(
            title: entry.area.title, current: current, open: open,
            chapters: entry.chapters.map {
                NavItemView(title: $0.title, url: root + $0.path, current: $0.path == currentPath, code: nil)
            },
            policies: entry.policies.map {
                NavItemView(
                    title: $0.title, url: root + $0.path, current: $0.policyID == currentPolicy, code: $0.policyID)
            })
        return theme.render(view, template: "nav-area")
    }
}
