import Foundation
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

    private static let site = SiteView(
        title: "T", description: "D", version: "1", storage: "handbook/T/1", language: "en", root: "../",
        assets: "../assets/",
        t: UIStrings(strings: ["home": "Home"]))
    private static let link = LinkView(title: "L", url: "u.html", code: "C")
    private static let role = RoleLinkView(name: "R", url: "r.html")

    private static var chrome: PageChrome {
        PageChrome(
            title: "T", description: "D", site: site, sidebar: "<nav>", navRolesCurrent: true, breadcrumbs: [link],
            previous: link, next: link, editURL: "e", toc: [TOCEntryView(text: "t", id: "i", nested: false)],
            kind: "chapter",
            editions: EditionsView(
                currentName: "v1", list: [EditionLinkView(name: "v1", url: "v1/", current: true, latest: true)],
                banner: EditionBannerView(name: "v0", latestName: "v1", latestURL: "../"), changesURL: "changes.html"),
            lastChange: LastChangeView(date: "2026-01-01", author: "A", subject: "S", commit: "abc"),
            historyURL: "h.html", hasChecklists: true)
    }

    /// One value of every view with a look-up, each optional set, so that every property has a
    /// value to find.
    static var samples: [any MustacheParent] {
        let record = RecordView(title: "R", hasFile: true, url: "files/r.csv", file: "r.csv")
        let kpis = KPITableView(rows: [KPIRowView(name: "N", weight: "50%", target: "1", measure: "M")], total: "100%")
        let tiers = TierTableView(basis: "B", rows: [TierRowView(from: "0", to: "10", rate: "1%")])
        let step = StepView(
            number: 1, id: "s", anchor: "step-s", title: "S", role: role, sla: "1 day",
            checklist: [ChecklistItemView(id: "c", text: "C")], records: [record])
        let process = ProcessView(
            id: "P", title: "P", url: "p.html", owner: role, trigger: "T", policy: link, steps: [step], itemCount: 1,
            records: [record], related: [link], map: LazyHTML { "<svg>" })
        let summary = PolicySummaryView(
            id: "POL", title: "P", url: "pol.html", version: "1", effective: "2026-01-01", summary: "S")
        let policy = PolicyView(
            id: "POL", title: "P", area: "A", owner: role, version: "1", effective: "2026-01-01",
            nextReview: "2027-01-01", reviewOverdue: true, reviewEvery: 12, appliesTo: [role], summary: "S",
            body: "<p>", kpis: kpis, tiers: tiers, processes: [process], related: [link], chapters: [link],
            anchorPrefix: "pol-", hasTasks: true)
        let reviewRow = ReviewRowView(
            policy: link, owner: role, version: "1", effective: "2026-01-01", nextReview: "2027-01-01", overdue: true,
            dueSoon: true)
        let chapter = ChapterView(id: "c", title: "C", area: "A", body: "<p>", related: [summary], hasTasks: true)
        let roleView = RoleView(
            id: "r", name: "R", description: "D", reportsTo: role, directReports: [role], policies: [summary],
            owned: [link], steps: [RoleStepView(process: link, step: "S", sla: "1 day")],
            kpis: [KPIGroupView(policy: link, table: kpis)], onboardingURL: "o.html", calendarURL: "r.ics")
        let area = AreaCardView(
            id: "a", title: "A", description: "D", url: "a.html", chapters: [link], policies: [summary], more: "More")
        let change = ChangeItemView(
            kind: "changed", kindLabel: "Changed", id: "POL", title: "P", url: "pol.html",
            fields: [FieldChangeView(label: "L", old: "1", new: "2")], texts: [TextChangeView(label: "L", html: "<p>")])
        return [
            site,
            link,
            NavItemView(title: "T", url: "u", current: true, code: "C"),
            NavAreaView(
                id: "a", title: "A", current: true, open: true, entries: [], entriesHTML: "", partial: true,
                url: "a.html",
                allLabel: "All"),
            TOCEntryView(text: "t", id: "i", nested: true),
            chrome,
            SiteHeaderView(site: site, navRolesCurrent: true, editions: chrome.editions),
            role,
            KPIRowView(name: "N", weight: "50%", target: "1", measure: "M"),
            kpis,
            TierRowView(from: "0", to: "10", rate: "1%"),
            tiers,
            ChecklistItemView(id: "c", text: "C"),
            record,
            step,
            process,
            summary,
            policy,
            chapter,
            RoleStepView(process: link, step: "S", sla: "1 day"),
            roleView,
            KPIGroupView(policy: link, table: kpis),
            area,
            RoleTreeEntryView(name: "R", url: "r.html", description: "D", depth: 1, reportsTo: "Boss"),
            EmbedContext(page: .init(site: site), process: process, kpis: kpis, tiers: tiers),
            EmbedContext.Chrome(site: site),
            HomePage(
                page: chrome, areas: [area], recent: [summary], roles: [link], chapterCount: 1, policyCount: 2,
                processCount: 3),
            AreaPage(page: chrome, area: area),
            ChapterPage(page: chrome, chapter: chapter),
            PolicyPage(page: chrome, policy: policy),
            ProcessPage(page: chrome, process: process),
            RolePage(page: chrome, role: roleView),
            RolesPage(
                page: chrome,
                roles: [RoleTreeEntryView(name: "R", url: "r.html", description: "D", depth: 0, reportsTo: nil)]),
            OnboardingPage(page: chrome, roleID: "r", role: role, policies: [summary], processes: [process]),
            BookletPage(page: chrome, processes: [process]),
            ReviewsPage(page: chrome, rows: [reviewRow], today: "2026-12-01", calendarURL: "reviews.ics"),
            reviewRow,
            PrintChapterView(anchor: "c", title: "C", area: "A", body: "<p>"),
            PrintPage(
                page: chrome, chapters: [PrintChapterView(anchor: "c", title: "C", area: "A", body: "<p>")],
                policies: [policy]),
            PlainPage(page: chrome),
            EditionLinkView(name: "v1", url: "v1/", current: true, latest: true),
            EditionBannerView(name: "v0", latestName: "v1", latestURL: "../"),
            EditionsView(
                currentName: "v1", list: [], banner: EditionBannerView(name: "v0", latestName: "v1", latestURL: "../"),
                changesURL: "changes.html"),
            LastChangeView(date: "2026-01-01", author: "A", subject: "S", commit: "abc"),
            FieldChangeView(label: "L", old: "1", new: "2"),
            TextChangeView(label: "L", html: "<p>"),
            change,
            ChangeGroupView(title: "G", items: [change]),
            ChangesPageView(
                page: chrome, edition: "v1", since: "v0", first: true, empty: true, groups: [], feedURL: "feed.xml"),
            HistoryEntryView(
                edition: "v1", url: "v1/pol.html", version: "1", effective: "2026-01-01", first: true, change: change),
            HistoryPageView(page: chrome, policy: link, entries: []),
        ]
    }

    @Test func everyViewListsEveryProperty() {
        for sample in Self.samples {
            expectEveryPropertyIsReachable(sample)
        }
    }

    /// What Mustache found through `Mirror` before: the stored property's value, an optional
    /// unwrapped, nil for none or for a name that is no stored property.
    private func mirrorValue(_ value: Any, _ name: String) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        let optional = Mirror(reflecting: child.value)
        guard optional.displayStyle == .optional else { return child.value }
        return optional.children.first?.value
    }

    @Test func lookUpsFindWhatMirrorFound() {
        for sample in Self.samples {
            let names = Mirror(reflecting: sample).children.compactMap(\.label)
            for name in names + ["missing", "isEmpty", "count"] {
                let found = sample.child(named: name).map { ($0 as? MustacheText)?.text ?? String(describing: $0) }
                let expected = mirrorValue(sample, name).map { String(describing: $0) }
                #expect(found == expected, "\(type(of: sample)).\(name)")
            }
        }
        // An optional that holds nothing is no value, so the look-up goes on up the context stack.
        #expect(LinkView(title: "T", url: "u").child(named: "code") == nil)
        #expect(
            PageChrome(
                title: "T", description: "D", site: Self.site, sidebar: "", navRolesCurrent: false, breadcrumbs: [],
                previous: nil, next: nil, editURL: nil, toc: [], kind: "search"
            ).child(named: "editURL") == nil)
    }

    /// Strings reach templates as ``MustacheText``, which must behave as a `String` does there.
    @Test func textBehavesAsAStringInTemplates() throws {
        let template = try MustacheTemplate(
            string:
                "{{title}}|{{uppercased(url)}}|{{#title}}[{{.}}:{{url}}:{{text}}]{{/title}}|{{^title}}none{{/title}}")
        #expect(template.render(LinkView(title: "a<b", url: "u.html")) == "a&lt;b|U.HTML|[a&lt;b:u.html:]|")
    }

    private func source(_ file: String) throws -> String {
        try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/HandbookRendering/\(file)"),
            encoding: .utf8)
    }

    private func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    /// Every view of `Views.swift` and `EditionViews.swift` has a look-up, every look-up has a
    /// sample above, and each case returns the property it names.
    @Test func everyViewHasALookUpAndASample() throws {
        let lookUps = try source("Views+Lookup.swift")
        let conforming = try matches(#"^extension ([\w.]+): MustacheParent"#, in: lookUps).map { $0[0] }
        #expect(Set(conforming).count == conforming.count)
        let sampled = Self.samples.map {
            String(reflecting: type(of: $0)).replacingOccurrences(of: "HandbookRendering.", with: "")
        }
        #expect(Set(sampled) == Set(conforming))
        #expect(sampled.count == conforming.count)

        // Not handed to templates: what the renderer knows about editions.
        let notViews: Set = ["EditionContext", "Summary"]
        let views = try ["Views.swift", "EditionViews.swift"].flatMap { file in
            try matches(#"^\s*(?:package |public )?struct (\w+)"#, in: source(file)).map { $0[0] }
        }
        let lastComponents = Set(conforming.map { $0.split(separator: ".").last.map(String.init) ?? $0 })
        for view in views where !notViews.contains(view) {
            #expect(lastComponents.contains(view), "\(view) has no child(named:) in Views+Lookup.swift")
        }

        // `self.` where the property is `name`, which the parameter hides, and only there.
        for match in try matches(#"^\s*case "(\w+)": (.*)$"#, in: lookUps) {
            let property = match[0] == "name" ? "self.name" : match[0]
            #expect(match[1] == "value(\(property))", "case \"\(match[0])\" returns \(match[1])")
        }
    }
}
