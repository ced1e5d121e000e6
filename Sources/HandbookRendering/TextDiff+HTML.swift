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
