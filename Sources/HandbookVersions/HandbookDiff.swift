import HandbookMarkdown
public import HandbookModel

/// One changed field of a policy, process, chapter or role, in words a reader can follow:
/// "KPI 销售额, weight: 30% → 25%".
public struct FieldChange: Sendable, Equatable {
    /// What inside the item changed, as a UI-string key (`kpi`, `tier`, `step`), or nil for the
    /// item itself.
    public var scope: String?
    /// The name of that part: a KPI's name, a step's title, a tier's range.
    public var name: String?
    /// The field, as a UI-string key (`version`, `kpi_weight`, `sla`, `checklist_added` …).
    public var field: String
    public var old: String?
    public var new: String?

    public init(scope: String? = nil, name: String? = nil, field: String, old: String?, new: String?) {
        self.scope = scope
        self.name = name
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A text field's difference, for Markdown bodies and summaries.
public struct TextChange: Sendable, Equatable {
    /// How the text is compared.
    public enum Difference: Sendable, Equatable {
        /// Plain text, character by character.
        case text([TextDiff.Piece])
        /// Markdown, block by block as the page shows it (headings, paragraphs, items, embeds),
        /// with links as their text.
        case blocks([BlockChange])
    }

    /// The field, as a UI-string key (`body`, `summary`).
    public var field: String
    public var difference: Difference

    /// The changed blocks of a Markdown field; nil for plain text.
    public var blocks: [BlockChange]? {
        if case .blocks(let blocks) = difference { blocks } else { nil }
    }
}

/// A policy, process, chapter or role added, removed or changed between two editions.
public struct ItemChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var kind: Kind
    public var id: String
    public var title: String
    public var fields: [FieldChange]
    public var texts: [TextChange]

    /// Whether anything besides the version and the effective date changed.
    public var isMaterial: Bool {
        kind != .changed || !texts.isEmpty || fields.contains { $0.field != "version" && $0.field != "effective" }
    }
}

/// Everything that changed from one edition of a handbook to the next.
public struct HandbookChanges: Sendable {
    public var policies: [ItemChange]
    public var processes: [ItemChange]
    public var chapters: [ItemChange]
    public var roles: [ItemChange]

    public var isEmpty: Bool { policies.isEmpty && processes.isEmpty && chapters.isEmpty && roles.isEmpty }
    public var all: [ItemChange] { policies + processes + chapters + roles }

    /// Compares two editions item by item, matching items by id.
    public init(from old: Handbook, to new: Handbook) {
        let oldRoles = Dictionary(old.roles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newRoles = Dictionary(new.roles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let roleName = { (id: String) in newRoles[id]?.name ?? oldRoles[id]?.name ?? id }
        var titles: [String: String] = [:]
        for handbook in [old, new] {
            for policy in handbook.policies { titles[policy.id.value] = policy.title }
            for process in handbook.processes { titles[process.id.value] = process.title }
        }
        let compare = ItemComparer(
            roleName: roleName,
            embedded: { directive in
                [directive.argument, titles[directive.argument]].compactMap { $0 }.joined(separator: " ")
            })
        policies = Self.changes(old.policies, new.policies, id: \.id.value, title: \.title, compare: compare.policy)
        processes = Self.changes(old.processes, new.processes, id: \.id.value, title: \.title, compare: compare.process)
        chapters = Self.changes(old.chapters, new.chapters, id: \.id.value, title: \.title, compare: compare.chapter)
        roles = Self.changes(old.roles, new.roles, id: \.id, title: \.name, compare: compare.role)
    }

    private static func changes<Item>(
        _ old: [Item], _ new: [Item], id: (Item) -> String, title: (Item) -> String,
        compare: (Item, Item) -> ([FieldChange], [TextChange])
    ) -> [ItemChange] {
        let oldByID = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.map(id))
        var result: [ItemChange] = []
        for item in new {
            guard let previous = oldByID[id(item)] else {
                result.append(ItemChange(kind: .added, id: id(item), title: title(item), fields: [], texts: []))
                continue
            }
            let (fields, texts) = compare(previous, item)
            if !fields.isEmpty || !texts.isEmpty {
                result.append(
                    ItemChange(kind: .changed, id: id(item), title: title(item), fields: fields, texts: texts))
            }
        }
        for item in old where !newIDs.contains(id(item)) {
            result.append(ItemChange(kind: .removed, id: id(item), title: title(item), fields: [], texts: []))
        }
        return result.sorted { ($0.kind.order, $0.id) < ($1.kind.order, $1.id) }
    }
}

extension ItemChange.Kind {
    fileprivate var order: Int {
        switch self {
        case .changed: 0
        case .added: 1
        case .removed: 2
        }
    }
}

/// Field-by-field comparison of two versions of one item.
private struct ItemComparer {
    let roleName: (String) -> String
    /// What a directive embeds, for Markdown compared as the page shows it.
    let embedded: (Directive) -> String

    func policy(_ old: Policy, _ new: Policy) -> ([FieldChange], [TextChange]) {
        var fields: [FieldChange] = []
        func field(_ key: String, _ before: String, _ after: String) {
            if before != after { fields.append(FieldChange(field: key, old: before, new: after)) }
        }
        field("version", old.version, new.version)
        field("effective", old.effective?.description ?? "", new.effective?.description ?? "")
        field("title", old.title, new.title)
        field("area", old.area.value, new.area.value)
        field("owner", roleName(old.owner.value), roleName(new.owner.value))
        field(
            "review_every", old.reviewEveryMonths.map(String.init) ?? "", new.reviewEveryMonths.map(String.init) ?? "")
        fields += listChanges(
            old.appliesTo.map { roleName($0.value) }, new.appliesTo.map { roleName($0.value) }, field: "applies_to")
        fields += listChanges(old.related.map(\.value), new.related.map(\.value), field: "related")
        field("tiers_basis", old.tiersBasis ?? "", new.tiersBasis ?? "")
        fields += kpis(old.kpis, new.kpis)
        fields += tiers(old.tiers, new.tiers)
        var texts: [TextChange] = []
        text("summary", old.summary, new.summary, into: &texts)
        markdown("body", old.body.text, new.body.text, into: &texts)
        return (fields, texts)
    }

    func process(_ old: PolicyProcess, _ new: PolicyProcess) -> ([FieldChange], [TextChange]) {
        var fields: [FieldChange] = []
        func field(_ key: String, _ before: String, _ after: String, scope: String? = nil, name: String? = nil) {
            if before != after {
                fields.append(FieldChange(scope: scope, name: name, field: key, old: before, new: after))
            }
        }
        field("title", old.title, new.title)
        field("process_owner", roleName(old.owner.value), roleName(new.owner.value))
        field("trigger", old.trigger, new.trigger)
        let oldSteps = Dictionary(old.steps.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let newStepIDs = Set(new.steps.map(\.id.value))
        for step in new.steps {
            guard let before = oldSteps[step.id.value] else {
                fields.append(FieldChange(scope: "step", name: step.title, field: "added", old: nil, new: step.title))
                continue
            }
            field("step_title", before.title, step.title, scope: "step", name: step.title)
            field("step_role", roleName(before.role.value), roleName(step.role.value), scope: "step", name: step.title)
            field(
                "sla", before.serviceLevel?.description ?? "", step.serviceLevel?.description ?? "", scope: "step",
                name: step.title)
            for item in step.checklist where !before.checklist.contains(item) {
                fields.append(
                    FieldChange(scope: "step", name: step.title, field: "checklist_added", old: nil, new: item))
            }
            for item in before.checklist where !step.checklist.contains(item) {
                fields.append(
                    FieldChange(scope: "step", name: step.title, field: "checklist_removed", old: item, new: nil))
            }
            fields += listChanges(before.records, step.records, field: "records", scope: "step", name: step.title)
        }
        for step in old.steps where !newStepIDs.contains(step.id.value) {
            fields.append(FieldChange(scope: "step", name: step.title, field: "removed", old: step.title, new: nil))
        }
        return (fields, [])
    }

    func chapter(_ old: Chapter, _ new: Chapter) -> ([FieldChange], [TextChange]) {
        var fields: [FieldChange] = []
        if old.title != new.title { fields.append(FieldChange(field: "title", old: old.title, new: new.title)) }
        if old.area.value != new.area.value {
            fields.append(FieldChange(field: "area", old: old.area.value, new: new.area.value))
        }
        var texts: [TextChange] = []
        markdown("body", old.body.text, new.body.text, into: &texts)
        return (fields, texts)
    }

    func role(_ old: Role, _ new: Role) -> ([FieldChange], [TextChange]) {
        var fields: [FieldChange] = []
        if old.name != new.name { fields.append(FieldChange(field: "name", old: old.name, new: new.name)) }
        let oldBoss = old.reportsTo.map { roleName($0.value) } ?? ""
        let newBoss = new.reportsTo.map { roleName($0.value) } ?? ""
        if oldBoss != newBoss { fields.append(FieldChange(field: "reports_to", old: oldBoss, new: newBoss)) }
        var texts: [TextChange] = []
        text("description", old.description, new.description, into: &texts)
        return (fields, texts)
    }

    private func kpis(_ old: [KPI], _ new: [KPI]) -> [FieldChange] {
        var fields: [FieldChange] = []
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.map(\.name))
        for kpi in new {
            guard let before = oldByName[kpi.name] else {
                fields.append(
                    FieldChange(
                        scope: "kpi", name: kpi.name, field: "added", old: nil, new: kpi.weight.formattedPercent))
                continue
            }
            for (key, a, b) in [
                ("kpi_weight", before.weight.formattedPercent, kpi.weight.formattedPercent),
                ("kpi_target", before.target, kpi.target), ("kpi_measure", before.measure, kpi.measure),
            ] where a != b {
                fields.append(FieldChange(scope: "kpi", name: kpi.name, field: key, old: a, new: b))
            }
        }
        for kpi in old where !newNames.contains(kpi.name) {
            fields.append(
                FieldChange(scope: "kpi", name: kpi.name, field: "removed", old: kpi.weight.formattedPercent, new: nil))
        }
        return fields
    }

    /// Tiers compared band by band, in order of their lower bound.
    private func tiers(_ old: [Tier], _ new: [Tier]) -> [FieldChange] {
        func range(_ tier: Tier) -> String {
            tier.to.map { "\(tier.from.groupedNumber)–\($0.groupedNumber)" } ?? "≥ \(tier.from.groupedNumber)"
        }
        let before = old.sorted { $0.from < $1.from }
        let after = new.sorted { $0.from < $1.from }
        var fields: [FieldChange] = []
        for position in 0..<max(before.count, after.count) {
            let a = position < before.count ? before[position] : nil
            let b = position < after.count ? after[position] : nil
            switch (a, b) {
            case (let a?, let b?):
                if range(a) != range(b) {
                    fields.append(
                        FieldChange(
                            scope: "tier", name: "\(position + 1)", field: "tier_range", old: range(a), new: range(b)))
                }
                if a.rate != b.rate {
                    fields.append(
                        FieldChange(
                            scope: "tier", name: range(b), field: "tier_rate", old: a.rate.formattedPercent,
                            new: b.rate.formattedPercent))
                }
            case (nil, let b?):
                fields.append(
                    FieldChange(scope: "tier", name: range(b), field: "added", old: nil, new: b.rate.formattedPercent))
            case (let a?, nil):
                fields.append(
                    FieldChange(scope: "tier", name: range(a), field: "removed", old: a.rate.formattedPercent, new: nil)
                )
            case (nil, nil):
                break
            }
        }
        return fields
    }

    private func listChanges(_ old: [String], _ new: [String], field: String, scope: String? = nil, name: String? = nil)
        -> [FieldChange]
    {
        guard old != new else { return [] }
        return [
            FieldChange(
                scope: scope, name: name, field: field, old: old.joined(separator: "、"), new: new.joined(separator: "、")
            )
        ]
    }

    private func text(_ field: String, _ old: String, _ new: String, into texts: inout [TextChange]) {
        guard old != new else { return }
        texts.append(TextChange(field: field, difference: .text(TextDiff.diff(old, new))))
    }

    /// A Markdown field compared block by block as the page shows it; a change of the source
    /// that shows nothing different (a reflowed line, an anchor mark) is no change.
    private func markdown(_ field: String, _ old: String, _ new: String, into texts: inout [TextChange]) {
        guard old != new else { return }
        let before = ReadableBlock.blocks(of: old, embedded: embedded)
        let after = ReadableBlock.blocks(of: new, embedded: embedded)
        guard before != after else { return }
        texts.append(TextChange(field: field, difference: .blocks(BlockChange.changes(from: before, to: after))))
    }
}
