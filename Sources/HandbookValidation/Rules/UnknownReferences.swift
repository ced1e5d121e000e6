import HandbookLoading
import HandbookModel

/// References in structured fields to roles, policies and areas that do not exist.
struct UnknownReferences: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        let handbook = index.handbook
        var diagnostics: [Diagnostic] = []

        func role(_ reference: Located<String>?, _ field: String) {
            guard let reference, !reference.value.isEmpty, index.rolesByID[reference.value] == nil,
                !handbook.unreadable.contains(.roles)
            else { return }
            diagnostics.append(
                .error(
                    at: reference.location, "unknown role '\(reference.value)' in '\(field)'", rule: "unknown-role",
                    hint: Suggestion.hint(for: reference.value, among: index.rolesByID.keys)
                        ?? "define it in roles.yaml"))
        }
        func policy(_ reference: Located<String>, _ field: String) {
            guard !reference.value.isEmpty, index.policiesByID[reference.value] == nil,
                !handbook.unreadable.contains(.policies)
            else { return }
            diagnostics.append(
                .error(
                    at: reference.location, "unknown policy '\(reference.value)' in '\(field)'",
                    rule: "unknown-policy", hint: Suggestion.hint(for: reference.value, among: index.policiesByID.keys))
            )
        }
        func area(_ reference: Located<String>) {
            guard !reference.value.isEmpty, index.areasByID[reference.value] == nil,
                !handbook.unreadable.contains(.config)
            else { return }
            diagnostics.append(
                .error(
                    at: reference.location, "unknown area '\(reference.value)'", rule: "unknown-area",
                    hint: Suggestion.hint(for: reference.value, among: index.areasByID.keys)
                        ?? "add it to 'areas' in handbook.yaml"))
        }

        for item in handbook.roles {
            role(item.reportsTo, "reports_to")
        }
        for item in handbook.policies {
            area(item.area)
            role(item.owner, "owner")
            for reader in item.appliesTo { role(reader, "applies_to") }
            for reference in item.related { policy(reference, "related") }
            for process in item.processes {
                role(process.owner, "owner")
                for reference in process.related { policy(reference, "related") }
                for step in process.steps { role(step.role, "role") }
            }
        }
        for chapter in handbook.chapters {
            area(chapter.area)
            for reference in chapter.related { policy(reference, "related") }
        }
        return diagnostics
    }
}
