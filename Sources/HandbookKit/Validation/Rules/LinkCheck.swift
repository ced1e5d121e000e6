/// Links and directives in Markdown that point at nothing: missing chapters, unknown ids,
/// anchors that no heading of the target page defines.
struct LinkCheck: ValidationRule {
    /// Anchors every policy page has besides its body's headings.
    static let policyPageAnchors = ["summary", "kpis", "tiers", "processes"]

    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for chapter in index.handbook.chapters {
            guard let document = index.chapterDocuments[chapter.path] else { continue }
            diagnostics += check(document, ownAnchors: document.headings.map(\.id), index: index)
        }
        for policy in index.handbook.policies {
            guard let document = index.policyDocuments[policy.id.value] else { continue }
            let ownAnchors = document.headings.map(\.id) + Self.policyPageAnchors + policy.processes.map(\.id.value)
            diagnostics += check(document, ownAnchors: ownAnchors, index: index)
        }
        return diagnostics
    }

    private func check(_ document: MarkdownDocument, ownAnchors: [String], index: HandbookIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        document.root.forEach { node in
            switch node.kind {
            case .link(let destination, _):
                let target = LinkTarget(destination: destination, sourcePath: node.location.path)
                if let problem = problem(with: target, ownAnchors: ownAnchors, index: index, at: node.location) {
                    diagnostics.append(problem)
                }
            case .codeBlock(let info, _):
                if let directive = Directive(info: info),
                    let problem = problem(with: directive, index: index, at: node.location)
                {
                    diagnostics.append(problem)
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
        switch target {
        case .external, .relative:
            return nil
        case .fragment(let anchor):
            return missingAnchor(anchor, among: ownAnchors, page: "this page", at: location)
        case .chapter(let path, let anchor):
            guard let chapter = index.chapterDocuments[path] else {
                guard !index.handbook.unreadable.contains(.chapters) else { return nil }
                return .error(
                    at: location, "link to missing chapter '\(path)'", rule: "broken-link",
                    hint: Suggestion.hint(for: path, among: index.chaptersByPath.keys))
            }
            return anchor.flatMap { missingAnchor($0, among: chapter.headings.map(\.id), page: path, at: location) }
        case .policy(let id, let anchor):
            guard let policy = index.policiesByID[id], let document = index.policyDocuments[id] else {
                guard !index.handbook.unreadable.contains(.policies) else { return nil }
                return .error(
                    at: location, "link to unknown policy '\(id)'", rule: "broken-link",
                    hint: Suggestion.hint(for: id, among: index.policiesByID.keys))
            }
            let anchors = document.headings.map(\.id) + Self.policyPageAnchors + policy.processes.map(\.id.value)
            return anchor.flatMap { missingAnchor($0, among: anchors, page: id, at: location) }
        case .process(let id):
            guard index.processesByID[id] == nil, !index.handbook.unreadable.contains(.policies) else { return nil }
            return .error(
                at: location, "link to unknown process '\(id)'", rule: "broken-link",
                hint: Suggestion.hint(for: id, among: index.processesByID.keys))
        case .role(let id):
            guard index.rolesByID[id] == nil, !index.handbook.unreadable.contains(.roles) else { return nil }
            return .error(
                at: location, "link to unknown role '\(id)'", rule: "broken-link",
                hint: Suggestion.hint(for: id, among: index.rolesByID.keys))
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
        case .process:
            guard index.processesByID[directive.argument] == nil else { return nil }
            return .error(
                at: location, "'process' block names unknown process '\(directive.argument)'", rule: "broken-directive",
                hint: Suggestion.hint(for: directive.argument, among: index.processesByID.keys))
        case .kpi, .tiers:
            guard let policy = index.policiesByID[directive.argument] else {
                return .error(
                    at: location, "'\(name)' block names unknown policy '\(directive.argument)'",
                    rule: "broken-directive", hint: Suggestion.hint(for: directive.argument, among: index.policiesByID.keys))
            }
            let isEmpty = directive.kind == .kpi ? policy.kpis.isEmpty : policy.tiers.isEmpty
            guard isEmpty else { return nil }
            return .error(
                at: location, "'\(name)' block names policy '\(directive.argument)', which defines no \(directive.kind == .kpi ? "KPIs" : "tiers")",
                rule: "broken-directive")
        }
    }
}
