import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// Links and directives in Markdown that point at nothing: missing chapters, unknown ids,
/// anchors that no heading of the target page defines, missing files, relative addresses that
/// leave the content folder or lead to nothing the site publishes; records whose form is
/// missing; and links or images whose unsafe address is removed from the page.
struct LinkCheck: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        let pages = sitePages(of: index)
        // Every link of every chapter is checked on every rebuild of `handbook serve`: on all cores.
        var diagnostics = index.handbook.chapters.concurrentMap { chapter -> [Diagnostic] in
            guard let document = index.chapterDocuments[chapter.path],
                let ownAnchors = index.anchors(of: .chapter(path: chapter.path, anchor: nil))
            else { return [] }
            return check(document, ownAnchors: ownAnchors, index: index, pages: pages)
        }.flatMap { $0 }
        for policy in index.handbook.policies {
            guard let document = index.policyDocuments[policy.path], let ownAnchors = index.anchors(of: policy)
            else { continue }
            diagnostics += check(document, ownAnchors: ownAnchors, index: index, pages: pages)
        }
        for step in index.handbook.processes.flatMap(\.steps) {
            for (_, file) in step.recordFiles.sorted(by: { $0.key < $1.key }) {
                if let problem = missingFile(file.value, among: index.handbook.files, at: file.location) {
                    diagnostics.append(problem)
                }
            }
        }
        return diagnostics
    }

    private func missingFile(_ path: String, among files: Set<String>, at location: SourceLocation) -> Diagnostic? {
        guard !files.contains(path) else { return nil }
        return .error(
            at: location, "link to a missing file '\(path)'", rule: "broken-link",
            hint: Suggestion.closest(to: path, among: files).map { "did you mean '\($0)'?" }
                ?? "put the file under files/ in the content folder")
    }

    /// The paths of the pages a site of this handbook may have (the pages about editions too).
    private func sitePages(of index: HandbookIndex) -> Set<String> {
        let handbook = index.handbook
        var pages: Set<String> = [
            SiteRoutes.home, SiteRoutes.notFound, SiteRoutes.rolesIndex, SiteRoutes.search, SiteRoutes.checklists,
            SiteRoutes.printVersion, SiteRoutes.changes, SiteRoutes.reviews,
        ]
        pages.formUnion(handbook.config.areas.map { SiteRoutes.area(id: $0.id) })
        pages.formUnion(handbook.chapters.map { SiteRoutes.chapter($0) })
        pages.formUnion(
            handbook.policies.flatMap { [SiteRoutes.policy(id: $0.id.value), SiteRoutes.history(policy: $0.id.value)] })
        pages.formUnion(handbook.processes.map { SiteRoutes.process(id: $0.id.value) })
        pages.formUnion(handbook.roles.flatMap { [SiteRoutes.role(id: $0.id), SiteRoutes.onboarding(role: $0.id)] })
        return pages
    }

    private func check(
        _ document: MarkdownDocument, ownAnchors: [String], index: HandbookIndex, pages: Set<String>
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var embedded: [String: SourceLocation] = [:]
        let removesUnsafe = !index.handbook.config.allowsRawHTML
        // A document's links are judged once per address: the same address in the same file
        // has the same problem, at each of its places.
        var verdicts: [String: Diagnostic?] = [:]
        func judge(_ key: String, at location: SourceLocation, _ verdict: () -> Diagnostic?) {
            let problem: Diagnostic?
            if let known = verdicts[key] {
                problem = known
            } else {
                problem = verdict()
                verdicts[key] = problem
            }
            guard var problem else { return }
            problem.location = location
            diagnostics.append(problem)
        }
        for node in document.references {
            switch node.kind {
            case .link(let destination, _):
                judge("link " + destination, at: node.location) {
                    let target = LinkTarget(destination: destination, sourcePath: node.location.path)
                    return problem(with: target, ownAnchors: ownAnchors, index: index, at: node.location)
                        ?? unsafe(target, removed: removesUnsafe, at: node.location, what: "link")
                        ?? missing(target, among: pages, at: node.location, what: "link")
                }
            case .image(let source, _):
                // An image is an address on the web, or a file of the content's files/.
                judge("image " + source, at: node.location) {
                    let target = LinkTarget(destination: source, sourcePath: node.location.path)
                    return switch target {
                    case .file: self.problem(with: target, ownAnchors: ownAnchors, index: index, at: node.location)
                    case .external: unsafe(target, removed: removesUnsafe, at: node.location, what: "image")
                    default: missing(.relative(source), among: pages, at: node.location, what: "image")
                    }
                }
            case .codeBlock(let info, _):
                guard let directive = Directive(info: info) else { break }
                if let problem = problem(with: directive, index: index, at: node.location) {
                    diagnostics.append(problem)
                } else if directive.kind == .process {
                    // A process's checkboxes and steps carry ids, which must be unique on a page.
                    if let first = embedded[directive.argument] {
                        diagnostics.append(
                            .error(
                                at: node.location,
                                "process '\(directive.argument)' is already embedded on this page at \(first)",
                                rule: "broken-directive",
                                hint: "link to it instead: [\(directive.argument)](process:\(directive.argument))"))
                    } else {
                        embedded[directive.argument] = node.location
                    }
                }
            default:
                break
            }
        }
        return diagnostics
    }

    private func problem(
        with target: LinkTarget, ownAnchors: [String], index: HandbookIndex, at location: SourceLocation
    ) -> Diagnostic? {
        let unreadable = index.handbook.unreadable
        // The ids a broken link may have meant, gathered only for a broken link: a link check
        // runs for every link of the handbook.
        let (page, anchor, kind, known, sourceKind): (String, String?, String, () -> [String], Handbook.SourceKind)
        switch target {
        case .external, .relative, .page:
            return nil
        case .file(let path, _):
            return missingFile(path, among: index.handbook.files, at: location)
        case .fragment(let anchor):
            return missingAnchor(anchor, among: ownAnchors, page: "this page", at: location)
        case .chapter(let path, let fragment):
            (page, anchor, kind, known, sourceKind) = (
                path, fragment, "missing chapter", { Array(index.chaptersByPath.keys) }, .chapters
            )
        case .policy(let id, let fragment):
            (page, anchor, kind, known, sourceKind) = (
                id, fragment, "unknown policy", { Array(index.policiesByID.keys) }, .policies
            )
        case .process(let id, let fragment):
            (page, anchor, kind, known, sourceKind) = (
                id, fragment, "unknown process", { Array(index.processesByID.keys) }, .policies
            )
        case .role(let id, let fragment):
            (page, anchor, kind, known, sourceKind) = (
                id, fragment, "unknown role", { Array(index.rolesByID.keys) }, .roles
            )
        }
        guard let anchors = index.anchors(of: target) else {
            guard !unreadable.contains(sourceKind) else { return nil }
            return .error(
                at: location, "link to \(kind) '\(page)'", rule: "broken-link",
                hint: Suggestion.hint(for: page, among: known()))
        }
        return anchor.flatMap { missingAnchor($0, among: anchors, page: page, at: location) }
    }

    /// A warning for an address with a scheme a web page must not follow (`javascript:`,
    /// `vbscript:`, `file:`, `data:` other than images), which the renderer removes.
    private func unsafe(_ target: LinkTarget, removed: Bool, at location: SourceLocation, what: String) -> Diagnostic? {
        guard removed, case .external(let address) = target, !HTMLEscaping.isSafe(address) else { return nil }
        let shown = address.count > 60 ? address.prefix(57) + "…" : address
        return .warning(
            at: location, "\(what) '\(shown)' is removed from the page: its scheme is not safe", rule: "unsafe-url",
            hint: "use an http, https or mailto address, or put the file under files/ and link to it there")
    }

    /// An error for a relative address that leads out of the content folder or to nothing the
    /// site publishes, and for a page of the site that does not exist.
    private func missing(_ target: LinkTarget, among pages: Set<String>, at location: SourceLocation, what: String)
        -> Diagnostic?
    {
        switch target {
        case .page(let path, _) where !pages.contains(path):
            return .error(
                at: location, "\(what) '\(path)' points at a page the site does not have", rule: "broken-link",
                hint: Suggestion.closest(to: path, among: pages).map { "did you mean '\($0)'?" })
        case .relative(let address):
            let leavesFolder = LinkTarget.resolve(address, from: location.path) == nil
            let unpublished =
                what == "image"
                ? "is not a file under files/" : "is neither a chapter, a file under files/ nor a page of the site"
            return .error(
                at: location,
                "\(what) '\(address)' " + (leavesFolder ? "leads out of the content folder" : unpublished),
                rule: "broken-link", hint: "put the file under files/ in the content folder and link to it there")
        default:
            return nil
        }
    }

    private func missingAnchor(_ anchor: String, among anchors: [String], page: String, at location: SourceLocation)
        -> Diagnostic?
    {
        guard !anchor.isEmpty, !anchors.contains(anchor) else { return nil }
        return .error(
            at: location, "anchor '#\(anchor)' does not exist on \(page)", rule: "broken-anchor",
            hint: Suggestion.hint(for: anchor, among: anchors))
    }

    private func problem(with directive: Directive, index: HandbookIndex, at location: SourceLocation) -> Diagnostic? {
        let name = directive.kind.rawValue
        guard !directive.argument.isEmpty else {
            return .error(
                at: location, "'\(name)' block names no id", rule: "broken-directive",
                hint: "write the id after the block's name: ```\(name) ID")
        }
        guard !index.handbook.unreadable.contains(.policies) else { return nil }
        switch directive.kind {
        case .process, .processMap:
            guard index.processesByID[directive.argument] == nil else { return nil }
            return .error(
                at: location, "'\(name)' block names unknown process '\(directive.argument)'", rule: "broken-directive",
                hint: Suggestion.hint(for: directive.argument, among: index.processesByID.keys))
        case .kpi, .tiers:
            guard let policy = index.policiesByID[directive.argument] else {
                return .error(
                    at: location, "'\(name)' block names unknown policy '\(directive.argument)'",
                    rule: "broken-directive",
                    hint: Suggestion.hint(for: directive.argument, among: index.policiesByID.keys))
            }
            let isEmpty = directive.kind == .kpi ? policy.kpis.isEmpty : policy.tiers.isEmpty
            guard isEmpty else { return nil }
            return .error(
                at: location,
                "'\(name)' block names policy '\(directive.argument)', which defines no \(directive.kind == .kpi ? "KPIs" : "tiers")",
                rule: "broken-directive")
        }
    }
}
