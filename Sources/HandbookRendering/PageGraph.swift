public import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// Something an output file is made from.
public enum SiteInput: Hashable, Sendable {
    /// A chapter or policy file, by path in the content folder.
    case source(String)
    /// One role's entry in `roles.yaml`, by id: its name, description and manager.
    case role(String)
    /// Which roles there are, in what order.
    case roleList
    /// The site's title and its areas with their titles, order and number of entries: what
    /// every page's navigation shows.
    case areaList
    /// Which pages an area has, in what order (by area id): what decides the entries a page of
    /// the area shows in its sidebar and its previous and next pages.
    case areaPages(String)
    /// The title of a page that navigation names (a chapter, policy, process or area page), by path.
    case pageTitle(String)
    /// The site-wide settings of `handbook.yaml` (title, language, addresses).
    case settings
    /// The theme's templates, strings and assets.
    case theme
    /// The editions and page histories from git.
    case editions
}

/// What each output file of a site is made from.
///
/// Given what changed between two loads of the content, ``outputs(affectedBy:)`` answers which
/// outputs to redo; an incremental rebuild asks the graphs of both loads, since an edit can
/// add a dependency (a policy that now applies to a role) or remove one.
public struct PageGraph: Sendable {
    /// The inputs of each output file, by its path in the site.
    public let inputs: [String: Set<SiteInput>]

    public init(inputs: [String: Set<SiteInput>]) {
        self.inputs = inputs
    }

    /// The outputs made from any of `changed`.
    public func outputs(affectedBy changed: Set<SiteInput>) -> Set<String> {
        Set(inputs.compactMap { path, inputs in inputs.isDisjoint(with: changed) ? nil : path })
    }

    /// The outputs to write and to delete when the site goes from `old` to `new` because of
    /// `changed`.
    public static func rebuild(from old: PageGraph, to new: PageGraph, changed: Set<SiteInput>)
        -> (write: Set<String>, delete: Set<String>)
    {
        let oldPaths = Set(old.inputs.keys)
        let newPaths = Set(new.inputs.keys)
        let affected = old.outputs(affectedBy: changed).union(new.outputs(affectedBy: changed))
        return (affected.intersection(newPaths).union(newPaths.subtracting(oldPaths)), oldPaths.subtracting(newPaths))
    }
}

extension SiteInput {
    /// What changed between two loads of the content, given the files that changed on disk
    /// (paths in the content folder; a theme file as `theme/…`).
    public static func changes(from old: HandbookIndex, to new: HandbookIndex, files: Set<String>) -> Set<SiteInput> {
        changes(from: old, plan: SitePlan(old), to: new, plan: SitePlan(new), files: files)
    }

    /// ``changes(from:to:files:)`` with each load's plan of pages, as the renderers made them.
    package static func changes(
        from old: HandbookIndex, plan oldPlan: SitePlan, to new: HandbookIndex, plan newPlan: SitePlan,
        files: Set<String>
    ) -> Set<SiteInput> {
        var changes: Set<SiteInput> = []
        for file in files {
            if file.hasPrefix("theme/assets/") {
                // Copied whole by every build; pages only link to them.
                continue
            } else if file.hasPrefix("theme/") {
                changes.insert(.theme)
            } else if file == "handbook.yaml" {
                changes.insert(.settings)
            } else if file == "roles.yaml" {
                changes.formUnion(roleChanges(from: old.handbook.roles, to: new.handbook.roles))
            } else {
                changes.insert(.source(file))
            }
        }
        changes.formUnion(NavigationSummary(old, plan: oldPlan).changes(to: NavigationSummary(new, plan: newPlan)))
        return changes
    }

    private static func roleChanges(from old: [Role], to new: [Role]) -> Set<SiteInput> {
        var changes: Set<SiteInput> = []
        if old.map(\.id) != new.map(\.id) { changes.insert(.roleList) }
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(oldByID.keys).union(newByID.keys) {
            let before = oldByID[id]
            let after = newByID[id]
            if before?.name != after?.name || before?.description != after?.description
                || before?.reportsTo?.value != after?.reportsTo?.value
            {
                changes.insert(.role(id))
            }
        }
        return changes
    }

}

/// What navigation shows of a handbook, to tell which of it an edit changed.
private struct NavigationSummary {
    let areaList: [String]
    /// The paths of each area's pages, in order, by area id.
    let areaPages: [String: [String]]
    let titles: [String: String]

    init(_ index: HandbookIndex, plan: SitePlan) {
        // Read in place: a page copied out of the plan carries its whole chapter or policy.
        var areaPages: [String: [String]] = [:]
        var titles: [String: String] = [:]
        titles.reserveCapacity(plan.pages.count)
        for position in plan.pages.indices {
            guard let area = plan.pages[position].area?.id else { continue }
            let path = plan.pages[position].path
            areaPages[area, default: []].append(path)
            if titles[path] == nil { titles[path] = plan.pages[position].title }
        }
        self.areaPages = areaPages
        self.titles = titles
        areaList =
            [index.handbook.config.title]
            + index.handbook.config.areas.map { area in
                let entries = index.chapters(inArea: area.id).count + index.policies(inArea: area.id).count
                return "\(area.id)\t\(area.title)\t\(entries)"
            }
    }

    func changes(to new: NavigationSummary) -> Set<SiteInput> {
        var changes: Set<SiteInput> = []
        if areaList != new.areaList { changes.insert(.areaList) }
        for area in Set(areaPages.keys).union(new.areaPages.keys) where areaPages[area] != new.areaPages[area] {
            changes.insert(.areaPages(area))
        }
        for (path, title) in new.titles where titles[path].map({ $0 != title }) ?? false {
            changes.insert(.pageTitle(path))
        }
        return changes
    }
}

extension PageGraph {
    /// The graph of the pages of `plan`, as ``SiteRenderer`` renders them with `sidebar`.
    init(plan: SitePlan, index: HandbookIndex, withEditions: Bool, folder: String, sidebar: Sidebar) {
        let dependencies = PageDependencies(index: index)
        var inputs: [String: Set<SiteInput>] = [:]
        let everyPage: Set<SiteInput> =
            withEditions ? [.theme, .settings, .areaList, .editions] : [.theme, .settings, .areaList]
        let areas = Set(plan.pages.compactMap(\.area?.id))
        let everyArea = Set(areas.map(SiteInput.areaPages))
        func titles(of entries: [Sidebar.Entry]) -> [SiteInput] { entries.map { .pageTitle($0.path) } }
        for page in plan.pages {
            var pageInputs = everyPage.union(dependencies.inputs(of: page.content))
            // The sidebar's entries, and the previous and next pages.
            pageInputs.formUnion(titles(of: sidebar.shownEntries(area: page.area, currentPath: page.path)))
            pageInputs.formUnion(sidebar.isComplete ? everyArea : Set(page.area.map { [.areaPages($0.id)] } ?? []))
            let (previous, next) = plan.neighbours(of: page.path)
            for neighbour in [previous, next].compactMap({ $0 }) {
                pageInputs.insert(.pageTitle(neighbour.path))
                if let area = neighbour.area { pageInputs.insert(.areaPages(area.id)) }
            }
            switch page.content {
            case .home:
                pageInputs.formUnion(everyArea)
                pageInputs.formUnion(sidebar.areas.flatMap { titles(of: $0.entries) })
            case .area(let area):
                pageInputs.formUnion(sidebar.areas.filter { $0.area.id == area.id }.flatMap { titles(of: $0.entries) })
            default:
                break
            }
            inputs[folder + page.path] = pageInputs
        }
        for area in sidebar.areas where !sidebar.isComplete {
            inputs[folder + Sidebar.scriptPath(of: area.area)] = Set(
                [.areaPages(area.area.id)] + titles(of: area.entries))
        }
        inputs[folder + SiteRoutes.reviewCalendar] = dependencies.reviewInputs(of: index.handbook.policies).union([
            .settings
        ])
        for role in index.handbook.roles {
            let owned = index.handbook.policies.filter { $0.owner.value == role.id }
            guard !owned.isEmpty else { continue }
            inputs[folder + SiteRoutes.reviewCalendar(role: role.id)] = dependencies.reviewInputs(of: owned).union([
                .settings, .role(role.id),
            ])
        }
        inputs[folder + "sitemap.xml"] = Set(index.handbook.policies.map { .source($0.path) }).union(everyArea).union([
            .areaList, .settings,
        ])
        self.init(inputs: inputs)
    }

    /// This graph with the search index's files, each made from the pages whose sections it
    /// holds; a file with no pages given (a shard, the manifest) from every page of `searchable`.
    func adding(search files: [(path: String, pages: Set<String>?)], searchable: Set<String>) -> PageGraph {
        var inputs = self.inputs
        func made(of pages: Set<String>) -> Set<SiteInput> {
            pages.reduce(into: [.theme]) { result, page in
                result.formUnion(
                    (self.inputs[page] ?? []).filter {
                        switch $0 {
                        case .areaList, .areaPages, .pageTitle, .editions: false
                        default: true
                        }
                    })
            }
        }
        // Worked out once: most files of a large index hold terms of every page.
        let everyPage = made(of: searchable)
        for file in files {
            inputs[file.path] = file.pages.map(made(of:)) ?? everyPage
        }
        return PageGraph(inputs: inputs)
    }
}

/// The sources each kind of page shows, besides the navigation and theme every page has.
private struct PageDependencies {
    let index: HandbookIndex

    func inputs(of content: SitePlan.Content) -> Set<SiteInput> {
        switch content {
        case .home:
            let roles = index.handbook.roles.map { SiteInput.role($0.id) }
            return Set(index.handbook.policies.map { .source($0.path) } + roles + [.roleList])
        case .area(let area):
            return Set(index.policies(inArea: area.id).map { .source($0.path) })
        case .chapter(let chapter):
            var inputs: Set<SiteInput> = [.source(chapter.path)]
            inputs.formUnion(policies(chapter.related.map(\.value)))
            if let document = index.chapterDocuments[chapter.path] { inputs.formUnion(embedded(in: document)) }
            return inputs
        case .policy(let policy):
            return policyInputs(policy)
        case .process(let process):
            return processInputs(process).union(policies(process.related.map(\.value)))
        case .roles:
            return Set(index.handbook.roles.map { .role($0.id) } + [.roleList])
        case .role(let role):
            // The role, its manager and its neighbours in the list of roles (previous and next
            // links), and the policies and steps that concern it.
            var inputs = Set(index.handbook.roles.map { SiteInput.role($0.id) } + [.roleList])
            for policy in index.handbook.policies where concerns(policy, role) { inputs.insert(.source(policy.path)) }
            return inputs
        case .onboarding(let role):
            var inputs: Set<SiteInput> = [.role(role.id), .roleList]
            for policy in index.handbook.policies where concerns(policy, role) {
                inputs.formUnion(policyInputs(policy))
            }
            return inputs
        case .checklists:
            return index.handbook.processes.reduce(into: []) { $0.formUnion(processInputs($1)) }
        case .reviews:
            return reviewInputs(of: index.handbook.policies)
        case .printVersion:
            return index.handbook.chapters.reduce(into: Set(index.handbook.policies.flatMap(policyInputs))) {
                $0.formUnion(inputs(of: .chapter($1)))
            }
        case .changes:
            // What changed since the newest tag includes the working tree's edits of any source.
            let sources = (index.handbook.chapters.map(\.path) + index.handbook.policies.map(\.path)).map(
                SiteInput.source)
            return Set(sources + index.handbook.roles.map { .role($0.id) } + [.editions, .roleList])
        case .history(let policy):
            return [.editions, .source(policy.path)]
        case .search, .notFound:
            return []
        }
    }

    /// What a list of review dates shows of `policies`: their sources and their owners' names.
    func reviewInputs(of policies: [Policy]) -> Set<SiteInput> {
        Set(policies.flatMap { [SiteInput.source($0.path), .role($0.owner.value)] } + [.roleList])
    }

    private func concerns(_ policy: Policy, _ role: Role) -> Bool {
        policy.owner.value == role.id || policy.appliesTo.contains { $0.value == role.id }
            || policy.processes.contains { $0.owner.value == role.id || $0.steps.contains { $0.role.value == role.id } }
    }

    private func policyInputs(_ policy: Policy) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = [.source(policy.path), .role(policy.owner.value)]
        inputs.formUnion(policy.appliesTo.map { .role($0.value) })
        inputs.formUnion(policies(policy.related.map(\.value)))
        for process in policy.processes { inputs.formUnion(processInputs(process)) }
        if let document = index.policyDocuments[policy.path] { inputs.formUnion(embedded(in: document)) }
        return inputs
    }

    private func processInputs(_ process: PolicyProcess) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = [.role(process.owner.value)]
        if let policy = index.policiesByID[process.policyID] { inputs.insert(.source(policy.path)) }
        inputs.formUnion(process.steps.map { .role($0.role.value) })
        return inputs
    }

    private func policies(_ ids: [String]) -> Set<SiteInput> {
        Set(ids.compactMap { index.policiesByID[$0].map { .source($0.path) } })
    }

    /// The policies whose processes, KPIs or tiers a document embeds.
    private func embedded(in document: MarkdownDocument) -> Set<SiteInput> {
        var inputs: Set<SiteInput> = []
        for node in document.codeBlocks {
            guard case .codeBlock(let info, _) = node.kind, let directive = Directive(info: info) else { continue }
            switch directive.kind {
            case .process, .processMap:
                if let process = index.processesByID[directive.argument] { inputs.formUnion(processInputs(process)) }
            default:
                inputs.formUnion(policies([directive.argument]))
            }
        }
        return inputs
    }
}
