import HandbookLoading
import HandbookModel

/// Reporting lines must end at a role that reports to nobody; a loop has no head.
struct RoleCycles: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        var reported: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for role in index.handbook.roles where !reported.contains(role.id) {
            var chain = [role.id]
            var current = role
            while let next = current.reportsTo.flatMap({ index.rolesByID[$0.value] }) {
                if next.id == role.id {
                    reported.formUnion(chain)
                    diagnostics.append(
                        .error(
                            at: role.reportsTo?.location ?? role.location,
                            "reporting line loops: \((chain + [role.id]).joined(separator: " → "))",
                            rule: "role-cycle",
                            hint: "one of these roles must report to a role outside the loop, or to nobody"))
                    break
                }
                guard !chain.contains(next.id) else { break }
                chain.append(next.id)
                current = next
            }
        }
        return diagnostics
    }
}
