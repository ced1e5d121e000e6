/// Minimal JSON writing for the search index, whose files are many and whose shapes are fixed:
/// much faster than `JSONEncoder` and byte-for-byte stable.
enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// and U+2028 and U+2029, which older JavaScript does not take in a string; everything else
    /// as UTF-8.
    static func string(_ text: String) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = [0x22]
        output.reserveCapacity(input.count + 2)
        func escape(_ sequence: String) { output.append(contentsOf: sequence.utf8) }
        var index = 0
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x22: escape("\\\"")
            case 0x5C: escape("\\\\")
            case 0x0A: escape("\\n")
            case 0x0D: escape("\\r")
            case 0x09: escape("\\t")
            case ..<0x20:
                let hex = String(byte, radix: 16)
                escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            case 0xE2
            where index + 2 < input.count && input[index + 1] == 0x80 && (0xA8...0xA9).contains(input[index + 2]):
                escape(input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default:
                output.append(byte)
            }
            index += 1
        }
        output.append(0x22)
        return String(decoding: output, as: UTF8.self)
    }

    /// `{"key":value,…}` with keys in the order of their UTF-8 bytes (code point order, as `<`
    /// orders the normalised terms, without comparing them as Unicode text) and values already
    /// written as JSON.
    static func object(_ members: [String: String]) -> String {
        "{"
            + members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
                string($0.key) + ":" + $0.value
            }
            .joined(separator: ",") + "}"
    }
}
