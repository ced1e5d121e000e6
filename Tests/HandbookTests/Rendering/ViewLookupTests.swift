import Mustache
import Testing

@testable import HandbookRendering

/// Views with a hand-written Mustache look-up must expose every stored property, or a template
/// would silently render nothing for the missing one.
@Suite struct ViewLookupTests {
    private func expectEveryPropertyIsReachable(_ value: some MustacheParent) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            #expect(value.child(named: label) != nil, "\(type(of: value)).\(label) is not in child(named:)")
        }
    }

    private let site = SiteView(
        title: "T", description: "D", version: "1", storage: "handbook/T/1", language: "en", root: "../",
        assets: "../assets/",
        t: ["home": "Home"])
    private let link = LinkView(title: "L", url: "u.html", code: "C")

    @Test func pageChromeListsEveryProperty() {
        expectEveryPropertyIsReachable(
            PageChrome(
                title: "T", description: "D", site: site, sidebar: "<nav>", navRolesCurrent: true, breadcrumbs: [link],
                previous: link, next: link, editURL: "e", toc: [TOCEntryView(text: "t", id: "i", nested: false)],
                kind: "chapter",
                editions: EditionsView(currentName: "v1", list: [], banner: nil, changesURL: "changes.html"),
                lastChange: LastChangeView(date: "2026-01-01", author: "A", subject: "S", commit: "abc"),
                historyURL: "h.html"))
    }

    @Test func siteViewListsEveryProperty() {
        expectEveryPropertyIsReachable(site)
    }

    @Test func navItemListsEveryProperty() {
        expectEveryPropertyIsReachable(NavItemView(title: "T", url: "u", current: true, code: "C"))
    }
}
