internal import Mustache

// Direct look-ups for the views Mustache reads most: every page reads dozens of values through
// `page` and `page.site`, and without these each read reflects the whole struct with `Mirror`.
// A test checks that each lists every stored property.

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "site": site
        case "sidebar": sidebar
        case "navRolesCurrent": navRolesCurrent
        case "breadcrumbs": breadcrumbs
        case "previous": previous
        case "next": next
        case "editURL": editURL
        case "toc": toc
        case "kind": kind
        case "editions": editions
        case "lastChange": lastChange
        case "historyURL": historyURL
        case "hasBreadcrumbs": hasBreadcrumbs
        case "hasTOC": hasTOC
        case "hasPager": hasPager
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "version": version
        case "storage": storage
        case "language": language
        case "root": root
        case "assets": assets
        case "t": t
        default: nil
        }
    }
}

// Sidebar entries are the most rendered values of a build (every entry of the page's own area,
// on every page).
extension NavItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "code": code
        default: nil
        }
    }
}
