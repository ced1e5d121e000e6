/// The same id defined twice: the second definition is an error naming the first.
struct DuplicateIDs: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        let handbook = index.handbook
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicates("area", handbook.config.areas.map { Located($0.id, at: $0.location) })
        diagnostics += duplicates("role", handbook.roles.map { Located($0.id, at: $0.location) })
        diagnostics += duplicates("policy", handbook.policies.map(\.id))
        diagnostics += duplicates("process", handbook.processes.map(\.id))
        diagnostics += duplicates("chapter", handbook.chapters.map(\.id))
        for process in handbook.processes {
            diagnostics += duplicates("step", process.steps.map(\.id), scope: " in process '\(process.id.value)'")
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
