/// The compact text form of posting lists in the search index: numbers as little-endian groups
/// of five bits, one character each, from the URL-safe Base64 alphabet; a character's sixth bit
/// says that another group follows. Section ids are written as differences to the previous one,
/// so a posting takes three or four characters where JSON numbers take seven.
public enum PostingCode {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
    /// The alphabet as ASCII bytes: codes are built as bytes, every index's millions of them.
    private static let bytes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// One number.
    public static func encode(number: Int) -> String {
        var text: [UInt8] = []
        append(number, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Postings ascending by section: for each, the section's difference to the previous one
    /// (the first from zero), then its weight.
    public static func encode(_ postings: [(section: Int, weight: Int)]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(postings.count * 4)
        var previous = 0
        for posting in postings {
            append(posting.section - previous, to: &text)
            append(posting.weight, to: &text)
            previous = posting.section
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The numbers of `text`, or nil if it is not in this form.
    public static func decode(_ text: String) -> [Int]? {
        var numbers: [Int] = []
        var value = 0
        var shift = 0
        for scalar in text.unicodeScalars {
            guard let digit = alphabet.firstIndex(of: scalar) else { return nil }
            value |= (digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
            } else {
                numbers.append(value)
                value = 0
                shift = 0
            }
        }
        return shift == 0 ? numbers : nil
    }

    private static func append(_ number: Int, to text: inout [UInt8]) {
        precondition(number >= 0, "posting numbers are not negative")
        var rest = number
        repeat {
            let group = rest & 31
            rest >>= 5
            text.append(bytes[rest > 0 ? group | 32 : group])
        } while rest > 0
    }
}
