import HandbookLoading
import HandbookModel

/// A policy whose review date has passed still applies, but its owner should look at it again.
struct ReviewDue: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        index.handbook.policies.compactMap { policy in
            guard let due = policy.nextReview, due < context.today else { return nil }
            return .warning(
                at: policy.id.location,
                "policy '\(policy.id.value)' was due for review on \(due) (effective \(policy.effective.map(String.init(describing:)) ?? "?"), reviewed every \(policy.reviewEveryMonths ?? 0) months)",
                rule: "review-overdue", hint: "review it, then raise 'version' and set 'effective' to the new date")
        }
    }
}
