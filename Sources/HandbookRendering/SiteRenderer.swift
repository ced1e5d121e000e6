import Foundation
public import HandbookLoading
import HandbookMarkdown
public import HandbookModel
package import HandbookSearch
import HandbookVersions
internal import Mustache

/// Renders every page of a validated handbook with a theme, concurrently.
public struct SiteRenderer: Sendable {
    let index: HandbookIndex
    let theme: Theme
    let today: CalendarDate
    package let plan: SitePlan
    let sidebar: Sidebar
    /// The site's header, rendered once per folder depth.
    private let headers = RenderedOnce()
    private let parts: SharedParts
    let edition: EditionContext?
    /// Parts of pages from earlier builds, reused where unchanged.
    let cache: RenderCache?

    /// - Parameters:
    ///   - edition: The site's editions and which one this is; nil for a site without tagged
    ///     editions.
    ///   - cache: Parts of pages from an earlier build of this edition (`handbook serve`).
    package init(
        index: HandbookIndex, theme: Theme, today: CalendarDate, edition: EditionContext?, cache: RenderCache? = nil
    ) {
        self.index = index
        self.theme = theme
        self.today = today
        self.edition = edition
        self.cache = cache
        parts = SharedParts(theme: theme)
        let plan = SitePlan(
            index, withEditions: (edition?.editions.count ?? 0) > 1,
            withHistory: edition.map { $0.edition.isLatest && !$0.policyHistory.isEmpty } ?? false)
        self.plan = plan
        let folder = edition?.edition.folder ?? ""
        sidebar = Sidebar(
            index: index, theme: theme,
            roots: Set(plan.pages.map { SiteRenderer.root(of: $0.path, index: index, folder: folder) }))
    }

    public init(index: HandbookIndex, theme: Theme, today: CalendarDate) {
        self.init(index: index, theme: theme, today: today, edition: nil)
    }

    /// The folder of the edition being rendered, relative to the site root.
    private var folder: String { edition?.edition.folder ?? "" }

    /// The prefix from a page to the root of its edition. The 404 page is served at any depth,
    /// so it links from the published address instead.
    static func root(of path: String, index: HandbookIndex, folder: String = "") -> String {
        path == SiteRoutes.notFound ? index.handbook.config.baseURL.pathPart + folder : SiteRoutes.root(from: path)
    }

    /// The prefix from a page to the shared assets at the site root.
    private func assets(of path: String) -> String {
        if path == SiteRoutes.notFound { return index.handbook.config.baseURL.pathPart + "assets/" }
        return SiteRoutes.root(from: folder + path) + "assets/"
    }

    /// The search index of every chapter, policy, process and role page, with the pages whose
    /// sections each fragment file holds; `index` is brought up to date, redoing only what the
    /// changes since its last update reach.
    package func searchIndex(updating search: SearchIndex = SearchIndex()) -> (
        files: [OutputFile], fragmentPages: [Set<String>]
    ) {
        let pages = SearchSectionExtractor(index: index, strings: theme.strings).sections(
            of: plan.pages.compactMap(\.searchable))
        let files = search.update(pages).map { OutputFile(path: folder + $0.path, contents: $0.contents) }
        let fragmentPages = search.fragments.map { sections in
            Set(sections.map { folder + ($0.url.split(separator: "#").first.map(String.init) ?? $0.url) })
        }
        return (files, fragmentPages)
    }

    /// What each file of this edition is made from: its pages, its sitemap and its search index
    /// (`searchIndex` as ``searchIndex()`` returned it).
    package func graph(searchIndex: (files: [OutputFile], fragmentPages: [Set<String>])) -> PageGraph {
        let pages = PageGraph(
            plan: plan, index: index, withEditions: edition != nil, folder: folder,
            sidebar: sidebar)
        let searchable = Set(plan.pages.filter { $0.searchable != nil }.map { folder + $0.path })
        let fragments = folder + "search/f/"
        return pages.adding(
            search: searchIndex.files.map { file -> (path: String, pages: Set<String>?) in
                guard file.path.hasPrefix(fragments),
                    let name = file.path.split(separator: "/").last?.split(separator: ".").first,
                    let number = Int(name),
                    number < searchIndex.fragmentPages.count
                else { return (file.path, nil) }
                return (file.path, searchIndex.fragmentPages[number])
            }, searchable: searchable)
    }

    /// The pages of this edition (not the collections, which gather many) that `graph` says are
    /// made from any of `inputs`.
    package func pages(madeFrom inputs: Set<SiteInput>, in graph: PageGraph) -> Set<String> {
        let affected = graph.outputs(affectedBy: inputs)
        return Set(plan.pages.lazy.filter { !$0.isCollection }.map { self.folder + $0.path }.filter(affected.contains))
    }

    /// Every page, the navigation scripts and `sitemap.xml`; theme assets are copied by the
    /// writer.
    public func render() -> [OutputFile] {
        var files: [OutputFile] = []
        render(batchSize: .max) { files += $0 }
        return files
    }

    /// Renders the pages `batchSize` at a time, handing each batch to `consume` before the next
    /// is rendered, so that a large site is never held in memory whole; then the pages that
    /// gather others, the navigation scripts, `sitemap.xml` and the review calendars. With
    /// `only`, just the files at those paths.
    public func render(batchSize: Int, only: Set<String>? = nil, _ consume: ([OutputFile]) throws -> Void) rethrows {
        let folder = self.folder
        let pages = plan.pages.filter { only?.contains(folder + $0.path) ?? true }
        // The pages that gather many others (print version, booklet, onboarding packs) are
        // rendered beside the batches, each on a thread of its own and rendering its parts on any
        // free core: inside a batch, where Dispatch runs a nested parallel loop on one thread, one
        // core would render a whole print version while the other waits. Rendered one after
        // another, they were the build's last second, on one core.
        let gathered = pages.filter(\.isCollection).map { page in
            startInBackground { [self] in OutputFile(path: folder + page.path, contents: Data(render(page).utf8)) }
        }
        let others = startInBackground { [self] in otherFiles(only: only) }
        let order = pages.filter { !$0.isCollection }
        var start = 0
        while start < order.count {
            let batch = Array(order[start..<min(order.count, start + max(1, batchSize))])
            try consume(
                batch.concurrentMap { page in OutputFile(path: folder + page.path, contents: Data(render(page).utf8)) })
            start += batch.count
        }
        try consume(gathered.map { $0.result() })
        try consume(others.result())
    }

    /// The navigation scripts, `sitemap.xml` and the review calendars (those at `only`'s paths).
    private func otherFiles(only: Set<String>?) -> [OutputFile] {
        var files: [OutputFile] = []
        if only.map({ paths in sidebar.scriptPaths.contains { paths.contains(folder + $0) } }) ?? true {
            files += sidebar.scripts().map { OutputFile(path: folder + $0.path, contents: $0.contents) }
                .filter { only?.contains($0.path) ?? true }
        }
        if only?.contains(folder + "sitemap.xml") ?? true {
            files.append(OutputFile(path: folder + "sitemap.xml", contents: Data(sitemap().utf8)))
        }
        if only.map({ paths in paths.contains { $0.hasSuffix(".ics") } }) ?? true {
            files += reviewCalendars().filter { only?.contains($0.path) ?? true }
        }
        return files
    }

    /// `reviews.ics` with every policy's next review, and `roles/<id>.ics` with those of the
    /// policies each role owns.
    private func reviewCalendars() -> [OutputFile] {
        let handbook = index.handbook
        let names = Dictionary(handbook.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func calendar(named name: String) -> ReviewCalendar {
            ReviewCalendar(
                name: name, siteURL: handbook.config.baseURL + folder, today: today,
                summary: theme.string("review_event_summary"), description: theme.string("review_event_description"),
                roleName: { names[$0] ?? $0 })
        }
        var files = [
            OutputFile(
                path: folder + SiteRoutes.reviewCalendar,
                contents: Data(
                    calendar(named: "\(handbook.config.title) · \(theme.string("reviews_title"))").text(
                        of: handbook.policies
                    )
                    .utf8))
        ]
        for role in handbook.roles {
            let owned = handbook.policies.filter { $0.owner.value == role.id }
            guard !owned.isEmpty else { continue }
            let name = "\(handbook.config.title) · \(theme.string("reviews_title"))：\(role.name)"
            files.append(
                OutputFile(
                    path: folder + SiteRoutes.reviewCalendar(role: role.id),
                    contents: Data(calendar(named: name).text(of: owned).utf8)))
        }
        return files
    }

    /// Entries of each area the home page lists; its area page lists them all.
    static let homeCardLimit = 12

    private func render(_ page: SitePlan.Page) -> String {
        let root = SiteRenderer.root(of: page.path, index: index, folder: folder)
        let views = ViewFactory(
            index: index, strings: theme.strings, today: today, root: root, assets: assets(of: page.path),
            editionTag: edition.flatMap { $0.edition.isLatest ? nil : $0.edition.name }, parts: parts)
        let markdown = HTMLRenderer(
            allowsRawHTML: index.handbook.config.allowsRawHTML, embedding: PageEmbedding(views: views, theme: theme))
        let chrome = PageChromeBuilder(
            plan: plan, views: views, theme: theme, sidebar: sidebar, headers: headers, edition: edition)
        let site = views.site()
        /// The page's template, with the values of its folder's site written in.
        func pageHTML(_ context: some MustacheParent & Sendable, template: String) -> String {
            theme.render(context, template: template, site: site)
        }

        switch page.content {
        case .home:
            return pageHTML(
                HomePage(
                    page: chrome.build(page, kind: "home"), areas: views.areaCards(limit: Self.homeCardLimit),
                    recent: views.recentPolicies(),
                    roles: index.handbook.roles.map {
                        LinkView(title: $0.name, url: views.url(SiteRoutes.role(id: $0.id)))
                    },
                    chapterCount: index.handbook.chapters.count, policyCount: index.handbook.policies.count,
                    processCount: index.handbook.processes.count),
                template: "home")
        case .area(let area):
            return pageHTML(
                AreaPage(page: chrome.build(page, kind: "area", source: "handbook.yaml"), area: views.areaCard(area)),
                template: "area")
        case .chapter(let chapter):
            let document = index.chapterDocuments[chapter.path]
            let view = ChapterView(
                id: chapter.id.value, title: chapter.title, area: page.area?.title ?? "",
                body: document.map(markdown.render) ?? "",
                related: chapter.related.compactMap { index.policiesByID[$0.value] }.map(views.policySummary),
                hasTasks: document?.hasTaskItems ?? false)
            return pageHTML(
                ChapterPage(
                    page: chrome.build(page, kind: "chapter", headings: document?.headings ?? [], source: chapter.path),
                    chapter: view),
                template: "chapter")
        case .policy(let policy):
            let document = index.policyDocuments[policy.path]
            let view = views.policy(
                policy, body: document.map(markdown.render) ?? "", hasTasks: document?.hasTaskItems ?? false)
            var headings = document?.headings ?? []
            // The page's own sections, named by their UI strings.
            for anchor in ["kpis", "tiers", "processes"] where PageAnchors.policy(policy).contains(anchor) {
                headings.append(
                    Heading(
                        level: 2, text: theme.string(anchor), id: anchor, location: SourceLocation(path: policy.path)))
            }
            return pageHTML(
                PolicyPage(
                    page: chrome.build(page, kind: "policy", headings: headings, source: policy.path), policy: view),
                template: "policy")
        case .process(let process):
            let source = index.policiesByID[process.policyID]?.path
            return pageHTML(
                ProcessPage(page: chrome.build(page, kind: "process", source: source), process: views.process(process)),
                template: "process")
        case .roles:
            return pageHTML(
                RolesPage(page: chrome.build(page, kind: "roles", source: "roles.yaml"), roles: views.roleTree()),
                template: "roles")
        case .role(let role):
            return pageHTML(
                RolePage(page: chrome.build(page, kind: "role", source: "roles.yaml"), role: views.role(role)),
                template: "role")
        case .onboarding(let role):
            let (policies, processes) = views.onboarding(for: role)
            return pageHTML(
                OnboardingPage(
                    page: chrome.build(page, kind: "onboarding", source: "roles.yaml"), roleID: role.id,
                    role: views.roleLink(role.id), policies: policies, processes: processes),
                template: "onboarding")
        case .checklists:
            let processes = plan.pages.compactMap { page -> PolicyProcess? in
                if case .process(let process) = page.content { process } else { nil }
            }
            return pageHTML(
                BookletPage(page: chrome.build(page, kind: "booklet"), processes: processes.map(views.process)),
                template: "checklists")
        case .reviews:
            return pageHTML(
                ReviewsPage(
                    page: chrome.build(page, kind: "reviews"), rows: views.reviewRows(), today: today.description,
                    calendarURL: views.url(SiteRoutes.reviewCalendar)),
                template: "reviews")
        case .printVersion:
            let book = PrintVersion(index: index, views: views, theme: theme, plan: plan)
            return pageHTML(
                PrintPage(
                    page: chrome.build(page, kind: "print"), chapters: book.chapters(cache: cache),
                    policies: book.policies()),
                template: "print")
        case .changes:
            let changes = edition?.changes
            let groups = changes.map(views.changeGroups) ?? []
            return pageHTML(
                ChangesPageView(
                    page: chrome.build(page, kind: "changes"), edition: edition?.edition.name ?? "",
                    since: edition?.previousName.map {
                        theme.string("changes_since").replacingOccurrences(of: "{previous}", with: $0)
                    },
                    first: changes == nil, empty: changes?.isEmpty ?? false, groups: groups,
                    feedURL: SiteRoutes.root(from: folder + page.path) + "changes.xml"),
                template: "changes")
        case .history(let policy):
            let siteRoot = SiteRoutes.root(from: folder + page.path)
            let entries = (edition?.policyHistory[policy.id.value] ?? []).map { entry in
                let url = siteRoot + entry.folder + SiteRoutes.policy(id: policy.id.value)
                return HistoryEntryView(
                    edition: entry.edition, url: url, version: entry.version, effective: entry.effective,
                    first: entry.first,
                    change: entry.change.map { views.change($0, url: url) })
            }
            return pageHTML(
                HistoryPageView(
                    page: chrome.build(page, kind: "history", source: policy.path),
                    policy: views.policyLink(policy.id.value), entries: entries),
                template: "history")
        case .search:
            return pageHTML(PlainPage(page: chrome.build(page, kind: "search")), template: "search")
        case .notFound:
            return pageHTML(PlainPage(page: chrome.build(page, kind: "not-found")), template: "404")
        }
    }

    /// One `<url>` of the sitemap, looked up directly rather than through `Mirror`.
    private struct SitemapURL: MustacheParent {
        let loc: String
        let lastmod: String?

        func child(named name: String) -> Any? {
            switch name {
            case "loc": loc
            case "lastmod": lastmod
            default: nil
            }
        }
    }

    private func sitemap() -> String {
        let base = index.handbook.config.baseURL
        let urls = plan.pages.filter { $0.path != SiteRoutes.notFound && $0.path != SiteRoutes.search }.map { page in
            var lastmod: String?
            if case .policy(let policy) = page.content { lastmod = policy.effective?.description }
            return SitemapURL(loc: HTMLEscaping.href(base + folder + page.path), lastmod: lastmod)
        }
        return BuiltInTemplates.render(["urls": urls], template: "sitemap")
    }
}

extension String {
    /// The path of a URL (`https://host/handbook/` → `/handbook/`); a path stays as it is.
    fileprivate var pathPart: String {
        guard let components = URLComponents(string: self), components.host != nil else { return self }
        let path = components.path.isEmpty ? "/" : components.path
        return path.hasSuffix("/") ? path : path + "/"
    }
}
