import HandbookModel

/// One key of a YAML mapping in the sources: its type, whether it must be present, and what it means.
public struct FieldFormat: Sendable {
    /// What a value must look like.
    public enum Kind: Sendable {
        case text
        /// Letters, digits, `-` and `_`: ids become file names and anchors.
        case identifier
        case markdown
        case wholeNumber(ClosedRange<Int>?)
        case number
        /// A number with an optional trailing `%`.
        case percentage
        case boolean
        /// `YYYY-MM-DD`.
        case date
        /// A positive whole number and a unit: `30m`, `24h`, `3d`, `2w`.
        case duration
        case language
        /// A number of bytes, with an optional unit: `512KB`, `8MB`.
        case byteSize
        /// An absolute `http` or `https` address.
        case webAddress
        case texts
        /// Each item a name, or a mapping of the given format.
        case records(MappingFormat)
        case mappings(MappingFormat)

        /// How a reader reads values of this kind: several kinds are read as text.
        var reading: Reading {
            switch self {
            case .text, .language, .webAddress: .text
            case .identifier: .identifier
            case .markdown: .markdown
            case .wholeNumber: .wholeNumber
            case .number, .percentage: .number
            case .boolean: .boolean
            case .date: .date
            case .duration: .duration
            case .byteSize: .byteSize
            case .texts: .texts
            case .records: .records
            case .mappings: .mappings
            }
        }
    }

    /// The reader functions of ``YAMLMapping``, one per way of reading a value.
    enum Reading {
        case text, identifier, markdown, wholeNumber, number, boolean, date, duration, byteSize, texts, records,
            mappings
    }

    /// Whether the key must be present.
    public enum Presence: Sendable {
        case required
        case optional
        /// Read when absent, but a validation rule reports its absence (a step's empty checklist).
        case checkedByRule
    }

    public let key: String
    public let kind: Kind
    public let presence: Presence
    public let description: String

    init(_ key: String, _ kind: Kind, _ description: String) {
        self.init(key, kind, .required, description)
    }

    init(_ key: String, _ kind: Kind, _ presence: Presence, _ description: String) {
        self.key = key
        self.kind = kind
        self.presence = presence
        self.description = description
    }
}

/// The keys of one kind of YAML mapping: the readers read through it, and the JSON Schemas are
/// written from it, so that the two cannot disagree.
public struct MappingFormat: Sendable {
    /// A short name, used for the schema's definitions: `policy`, `step`.
    public let name: String
    public let title: String
    public let description: String
    public let fields: [FieldFormat]

    /// The field named `key`; asking for a key the format does not define is a programming error.
    func field(_ key: String) -> FieldFormat {
        guard let field = fields.first(where: { $0.key == key }) else {
            preconditionFailure("the \(name) format defines no key '\(key)'")
        }
        return field
    }
}

/// The formats of every YAML mapping in a handbook's sources, as `docs/format.md` describes them.
public enum SourceFormat {
    public static let handbook = MappingFormat(
        name: "handbook", title: "handbook.yaml",
        description: "Site-wide settings of a handbook and the list of its areas.",
        fields: [
            .init("title", .text, "Title of the handbook, shown in the header and page titles."),
            .init(
                "version", .text, .optional,
                "The edition, such as 2026.2: printed on checklists and part of the key under which browsers keep checklist ticks."
            ),
            .init(
                "edition_tags", .text, .optional,
                "Pattern of the git tags that are published editions, as for git for-each-ref. Default: v*."),
            .init("description", .text, .optional, "One-sentence description for the home page and page metadata."),
            .init(
                "language", .language, .optional,
                "Language of the site: selects the theme's interface strings and the pages' lang. Default: zh-CN."),
            .init(
                "base_url", .webAddress,
                "Absolute http or https address the site is published at, such as https://handbook.example.com/sales/."
            ),
            .init(
                "repository_url", .text, .optional,
                "Web address of the repository holding the content, for edit-this-page links."),
            .init(
                "edit_uri", .text, .optional,
                "Path from repository_url to the content folder. Default: edit/main/content/."),
            .init(
                "allow_raw_html", .boolean, .optional,
                "Whether raw HTML in Markdown is passed through to the pages. Default: false."),
            .init(
                "max_file_size", .byteSize, .optional,
                "The largest source file read, such as 512KB or 8MB; larger files are refused. Default: 4MB."),
            .init("areas", .mappings(area), "The subjects of the handbook, in display order."),
        ])

    public static let area = MappingFormat(
        name: "area", title: "Area", description: "A subject of the handbook, grouping chapters and policies.",
        fields: [
            .init("id", .identifier, "Identifier that chapters and policies name in their area field."),
            .init("title", .text, "Name of the area in the navigation and on the home page."),
            .init("description", .text, .optional, "Short description shown on the home page."),
        ])

    public static let roles = MappingFormat(
        name: "roles", title: "roles.yaml",
        description: "The jobs of the department, to which policies apply and which carry out process steps.",
        fields: [.init("roles", .mappings(role), "Every role, in the order used for the role list.")])

    public static let role = MappingFormat(
        name: "role", title: "Role", description: "A job in the department.",
        fields: [
            .init(
                "id", .identifier,
                "Identifier used by owner, applies_to, role, reports_to and role: links. Page: roles/<id>.html."),
            .init("name", .text, "Display name, such as 销售经理."),
            .init("description", .text, "One or two sentences on the duties of the role."),
            .init("reports_to", .text, .optional, "Id of the role this one reports to."),
        ])

    public static let policy = MappingFormat(
        name: "policy", title: "Policy", description: "One policy of the handbook: policies/**/*.yaml.",
        fields: [
            .init("id", .identifier, "Identifier, such as SALES-POL-001, unique across all policies."),
            .init("title", .text, "Title of the policy."),
            .init("area", .text, "Id of the area the policy belongs to, defined in handbook.yaml."),
            .init("owner", .text, "Id of the role responsible for the policy."),
            .init("version", .text, "Version, such as \"1.2\"."),
            .init("effective", .date, "The day the current version takes effect, YYYY-MM-DD."),
            .init("review_every", .wholeNumber(1...120), "Months between reviews, from 1 to 120."),
            .init("applies_to", .texts, "Ids of the roles the policy applies to."),
            .init("summary", .text, "One or two sentences, shown at the top of the policy page and in policy lists."),
            .init("body", .markdown, .optional, "The text of the policy in Markdown; headings start at ##."),
            .init("processes", .mappings(process), .optional, "The processes that carry the policy out."),
            .init(
                "kpis", .mappings(kpi), .optional, "Key performance indicators with their weights (adding up to 100)."),
            .init(
                "tiers_basis", .text, .optional,
                "What the tier bounds measure, such as 月度回款额（元）; the caption of the tier table."),
            .init("tiers", .mappings(tier), .optional, "Incentive bands, such as commission rates."),
            .init("related", .texts, .optional, "Ids of related policies."),
        ])

    public static let process = MappingFormat(
        name: "process", title: "Process", description: "A process that carries a policy out, step by step.",
        fields: [
            .init("id", .identifier, "Identifier, such as SALES-PROC-001, unique across all policies."),
            .init("title", .text, "Title of the process."),
            .init("owner", .text, "Id of the role responsible for the process."),
            .init("trigger", .text, "What starts the process."),
            .init("steps", .mappings(step), "The steps, in order."),
            .init("related", .texts, .optional, "Ids of other policies the process relates to."),
        ])

    public static let step = MappingFormat(
        name: "step", title: "Step", description: "One step of a process.",
        fields: [
            .init("id", .identifier, "Short slug, such as qualify, unique within its process."),
            .init("title", .text, "What the step does."),
            .init("role", .text, "Id of the role that carries the step out."),
            .init("sla", .duration, "Time allowed for the step: 30m, 24h, 3d or 2w."),
            .init("checklist", .texts, .checkedByRule, "The items to tick for the step; at least one."),
            .init(
                "records", .records(record), .optional,
                "Forms or records the step produces: a name, or {title, file} naming the form below files/."),
        ])

    public static let record = MappingFormat(
        name: "record", title: "Record", description: "A record a step produces, with its form.",
        fields: [
            .init("title", .text, "Name of the record, such as 线索登记表."),
            .init("file", .text, .optional, "The form's file below the content folder, such as files/forms/lead.csv."),
        ])

    public static let kpi = MappingFormat(
        name: "kpi", title: "KPI", description: "A key performance indicator of a policy.",
        fields: [
            .init("name", .text, "Name of the indicator, such as 销售额完成率."),
            .init("weight", .percentage, "Share of the indicator in the appraisal, such as 30 or 30%."),
            .init("target", .text, "The target, such as ≥ 95%."),
            .init("measure", .text, "How the indicator is measured: formula and data source."),
        ])

    public static let tier = MappingFormat(
        name: "tier", title: "Tier",
        description: "An incentive band: amounts from 'from' up to, not including, 'to' earn 'rate'.",
        fields: [
            .init("from", .number, "Lower bound of the band."),
            .init("to", .number, .optional, "Upper bound of the band; omit it only on the last band."),
            .init("rate", .percentage, "The rate of the band, such as 2 or \"2.5%\"."),
        ])

    public static let chapter = MappingFormat(
        name: "chapter", title: "Chapter front matter",
        description: "The YAML front matter of a Markdown chapter, between two lines of ---.",
        fields: [
            .init("id", .identifier, "Identifier of the chapter, unique across chapters. Page: chapters/<id>.html."),
            .init("title", .text, "Title of the chapter."),
            .init("area", .text, "Id of the area the chapter belongs to."),
            .init("order", .wholeNumber(nil), .optional, "Position of the chapter within its area. Default: 0."),
            .init("related", .texts, .optional, "Ids of related policies."),
        ])
}
