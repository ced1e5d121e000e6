/// Everything `content/` says, as loaded: the input of validation and rendering.
public struct Handbook: Sendable {
    public var config: HandbookConfig
    public var roles: [Role]
    public var policies: [Policy]
    public var chapters: [Chapter]
    /// Kinds of source of which some file could not be read. References to ids of such a kind
    /// are not checked, since the id may be defined in the unreadable file: one syntax error
    /// is reported once, not again at every reference.
    public var unreadable: Set<SourceKind>
    /// A hash of each source file's bytes, by path in the content folder: for caches that must
    /// tell whether anything a page shows changed.
    public var sourceHashes: [String: String] = [:]
    /// The files below `files/` (forms, images), by path in the content folder: published under
    /// the same path in the site.
    public var files: Set<String> = []

    public enum SourceKind: Sendable, Hashable {
        /// `handbook.yaml`, which defines the areas.
        case config
        case roles, policies, chapters
    }

    public init(
        config: HandbookConfig, roles: [Role], policies: [Policy], chapters: [Chapter], unreadable: Set<SourceKind> = []
    ) {
        self.config = config
        self.roles = roles
        self.policies = policies
        self.chapters = chapters
        self.unreadable = unreadable
    }

    /// Every process of every policy, in policy order.
    public var processes: [PolicyProcess] { policies.flatMap(\.processes) }
}

/// The site-wide settings of `handbook.yaml`.
public struct HandbookConfig: Sendable {
    public enum Language: String, Sendable, CaseIterable {
        case chinese = "zh-CN"
        case english = "en"
    }

    public var title: String
    public var description: String
    /// The edition of the handbook, such as `2026.2`; shown on printed pages and part of the
    /// key under which a browser keeps a reader's checklist ticks.
    public var version: String
    public var language: Language
    /// The published address, absolute and ending in `/`; used for `sitemap.xml` and the 404
    /// page.
    public var baseURL: String
    /// The repository's web address, for "edit this page" links.
    public var repositoryURL: String?
    /// The path from the repository address to the content folder, such as `edit/main/content/`.
    public var editURI: String
    /// Whether raw HTML in Markdown is passed through; off by default, as in cmark.
    public var allowsRawHTML: Bool
    /// The pattern of the git tags that are editions, such as `v*`.
    public var editionTags: String = "v*"
    /// The largest source file read, in bytes; a larger one is refused (`file-too-large`), so that
    /// one file cannot make a build run out of memory.
    public var maximumFileSize = HandbookConfig.defaultMaximumFileSize
    public static let defaultMaximumFileSize = 4 << 20
    /// The language of a handbook whose `handbook.yaml` names none.
    public static let defaultLanguage = Language.chinese
    public var areas: [Area]

    public init(
        title: String, description: String = "", version: String = "",
        language: Language = HandbookConfig.defaultLanguage,
        baseURL: String = "https://example.com/",
        repositoryURL: String? = nil, editURI: String = "edit/main/content/", allowsRawHTML: Bool = false,
        areas: [Area] = []
    ) {
        self.title = title
        self.description = description
        self.version = version
        self.language = language
        self.baseURL = baseURL
        self.repositoryURL = repositoryURL
        self.editURI = editURI
        self.allowsRawHTML = allowsRawHTML
        self.areas = areas
    }
}

/// A subject of the handbook (targets, process, appraisal …) that groups chapters and policies.
public struct Area: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var location: SourceLocation

    public init(id: String, title: String, description: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.location = location
    }
}

/// A job in the department, to which policies apply and which does process steps.
public struct Role: Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var reportsTo: Located<String>?
    public var location: SourceLocation

    public init(
        id: String, name: String, description: String, reportsTo: Located<String>? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.reportsTo = reportsTo
        self.location = location
    }
}

/// Markdown text taken from a source file, with where its first line sits in that file.
public struct MarkdownSource: Sendable {
    public var text: String
    public var path: String
    /// Lines in the file before the Markdown's first line.
    public var lineOffset: Int
    /// Columns of indentation stripped from every line (for YAML block scalars).
    public var columnOffset: Int

    public init(text: String, path: String, lineOffset: Int = 0, columnOffset: Int = 0) {
        self.text = text
        self.path = path
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
    }
}

/// A policy: one YAML file under `policies/`.
public struct Policy: Sendable {
    public var id: Located<String>
    public var title: String
    public var area: Located<String>
    public var owner: Located<String>
    public var version: String
    public var effective: CalendarDate?
    public var reviewEveryMonths: Int?
    public var appliesTo: [Located<String>]
    public var summary: String
    public var body: MarkdownSource
    public var processes: [PolicyProcess]
    public var kpis: [KPI]
    /// What tier bounds measure, such as 月度回款额（元）.
    public var tiersBasis: String?
    public var tiers: [Tier]
    public var related: [Located<String>]
    public var path: String

    /// The date by which the policy must be reviewed again.
    public var nextReview: CalendarDate? {
        guard let effective, let reviewEveryMonths else { return nil }
        return effective.adding(months: reviewEveryMonths)
    }

    public init(
        id: Located<String>, title: String, area: Located<String>, owner: Located<String>, version: String,
        effective: CalendarDate? = nil, reviewEveryMonths: Int? = nil, appliesTo: [Located<String>], summary: String,
        body: MarkdownSource, processes: [PolicyProcess], kpis: [KPI], tiersBasis: String? = nil, tiers: [Tier],
        related: [Located<String>], path: String
    ) {
        self.id = id
        self.title = title
        self.area = area
        self.owner = owner
        self.version = version
        self.effective = effective
        self.reviewEveryMonths = reviewEveryMonths
        self.appliesTo = appliesTo
        self.summary = summary
        self.body = body
        self.processes = processes
        self.kpis = kpis
        self.tiersBasis = tiersBasis
        self.tiers = tiers
        self.related = related
        self.path = path
    }
}

/// A process: the ordered steps by which a policy is carried out.
public struct PolicyProcess: Sendable {
    public var id: Located<String>
    public var title: String
    public var owner: Located<String>
    public var trigger: String
    public var steps: [Step]
    public var related: [Located<String>]
    /// The id of the policy that defines the process.
    public var policyID: String

    public init(
        id: Located<String>, title: String, owner: Located<String>, trigger: String, steps: [Step],
        related: [Located<String>], policyID: String
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.trigger = trigger
        self.steps = steps
        self.related = related
        self.policyID = policyID
    }
}

public struct Step: Sendable {
    public var id: Located<String>
    public var title: String
    public var role: Located<String>
    public var serviceLevel: ServiceLevel?
    public var checklist: [String]
    /// Records or forms the step produces, such as 客户信息登记表.
    public var records: [String]
    /// The form of each record that names one (`{title: …, file: files/…}`), by record: a path
    /// below `files/` in the content folder.
    public var recordFiles: [String: Located<String>] = [:]
    public var location: SourceLocation

    public init(
        id: Located<String>, title: String, role: Located<String>, serviceLevel: ServiceLevel? = nil,
        checklist: [String], records: [String], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.role = role
        self.serviceLevel = serviceLevel
        self.checklist = checklist
        self.records = records
        self.location = location
    }
}

/// A key performance indicator with its weight in the appraisal.
public struct KPI: Sendable {
    public var name: String
    /// Percent of the appraisal; a policy's weights add up to 100.
    public var weight: Double
    public var target: String
    public var measure: String
    public var location: SourceLocation

    public init(name: String, weight: Double, target: String, measure: String, location: SourceLocation) {
        self.name = name
        self.weight = weight
        self.target = target
        self.measure = measure
        self.location = location
    }
}

/// One band of an incentive scheme: amounts from `from` up to (not including) `to` earn `rate`.
public struct Tier: Sendable {
    public var from: Double
    /// Nil for the open-ended top band.
    public var to: Double?
    /// Percent.
    public var rate: Double
    public var location: SourceLocation

    public init(from: Double, to: Double? = nil, rate: Double, location: SourceLocation) {
        self.from = from
        self.to = to
        self.rate = rate
        self.location = location
    }
}

/// A Markdown chapter under `chapters/`.
public struct Chapter: Sendable {
    public var id: Located<String>
    public var title: String
    public var area: Located<String>
    public var order: Int
    public var related: [Located<String>]
    public var body: MarkdownSource
    /// The path relative to the content folder, such as `chapters/01-targets.md`.
    public var path: String

    public init(
        id: Located<String>, title: String, area: Located<String>, order: Int, related: [Located<String>],
        body: MarkdownSource, path: String
    ) {
        self.id = id
        self.title = title
        self.area = area
        self.order = order
        self.related = related
        self.body = body
        self.path = path
    }
}
