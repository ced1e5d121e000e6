import Foundation
import HandbookLoading
import HandbookModel

/// Builds the view models of pages from the handbook, with URLs relative to one page.
struct ViewFactory: Sendable {
    let index: HandbookIndex
    let strings: [String: String]
    let today: CalendarDate
    /// Relative prefix from the page being built to the root of its edition.
    let root: String
    /// Relative prefix from the page being built to the shared assets.
    var assets: String = "assets/"
    /// The tag of the edition being built; nil for the latest.
    var editionTag: String? = nil
    /// Parts shared by the pages of a folder, such as a process's steps.
    let parts: SharedParts

    private var handbook: Handbook { index.handbook }

    func url(_ path: String) -> String { root + path }

    func site() -> SiteView {
        let config = handbook.config
        return SiteView(
            title: config.title, description: config.description,
            version: config.version.isEmpty ? nil : config.version,
            storage: "handbook/\(config.title)/\(editionTag ?? (config.version.isEmpty ? "current" : config.version))",
            language: config.language.rawValue, root: root, assets: assets, t: UIStrings(strings: strings))
    }

    func roleLink(_ id: String) -> RoleLinkView {
        RoleLinkView(name: index.rolesByID[id]?.name ?? id, url: url(SiteRoutes.role(id: id)))
    }

    func policyLink(_ id: String) -> LinkView {
        LinkView(title: index.policiesByID[id]?.title ?? id, url: url(SiteRoutes.policy(id: id)), code: id)
    }

    func serviceLevel(_ level: ServiceLevel?) -> String? {
        // `unit_d_one` and the like, where a language has a singular: `1 day`, `2 days`.
        level.map { level in
            let key = "unit_\(level.unit.rawValue)"
            let unit = (level.amount == 1 ? strings[key + "_one"] : nil) ?? strings[key] ?? level.unit.rawValue
            return "\(level.amount) \(unit)"
        }
    }

    // MARK: Structured content

    func kpiTable(_ policy: Policy) -> KPITableView? {
        guard !policy.kpis.isEmpty else { return nil }
        return KPITableView(
            rows: policy.kpis.map {
                KPIRowView(name: $0.name, weight: $0.weight.formattedPercent, target: $0.target, measure: $0.measure)
            },
            total: policy.kpis.reduce(0) { $0 + $1.weight }.formattedPercent)
    }

    func tierTable(_ policy: Policy) -> TierTableView? {
        guard !policy.tiers.isEmpty else { return nil }
        return TierTableView(
            basis: policy.tiersBasis,
            rows: policy.tiers.sorted { $0.from < $1.from }.map {
                TierRowView(from: $0.from.groupedNumber, to: $0.to?.groupedNumber, rate: $0.rate.formattedPercent)
            })
    }

    /// The address of a published file of the content's `files/`, if the handbook has it.
    func fileURL(_ path: String) -> String? {
        // Files are published once, at the site's root, for every edition.
        index.handbook.files.contains(path) ? String(assets.dropLast("assets/".count)) + path : nil
    }

    /// A step's record, linked to its form where the handbook has the file.
    func record(_ title: String, of step: Step) -> RecordView {
        guard let file = step.recordFiles[title]?.value, let url = fileURL(file) else {
            return RecordView(title: title, hasFile: false, url: "", file: "")
        }
        return RecordView(title: title, hasFile: true, url: url, file: (file as NSString).lastPathComponent)
    }

    func process(_ process: PolicyProcess) -> ProcessView {
        let steps = process.steps.enumerated().map { offset, step in
            let anchor = PageAnchors.step(process: process.id.value, step: step.id.value)
            return StepView(
                number: offset + 1, id: step.id.value, anchor: anchor, title: step.title,
                role: roleLink(step.role.value), sla: serviceLevel(step.serviceLevel),
                checklist: step.checklist.enumerated().map { item, text in
                    ChecklistItemView(id: PageAnchors.checklistItem(step: anchor, number: item + 1), text: text)
                },
                records: step.records.map { record($0, of: step) })
        }
        var records: [RecordView] = []
        for record in steps.flatMap(\.records) where !records.contains(record) { records.append(record) }
        let label = strings["process_map_label"] ?? "{title}"
        let map = LazyHTML { [parts] in
            parts.map(of: process.id.value) {
                ProcessMap(
                    title: process.title,
                    steps: zip(process.steps, steps).map { step, view in
                        ProcessMap.Step(
                            number: view.number, title: step.title, role: step.role.value, roleName: view.role.name,
                            timeLimit: view.sla, records: step.records)
                    }, label: label)
            }
        }
        var view = ProcessView(
            id: process.id.value, title: process.title, url: url(SiteRoutes.process(id: process.id.value)),
            owner: roleLink(process.owner.value), trigger: process.trigger, policy: policyLink(process.policyID),
            steps: steps, itemCount: steps.reduce(0) { $0 + $1.checklist.count }, records: records,
            related: process.related.map { policyLink($0.value) }, map: map)
        view.stepsHTML = LazyHTML { [view, self] in parts.steps(of: view, views: self) }
        return view
    }

    /// Reviews due within this many days are marked on the list of review dates.
    static let reviewWarningDays = 30

    /// Every policy by its next review date (those without one last), overdue and imminent
    /// reviews marked against the build's day.
    func reviewRows() -> [ReviewRowView] {
        let policies = handbook.policies.sorted {
            switch ($0.nextReview, $1.nextReview) {
            case (let first?, let second?): (first, $0.id.value) < (second, $1.id.value)
            case (nil, nil): $0.id.value < $1.id.value
            case (nil, _): false
            case (_, nil): true
            }
        }
        return policies.map { policy in
            let due = policy.nextReview
            let daysLeft = due.map { today.days(until: $0) }
            return ReviewRowView(
                policy: policyLink(policy.id.value), owner: roleLink(policy.owner.value), version: policy.version,
                effective: policy.effective?.description ?? "", nextReview: due?.description ?? "",
                overdue: daysLeft.map { $0 < 0 } ?? false,
                dueSoon: daysLeft.map { (0...Self.reviewWarningDays).contains($0) } ?? false)
        }
    }

    func policySummary(_ policy: Policy) -> PolicySummaryView {
        PolicySummaryView(
            id: policy.id.value, title: policy.title, url: url(SiteRoutes.policy(id: policy.id.value)),
            version: policy.version, effective: policy.effective?.description ?? "", summary: policy.summary)
    }

    func policy(_ policy: Policy, body: String, hasTasks: Bool, anchorPrefix: String = "") -> PolicyView {
        let nextReview = policy.nextReview
        let chapters = index.chapters(relatedTo: policy.id.value)
        return PolicyView(
            id: policy.id.value, title: policy.title, area: index.areasByID[policy.area.value]?.title ?? "",
            owner: roleLink(policy.owner.value), version: policy.version,
            effective: policy.effective?.description ?? "", nextReview: nextReview?.description ?? "",
            reviewOverdue: nextReview.map { $0 < today } ?? false, reviewEvery: policy.reviewEveryMonths ?? 0,
            appliesTo: policy.appliesTo.map { roleLink($0.value) }, summary: policy.summary, body: body,
            kpis: kpiTable(policy), tiers: tierTable(policy), processes: policy.processes.map(process),
            related: policy.related.map { policyLink($0.value) },
            chapters: chapters.map { LinkView(title: $0.title, url: url(SiteRoutes.chapter($0))) },
            anchorPrefix: anchorPrefix, hasTasks: hasTasks)
    }

    func role(_ role: Role) -> RoleView {
        let applying = handbook.policies.filter { policy in policy.appliesTo.contains { $0.value == role.id } }
        var steps: [RoleStepView] = []
        for process in handbook.processes {
            for step in process.steps where step.role.value == role.id {
                steps.append(
                    RoleStepView(
                        process: LinkView(
                            title: process.title, url: url(SiteRoutes.process(id: process.id.value)),
                            code: process.id.value),
                        step: step.title, sla: serviceLevel(step.serviceLevel)))
            }
        }
        return RoleView(
            id: role.id, name: role.name, description: role.description,
            reportsTo: role.reportsTo.map { roleLink($0.value) },
            directReports: handbook.roles.filter { $0.reportsTo?.value == role.id }.map { roleLink($0.id) },
            policies: applying.map(policySummary),
            owned: handbook.policies.filter { $0.owner.value == role.id }.map { policyLink($0.id.value) }
                + handbook.processes.filter { $0.owner.value == role.id }.map {
                    LinkView(title: $0.title, url: url(SiteRoutes.process(id: $0.id.value)), code: $0.id.value)
                },
            steps: steps,
            kpis: applying.compactMap { policy in
                kpiTable(policy).map { KPIGroupView(policy: policyLink(policy.id.value), table: $0) }
            },
            onboardingURL: url(SiteRoutes.onboarding(role: role.id)),
            calendarURL: handbook.policies.contains { $0.owner.value == role.id }
                ? url(SiteRoutes.reviewCalendar(role: role.id)) : nil)
    }

    /// The policies that apply to a role, and the processes it owns or does a step of.
    func onboarding(for role: Role) -> (policies: [PolicySummaryView], processes: [ProcessView]) {
        let policies = handbook.policies.filter { policy in policy.appliesTo.contains { $0.value == role.id } }
            .sorted { $0.id.value < $1.id.value }
        let processes = handbook.processes.filter { process in
            process.owner.value == role.id || process.steps.contains { $0.role.value == role.id }
        }
        return (policies.map(policySummary), processes.map(process))
    }

    /// Roles as a reporting tree, depth first from the roles that report to nobody.
    func roleTree() -> [RoleTreeEntryView] {
        var entries: [RoleTreeEntryView] = []
        var visited: Set<String> = []
        func visit(_ role: Role, depth: Int) {
            guard visited.insert(role.id).inserted else { return }
            entries.append(
                RoleTreeEntryView(
                    name: role.name, url: url(SiteRoutes.role(id: role.id)), description: role.description,
                    depth: depth,
                    reportsTo: role.reportsTo.flatMap { index.rolesByID[$0.value]?.name }))
            for report in handbook.roles where report.reportsTo?.value == role.id {
                visit(report, depth: depth + 1)
            }
        }
        for role in handbook.roles where role.reportsTo.flatMap({ index.rolesByID[$0.value] }) == nil {
            visit(role, depth: 0)
        }
        for role in handbook.roles { visit(role, depth: 0) }
        return entries
    }

    /// Cards for the areas that have chapters or policies.
    /// The areas that have chapters or policies, each with at most `limit` of them (chapters
    /// first), so that the home page of a large handbook stays small; the area pages list all.
    func areaCards(limit: Int = .max) -> [AreaCardView] {
        handbook.config.areas.map { areaCard($0, limit: limit) }.filter { !$0.chapters.isEmpty || !$0.policies.isEmpty }
    }

    func areaCard(_ area: Area, limit: Int = .max) -> AreaCardView {
        let chapters = index.chapters(inArea: area.id)
        let policies = index.policies(inArea: area.id)
        let total = chapters.count + policies.count
        return AreaCardView(
            id: SiteRoutes.slug(area.id), title: area.title, description: area.description,
            url: url(SiteRoutes.area(id: area.id)),
            chapters: chapters.prefix(limit).map { LinkView(title: $0.title, url: url(SiteRoutes.chapter($0))) },
            policies: policies.prefix(max(0, limit - chapters.count)).map(policySummary),
            more: total > limit
                ? (strings["nav_all_entries"] ?? "nav_all_entries").replacingOccurrences(
                    of: "{count}", with: String(total)) : nil)
    }

    /// The policies that most recently took effect (not those still to come).
    func recentPolicies(limit: Int = 5) -> [PolicySummaryView] {
        handbook.policies
            .compactMap { policy in policy.effective.flatMap { $0 <= today ? (policy, $0) : nil } }
            .sorted { ($0.1, $0.0.id.value) > ($1.1, $1.0.id.value) }
            .prefix(limit).map { policySummary($0.0) }
    }
}
