import HandbookLoading
import HandbookModel

/// Every process step needs a checklist: the checklist is what staff tick and what gets printed.
struct EmptyChecklists: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        index.handbook.processes.flatMap { process in
            process.steps.filter(\.checklist.isEmpty).map { step in
                .error(
                    at: step.location,
                    "step '\(step.id.value)' of process '\(process.id.value)' has no checklist",
                    rule: "empty-checklist", hint: "add 'checklist:' with the items to tick for this step")
            }
        }
    }
}
