import Synchronization

/// Sidebar entries as the theme's `nav-entry` template renders them, kept for the build: an entry
/// that is not the current page reads the same on every page of a folder depth, so it is
/// rendered once per depth and reused (each page shows 17 around its own), as Hugo's
/// `partialCached` keeps a partial by its arguments. The current page's entry is rendered for
/// its page.
final class NavigationEntries: Sendable {
    private let rendered = Mutex<[String: String]>([:])

    /// `entry` with its HTML, rendered by `render` unless an earlier page had the same.
    func withHTML(_ entry: NavItemView, render: (NavItemView) -> String) -> NavItemView {
        var entry = entry
        guard !entry.current else {
            entry.html = render(entry)
            return entry
        }
        let key = entry.url + "\n" + (entry.code ?? "") + "\n" + entry.title
        if let known = rendered.withLock({ $0[key] }) {
            entry.html = known
            return entry
        }
        entry.html = render(entry)
        rendered.withLock { [html = entry.html] in $0[key] = html }
        return entry
    }
}
