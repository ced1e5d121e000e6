import Foundation

/// A GitHub-style pipe table, found in the source lines of a paragraph.
///
/// Debian's libcmark has no table extension, so a table reaches the node tree as a paragraph.
/// Its structure is read from the paragraph's source lines as the GFM spec describes it: a
/// header row, a delimiter row (`| --- | :---: |`) with as many cells, then body rows, cells
/// split at unescaped `|`. Each cell's text is then parsed as inline Markdown by cmark.
struct PipeTable {
    struct Cell {
        /// The cell's Markdown, with `\|` turned into `|`.
        var text: String
        /// The line of the Markdown text (1-based) and the UTF-8 column where the text starts.
        var line: Int
        var byteColumn: Int
    }

    let alignments: [MarkdownNode.TableAlignment]
    let header: [Cell]
    /// Body rows, each with exactly as many cells as the header.
    let rows: [[Cell]]

    /// Reads a table from `lines`, the source lines of one paragraph, the first being line
    /// `firstLine` of the Markdown; `indent` bytes of leading spaces are the paragraph's
    /// container indentation. Nil when the lines are not a table.
    init?(lines: [[UInt8]], firstLine: Int, indent: Int) {
        guard lines.count >= 2 else { return nil }
        var contents: [(bytes: ArraySlice<UInt8>, offset: Int)] = []
        for line in lines {
            let prefix = line.prefix(indent)
            guard prefix.allSatisfy({ $0 == UInt8(ascii: " ") }) else { return nil }
            contents.append((line.dropFirst(indent), indent))
        }
        guard contents[0].bytes.contains(UInt8(ascii: "|")) || contents[1].bytes.contains(UInt8(ascii: "|")) else {
            return nil
        }
        let header = PipeTable.cells(of: contents[0].bytes, line: firstLine)
        let delimiters = PipeTable.cells(of: contents[1].bytes, line: firstLine + 1)
        guard !header.isEmpty, header.count == delimiters.count else { return nil }
        var alignments: [MarkdownNode.TableAlignment] = []
        for delimiter in delimiters {
            guard let alignment = PipeTable.alignment(of: delimiter.text) else { return nil }
            alignments.append(alignment)
        }
        self.alignments = alignments
        self.header = header
        self.rows = contents.dropFirst(2).enumerated().map { offset, content in
            var cells = PipeTable.cells(of: content.bytes, line: firstLine + 2 + offset)
            if cells.count > header.count { cells.removeLast(cells.count - header.count) }
            while cells.count < header.count {
                cells.append(Cell(text: "", line: firstLine + 2 + offset, byteColumn: content.bytes.count + 1))
            }
            return cells
        }
    }

    /// `---`, `:---`, `---:` or `:---:`.
    private static func alignment(of text: String) -> MarkdownNode.TableAlignment? {
        let leading = text.hasPrefix(":")
        let trailing = text.hasSuffix(":") && text.count > 1
        let dashes = text.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0)
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        switch (leading, trailing) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .unaligned
        }
    }

    /// The cells of one row: split at unescaped pipes, without the optional outer pipes, trimmed.
    private static func cells(of line: ArraySlice<UInt8>, line number: Int) -> [Cell] {
        let pipe = UInt8(ascii: "|")
        let backslash = UInt8(ascii: "\\")
        var cells: [Cell] = []
        var start = line.startIndex
        var index = line.startIndex
        func addCell(upTo end: Int) {
            var first = start
            var last = end
            while first < last, line[first] == UInt8(ascii: " ") || line[first] == UInt8(ascii: "\t") { first += 1 }
            while last > first, line[last - 1] == UInt8(ascii: " ") || line[last - 1] == UInt8(ascii: "\t") {
                last -= 1
            }
            let text = String(decoding: line[first..<last], as: UTF8.self).replacingOccurrences(of: "\\|", with: "|")
            // The slice keeps the whole line's indices, so `first` counts from the line's start.
            cells.append(Cell(text: text, line: number, byteColumn: first + 1))
        }
        while index < line.endIndex {
            if line[index] == backslash {
                index += 2
                continue
            }
            if line[index] == pipe {
                addCell(upTo: index)
                start = index + 1
            }
            index += 1
        }
        addCell(upTo: line.endIndex)
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        if trimmed.first == pipe, cells.first?.text.isEmpty == true { cells.removeFirst() }
        if trimmed.last(where: { $0 != UInt8(ascii: " ") }) == pipe, cells.count > 1 || trimmed.count > 1,
            cells.last?.text.isEmpty == true
        {
            cells.removeLast()
        }
        return cells
    }

    /// `text` with a leading character escaped where cmark would otherwise start a block (a
    /// heading, list, quote, code fence or rule): a cell holds inline content only.
    static func inlineOnly(_ text: String) -> String {
        guard let first = text.first else { return text }
        let second = text.dropFirst().first
        let isRule =
            text.filter { $0 != " " }.count >= 3 && text.allSatisfy { $0 == first || $0 == " " }
            && "-*_".contains(first)
        // `[label]: /address` would be taken as a link reference definition and vanish.
        let isReferenceDefinition = first == "[" && text.firstMatch(of: /^\[[^\]]+\]:/) != nil
        if isRule || isReferenceDefinition || first == ">" || text.hasPrefix("```") || text.hasPrefix("~~~") {
            return "\\" + text
        }
        switch first {
        case "#", "-", "+", "*":
            if second == nil || second == " " || (first == "#" && second == "#") { return "\\" + text }
        case "0"..."9":
            if let end = text.firstIndex(where: { !$0.isNumber }), text[end] == "." || text[end] == ")" {
                return String(text[..<end]) + "\\" + String(text[end...])
            }
        default:
            break
        }
        return text
    }
}
