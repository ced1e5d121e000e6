import HandbookMarkdown
public import HandbookVersions

extension TextDiff {
    /// HTML of the pieces: deletions in `<del>`, insertions in `<ins>`, all text escaped.
    /// Unchanged text keeps `context` characters next to each change; longer stretches are
    /// shortened to `…`.
    public static func html(_ pieces: [Piece], context: Int = 120) -> String {
        pieces.enumerated().map { position, piece in
            switch piece {
            case .same(let text):
                let isFirst = position == 0
                let isLast = position == pieces.count - 1
                guard text.count > 2 * context + 1 else { return HTMLEscaping.text(text) }
                let head = isFirst ? "" : String(text.prefix(context))
                let tail = isLast ? "" : String(text.suffix(context))
                return HTMLEscaping.text(head) + "<span class=\"diff-gap\">…</span>" + HTMLEscaping.text(tail)
            case .inserted(let text): return "<ins>\(HTMLEscaping.text(text))</ins>"
            case .deleted(let text): return "<del>\(HTMLEscaping.text(text))</del>"
            }
        }.joined()
    }
}

extension BlockChange {
    /// HTML of changed blocks as the page shows them: headings as headings, list items with a
    /// bullet, embeds named by `embedLabel` (`流程`) with their id and title, `…` where
    /// unchanged blocks are left out.
    static func html(_ blocks: [BlockChange], embedLabel: (Directive.Kind) -> String?) -> String {
        blocks.map { block in
            let gap = block.followsGap ? "<p class=\"diff-gap diff-block-gap\">…</p>" : ""
            let text = TextDiff.html(block.pieces)
            switch block.kind {
            case .heading(let level):
                return gap + "<p class=\"diff-block diff-heading diff-h\(min(level, 4))\">\(text)</p>"
            case .item:
                return gap + "<p class=\"diff-block diff-item\">\(text)</p>"
            case .quote:
                return gap + "<blockquote class=\"diff-block\">\(text)</blockquote>"
            case .code:
                return gap + "<pre class=\"diff-block diff-code\">\(text)</pre>"
            case .row:
                return gap + "<p class=\"diff-block diff-row\">\(text)</p>"
            case .embed(let kind):
                let label =
                    embedLabel(kind).map { "<span class=\"diff-embed-label\">\(HTMLEscaping.text($0))</span> " } ?? ""
                return gap + "<p class=\"diff-block diff-embed\">\(label)\(text)</p>"
            case .paragraph:
                return gap + "<p class=\"diff-block\">\(text)</p>"
            }
        }.joined()
    }
}
