/// Look-ups by id over a ``Handbook``, with its Markdown parsed once for every later stage.
///
/// Where an id is defined twice, the first definition wins here; validation reports the second.
public struct HandbookIndex: Sendable {
    public let handbook: Handbook
    public let rolesByID: [String: Role]
    public let policiesByID: [String: Policy]
    public let processesByID: [String: Process]
    public let chaptersByPath: [String: Chapter]
    public let areasByID: [String: Area]
    /// Parsed bodies of chapters (by path) and policies (by id).
    public let chapterDocuments: [String: MarkdownDocument]
    public let policyDocuments: [String: MarkdownDocument]

    public init(_ handbook: Handbook) {
        self.handbook = handbook
        rolesByID = Dictionary(handbook.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        policiesByID = Dictionary(handbook.policies.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        processesByID = Dictionary(handbook.processes.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        chaptersByPath = Dictionary(handbook.chapters.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        areasByID = Dictionary(handbook.config.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let chapterDocuments = handbook.chapters.concurrentMap { ($0.path, MarkdownParser.parse($0.body)) }
        self.chapterDocuments = Dictionary(chapterDocuments, uniquingKeysWith: { first, _ in first })
        let policyDocuments = handbook.policies.concurrentMap { ($0.id.value, MarkdownParser.parse($0.body)) }
        self.policyDocuments = Dictionary(policyDocuments, uniquingKeysWith: { first, _ in first })
    }

    /// The chapters of an area, by their `order` then title.
    public func chapters(inArea area: String) -> [Chapter] {
        handbook.chapters.filter { $0.area.value == area }.sorted { ($0.order, $0.title) < ($1.order, $1.title) }
    }

    /// The policies of an area, by id.
    public func policies(inArea area: String) -> [Policy] {
        handbook.policies.filter { $0.area.value == area }.sorted { $0.id.value < $1.id.value }
    }

    /// The headings of the page a link target lands on, or nil if the page does not exist.
    public func headings(of target: LinkTarget) -> [Heading]? {
        switch target {
        case .chapter(let path, _): chapterDocuments[path]?.headings
        case .policy(let id, _): policyDocuments[id]?.headings
        default: nil
        }
    }
}
