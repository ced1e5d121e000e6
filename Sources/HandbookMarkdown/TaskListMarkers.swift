/// Recognises GitHub task-list items (`- [ ] item`, `- [x] item`) on the node tree.
///
/// Debian's libcmark has no task-list extension, so the marker arrives as the first characters
/// of the item's first text node; this pass moves it into a ``MarkdownNode/Kind/taskMarker(checked:number:)``.
enum TaskListMarkers {
    static func mark(in node: inout MarkdownNode) {
        var count = 0
        mark(in: &node, count: &count)
    }

    private static func mark(in node: inout MarkdownNode, count: inout Int) {
        if case .item = node.kind, let first = node.children.first, case .paragraph = first.kind,
            let textNode = first.children.first, case .text(let text) = textNode.kind,
            let checked = marker(in: text)
        {
            let rest = String(text.dropFirst(3).drop { $0 == " " || $0 == "\t" })
            var paragraph = first
            paragraph.children[0].kind = .text(rest)
            count += 1
            paragraph.children.insert(
                MarkdownNode(kind: .taskMarker(checked: checked, number: count), location: textNode.location), at: 0)
            node.children[0] = paragraph
        }
        for index in node.children.indices {
            mark(in: &node.children[index], count: &count)
        }
    }

    private static func marker(in text: String) -> Bool? {
        let characters = Array(text.prefix(4))
        guard characters.count == 4, characters[0] == "[", characters[2] == "]", characters[3] == " " else {
            return nil
        }
        switch characters[1] {
        case " ": return false
        case "x", "X": return true
        default: return nil
        }
    }
}
