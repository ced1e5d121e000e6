package import HandbookLoading
import HandbookModel
import HandbookSearch

/// The pages of the site and the reading order that previous/next links follow.
package struct SitePlan: Sendable {
    enum Content: Sendable {
        case home
        /// An area's page, listing its chapters and policies.
        case area(Area)
        case chapter(Chapter)
        case policy(Policy)
        case process(PolicyProcess)
        case roles
        case role(Role)
        case onboarding(Role)
        case checklists
        /// Every policy by the date of its next review.
        case reviews
        case printVersion
        /// What changed in this edition since the previous one.
        case changes
        /// A policy's versions across editions.
        case history(Policy)
        case search
        case notFound
    }

    struct Page: Sendable {
        let path: String
        let title: String
        let content: Content
        /// The area the page belongs to, for the sidebar and breadcrumbs.
        let area: Area?

        /// The page as the search index sees it, if its text is searched.
        var searchable: SearchablePage? {
            switch content {
            case .chapter(let chapter): .chapter(chapter, path: path)
            case .policy(let policy): .policy(policy, path: path)
            case .process(let process): .process(process, path: path)
            case .role(let role): .role(role, path: path)
            case .home, .area, .roles, .onboarding, .checklists, .reviews, .printVersion, .changes, .history, .search,
                .notFound:
                nil
            }
        }

        /// Whether the page gathers the content of many others.
        var isCollection: Bool {
            switch content {
            case .printVersion, .checklists, .onboarding: true
            default: false
            }
        }
    }

    /// Pages in reading order: home, then for each area its page, its chapters and its policies
    /// (each policy followed by its processes), then the roles, then the search and 404 pages.
    let pages: [Page]
    /// The positions in `pages` of the previous and next page of each page that has them, by
    /// path: home and the areas' pages form one sequence, the roles another.
    private let readingOrder: [String: (previous: Int?, next: Int?)]
    /// Every page's path.
    package let paths: Set<String>

    /// - Parameter withEditions: Whether the site has tagged editions, and so pages about
    ///   changes; `withHistory` adds a history page per policy (the latest edition).
    package init(_ index: HandbookIndex, withEditions: Bool = false, withHistory: Bool = false) {
        var pages = [Page(path: SiteRoutes.home, title: index.handbook.config.title, content: .home, area: nil)]
        for area in index.handbook.config.areas
        where !index.chapters(inArea: area.id).isEmpty || !index.policies(inArea: area.id).isEmpty {
            pages.append(Page(path: SiteRoutes.area(id: area.id), title: area.title, content: .area(area), area: area))
            for chapter in index.chapters(inArea: area.id) {
                pages.append(
                    Page(
                        path: SiteRoutes.chapter(chapter), title: chapter.title, content: .chapter(chapter), area: area)
                )
            }
            for policy in index.policies(inArea: area.id) {
                pages.append(
                    Page(
                        path: SiteRoutes.policy(id: policy.id.value), title: policy.title, content: .policy(policy),
                        area: area))
                for process in policy.processes {
                    pages.append(
                        Page(
                            path: SiteRoutes.process(id: process.id.value), title: process.title,
                            content: .process(process), area: area))
                }
            }
        }
        let readable = 0..<pages.count
        pages.append(Page(path: SiteRoutes.rolesIndex, title: "", content: .roles, area: nil))
        let roles = pages.count..<pages.count + index.handbook.roles.count
        pages += index.handbook.roles.map {
            Page(path: SiteRoutes.role(id: $0.id), title: $0.name, content: .role($0), area: nil)
        }
        pages += index.handbook.roles.map {
            Page(path: SiteRoutes.onboarding(role: $0.id), title: $0.name, content: .onboarding($0), area: nil)
        }
        pages.append(Page(path: SiteRoutes.checklists, title: "", content: .checklists, area: nil))
        pages.append(Page(path: SiteRoutes.reviews, title: "", content: .reviews, area: nil))
        pages.append(Page(path: SiteRoutes.printVersion, title: "", content: .printVersion, area: nil))
        if withEditions {
            pages.append(Page(path: SiteRoutes.changes, title: "", content: .changes, area: nil))
        }
        if withHistory {
            pages += index.handbook.policies.map {
                Page(path: SiteRoutes.history(policy: $0.id.value), title: $0.title, content: .history($0), area: nil)
            }
        }
        pages.append(Page(path: SiteRoutes.search, title: "", content: .search, area: nil))
        pages.append(Page(path: SiteRoutes.notFound, title: "", content: .notFound, area: nil))
        self.pages = pages
        paths = Set(pages.map(\.path))

        var order: [String: (previous: Int?, next: Int?)] = [:]
        order.reserveCapacity(readable.count + roles.count)
        for sequence in [readable, roles] {
            for position in sequence {
                order[pages[position].path] = (
                    position > sequence.lowerBound ? position - 1 : nil,
                    position + 1 < sequence.upperBound ? position + 1 : nil
                )
            }
        }
        readingOrder = order
    }

    /// Whether the site has a page at `path`.
    func has(_ path: String) -> Bool {
        paths.contains(path)
    }

    func neighbours(of path: String) -> (previous: Page?, next: Page?) {
        guard let (previous, next) = readingOrder[path] else { return (nil, nil) }
        return (previous.map { pages[$0] }, next.map { pages[$0] })
    }
}
