import HandbookLoading
import HandbookMarkdown
import HandbookModel
import HandbookVersions

/// Builds what surrounds a page's content: sidebar, breadcrumbs, previous/next, edit link, TOC.
struct PageChromeBuilder: Sendable {
    let plan: SitePlan
    let views: ViewFactory
    let theme: Theme
    let sidebar: Sidebar
    /// Headers of earlier pages: every page of a folder depth shows the same one (the roles link
    /// marked or not). A header with a version switcher links the page itself, so is rendered
    /// for its page.
    let headers: RenderedOnce
    let edition: EditionContext?

    func build(_ page: SitePlan.Page, kind: String, headings: [Heading] = [], source: String? = nil) -> PageChrome {
        let index = views.index
        let config = index.handbook.config
        let (previous, next) = plan.neighbours(of: page.path)
        let title =
            switch page.content {
            case .home: config.title
            case .roles: theme.string("roles")
            case .notFound: theme.string("not_found_title")
            case .search: theme.string("search_results")
            case .checklists: theme.string("checklist_booklet")
            case .reviews: theme.string("reviews_title")
            case .printVersion: theme.string("print_version")
            case .changes: theme.string("changes_title")
            case .history(let policy): "\(theme.string("history"))：\(policy.title)"
            case .onboarding(let role): "\(theme.string("onboarding_pack"))：\(role.name)"
            default: page.title
            }
        var chrome = PageChrome(
            title: title,
            description: description(of: page),
            site: views.site(),
            sidebar: sidebar.html(
                root: views.root, area: page.area, currentPath: page.path, currentPolicy: currentPolicy(of: page)),
            navRolesCurrent: {
                switch page.content {
                case .role, .roles, .onboarding: true
                default: false
                }
            }(),
            breadcrumbs: breadcrumbs(for: page),
            previous: previous.map { LinkView(title: $0.title, url: views.url($0.path)) },
            next: next.map { LinkView(title: $0.title, url: views.url($0.path)) },
            editURL: source.flatMap { path in config.repositoryURL.map { "\($0)/\(config.editURI)\(path)" } },
            toc: headings.filter { $0.level == 2 || $0.level == 3 }.map {
                TOCEntryView(text: $0.text, id: $0.id, nested: $0.level == 3)
            },
            kind: kind, editions: editions(for: page),
            lastChange: source.flatMap { edition?.lastChanges[$0] }.map {
                LastChangeView(
                    date: String($0.date.prefix(10)), author: $0.author, subject: $0.subject,
                    commit: String($0.hash.prefix(8)))
            },
            historyURL: {
                guard case .policy(let policy) = page.content, plan.has(SiteRoutes.history(policy: policy.id.value))
                else { return nil }
                return views.url(SiteRoutes.history(policy: policy.id.value))
            }(),
            hasChecklists: {
                switch page.content {
                case .chapter, .policy, .process, .checklists, .onboarding, .printVersion: true
                default: false
                }
            }())
        let header = SiteHeaderView(
            site: chrome.site, navRolesCurrent: chrome.navRolesCurrent, editions: chrome.editions)
        let render = { theme.render(header, template: "site-header", site: header.site) }
        chrome.header =
            header.editions == nil
            ? headers.html("\(header.navRolesCurrent)\n\(header.site.root)\n\(header.site.assets)", render: render)
            : render()
        return chrome
    }

    /// The version switcher: the same page in every edition (or that edition's home page where
    /// the page does not exist), and on older editions a banner pointing at the latest.
    private func editions(for page: SitePlan.Page) -> EditionsView? {
        guard let edition, edition.editions.count > 1 else { return nil }
        // From the page up to its edition's root, then to the site root.
        let siteRoot = views.root + String(repeating: "../", count: edition.edition.folder.count { $0 == "/" })
        func url(in target: EditionContext.Summary) -> String {
            let samePage = target.pages.contains(page.path) && page.path != SiteRoutes.notFound
            return siteRoot + target.folder + (samePage ? page.path : SiteRoutes.home)
        }
        let latest = edition.editions[0]
        return EditionsView(
            currentName: edition.edition.name,
            list: edition.editions.enumerated().map { position, summary in
                EditionLinkView(
                    name: summary.name, url: url(in: summary), current: position == edition.current,
                    latest: summary.isLatest)
            },
            banner: edition.edition.isLatest
                ? nil
                : EditionBannerView(name: edition.edition.name, latestName: latest.name, latestURL: url(in: latest)),
            changesURL: views.url(SiteRoutes.changes))
    }

    private func description(of page: SitePlan.Page) -> String {
        switch page.content {
        case .policy(let policy): policy.summary
        case .process(let process): process.trigger
        case .role(let role): role.description
        case .area(let area) where !area.description.isEmpty: area.description
        default: views.index.handbook.config.description
        }
    }

    /// The policy a page belongs to, highlighted in the sidebar.
    private func currentPolicy(of page: SitePlan.Page) -> String? {
        switch page.content {
        case .policy(let policy): policy.id.value
        case .process(let process): process.policyID
        default: nil
        }
    }

    private func breadcrumbs(for page: SitePlan.Page) -> [LinkView] {
        var crumbs = [LinkView(title: theme.string("home"), url: views.url(SiteRoutes.home))]
        switch page.content {
        case .home, .notFound:
            return []
        case .search, .checklists, .reviews, .printVersion, .changes:
            break
        case .history(let policy):
            crumbs.append(views.policyLink(policy.id.value))
        case .onboarding(let role):
            crumbs.append(LinkView(title: theme.string("roles"), url: views.url(SiteRoutes.rolesIndex)))
            crumbs.append(LinkView(title: role.name, url: views.url(SiteRoutes.role(id: role.id))))
        case .area:
            break
        case .chapter, .policy, .process:
            if let area = page.area {
                crumbs.append(LinkView(title: area.title, url: views.url(SiteRoutes.area(id: area.id))))
            }
            if case .process(let process) = page.content { crumbs.append(views.policyLink(process.policyID)) }
        case .roles:
            break
        case .role:
            crumbs.append(LinkView(title: theme.string("roles"), url: views.url(SiteRoutes.rolesIndex)))
        }
        return crumbs
    }
}
