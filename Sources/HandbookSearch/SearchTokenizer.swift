import Foundation
import HandbookModel

/// Splits text into search terms; the search client in the default theme (`assets/search.js`)
/// implements the same rules, so the browser finds what the index holds.
///
/// - Text is normalised with NFKC (full-width `ＫＰＩ` becomes `KPI`), lower-cased, and
///   stripped of combining accents (`é` becomes `e`).
/// - Runs of Chinese, Japanese and Korean characters become overlapping bigrams (`客户投诉` gives
///   `客户`, `户投`, `投诉`) and, for one-character queries, single characters.
/// - Runs of other letters and digits become words.
/// - Everything else separates terms.
public enum SearchTokenizer {
    public enum Kind: Sendable, Hashable {
        /// A single CJK character.
        case character
        /// Two adjacent CJK characters.
        case bigram
        /// A run of other letters and digits.
        case word
    }

    public struct Term: Sendable, Hashable {
        public var text: String
        public var kind: Kind
    }

    /// The terms of `text`, in order, repeats included.
    public static func terms(_ text: String) -> [Term] {
        terms(ofNormalized: quicklyNormalized(text) ?? normalize(text))
    }

    /// The terms of text already normalised.
    static func terms(ofNormalized text: String) -> [Term] {
        var terms: [Term] = []
        scan(
            text,
            cjk: { character, previous in
                if let previous {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(previous)
                    bigram.append(character)
                    terms.append(Term(text: String(bigram), kind: .bigram))
                }
                terms.append(Term(text: String(character), kind: .character))
            },
            word: { terms.append(Term(text: String($0), kind: .word)) })
        return terms
    }

    /// Walks normalised `text` once, in order: `cjk` gets each CJK character with the one before
    /// it in the same run (whose bigram ends here), `word` each run of other letters and digits.
    static func scan(
        _ text: String, cjk: (Unicode.Scalar, _ previous: Unicode.Scalar?) -> Void, word: (Substring) -> Void
    ) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        func emitWord(_ start: Int, _ end: Int) {
            word(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }
        utf8.withContiguousStorageIfAvailable { bytes in
            var wordStart: Int?
            var previous: Unicode.Scalar?
            var index = 0
            while index < bytes.count {
                // Strings hold valid UTF-8.
                let lead = UInt32(bytes[index])
                let (length, value): (Int, UInt32) =
                    switch lead {
                    case ..<0x80: (1, lead)
                    case ..<0xE0: (2, (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                    case ..<0xF0:
                        (
                            3,
                            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        )
                    default:
                        (
                            4,
                            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        )
                    }
                let scalar = Unicode.Scalar(value)!
                let isCJK = isCJKScalar(scalar)
                if isCJK || !isWordScalar(scalar), let start = wordStart {
                    emitWord(start, index)
                    wordStart = nil
                }
                if isCJK {
                    cjk(scalar, previous)
                    previous = scalar
                } else {
                    previous = nil
                    if wordStart == nil, isWordScalar(scalar) { wordStart = index }
                }
                index += length
            }
            if let start = wordStart { emitWord(start, bytes.count) }
        }
    }

    /// NFKC, lower case (final sigma as sigma, which JavaScript's lower-casing would not
    /// agree on), no combining marks.
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased().replacingOccurrences(
            of: "ς", with: "σ"
        )
        .decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: folded.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) })
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// What ``normalize(_:)`` gives for the terms of most handbook text, without Foundation's
    /// normalisation: nil unless every character is ASCII, a common CJK ideograph or common CJK
    /// punctuation, which normalisation leaves alone but for capitals and separators (which stay
    /// separators).
    static func quicklyNormalized(_ text: String) -> String? {
        // Built as UTF-8 bytes: every section's text passes through here.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A:
                bytes.append(UInt8(scalar.value + 0x20))
            case 0...0x7F:
                bytes.append(UInt8(scalar.value))
            case 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x2013...0x2014, 0x2018...0x2019,
                0x201C...0x201D, 0x2026, 0xD7, 0xF7, 0x2190...0x2193, 0x2264...0x2265, 0x2500...0x257F, 0xFF01,
                0xFF08...0xFF09, 0xFF0C, 0xFF1A...0xFF1B, 0xFF1F, 0xFF5E:
                bytes.append(contentsOf: scalar.utf8)
            default:
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Han, kana and Hangul, by the same code point ranges as the client.
    package static func isCJKScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF,  // Hiragana, Katakana
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,  // Han
            0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:  // Hangul
            true
        default:
            false
        }
    }

    /// Letters and digits (Unicode categories L and N), as `\p{L}|\p{N}` in the client.
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
            default: false
            }
        }
        return switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
