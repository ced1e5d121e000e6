extension Double {
    /// `25%`, `2.5%`: whole numbers without a decimal point.
    package var formattedPercent: String {
        formattedNumber + "%"
    }

    /// `500000`, `2.5`: whole numbers without a decimal point.
    package var formattedNumber: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }

    /// `1,200,000`: thousands grouped, for amounts in tier tables.
    package var groupedNumber: String {
        let plain = formattedNumber
        guard self == rounded(), abs(self) >= 10_000 else { return plain }
        var digits = Array(plain.drop { $0 == "-" })
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        return (self < 0 ? "-" : "") + String(digits) + grouped
    }
}

extension String {
    /// The text without white space (Unicode's, including full-width spaces) at either end.
    package func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
