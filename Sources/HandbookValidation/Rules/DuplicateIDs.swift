import HandbookLoading
import HandbookModel

/// The same id defined twice, or two ids that would be written to the same page (`Rep` and
/// `rep`, or a role called `index`): the second definition is an error naming the first.
struct DuplicateIDs: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        let handbook = index.handbook
        var diagnostics: [Diagnostic] = []
        let roles = handbook.roles.map { Located($0.id, at: $0.location) }
        diagnostics += duplicates("area", handbook.config.areas.map { Located($0.id, at: $0.location) })
        diagnostics += duplicates("role", roles)
        diagnostics += duplicates("policy", handbook.policies.map(\.id))
        diagnostics += duplicates("process", handbook.processes.map(\.id))
        diagnostics += duplicates("chapter", handbook.chapters.map(\.id))
        diagnostics += samePage("role", roles, page: SiteRoutes.role, reserved: [SiteRoutes.rolesIndex])
        diagnostics += samePage("policy", handbook.policies.map(\.id), page: SiteRoutes.policy)
        diagnostics += samePage("process", handbook.processes.map(\.id), page: SiteRoutes.process)
        diagnostics += samePage(
            "chapter", handbook.chapters.map(\.id), page: { SiteRoutes.chapter(id: $0) })
        for process in handbook.processes {
            diagnostics += duplicates("step", process.steps.map(\.id), scope: " in process '\(process.id.value)'")
        }
        return diagnostics
    }

    /// Ids that differ but name the same page file.
    private func samePage(
        _ kind: String, _ ids: [Located<String>], page: (String) -> String, reserved: Set<String> = []
    ) -> [Diagnostic] {
        var first: [String: Located<String>] = [:]
        var diagnostics: [Diagnostic] = []
        for id in ids where !id.value.isEmpty {
            let path = page(id.value)
            if reserved.contains(path) {
                diagnostics.append(
                    .error(
                        at: id.location, "\(kind) id '\(id.value)' would replace the page \(path)",
                        rule: "duplicate-id",
                        hint: "choose another id"))
            } else if let original = first[path], original.value != id.value {
                diagnostics.append(
                    .error(
                        at: id.location,
                        "\(kind) id '\(id.value)' gives the same page as '\(original.value)' at \(original.location) (\(path))",
                        rule: "duplicate-id", hint: "ids differing only in letter case or punctuation name one page"))
            } else {
                first[path] = first[path] ?? id
            }
        }
        return diagnostics
    }

    private func duplicates(_ kind: String, _ ids: [Located<String>], scope: String = "") -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for id in ids where !id.value.isEmpty {
            if let original = first[id.value] {
                diagnostics.append(
                    .error(
                        at: id.location, "duplicate \(kind) id '\(id.value)'\(scope), first defined at \(original)",
                        rule: "duplicate-id", hint: "give one of them another id"))
            } else {
                first[id.value] = id.location
            }
        }
        return diagnostics
    }
}
