public import HandbookMarkdown
import HandbookModel

/// A block of Markdown as a reader sees it on the page: a heading, a paragraph, a list item, a
/// quoted paragraph, a table row, or what a directive embeds, with links as their text and
/// without `{#anchor}` marks.
public struct ReadableBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case item
        case quote
        case row
        case code
        /// A directive: what it embeds, such as `process`.
        case embed(Directive.Kind)
    }

    public var kind: Kind
    public var text: String

    /// The blocks of `markdown`, in order; `embedded` names what a directive embeds (an id and
    /// a title).
    static func blocks(of markdown: String, embedded: (Directive) -> String) -> [ReadableBlock] {
        let document = MarkdownParser.parse(MarkdownSource(text: markdown, path: ""))
        var blocks: [ReadableBlock] = []
        collect(document.root, quoted: false, into: &blocks, embedded: embedded)
        return blocks
    }

    private static func collect(
        _ node: MarkdownNode, quoted: Bool, into blocks: inout [ReadableBlock], embedded: (Directive) -> String
    ) {
        switch node.kind {
        case .heading(let level, _):
            blocks.append(ReadableBlock(kind: .heading(level: level), text: node.plainText))
        case .paragraph:
            blocks.append(ReadableBlock(kind: quoted ? .quote : .paragraph, text: node.plainText))
        case .item:
            // The item's first paragraph is the item; what follows it is nested.
            var rest = node.children[...]
            var text = ""
            if let first = rest.first, case .paragraph = first.kind {
                text = first.plainText
                rest = rest.dropFirst()
            }
            blocks.append(ReadableBlock(kind: .item, text: text))
            for child in rest { collect(child, quoted: quoted, into: &blocks, embedded: embedded) }
        case .codeBlock(let info, let literal):
            if let directive = Directive(info: info) {
                blocks.append(ReadableBlock(kind: .embed(directive.kind), text: embedded(directive)))
            } else {
                blocks.append(
                    ReadableBlock(kind: .code, text: literal.hasSuffix("\n") ? String(literal.dropLast()) : literal))
            }
        case .tableRow:
            blocks.append(ReadableBlock(kind: .row, text: node.children.map(\.plainText).joined(separator: " | ")))
        case .blockQuote:
            for child in node.children { collect(child, quoted: true, into: &blocks, embedded: embedded) }
        case .htmlBlock, .thematicBreak:
            break
        default:
            for child in node.children { collect(child, quoted: quoted, into: &blocks, embedded: embedded) }
        }
    }
}

/// One block of a changed Markdown text: unchanged (shown for context), changed within, added
/// or removed.
public struct BlockChange: Sendable, Equatable {
    public var kind: ReadableBlock.Kind
    public var pieces: [TextDiff.Piece]
    /// Unchanged blocks were left out before this one.
    public var followsGap: Bool
}

extension BlockChange {
    /// The blocks of `new` compared with those of `old`: each changed block, and the heading of
    /// the section it is in for context; gaps where unchanged blocks are left out.
    static func changes(from old: [ReadableBlock], to new: [ReadableBlock]) -> [BlockChange] {
        // Longest common subsequence of whole blocks.
        let (m, n) = (old.count, new.count)
        var lengths = Array(repeating: Array(repeating: 0, count: n + 1), count: m + 1)
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        // Each step: an unchanged block, or a run of removed and added blocks, paired in order.
        var steps: [(block: ReadableBlock, pieces: [TextDiff.Piece], changed: Bool)] = []
        var (i, j) = (0, 0)
        var removed: [ReadableBlock] = []
        var added: [ReadableBlock] = []
        func flush() {
            for index in 0..<max(removed.count, added.count) {
                switch (index < removed.count ? removed[index] : nil, index < added.count ? added[index] : nil) {
                case (let before?, let after?) where before.kind == after.kind:
                    steps.append((after, TextDiff.diff(before.text, after.text), true))
                case (let before?, let after?):
                    steps.append((before, [.deleted(before.text)], true))
                    steps.append((after, [.inserted(after.text)], true))
                case (let before?, nil):
                    steps.append((before, [.deleted(before.text)], true))
                case (nil, let after?):
                    steps.append((after, [.inserted(after.text)], true))
                case (nil, nil):
                    break
                }
            }
            removed = []
            added = []
        }
        while i < m || j < n {
            if i < m, j < n, old[i] == new[j] {
                flush()
                steps.append((new[j], [.same(new[j].text)], false))
                i += 1
                j += 1
            } else if j < n, i == m || lengths[i][j + 1] >= lengths[i + 1][j] {
                added.append(new[j])
                j += 1
            } else {
                removed.append(old[i])
                i += 1
            }
        }
        flush()
        // Keep the changed blocks, and the heading each one sits under.
        var keep = Set(steps.indices.filter { steps[$0].changed })
        for index in keep.sorted() {
            if case .heading = steps[index].block.kind { continue }
            if let heading = steps[..<index].lastIndex(where: {
                if case .heading = $0.block.kind { true } else { false }
            }) {
                keep.insert(heading)
            }
        }
        var result: [BlockChange] = []
        var previous = -1
        for index in keep.sorted() {
            result.append(
                BlockChange(
                    kind: steps[index].block.kind, pieces: steps[index].pieces, followsGap: index > previous + 1))
            previous = index
        }
        return result
    }
}
