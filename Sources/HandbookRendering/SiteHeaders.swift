import Synchronization

/// The site's header as the theme's `site-header` template renders it, kept for the build: every
/// page of a folder depth shows the same one (the roles link marked or not), so it is rendered
/// once per depth and state instead of once per page, the way Hugo's `partialCached` keeps a
/// partial by its arguments. Headers with a version switcher, which links the page itself, are
/// rendered for each page.
final class SiteHeaders: Sendable {
    private let rendered = Mutex<[String: String]>([:])

    /// The header of `view`, rendered by `render` unless an earlier page had the same.
    func html(of view: SiteHeaderView, render: (SiteHeaderView) -> String) -> String {
        guard view.editions == nil else { return render(view) }
        let key = "\(view.navRolesCurrent)\n\(view.site.root)\n\(view.site.assets)"
        if let known = rendered.withLock({ $0[key] }) { return known }
        let html = render(view)
        rendered.withLock { $0[key] = html }
        return html
    }
}
