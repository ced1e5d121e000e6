internal import CCmark
public import HandbookModel

/// Parses Markdown with libcmark and copies its node tree into ``MarkdownNode`` values.
///
/// This is the only file that touches cmark: no C pointer outlives ``parse(_:)``.
public enum MarkdownParser {
    /// Parses `source`; headings avoid the ids in `reservedAnchors`, which the page around the
    /// Markdown already uses.
    public static func parse(_ source: MarkdownSource, reservedAnchors: Set<String> = []) -> MarkdownDocument {
        var (tree, flattenedAt) = tree(of: source)
        TaskListMarkers.mark(in: &tree)
        let headings = HeadingAnchors.assign(in: &tree, reserved: reservedAnchors)
        return MarkdownDocument(root: tree, headings: headings, flattenedAt: flattenedAt)
    }

    /// The node tree of `source`, and where it nests too deeply.
    private static func tree(of source: MarkdownSource) -> (MarkdownNode, SourceLocation?) {
        let bytes = Array(source.text.utf8)
        let root = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8)
            }
        }
        guard let root else {
            return (
                MarkdownNode(kind: .document, location: SourceLocation(path: source.path, line: source.lineOffset + 1)),
                nil
            )
        }
        defer { cmark_node_free(root) }
        return copy(root, positions: PositionMap(source))
    }

    /// Containers nested deeper than this are merged into their ancestor at this depth, so that
    /// the recursive passes over the tree stay far from the end of a thread's stack.
    public static let maximumDepth = 48

    /// Copies the tree below `root` with an explicit stack driven by cmark's iterator; also
    /// returns where nesting first went past ``maximumDepth``.
    private static func copy(_ root: OpaquePointer, positions: PositionMap) -> (MarkdownNode, SourceLocation?) {
        guard let iterator = cmark_iter_new(root) else {
            return (MarkdownNode(kind: .document, location: positions.location(line: 1, byteColumn: 1)), nil)
        }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        var finished: MarkdownNode?
        var flattenedContainers = 0
        var flattenedAt: SourceLocation?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let isContainer = canContain(cmark_node_get_type(node))
            if event == CMARK_EVENT_ENTER {
                let inherited = stack.last?.location
                let line = Int(cmark_node_get_start_line(node))
                let location =
                    line > 0
                    ? positions.location(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
                    : inherited ?? positions.location(line: 1, byteColumn: 1)
                if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, !stack.isEmpty, stack.count < maximumDepth,
                    let table = table(in: node, positions: positions, at: location, flattenedAt: &flattenedAt)
                {
                    // The table replaces the paragraph. Resetting to the paragraph's exit also
                    // consumes that exit, so the iterator goes on after the paragraph.
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    stack[stack.count - 1].children.append(table)
                    continue
                }
                let copied = MarkdownNode(kind: kind(of: node), location: location)
                if isContainer && stack.count >= maximumDepth {
                    flattenedContainers += 1
                    flattenedAt = flattenedAt ?? location
                } else if isContainer {
                    stack.append(copied)
                } else if stack.isEmpty {
                    finished = copied
                } else {
                    appendMergingText(copied, to: &stack[stack.count - 1])
                }
            } else if event == CMARK_EVENT_EXIT {
                if flattenedContainers > 0 {
                    flattenedContainers -= 1
                    continue
                }
                let closed = stack.removeLast()
                if stack.isEmpty {
                    finished = closed
                } else {
                    stack[stack.count - 1].children.append(closed)
                }
            }
        }
        return (
            finished ?? MarkdownNode(kind: .document, location: positions.location(line: 1, byteColumn: 1)), flattenedAt
        )
    }

    /// The pipe table a paragraph's source lines form, with each cell's inlines parsed by cmark.
    private static func table(
        in paragraph: OpaquePointer, positions: PositionMap, at location: SourceLocation,
        flattenedAt: inout SourceLocation?
    ) -> MarkdownNode? {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        guard first > 0, last > first,
            let table = PipeTable(
                lines: (first...last).map(positions.line), firstLine: first,
                indent: Int(cmark_node_get_start_column(paragraph)) - 1)
        else { return nil }
        func row(_ cells: [PipeTable.Cell]) -> MarkdownNode {
            MarkdownNode(
                kind: .tableRow,
                children: cells.map { cell in
                    let start = positions.location(line: cell.line, byteColumn: cell.byteColumn)
                    let source = MarkdownSource(
                        text: PipeTable.inlineOnly(cell.text), path: start.path, lineOffset: start.line - 1,
                        columnOffset: start.column - 1)
                    let (cell, cellFlattenedAt) = tree(of: source)
                    flattenedAt = flattenedAt ?? cellFlattenedAt
                    // A cell is one line, so it is one paragraph, unless it is shaped like an
                    // HTML block: keep that block, so raw HTML is handled as anywhere else.
                    let inlines = cell.children.flatMap { block -> [MarkdownNode] in
                        if case .paragraph = block.kind { return block.children }
                        return [block]
                    }
                    return MarkdownNode(kind: .tableCell, children: inlines, location: start)
                },
                location: positions.location(line: cells.first?.line ?? first, byteColumn: 1))
        }
        return MarkdownNode(
            kind: .table(alignments: table.alignments), children: [row(table.header)] + table.rows.map(row),
            location: location)
    }

    /// Appends `child`, joining it to a preceding text node: cmark leaves `[`, `]` and other
    /// would-be delimiters as separate text nodes.
    private static func appendMergingText(_ child: MarkdownNode, to parent: inout MarkdownNode) {
        if case .text(let addition) = child.kind, let last = parent.children.indices.last,
            case .text(var existing) = parent.children[last].kind
        {
            // The node lets go of its text first, so that the text grows in place: a paragraph
            // of thousands of would-be delimiters is merged in linear time.
            parent.children[last].kind = .softBreak
            existing += addition
            parent.children[last].kind = .text(existing)
        } else {
            parent.children.append(child)
        }
    }

    /// Whether cmark's iterator gives the node an exit event, which it does for every node type
    /// that may have children, even when it has none.
    private static func canContain(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_PARAGRAPH,
            CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE,
            CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            true
        default:
            false
        }
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        let literal = string(cmark_node_get_literal(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal)
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), id: "")
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal)
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal)
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal)
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return .text(literal)
        }
    }
}

/// Maps cmark's positions (lines of the Markdown text, columns in UTF-8 bytes) to positions in
/// the source file (lines of the file, columns in characters).
///
/// Columns are counted on from the previous position asked for when it lies earlier on the same
/// line, as it does for nodes in document order: a line with thousands of nodes costs one pass.
final class PositionMap {
    /// The Markdown text's bytes.
    private let bytes: [UInt8]
    /// Where each line starts in `bytes`, and past the last one, where the text ends (one byte
    /// further, as if it ended with a line break).
    private let lineStarts: [Int]
    private let source: MarkdownSource
    /// The last position counted: line, byte column, column in Unicode scalars.
    private var counted = (line: 0, byteColumn: 1, column: 1)

    init(_ source: MarkdownSource) {
        self.source = source
        let bytes = Array(source.text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        starts.append(bytes.count + 1)
        self.bytes = bytes
        lineStarts = starts
    }

    private var lineCount: Int { lineStarts.count - 1 }

    /// The bytes of line `number` (1-based), without its line break.
    private func bytes(ofLine number: Int) -> ArraySlice<UInt8> {
        bytes[lineStarts[number - 1]..<(lineStarts[number] - 1)]
    }

    /// The bytes of line `number` (1-based) of the Markdown text, without its line break.
    func line(_ number: Int) -> [UInt8] {
        guard number >= 1, number <= lineCount else { return [] }
        var line = bytes(ofLine: number)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return Array(line)
    }

    func location(line: Int, byteColumn: Int) -> SourceLocation {
        var column = byteColumn
        if line >= 1, line <= lineCount {
            let bytes = bytes(ofLine: line)
            let end = min(max(1, byteColumn), bytes.count + 1)
            var (start, scalars) = (1, 1)
            if counted.line == line, counted.byteColumn <= end {
                (start, scalars) = (counted.byteColumn, counted.column)
            }
            // A Unicode scalar starts at every byte that is not a UTF-8 continuation byte.
            for index in (start - 1)..<(end - 1) where bytes[bytes.startIndex + index] & 0xC0 != 0x80 { scalars += 1 }
            counted = (line, end, scalars)
            column = scalars
        }
        return SourceLocation(path: source.path, line: line + source.lineOffset, column: column + source.columnOffset)
    }
}
