public import HandbookModel

/// A node of a parsed Markdown document: cmark's tree copied into Swift values.
public struct MarkdownNode: Sendable {
    public enum Kind: Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        /// A heading with the anchor id it will carry in HTML.
        case heading(level: Int, id: String)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A GitHub-style task-list marker (`[ ]` or `[x]`) at the start of a list item; `number`
        /// counts the document's task items from 1, for the checkbox's id.
        case taskMarker(checked: Bool, number: Int)
        /// A pipe table; its children are rows, the first being the header row.
        case table(alignments: [TableAlignment])
        case tableRow
        case tableCell
    }

    public enum TableAlignment: Sendable, Hashable {
        case unaligned, left, center, right
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Where the node starts in its source file (not in the Markdown text alone).
    public var location: SourceLocation

    public init(kind: Kind, children: [MarkdownNode] = [], location: SourceLocation) {
        self.kind = kind
        self.children = children
        self.location = location
    }

    /// The text of the node and its descendants, without markup.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        case .codeBlock(_, let literal): return literal
        case .htmlBlock, .htmlInline, .taskMarker: return ""
        case .table: return children.map(\.plainText).joined(separator: "\n")
        case .tableRow: return children.map(\.plainText).joined(separator: " ")
        default: return children.map(\.plainText).joined()
        }
    }

    /// The text of the node with a line break between blocks (list items, paragraphs, quoted
    /// paragraphs), so that the words of two blocks never run together.
    public var blockText: String {
        switch kind {
        case .document, .blockQuote, .list, .item, .table, .tableRow:
            return children.map(\.blockText).joined(separator: "\n")
        default:
            return plainText
        }
    }

    /// Calls `visit` on this node and every descendant, parents first.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        // By index, so that each child is borrowed rather than copied (with a retain of each of
        // its fields) on the way down.
        for index in children.indices { children[index].walk(visit) }
    }
}

/// A heading of a page, for its table of contents and for checking `#anchor` links.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.location = location
    }
}

/// A parsed Markdown source: its node tree and its headings in order.
public struct MarkdownDocument: Sendable {
    public let root: MarkdownNode
    public var headings: [Heading]
    /// Where the Markdown first nests deeper than ``MarkdownParser/maximumDepth``, if it does;
    /// deeper levels are merged into the level above.
    public var flattenedAt: SourceLocation?

    /// The fenced code blocks, in order: where directives are. Found once, at parsing, as are
    /// ``references``, ``rawHTML`` and ``taskCount``: later stages ask for them of every page,
    /// on every rebuild.
    public private(set) var codeBlocks: [MarkdownNode] = []
    /// The links, images and fenced code blocks, in document order: what points elsewhere.
    public private(set) var references: [MarkdownNode] = []
    /// The raw HTML blocks and inline tags, in document order.
    public private(set) var rawHTML: [MarkdownNode] = []
    /// The number of task-list items (`- [ ] …`).
    public private(set) var taskCount = 0

    public init(root: MarkdownNode, headings: [Heading], flattenedAt: SourceLocation? = nil) {
        self.root = root
        self.headings = headings
        self.flattenedAt = flattenedAt
        var codeBlocks: [MarkdownNode] = []
        var references: [MarkdownNode] = []
        var rawHTML: [MarkdownNode] = []
        var taskCount = 0
        root.walk { node in
            switch node.kind {
            case .codeBlock:
                codeBlocks.append(node)
                references.append(node)
            case .link, .image: references.append(node)
            case .htmlBlock, .htmlInline: rawHTML.append(node)
            case .taskMarker: taskCount += 1
            default: break
            }
        }
        self.codeBlocks = codeBlocks
        self.references = references
        self.rawHTML = rawHTML
        self.taskCount = taskCount
    }

    /// Whether the document has task-list items (`- [ ] …`).
    public var hasTaskItems: Bool { taskCount > 0 }

    /// Every node of the document matching `predicate`, in document order.
    public func nodes(where predicate: (MarkdownNode) -> Bool) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        root.walk { if predicate($0) { found.append($0) } }
        return found
    }
}
