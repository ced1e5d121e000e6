import HandbookLoading
import HandbookModel

/// Incentive tiers must cover their range without gaps or overlaps: each band starts where the
/// one before ends, and only the last band may be open-ended.
struct TierBands: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        index.handbook.policies.flatMap { policy in
            bandProblems(policy.tiers.sorted { $0.from < $1.from }, policy: policy.id.value)
        }
    }

    private func bandProblems(_ tiers: [Tier], policy: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (position, tier) in tiers.enumerated() {
            if let to = tier.to, to <= tier.from {
                diagnostics.append(
                    .error(
                        at: tier.location,
                        "tier of policy '\(policy)' ends at \(to.formattedNumber), not after its start \(tier.from.formattedNumber)",
                        rule: "tier-bands"))
            }
            guard position + 1 < tiers.count else { continue }
            let next = tiers[position + 1]
            guard let end = tier.to else {
                diagnostics.append(
                    .error(
                        at: tier.location, "open-ended tier of policy '\(policy)' is followed by another tier",
                        rule: "tier-bands", hint: "give this tier a 'to' of \(next.from.formattedNumber)"))
                continue
            }
            if next.from > end {
                diagnostics.append(
                    .error(
                        at: next.location,
                        "gap in tiers of policy '\(policy)': nothing covers \(end.formattedNumber) to \(next.from.formattedNumber)",
                        rule: "tier-bands", hint: "start this tier at \(end.formattedNumber)"))
            } else if next.from < end {
                diagnostics.append(
                    .error(
                        at: next.location,
                        "tiers of policy '\(policy)' overlap: \(next.from.formattedNumber) to \(end.formattedNumber) is in two tiers",
                        rule: "tier-bands", hint: "start this tier at \(end.formattedNumber)"))
            }
        }
        return diagnostics
    }
}
