/// A fenced code block that embeds structured content instead of showing code:
/// ```` ```process SALES-PROC-001 ````, ```` ```process-map SALES-PROC-001 ````, ```` ```kpi SALES-POL-003 ````,
/// ```` ```tiers SALES-POL-006 ````.
public struct Directive: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A process with its steps and checklist.
        case process
        /// A process's swimlane map.
        case processMap = "process-map"
        /// A policy's KPI table.
        case kpi
        /// A policy's incentive tiers.
        case tiers
    }

    public var kind: Kind
    /// The id the directive names.
    public var argument: String

    /// The directive an info string asks for, or nil for an ordinary code block.
    public init?(info: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, let kind = Kind(rawValue: String(first)) else { return nil }
        self.kind = kind
        self.argument = words.count > 1 ? String(words[1]) : ""
    }
}
