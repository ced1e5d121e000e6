/// The anchor ids each kind of page offers, besides its Markdown headings.
///
/// Validation checks `#anchor` links against these, heading ids avoid them, and the default
/// theme renders exactly these ids; a theme that renames them breaks links that `check` passed.
public enum PageAnchors {
    /// Ids the page layout itself uses, which no heading may take.
    public static let layout: Set<String> = ["main-content", "nav-toggle", "related-title"]

    /// The anchor of a process step, on the process page and wherever the process is embedded.
    public static func step(process: String, step: String) -> String {
        "\(SiteRoutes.slug(process))-\(SiteRoutes.slug(step))"
    }

    /// Anchors of a policy page: its summary, its KPI, tier and process sections where it has
    /// them, and one per process.
    public static func policy(_ policy: Policy) -> [String] {
        var anchors = ["summary"]
        if !policy.kpis.isEmpty { anchors.append("kpis") }
        if !policy.tiers.isEmpty { anchors.append("tiers") }
        if !policy.processes.isEmpty { anchors.append("processes") }
        return anchors + policy.processes.map(\.id.value)
    }

    /// Anchors of a process page: the step list, each step, and the records section if any.
    public static func process(_ process: PolicyProcess) -> [String] {
        var anchors = ["steps"]
        if process.steps.contains(where: { !$0.records.isEmpty }) { anchors.append("records") }
        return anchors + process.steps.map { step(process: process.id.value, step: $0.id.value) }
    }

    /// Anchors of a role page.
    public static func role(_ role: Role, in handbook: Handbook) -> [String] {
        var anchors = ["policies"]
        let applying = handbook.policies.filter { $0.appliesTo.contains { $0.value == role.id } }
        if handbook.processes.contains(where: { $0.steps.contains { $0.role.value == role.id } }) {
            anchors.append("steps")
        }
        if handbook.policies.contains(where: { $0.owner.value == role.id })
            || handbook.processes.contains(where: { $0.owner.value == role.id })
        {
            anchors.append("owns")
        }
        if applying.contains(where: { !$0.kpis.isEmpty }) { anchors.append("kpis") }
        return anchors
    }

    /// The id of the `number`-th (from 1) checklist item of a step.
    public static func checklistItem(step anchor: String, number: Int) -> String {
        "\(anchor)-\(number)"
    }
}
