/// Makes a theme's stylesheets and scripts smaller before they are published: comments,
/// indentation and blank lines go; strings, template literals and regular expressions stay byte
/// for byte. A script keeps its line breaks, so automatic semicolon insertion reads it as before;
/// a stylesheet's declarations are joined, since line breaks mean nothing in CSS outside strings.
///
/// Every search downloads the stylesheet and the search script, so their size is part of the
/// bytes a query costs. A file the compactor cannot read to its end (an unterminated string or
/// comment) is published as it is.
enum AssetCompactor {
    /// The compacted file, or `text` itself for a file that is neither CSS nor JavaScript.
    static func compact(_ text: String, path: String) -> String {
        if path.hasSuffix(".css") { return stylesheet(text) ?? text }
        if path.hasSuffix(".js") { return script(text) ?? text }
        return text
    }

    /// A stylesheet without comments and with its lines joined; nil for one that does not end
    /// outside every string and comment.
    static func stylesheet(_ text: String) -> String? {
        var output = Output(joinsLines: true)
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case .slash where bytes.first == .star:
                guard Self.skipBlockComment(in: &bytes) else { return nil }
                output.separate()
            case .quote, .apostrophe:
                guard output.copyString(closedBy: byte, from: &bytes) else { return nil }
            default:
                output.append(code: byte)
            }
        }
        return output.text
    }

    /// A script without comments, indentation or blank lines; nil for one that does not end
    /// outside every string, template literal, regular expression and comment.
    static func script(_ text: String) -> String? {
        var output = Output(joinsLines: false)
        var bytes = Array(text.utf8)[...]
        // Open `${` substitutions of template literals: the brace depth inside each.
        var substitutions: [Int] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case .slash where bytes.first == .slash:
                while let next = bytes.first, next != .newline { bytes.removeFirst() }
            case .slash where bytes.first == .star:
                guard Self.skipBlockComment(in: &bytes) else { return nil }
                output.separate()
            case .slash where output.expectsOperand:
                guard output.copyRegularExpression(from: &bytes) else { return nil }
            case .quote, .apostrophe:
                guard output.copyString(closedBy: byte, from: &bytes) else { return nil }
            case .backtick:
                guard let opened = output.copyTemplate(from: &bytes, opening: true) else { return nil }
                if opened { substitutions.append(0) }
            case .openBrace where !substitutions.isEmpty:
                substitutions[substitutions.count - 1] += 1
                output.append(code: byte)
            case .closeBrace where substitutions.last == 0:
                // The end of a `${…}`: the template literal goes on.
                substitutions.removeLast()
                guard let opened = output.copyTemplate(from: &bytes, opening: false) else { return nil }
                if opened { substitutions.append(0) }
            case .closeBrace where !substitutions.isEmpty:
                substitutions[substitutions.count - 1] -= 1
                output.append(code: byte)
            default:
                output.append(code: byte)
            }
        }
        return substitutions.isEmpty ? output.text : nil
    }

    /// Skips a block comment whose `/` was read; false when it never ends.
    private static func skipBlockComment(in bytes: inout ArraySlice<UInt8>) -> Bool {
        bytes.removeFirst()
        while let byte = bytes.popFirst() {
            if byte == .star, bytes.first == .slash {
                bytes.removeFirst()
                return true
            }
        }
        return false
    }

    /// The compacted text as it is written.
    private struct Output {
        /// Whether lines are joined (CSS) or kept (JavaScript).
        let joinsLines: Bool
        private(set) var bytes: [UInt8] = []
        /// A line break or space read in code and not written yet.
        private var pendingBreak = false
        private var pendingSpace = false

        init(joinsLines: Bool) { self.joinsLines = joinsLines }

        var text: String {
            var copy = self
            copy.flushLine()
            return String(decoding: copy.bytes, as: UTF8.self)
        }

        /// A byte of code: runs of blanks become one space, blanks at either end of a line go,
        /// and a line break is written only after a line that has something on it.
        mutating func append(code byte: UInt8) {
            switch byte {
            case .newline:
                pendingSpace = false
                if !bytes.isEmpty, bytes.last != .newline { pendingBreak = true }
            case .space, .tab, .carriageReturn:
                if !bytes.isEmpty, bytes.last != .newline, !pendingBreak { pendingSpace = true }
            default:
                flush(before: byte)
                bytes.append(byte)
            }
        }

        /// Writes a pending blank before `next`: a line break, or in a stylesheet nothing where
        /// punctuation already separates, else one space.
        private mutating func flush(before next: UInt8) {
            defer {
                pendingBreak = false
                pendingSpace = false
            }
            guard pendingBreak || pendingSpace, let last = bytes.last else { return }
            if pendingBreak, !joinsLines {
                bytes.append(.newline)
            } else if !joinsLines
                || !(Self.cssSeparators.contains(last) || last == .colon || Self.cssSeparators.contains(next))
            {
                bytes.append(.space)
            }
        }

        /// A comment between two pieces of code keeps them apart.
        mutating func separate() {
            if !bytes.isEmpty, bytes.last != .newline, !pendingBreak { pendingSpace = true }
        }

        private mutating func flushLine() {
            pendingSpace = false
            if pendingBreak, !joinsLines { bytes.append(.newline) }
            pendingBreak = false
        }

        /// Copies a string whose opening quote was read; false when it does not end on its line.
        mutating func copyString(closedBy quote: UInt8, from source: inout ArraySlice<UInt8>) -> Bool {
            flush(before: quote)
            bytes.append(quote)
            while let byte = source.popFirst() {
                bytes.append(byte)
                if byte == .backslash, let escaped = source.popFirst() {
                    bytes.append(escaped)
                } else if byte == quote {
                    return true
                } else if byte == .newline {
                    return false
                }
            }
            return false
        }

        /// Copies a template literal from its `opening` backtick, or from the `}` ending one of
        /// its substitutions, up to its end, false, or up to a `${`, true; nil when it never ends.
        mutating func copyTemplate(from source: inout ArraySlice<UInt8>, opening: Bool) -> Bool? {
            if opening {
                flush(before: .backtick)
                bytes.append(.backtick)
            } else {
                pendingBreak = false
                pendingSpace = false
                bytes.append(.closeBrace)
            }
            while let byte = source.popFirst() {
                bytes.append(byte)
                if byte == .backslash, let escaped = source.popFirst() {
                    bytes.append(escaped)
                } else if byte == .backtick {
                    return false
                } else if byte == .dollar, source.first == .openBrace {
                    bytes.append(source.removeFirst())
                    return true
                }
            }
            return nil
        }

        /// Copies a regular expression literal whose `/` was read; false when it does not end on
        /// its line (then the `/` was likely a division, and the file is left as it is).
        mutating func copyRegularExpression(from source: inout ArraySlice<UInt8>) -> Bool {
            flush(before: .slash)
            bytes.append(.slash)
            var inClass = false
            while let byte = source.popFirst() {
                bytes.append(byte)
                switch byte {
                case .backslash:
                    guard let escaped = source.popFirst(), escaped != .newline else { return false }
                    bytes.append(escaped)
                case .openBracket: inClass = true
                case .closeBracket: inClass = false
                case .slash where !inClass: return true
                case .newline: return false
                default: break
                }
            }
            return false
        }

        /// Whether a `/` here starts a regular expression rather than dividing: after an
        /// operator, an opening bracket, a separator, a keyword, or at the start.
        var expectsOperand: Bool {
            guard let last = bytes.last else { return true }
            if Self.operandPrecedents.contains(last) { return true }
            guard Self.isWordByte(last) else { return false }
            let word = bytes.reversed().prefix { Self.isWordByte($0) }.reversed()
            return Self.keywordsBeforeOperand.contains(String(decoding: word, as: UTF8.self))
        }

        /// Where a stylesheet needs no blank, besides after a `:`: not before a `:`, which a
        /// blank changes in selectors (`a :hover` is not `a:hover`).
        private static let cssSeparators: Set<UInt8> = [.openBrace, .closeBrace, .semicolon, .comma]
        private static let operandPrecedents = Set("(,=:[!&|?{};+-*%<>~^".utf8)
        private static let keywordsBeforeOperand: Set<String> = [
            "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
        ]

        private static func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
                || byte == 0x24 || byte >= 0x80
        }
    }
}

extension UInt8 {
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let star = UInt8(ascii: "*")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let apostrophe = UInt8(ascii: "'")
    fileprivate static let backtick = UInt8(ascii: "`")
    fileprivate static let dollar = UInt8(ascii: "$")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let semicolon = UInt8(ascii: ";")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let colon = UInt8(ascii: ":")
}
