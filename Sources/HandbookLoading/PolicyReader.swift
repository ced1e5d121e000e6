import HandbookModel
internal import Yams

/// Reads one policy file into a ``Policy``.
struct PolicyReader {
    let path: String
    let text: String

    func read(sink: DiagnosticSink) -> Policy? {
        let start = SourceLocation(path: path)
        guard let document = YAMLDocument.parse(text, path: path, sink: sink),
            let fields = YAMLMapping.from(
                document.root, format: SourceFormat.policy, subject: "policy", path: path, lineOffset: 0,
                lines: SourceText.lines(text), sink: sink, at: start
            )
        else { return nil }
        let id = fields.identifier() ?? Located("", at: start)
        let policy = Policy(
            id: id,
            title: fields.string("title")?.value ?? "",
            area: fields.string("area") ?? Located("", at: fields.location),
            owner: fields.string("owner") ?? Located("", at: fields.location),
            version: fields.string("version")?.value ?? "",
            effective: fields.date("effective"),
            reviewEveryMonths: fields.int("review_every"),
            appliesTo: fields.strings("applies_to"),
            summary: fields.string("summary")?.value ?? "",
            body: fields.markdown("body") ?? MarkdownSource(text: "", path: path),
            processes: fields.mappings("processes") { index, mapping in
                "process \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
            }.map { readProcess($0, policyID: id.value) },
            kpis: fields.mappings("kpis") { index, _ in "KPI #\(index + 1)" }.compactMap(readKPI),
            tiersBasis: fields.string("tiers_basis")?.value,
            tiers: fields.mappings("tiers") { index, _ in "tier #\(index + 1)" }.compactMap(readTier),
            related: fields.strings("related"),
            path: path
        )
        fields.finish()
        return policy
    }

    private func readProcess(_ fields: YAMLMapping, policyID: String) -> PolicyProcess {
        defer { fields.finish() }
        return PolicyProcess(
            id: fields.identifier() ?? Located("", at: fields.location),
            title: fields.string("title")?.value ?? "",
            owner: fields.string("owner") ?? Located("", at: fields.location),
            trigger: fields.string("trigger")?.value ?? "",
            steps: fields.mappings("steps") { index, mapping in
                "step \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
            }.map(readStep),
            related: fields.strings("related"),
            policyID: policyID
        )
    }

    private func readStep(_ fields: YAMLMapping) -> Step {
        defer { fields.finish() }
        let records = fields.records("records")
        var step = Step(
            id: fields.identifier() ?? Located("", at: fields.location),
            title: fields.string("title")?.value ?? "",
            role: fields.string("role") ?? Located("", at: fields.location),
            serviceLevel: fields.serviceLevel("sla"),
            checklist: fields.strings("checklist").map(\.value),
            records: records.map(\.title),
            location: fields.location
        )
        for record in records { if let file = record.file { step.recordFiles[record.title] = file } }
        return step
    }

    private func readKPI(_ fields: YAMLMapping) -> KPI? {
        defer { fields.finish() }
        let name = fields.string("name")
        let weight = fields.number("weight")
        let target = fields.string("target")
        let measure = fields.string("measure")
        guard let name, let weight, let target, let measure else { return nil }
        return KPI(
            name: name.value, weight: weight.value, target: target.value, measure: measure.value,
            location: fields.location)
    }

    private func readTier(_ fields: YAMLMapping) -> Tier? {
        defer { fields.finish() }
        let from = fields.number("from")
        let to = fields.number("to")
        let rate = fields.number("rate")
        guard let from, let rate else { return nil }
        return Tier(from: from.value, to: to?.value, rate: rate.value, location: fields.location)
    }
}
