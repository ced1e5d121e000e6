import HandbookModel

// View models handed to Mustache templates. Templates look values up by property name, so the
// property names below are the theme's vocabulary (see docs/theming.md).

struct SiteView: Sendable {
    let title: String
    let description: String
    /// The handbook's edition, for printed pages; nil when `handbook.yaml` names none.
    let version: String?
    /// The namespace under which the browser keeps checklist ticks: the handbook and its edition.
    let storage: String
    let language: String
    /// Relative prefix from the current page to the root of its edition, such as `../`.
    let root: String
    /// Relative prefix from the current page to the theme's assets, which all editions share.
    let assets: String
    let t: UIStrings
    /// `handbook` and its version, for `<meta name="generator">`.
    let generator = HandbookVersion.generator

    /// The values templates name as `site.title`, `site.root` and so on, those that are set: the
    /// same on every page of a folder.
    var fixedValues: [String: String] {
        var values = [
            "title": title, "description": description, "storage": storage, "language": language, "root": root,
            "assets": assets, "generator": generator,
        ]
        values["version"] = version
        return values
    }
}

struct LinkView: Sendable {
    let title: String
    let url: String
    var code: String? = nil
}

struct NavItemView: Sendable {
    let title: String
    let url: String
    let current: Bool
    /// A policy's id, shown small beside its title.
    let code: String?
    /// The entry as the theme's `nav-entry` template renders it, reused from page to page.
    var html = ""
}

/// One area of the sidebar, rendered by the theme's `nav-area` template.
struct NavAreaView: Sendable {
    /// The area's id as used in file names: `nav/<id>.js` holds its full list.
    let id: String
    let title: String
    /// Whether the page being rendered belongs to this area.
    let current: Bool
    /// Whether the area starts unfolded: the current area, or every area of a small handbook.
    let open: Bool
    /// The entries shown: chapters, then policies (those with a `code`).
    let entries: [NavItemView]
    /// The entries' `html`, each followed by a line break: what `{{#entries}}` over a line of
    /// `{{{html}}}` writes, without a look-up per entry.
    let entriesHTML: String
    /// Whether `entries` leaves some of the area's entries out (a large handbook).
    let partial: Bool
    /// The area's page, which lists all its entries.
    let url: String
    /// The link text to the area's page, with the number of entries.
    let allLabel: String
}

struct TOCEntryView: Sendable {
    let text: String
    let id: String
    let nested: Bool
}

/// Everything around a page's own content: header, sidebar, breadcrumbs, footer links.
struct PageChrome: Sendable {
    let title: String
    let description: String
    let site: SiteView
    /// The sidebar's HTML, assembled from the theme's `nav-area` template (see ``Sidebar``).
    let sidebar: String
    let navRolesCurrent: Bool
    let breadcrumbs: [LinkView]
    let previous: LinkView?
    let next: LinkView?
    let editURL: String?
    let toc: [TOCEntryView]
    /// A class on `<body>` naming the page kind, for the stylesheet.
    let kind: String
    /// The version switcher and, on older editions, the banner; nil without tagged editions.
    let editions: EditionsView?
    /// The last commit that changed the page's source, where git knows it.
    let lastChange: LastChangeView?
    /// A policy page's history page, where editions exist.
    let historyURL: String?
    /// Whether the page can hold checklists or print buttons, and so needs `checklists.js`.
    let hasChecklists: Bool
    /// The site's header from the theme's `site-header` template (see ``SiteHeaderView``).
    var header = ""

    // Mustache sees stored properties only, so these flags are stored too.
    let hasBreadcrumbs: Bool
    let hasTOC: Bool
    let hasPager: Bool

    init(
        title: String, description: String, site: SiteView, sidebar: String, navRolesCurrent: Bool,
        breadcrumbs: [LinkView], previous: LinkView?, next: LinkView?, editURL: String?, toc: [TOCEntryView],
        kind: String, editions: EditionsView? = nil, lastChange: LastChangeView? = nil, historyURL: String? = nil,
        hasChecklists: Bool = false
    ) {
        self.title = title
        self.description = description
        self.site = site
        self.sidebar = sidebar
        self.navRolesCurrent = navRolesCurrent
        self.breadcrumbs = breadcrumbs
        self.previous = previous
        self.next = next
        self.editURL = editURL
        self.toc = toc
        self.kind = kind
        self.editions = editions
        self.lastChange = lastChange
        self.historyURL = historyURL
        self.hasChecklists = hasChecklists
        hasBreadcrumbs = !breadcrumbs.isEmpty
        hasTOC = !toc.isEmpty
        hasPager = previous != nil || next != nil
    }
}

/// What the theme's `site-header` template sees: the same from page to page of a folder, so it
/// is rendered once per folder depth and state of the roles link and reused, as Hugo's
/// `partialCached` does; on a site with editions, whose switcher links the page itself, once per
/// page.
struct SiteHeaderView: Sendable {
    let site: SiteView
    let navRolesCurrent: Bool
    let editions: EditionsView?
}

struct RoleLinkView: Sendable {
    let name: String
    let url: String
}

struct KPIRowView: Sendable {
    let name: String
    let weight: String
    let target: String
    let measure: String
}

struct KPITableView: Sendable {
    let rows: [KPIRowView]
    let total: String
}

struct TierRowView: Sendable {
    let from: String
    let to: String?
    let rate: String
}

struct TierTableView: Sendable {
    let basis: String?
    let rows: [TierRowView]
}

/// A record a step produces, with its form where the handbook attaches one.
struct RecordView: Sendable, Equatable {
    let title: String
    /// Whether the record has its form (`url` and `file`); the others are never absent, so
    /// that a template never finds a `url` further up the context stack.
    let hasFile: Bool
    /// The form's address; empty for a record named only.
    let url: String
    /// The form's file name, which the printed checklist shows; empty for a record named only.
    let file: String
}

struct ChecklistItemView: Sendable {
    let id: String
    let text: String
}

struct StepView: Sendable {
    let number: Int
    let id: String
    let anchor: String
    let title: String
    let role: RoleLinkView
    let sla: String?
    let checklist: [ChecklistItemView]
    let records: [RecordView]
}

struct ProcessView: Sendable {
    let id: String
    let title: String
    let url: String
    let owner: RoleLinkView
    let trigger: String
    let policy: LinkView
    let steps: [StepView]
    let itemCount: Int
    let records: [RecordView]
    let related: [LinkView]
    /// The process as a swimlane map, an inline SVG element drawn the first time a template shows
    /// it (most pages that list processes do not) and the same on every page.
    let map: LazyHTML
    /// The steps as the `process-steps` template renders them, once per folder depth for the
    /// whole build and only where a template shows them; set by ``ViewFactory/process(_:)``,
    /// which hands the view itself to that template.
    var stepsHTML = LazyHTML { "" }
}

struct PolicySummaryView: Sendable {
    let id: String
    let title: String
    let url: String
    let version: String
    let effective: String
    let summary: String
}

struct PolicyView: Sendable {
    let id: String
    let title: String
    let area: String
    let owner: RoleLinkView
    let version: String
    let effective: String
    let nextReview: String
    let reviewOverdue: Bool
    let reviewEvery: Int
    let appliesTo: [RoleLinkView]
    let summary: String
    let body: String
    let kpis: KPITableView?
    let tiers: TierTableView?
    let processes: [ProcessView]
    let related: [LinkView]
    let chapters: [LinkView]
    /// Prefix of the ids of the page's sections: empty on the policy page, unique per policy
    /// where several policies share a page (the print version).
    let anchorPrefix: String
    let hasTasks: Bool
}

struct ChapterView: Sendable {
    let id: String
    let title: String
    let area: String
    let body: String
    let related: [PolicySummaryView]
    /// Whether the body has task-list items, which get a progress bar.
    let hasTasks: Bool
}

struct RoleStepView: Sendable {
    let process: LinkView
    let step: String
    let sla: String?
}

struct RoleView: Sendable {
    let id: String
    let name: String
    let description: String
    let reportsTo: RoleLinkView?
    let directReports: [RoleLinkView]
    let policies: [PolicySummaryView]
    /// Policies and processes the role owns.
    let owned: [LinkView]
    let steps: [RoleStepView]
    let kpis: [KPIGroupView]
    let onboardingURL: String
    /// The calendar of the review dates of the policies the role owns; nil when it owns none.
    let calendarURL: String?
}

struct KPIGroupView: Sendable {
    let policy: LinkView
    let table: KPITableView
}

struct AreaCardView: Sendable {
    let id: String
    let title: String
    let description: String
    /// The area's page.
    let url: String
    let chapters: [LinkView]
    let policies: [PolicySummaryView]
    /// On the home page, the link text to the area's page when the card leaves entries out.
    let more: String?
}

struct RoleTreeEntryView: Sendable {
    let name: String
    let url: String
    let description: String
    let depth: Int
    let reportsTo: String?
}

/// The context of a directive embedded in Markdown: the embedded content and the site, for
/// UI strings.
struct EmbedContext: Sendable {
    struct Chrome: Sendable {
        let site: SiteView
    }

    let page: Chrome
    var process: ProcessView? = nil
    var kpis: KPITableView? = nil
    var tiers: TierTableView? = nil
}

// MARK: Page contexts, one per template

struct HomePage: Sendable {
    let page: PageChrome
    let areas: [AreaCardView]
    let recent: [PolicySummaryView]
    let roles: [LinkView]
    let chapterCount: Int
    let policyCount: Int
    let processCount: Int
}

struct AreaPage: Sendable {
    let page: PageChrome
    let area: AreaCardView
}

struct ChapterPage: Sendable {
    let page: PageChrome
    let chapter: ChapterView
}

struct PolicyPage: Sendable {
    let page: PageChrome
    let policy: PolicyView
}

struct ProcessPage: Sendable {
    let page: PageChrome
    let process: ProcessView
}

struct RolePage: Sendable {
    let page: PageChrome
    let role: RoleView
}

struct RolesPage: Sendable {
    let page: PageChrome
    let roles: [RoleTreeEntryView]
}

/// A page whose template needs nothing but the chrome: the 404 and search pages.
/// A role's onboarding pack: the policies to read and sign for, then every checklist of the
/// processes the role takes part in.
struct OnboardingPage: Sendable {
    let page: PageChrome
    let roleID: String
    let role: RoleLinkView
    let policies: [PolicySummaryView]
    let processes: [ProcessView]
}

/// Every process's checklist, one to a printed page.
/// One policy in the list of review dates.
struct ReviewRowView: Sendable {
    let policy: LinkView
    let owner: RoleLinkView
    let version: String
    let effective: String
    let nextReview: String
    /// The review date has passed (judged against the build's day).
    let overdue: Bool
    /// The review is due within ``ViewFactory/reviewWarningDays`` days.
    let dueSoon: Bool
}

/// Every policy by the date of its next review, with the calendar to subscribe to.
struct ReviewsPage: Sendable {
    let page: PageChrome
    let rows: [ReviewRowView]
    let today: String
    let calendarURL: String
}

struct BookletPage: Sendable {
    let page: PageChrome
    let processes: [ProcessView]
}

/// A chapter in the print version of the handbook.
struct PrintChapterView: Sendable {
    let anchor: String
    let title: String
    let area: String
    let body: String
}

/// The whole handbook on one page, for printing: contents, then every chapter and policy.
struct PrintPage: Sendable {
    let page: PageChrome
    let chapters: [PrintChapterView]
    let policies: [PolicyView]
}

struct PlainPage: Sendable {
    let page: PageChrome
}
