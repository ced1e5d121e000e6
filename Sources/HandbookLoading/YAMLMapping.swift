import HandbookModel
internal import Yams

/// Reads typed fields out of one YAML mapping, reporting every missing, mistyped or unknown
/// key as a diagnostic with its line and column.
///
/// Which keys exist, their types and whether they are required come from the mapping's
/// ``MappingFormat``; ``finish()`` reports the keys the format does not define, with a
/// suggestion when one is close to a defined key.
final class YAMLMapping {
    let location: SourceLocation
    let format: MappingFormat
    private let entries: [(key: String, keyLocation: SourceLocation, value: Node)]
    private let path: String
    private let lineOffset: Int
    private let sink: DiagnosticSink
    /// What the mapping describes, for messages: "policy", "step 'visit'".
    let subject: String

    /// - Parameter lines: The lines of the file, for the columns of Markdown in block scalars.
    init(
        _ mapping: Node.Mapping, format: MappingFormat, subject: String, path: String, lineOffset: Int,
        lines: [Substring], sink: DiagnosticSink
    ) {
        self.format = format
        self.subject = subject
        self.path = path
        self.lineOffset = lineOffset
        self.sourceLines = lines
        self.sink = sink
        self.location = YAMLMapping.location(of: mapping.mark, path: path, lineOffset: lineOffset)
        self.entries = mapping.map { pair in
            (
                pair.key.string ?? "", YAMLMapping.location(of: pair.key.mark, path: path, lineOffset: lineOffset),
                pair.value
            )
        }
    }

    /// Wraps `node` if it is a mapping; otherwise reports a type error and returns nil.
    static func from(
        _ node: Node?, format: MappingFormat, subject: String, path: String, lineOffset: Int, lines: [Substring],
        sink: DiagnosticSink, at fallback: SourceLocation
    ) -> YAMLMapping? {
        guard let node else {
            sink.error(at: fallback, "\(subject) is empty", rule: "missing-field")
            return nil
        }
        guard case .mapping(let mapping) = node else {
            sink.error(
                at: location(of: node.mark, path: path, lineOffset: lineOffset),
                "\(subject) must be a mapping of keys to values", rule: "field-type")
            return nil
        }
        return YAMLMapping(
            mapping, format: format, subject: subject, path: path, lineOffset: lineOffset, lines: lines, sink: sink)
    }

    static func location(of mark: Mark?, path: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation {
        YAMLMapping.location(of: node.mark, path: path, lineOffset: lineOffset)
    }

    /// The value of `key`, with `null` and `~` read as absent; a required key's absence is reported.
    ///
    /// - Parameter reading: How the caller reads the value; the format and the readers must agree.
    private func node(_ key: String, as reading: FieldFormat.Reading) -> Node? {
        let field = format.field(key)
        precondition(field.kind.reading == reading, "the \(format.name) format's '\(key)' is not read as \(reading)")
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else {
            if field.presence == .required {
                sink.error(at: location, "\(subject) is missing required field '\(key)'", rule: "missing-field")
            }
            return nil
        }
        return entry.value
    }

    private func mistyped(_ key: String, _ node: Node, expected: String, hint: String? = nil) {
        sink.error(at: location(of: node), "'\(key)' of \(subject) must be \(expected)", rule: "field-type", hint: hint)
    }

    // MARK: Scalars

    func string(_ key: String) -> Located<String>? {
        text(key, as: .text)
    }

    private func text(_ key: String, as reading: FieldFormat.Reading) -> Located<String>? {
        guard let node = node(key, as: reading) else { return nil }
        let required = format.field(key).presence == .required
        guard case .scalar(let scalar) = node else {
            mistyped(key, node, expected: "text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty && required {
            sink.error(at: location(of: node), "'\(key)' of \(subject) is empty", rule: "missing-field")
            return nil
        }
        return Located(text, at: location(of: node))
    }

    /// An id: letters, digits, `-` and `_` only, since ids become file names and anchors.
    func identifier(_ key: String = "id") -> Located<String>? {
        guard
            let text = text(key, as: .identifier)
        else { return nil }
        guard text.value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            sink.error(
                at: text.location, "'\(key)' of \(subject) must contain only letters, digits, '-' and '_'",
                rule: "field-type", hint: "write it as \(SiteRoutes.slug(text.value))")
            return nil
        }
        return text
    }

    /// Markdown in a block scalar, with the offsets that map its lines back into the file.
    func markdown(_ key: String) -> MarkdownSource? {
        guard
            let node = node(key, as: .markdown)
        else { return nil }
        guard case .scalar(let scalar) = node else {
            mistyped(key, node, expected: "Markdown text", hint: "write it as a block: '\(key): |' then indented lines")
            return nil
        }
        let start = location(of: node)
        let isBlock = scalar.style == .literal || scalar.style == .folded
        let indentation = isBlock ? blockIndentation(afterLine: start.line) : start.column - 1
        return MarkdownSource(
            text: scalar.string, path: path, lineOffset: isBlock ? start.line : start.line - 1,
            columnOffset: indentation)
    }

    private let sourceLines: [Substring]

    /// The indentation of a block scalar starting after `line`: that of its first non-blank line.
    private func blockIndentation(afterLine line: Int) -> Int {
        var index = line - lineOffset
        while index >= 0, index < sourceLines.count {
            let text = sourceLines[index]
            if !text.allSatisfy({ $0 == " " }) { return text.prefix { $0 == " " }.count }
            index += 1
        }
        return 0
    }

    func int(_ key: String) -> Int? {
        guard case .wholeNumber(let range) = format.field(key).kind else {
            preconditionFailure("the \(format.name) format's '\(key)' is not a whole number")
        }
        guard let node = node(key, as: .wholeNumber) else { return nil }
        guard let value = node.scalar.flatMap({ Int($0.string.trimmingWhitespace()) }) else {
            mistyped(key, node, expected: "a whole number")
            return nil
        }
        if let range, !range.contains(value) {
            mistyped(key, node, expected: "between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A number; a percentage also accepts a trailing `%` (`3.5%`).
    func number(_ key: String) -> Located<Double>? {
        let percent = if case .percentage = format.field(key).kind { true } else { false }
        guard let node = node(key, as: .number) else { return nil }
        var text = node.scalar?.string.trimmingWhitespace() ?? ""
        if percent, text.hasSuffix("%") { text.removeLast() }
        text.removeAll { $0 == "_" || $0 == "," }
        guard let value = Double(text), value.isFinite else {
            mistyped(key, node, expected: percent ? "a percentage such as 25 or 2.5%" : "a number")
            return nil
        }
        return Located(value, at: location(of: node))
    }

    func bool(_ key: String) -> Bool? {
        guard
            let node = node(key, as: .boolean)
        else { return nil }
        guard let value = node.scalar.flatMap({ Bool(yamlBoolean: $0.string) }) else {
            mistyped(key, node, expected: "true or false")
            return nil
        }
        return value
    }

    func date(_ key: String) -> CalendarDate? {
        guard
            let text = text(key, as: .date)
        else { return nil }
        guard let date = CalendarDate(iso: text.value) else {
            sink.error(
                at: text.location, "'\(text.value)' is not a valid date for '\(key)' of \(subject)",
                rule: "invalid-date", hint: "write dates as YYYY-MM-DD, such as 2026-01-31")
            return nil
        }
        return date
    }

    func serviceLevel(_ key: String) -> ServiceLevel? {
        guard
            let text = text(key, as: .duration)
        else { return nil }
        guard let level = ServiceLevel(text.value) else {
            sink.error(
                at: text.location, "'\(text.value)' is not a valid duration for '\(key)' of \(subject)",
                rule: "invalid-duration", hint: "write a whole number and a unit: 30m, 24h, 3d or 2w")
            return nil
        }
        return level
    }

    /// A number of bytes: digits, with an optional unit `KB`, `MB` or `GB` (powers of 1024).
    func byteSize(_ key: String) -> Int? {
        guard let text = text(key, as: .byteSize) else { return nil }
        guard let bytes = ByteSize.parse(text.value) else {
            sink.error(
                at: text.location, "'\(text.value)' is not a size for '\(key)' of \(subject)", rule: "field-type",
                hint: "write a whole number of bytes or a number and a unit: 512KB, 8MB")
            return nil
        }
        return bytes
    }

    // MARK: Sequences

    /// A list of text items; a single scalar is a type error with a hint.
    func strings(_ key: String) -> [Located<String>] {
        guard
            let node = node(key, as: .texts)
        else { return [] }
        let required = format.field(key).presence == .required
        guard case .sequence(let sequence) = node else {
            mistyped(key, node, expected: "a list", hint: "write a list: \(key): [a, b] or one '- item' per line")
            return []
        }
        if required && sequence.isEmpty {
            sink.error(at: location(of: node), "'\(key)' of \(subject) is empty", rule: "missing-field")
        }
        return sequence.compactMap { item in
            guard case .scalar(let scalar) = item else {
                mistyped(key, item, expected: "a list of text items")
                return nil
            }
            return Located(scalar.string.trimmingWhitespace(), at: location(of: item))
        }
    }

    /// A step's records: each a name (`线索登记表`), or a name with its form
    /// (`{title: 线索登记表, file: files/forms/lead-register.csv}`).
    func records(_ key: String) -> [(title: String, file: Located<String>?)] {
        guard case .records(let recordFormat) = format.field(key).kind else {
            preconditionFailure("the \(format.name) format's '\(key)' is not a list of records")
        }
        guard let node = node(key, as: .records) else { return [] }
        guard case .sequence(let sequence) = node else {
            mistyped(key, node, expected: "a list", hint: "write a list: \(key): [a, b] or one '- item' per line")
            return []
        }
        return sequence.compactMap { item in
            switch item {
            case .scalar(let scalar):
                return (scalar.string.trimmingWhitespace(), nil)
            case .mapping(let mapping):
                let record = YAMLMapping(
                    mapping, format: recordFormat, subject: "a record of \(subject)", path: path,
                    lineOffset: lineOffset, lines: sourceLines, sink: sink)
                defer { record.finish() }
                guard let title = record.string("title") else { return nil }
                return (title.value, record.string("file"))
            default:
                mistyped(key, item, expected: "a record's name, or a mapping with its title and file")
                return nil
            }
        }
    }

    /// A list of mappings, each wrapped for reading; `describe` names the n-th item for messages.
    func mappings(_ key: String, describe: (Int, Node.Mapping) -> String) -> [YAMLMapping] {
        guard case .mappings(let itemFormat) = format.field(key).kind else {
            preconditionFailure("the \(format.name) format's '\(key)' is not a list of mappings")
        }
        guard let node = node(key, as: .mappings) else { return [] }
        guard case .sequence(let sequence) = node else {
            mistyped(key, node, expected: "a list")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            guard case .mapping(let mapping) = item else {
                mistyped(key, item, expected: "a list of mappings")
                return nil
            }
            return YAMLMapping(
                mapping, format: itemFormat, subject: describe(index, mapping), path: path, lineOffset: lineOffset,
                lines: sourceLines, sink: sink)
        }
    }

    /// Reports keys that the format does not define, as warnings with a did-you-mean hint.
    func finish() {
        let knownKeys = format.fields.map(\.key)
        for entry in entries where !knownKeys.contains(entry.key) {
            sink.warning(
                at: entry.keyLocation, "unknown key '\(entry.key)' in \(subject)", rule: "unknown-key",
                hint: Suggestion.hint(for: entry.key, among: knownKeys))
        }
    }
}

extension Node {
    fileprivate var isNull: Bool {
        if case .scalar(let scalar) = self {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }
}

extension Bool {
    fileprivate init?(yamlBoolean text: String) {
        switch text.lowercased() {
        case "true", "yes", "on": self = true
        case "false", "no", "off": self = false
        default: return nil
        }
    }
}
