public import HandbookLoading
public import HandbookModel

/// One check over the whole handbook.
protocol ValidationRule: Sendable {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic]
}

/// What rules may need beyond the content.
public struct ValidationContext: Sendable {
    /// The day against which review dates are judged.
    public var today: CalendarDate

    public init(today: CalendarDate) {
        self.today = today
    }
}

/// Runs every validation rule over a loaded handbook.
public struct Validator: Sendable {
    private let rules: [any ValidationRule] = [
        DuplicateIDs(),
        UnknownReferences(),
        LinkCheck(),
        KPIWeights(),
        TierBands(),
        EmptyChecklists(),
        ReviewDue(),
        RawHTML(),
        RoleCycles(),
        NestingDepth(),
    ]

    public init() {}

    public func validate(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        rules.flatMap { $0.check(index, context: context) }
    }
}
