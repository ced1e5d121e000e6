import HandbookModel

/// What the HTML renderer asks of the site: URLs for links and HTML for directives.
public protocol MarkdownEmbedding: Sendable {
    /// The URL of a link target, or nil when the target does not exist.
    func href(for target: LinkTarget) -> String?
    /// The HTML a directive stands for, or nil when what it names does not exist.
    func html(for directive: Directive) -> String?
}

/// Renders a ``MarkdownDocument`` to HTML, CommonMark's way, with the handbook's additions:
/// heading anchors, rewritten links, directives and task-list checkboxes.
public struct HTMLRenderer: Sendable {
    public var allowsRawHTML: Bool
    public var embedding: any MarkdownEmbedding
    /// Prefix of every id the document puts on the page (headings, task items), for pages that
    /// hold several documents, such as the print version.
    public var anchorPrefix: String

    public init(allowsRawHTML: Bool, embedding: any MarkdownEmbedding, anchorPrefix: String = "") {
        self.allowsRawHTML = allowsRawHTML
        self.embedding = embedding
        self.anchorPrefix = anchorPrefix
    }

    public func render(_ document: MarkdownDocument) -> String {
        var output = ""
        render(document.root, into: &output, tight: false)
        return output
    }

    private func renderChildren(of node: MarkdownNode, into output: inout String, tight: Bool = false) {
        let children = node.children
        for index in children.indices {
            // A line break in the source between two Chinese or Japanese characters is no space
            // in the text: browsers would show one (CSS leaves it to them), as in `规定 见`.
            if case .softBreak = children[index].kind, index > 0, index + 1 < children.count,
                let before = children[index - 1].plainText.unicodeScalars.last,
                let after = children[index + 1].plainText.unicodeScalars.first,
                Self.joinsWithoutSpace(before), Self.joinsWithoutSpace(after)
            {
                continue
            }
            render(children[index], into: &output, tight: tight)
        }
    }

    /// Han, kana, and CJK and full-width punctuation: scripts written without spaces between
    /// words (Hangul is written with them).
    private static func joinsWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60,
            0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// Starts a block on a new line, as cmark's HTML renderer does.
    private func startLine(_ output: inout String) {
        if !output.isEmpty, output.utf8.last != UInt8(ascii: "\n") { output += "\n" }
    }

    private func render(_ node: MarkdownNode, into output: inout String, tight: Bool) {
        switch node.kind {
        case .document:
            renderChildren(of: node, into: &output)
        case .blockQuote:
            startLine(&output)
            output += "<blockquote>\n"
            renderChildren(of: node, into: &output)
            output += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            let isTaskList = node.children.contains(where: \.isTaskItem)
            startLine(&output)
            output += "<\(tag)"
            if ordered && start != 1 { output += " start=\"\(start)\"" }
            if isTaskList { output += " class=\"task-list\"" }
            output += ">\n"
            renderChildren(of: node, into: &output, tight: isTight)
            output += "</\(tag)>\n"
        case .item:
            startLine(&output)
            if node.isTaskItem, let label = node.children.first {
                output += "<li class=\"task-list-item\"><label>"
                renderChildren(of: label, into: &output)
                output += "</label>"
                for child in node.children.dropFirst() { render(child, into: &output, tight: tight) }
            } else {
                output += "<li>"
                renderChildren(of: node, into: &output, tight: tight)
            }
            output += "</li>\n"
        case .paragraph:
            if !tight {
                startLine(&output)
                output += "<p>"
            }
            renderChildren(of: node, into: &output)
            output += tight ? "" : "</p>\n"
        case .heading(let level, let id):
            startLine(&output)
            let anchor = anchorPrefix + id
            output += "<h\(level) id=\"\(HTMLEscaping.text(anchor))\">"
            renderChildren(of: node, into: &output)
            output +=
                "<a class=\"anchor\" href=\"#\(HTMLEscaping.href(anchor))\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
            output += "</h\(level)>\n"
        case .codeBlock(let info, let literal):
            renderCodeBlock(info: info, literal: literal, into: &output)
        case .htmlBlock(let html):
            startLine(&output)
            output += allowsRawHTML ? html : "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            startLine(&output)
            output += "<hr>\n"
        case .text(let text):
            output += HTMLEscaping.text(text)
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br>\n"
        case .code(let code):
            output += "<code>\(HTMLEscaping.text(code))</code>"
        case .htmlInline(let html):
            output += allowsRawHTML ? html : "<!-- raw HTML omitted -->"
        case .emphasis:
            output += "<em>"
            renderChildren(of: node, into: &output)
            output += "</em>"
        case .strong:
            output += "<strong>"
            renderChildren(of: node, into: &output)
            output += "</strong>"
        case .link(let destination, let title):
            renderLink(node, destination: destination, title: title, into: &output)
        case .image(let source, let title):
            // An image from the content's files/ is addressed from the page that shows it.
            let target = LinkTarget(destination: source, sourcePath: node.location.path)
            let resolved = { if case .file = target { embedding.href(for: target) } else { nil } }() ?? source
            let url = allowsRawHTML || HTMLEscaping.isSafe(resolved) ? resolved : ""
            output += "<img src=\"\(HTMLEscaping.href(url))\" alt=\"\(HTMLEscaping.text(node.plainText))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.text(title))\"" }
            output += " loading=\"lazy\">"
        case .taskMarker(let checked, let number):
            output +=
                "<input type=\"checkbox\" class=\"task\" id=\"\(anchorPrefix)task-\(number)\"\(checked ? " checked" : "")> "
        case .table(let alignments):
            startLine(&output)
            renderTable(node, alignments: alignments, into: &output)
        case .tableRow, .tableCell:
            renderChildren(of: node, into: &output)
        }
    }

    private func renderTable(
        _ table: MarkdownNode, alignments: [MarkdownNode.TableAlignment], into output: inout String
    ) {
        func renderRow(_ row: MarkdownNode, cellTag: String) {
            output += "<tr>"
            for (column, cell) in row.children.enumerated() {
                let alignment = column < alignments.count ? alignments[column] : .unaligned
                // A header cell with nothing in it heads nothing: a screen reader would announce an
                // empty header for every cell below it.
                let cellTag = cellTag == "th" && cell.children.isEmpty ? "td" : cellTag
                output += "<\(cellTag)"
                switch alignment {
                case .unaligned: break
                case .left: output += " class=\"align-left\""
                case .center: output += " class=\"align-center\""
                case .right: output += " class=\"align-right\""
                }
                output += ">"
                renderChildren(of: cell, into: &output)
                output += "</\(cellTag)>"
            }
            output += "</tr>\n"
        }
        output += "<div class=\"table-wrap\" tabindex=\"0\">\n<table>\n<thead>\n"
        if let header = table.children.first { renderRow(header, cellTag: "th") }
        output += "</thead>\n"
        if table.children.count > 1 {
            output += "<tbody>\n"
            for row in table.children.dropFirst() { renderRow(row, cellTag: "td") }
            output += "</tbody>\n"
        }
        output += "</table>\n</div>\n"
    }

    private func renderCodeBlock(info: String, literal: String, into output: inout String) {
        startLine(&output)
        if let directive = Directive(info: info), let html = embedding.html(for: directive) {
            output += html
            return
        }
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        output += "<pre><code"
        if !language.isEmpty { output += " class=\"language-\(HTMLEscaping.text(language))\"" }
        output += ">\(HTMLEscaping.text(literal))</code></pre>\n"
    }

    private func renderLink(_ node: MarkdownNode, destination: String, title: String, into output: inout String) {
        let target = LinkTarget(destination: destination, sourcePath: node.location.path)
        let url = embedding.href(for: target) ?? destination
        let safeURL = allowsRawHTML || HTMLEscaping.isSafe(url) ? url : ""
        output += "<a href=\"\(HTMLEscaping.href(safeURL))\""
        if !title.isEmpty { output += " title=\"\(HTMLEscaping.text(title))\"" }
        if case .external(let address) = target, address.hasPrefix("http") { output += " rel=\"noopener\"" }
        output += ">"
        renderChildren(of: node, into: &output)
        output += "</a>"
    }
}

extension MarkdownNode {
    /// Whether this is a list item that starts with a task-list marker.
    fileprivate var isTaskItem: Bool {
        guard case .item = kind, let paragraph = children.first, let first = paragraph.children.first,
            case .taskMarker = first.kind
        else { return false }
        return true
    }
}
