import HandbookLoading
import HandbookModel

/// A policy's KPI weights must add up to 100 %.
struct KPIWeights: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        index.handbook.policies.compactMap { policy in
            guard let first = policy.kpis.first else { return nil }
            let total = policy.kpis.reduce(0) { $0 + $1.weight }
            guard abs(total - 100) > 0.001 else { return nil }
            return .error(
                at: first.location,
                "KPI weights of policy '\(policy.id.value)' add up to \(total.formattedPercent), not 100%",
                rule: "kpi-weights",
                hint: total < 100
                    ? "add \((100 - total).formattedPercent) to a KPI"
                    : "remove \((total - 100).formattedPercent) from the KPIs")
        }
    }
}
