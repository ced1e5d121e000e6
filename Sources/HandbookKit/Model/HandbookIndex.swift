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
    private let chaptersByArea: [String: [Chapter]]
    private let policiesByArea: [String: [Policy]]

    public init(_ handbook: Handbook) {
        self.handbook = handbook
        rolesByID = Dictionary(handbook.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        policiesByID = Dictionary(handbook.policies.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        processesByID = Dictionary(handbook.processes.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        chaptersByPath = Dictionary(handbook.chapters.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        areasByID = Dictionary(handbook.config.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let chapterDocuments = handbook.chapters.concurrentMap {
            ($0.path, MarkdownParser.parse($0.body, reservedAnchors: PageAnchors.layout))
        }
        self.chapterDocuments = Dictionary(chapterDocuments, uniquingKeysWith: { first, _ in first })
        let policyDocuments = handbook.policies.concurrentMap {
            ($0.id.value, MarkdownParser.parse($0.body, reservedAnchors: PageAnchors.layout.union(PageAnchors.policy($0))))
        }
        self.policyDocuments = Dictionary(policyDocuments, uniquingKeysWith: { first, _ in first })
        chaptersByArea = Dictionary(grouping: handbook.chapters, by: \.area.value).mapValues {
            $0.sorted { ($0.order, $0.title) < ($1.order, $1.title) }
        }
        policiesByArea = Dictionary(grouping: handbook.policies, by: \.area.value).mapValues {
            $0.sorted { $0.id.value < $1.id.value }
        }
    }

    /// The chapters of an area, by their `order` then title.
    public func chapters(inArea area: String) -> [Chapter] {
        chaptersByArea[area] ?? []
    }

    /// The policies of an area, by id.
    public func policies(inArea area: String) -> [Policy] {
        policiesByArea[area] ?? []
    }

    /// Every anchor of the page a link target lands on, or nil if the page does not exist.
    public func anchors(of target: LinkTarget) -> [String]? {
        switch target {
        case .chapter(let path, _):
            chapterDocuments[path].map { $0.headings.map(\.id) + PageAnchors.embedded(in: $0, processes: processesByID) }
        case .policy(let id, _):
            policiesByID[id].flatMap { policy in
                policyDocuments[id].map {
                    $0.headings.map(\.id) + PageAnchors.embedded(in: $0, processes: processesByID) + PageAnchors.policy(policy)
                }
            }
        case .process(let id, _): processesByID[id].map(PageAnchors.process)
        case .role(let id, _): rolesByID[id].map { PageAnchors.role($0, in: handbook) }
        case .external, .fragment, .relative: nil
        }
    }
}
