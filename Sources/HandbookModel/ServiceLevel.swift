/// How long a process step may take, written as a number and a unit: `30m`, `24h`, `3d`, `2w`.
public struct ServiceLevel: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case weeks = "w"
    }

    public var amount: Int
    public var unit: Unit

    /// Parses `<positive integer><m|h|d|w>`.
    public init?(_ text: String) {
        guard let unitCharacter = text.last, let unit = Unit(rawValue: String(unitCharacter)),
            let amount = Int(text.dropLast()), amount > 0, text.first?.isNumber == true
        else { return nil }
        self.amount = amount
        self.unit = unit
    }

    public var description: String { "\(amount)\(unit.rawValue)" }
}
