/// Sizes written in the sources: `1048576`, `512KB`, `8MB`, `1GB` (units are powers of 1024).
enum ByteSize {
    /// The pattern of a size, for the JSON Schema.
    static let pattern = "^[0-9]+ ?([KkMmGg][Ii]?[Bb])?$"

    /// The number of bytes `text` names, or nil when it is not a positive size.
    static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingPrefix(" ").uppercased()
        let shifts = ["": 0, "B": 0, "KB": 10, "KIB": 10, "MB": 20, "MIB": 20, "GB": 30, "GIB": 30]
        guard let number = Int(digits), number > 0, let shift = shifts[unit], number <= Int.max >> shift else {
            return nil
        }
        return number << shift
    }

    /// `bytes` for a message: `4MB`, `2.5MB`, `512KB`, `100 bytes`.
    static func describe(_ bytes: Int) -> String {
        for (unit, shift) in [("GB", 30), ("MB", 20), ("KB", 10)] where bytes >= 1 << shift {
            let value = Double(bytes) / Double(1 << shift)
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + unit
        }
        return "\(bytes) bytes"
    }
}
