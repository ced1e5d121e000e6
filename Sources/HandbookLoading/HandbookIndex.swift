public import HandbookMarkdown
public import HandbookModel

/// Look-ups by id over a ``Handbook``, with its Markdown parsed once for every later stage.
///
/// Where an id is defined twice, the first definition wins here; validation reports the second.
public struct HandbookIndex: Sendable {
    public let handbook: Handbook
    public let rolesByID: [String: Role]
    public let policiesByID: [String: Policy]
    public let processesByID: [String: PolicyProcess]
    public let chaptersByPath: [String: Chapter]
    public let areasByID: [String: Area]
    /// Parsed bodies of chapters and policies, by the path of their file.
    public let chapterDocuments: [String: MarkdownDocument]
    public let policyDocuments: [String: MarkdownDocument]
    private let chaptersByArea: [String: [Chapter]]
    /// Every anchor of each chapter page, by path: its headings and embedded process steps.
    private let chapterAnchors: [String: [String]]
    /// Every anchor of each policy page, by the policy's path, and of each role page, by id:
    /// worked out once, since every link to them is checked against them.
    private let policyAnchors: [String: [String]]
    private let roleAnchors: [String: [String]]
    private let policiesByArea: [String: [Policy]]
    private let chaptersByRelatedPolicy: [String: [Chapter]]

    /// - Parameter cache: Markdown parsed by an earlier index, reused where unchanged.
    public init(_ handbook: Handbook, cache: SourceCache? = nil) {
        self.handbook = handbook
        rolesByID = Dictionary(handbook.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        policiesByID = Dictionary(handbook.policies.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        processesByID = Dictionary(
            handbook.processes.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        chaptersByPath = Dictionary(handbook.chapters.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        areasByID = Dictionary(handbook.config.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let processesByID = self.processesByID
        let chapterDocuments = handbook.chapters.concurrentMap {
            (
                $0.path,
                HandbookIndex.parse($0.body, reserving: PageAnchors.layout, processes: processesByID, cache: cache)
            )
        }
        self.chapterDocuments = Dictionary(chapterDocuments, uniquingKeysWith: { first, _ in first })
        let policyDocuments = handbook.policies.concurrentMap {
            (
                $0.path,
                HandbookIndex.parse(
                    $0.body, reserving: PageAnchors.layout.union(PageAnchors.policy($0)), processes: processesByID,
                    cache: cache)
            )
        }
        self.policyDocuments = Dictionary(policyDocuments, uniquingKeysWith: { first, _ in first })
        chapterAnchors = self.chapterDocuments.mapValues {
            $0.headings.map(\.id) + PageAnchors.embedded(in: $0, processes: processesByID)
        }
        var policyAnchors: [String: [String]] = [:]
        for policy in handbook.policies {
            guard let document = self.policyDocuments[policy.path] else { continue }
            policyAnchors[policy.path] =
                document.headings.map(\.id) + PageAnchors.embedded(in: document, processes: processesByID)
                + PageAnchors.policy(policy)
        }
        self.policyAnchors = policyAnchors
        roleAnchors = rolesByID.mapValues { PageAnchors.role($0, in: handbook) }
        chaptersByArea = Dictionary(grouping: handbook.chapters, by: \.area.value).mapValues {
            $0.sorted { ($0.order, $0.title) < ($1.order, $1.title) }
        }
        policiesByArea = Dictionary(grouping: handbook.policies, by: \.area.value).mapValues {
            $0.sorted { $0.id.value < $1.id.value }
        }
        var related: [String: [Chapter]] = [:]
        for chapter in handbook.chapters {
            for policy in Set(chapter.related.map(\.value)) { related[policy, default: []].append(chapter) }
        }
        chaptersByRelatedPolicy = related
    }

    /// Parses a page's Markdown so that its headings take none of `reserved`, nor the ids of its
    /// task items and of the steps and checklist items of processes it embeds (known only once
    /// it is parsed).
    private static func parse(
        _ source: MarkdownSource, reserving reserved: Set<String>, processes: [String: PolicyProcess],
        cache: SourceCache?
    )
        -> MarkdownDocument
    {
        func parse(_ source: MarkdownSource, _ reserved: Set<String>) -> MarkdownDocument {
            cache?.document(source, reserved: reserved) { MarkdownParser.parse($0, reservedAnchors: $1) }
                ?? MarkdownParser.parse(source, reservedAnchors: reserved)
        }
        let document = parse(source, reserved)
        let taskCount = document.taskCount
        let elements = PageAnchors.embeddedElementIDs(in: document, processes: processes)
            .union((0..<taskCount).map { "task-\($0 + 1)" })
        guard document.headings.contains(where: { elements.contains($0.id) }) else { return document }
        return parse(source, reserved.union(elements))
    }

    /// The chapters of an area, by their `order` then title.
    public func chapters(inArea area: String) -> [Chapter] {
        chaptersByArea[area] ?? []
    }

    /// The chapters that name a policy among their related ones, in the handbook's order.
    public func chapters(relatedTo policy: String) -> [Chapter] {
        chaptersByRelatedPolicy[policy] ?? []
    }

    /// The policies of an area, by id.
    public func policies(inArea area: String) -> [Policy] {
        policiesByArea[area] ?? []
    }

    /// Every anchor of a policy's page: its body's headings, the steps of processes the body
    /// embeds, and the page's own sections.
    public func anchors(of policy: Policy) -> [String]? {
        policyAnchors[policy.path]
    }

    /// Every anchor of the page a link target lands on, or nil if the page does not exist.
    public func anchors(of target: LinkTarget) -> [String]? {
        switch target {
        case .chapter(let path, _):
            chapterAnchors[path]
        case .policy(let id, _):
            policiesByID[id].flatMap(anchors(of:))
        case .process(let id, _): processesByID[id].map(PageAnchors.process)
        case .role(let id, _): roleAnchors[id]
        case .external, .fragment, .relative, .file, .page: nil
        }
    }
}
