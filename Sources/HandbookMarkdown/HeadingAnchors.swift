import Foundation
import HandbookModel

/// Gives every heading a stable anchor id.
///
/// The id is the heading's text, lower-cased, with letters and digits of any script kept (so
/// Chinese headings keep their characters), spaces turned into `-` and other punctuation
/// dropped; repeats get `-1`, `-2`. A heading ending in `{#custom-id}` takes that id instead,
/// so a link survives a reworded heading.
enum HeadingAnchors {
    static func assign(in root: inout MarkdownNode, reserved: Set<String> = []) -> [Heading] {
        var used = Dictionary(uniqueKeysWithValues: reserved.map { ($0, 0) })
        var headings: [Heading] = []
        assign(in: &root, used: &used, headings: &headings)
        return headings
    }

    private static func assign(in node: inout MarkdownNode, used: inout [String: Int], headings: inout [Heading]) {
        if case .heading(let level, _) = node.kind {
            let explicit = removeExplicitID(from: &node)
            let text = node.plainText.trimmingWhitespace()
            let id = unique(explicit ?? slug(text), used: &used)
            node.kind = .heading(level: level, id: id)
            headings.append(Heading(level: level, text: text, id: id, location: node.location))
            return
        }
        for index in node.children.indices {
            assign(in: &node.children[index], used: &used, headings: &headings)
        }
    }

    /// The id of a trailing `{#id}`, removed from the heading's last text node.
    private static func removeExplicitID(from heading: inout MarkdownNode) -> String? {
        guard let last = heading.children.indices.last, case .text(let text) = heading.children[last].kind,
            text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards)
        else { return nil }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        heading.children[last].kind = .text(String(text[..<open.lowerBound]).trimmingWhitespace())
        return id
    }

    /// The anchor id for a heading text.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    private static func unique(_ id: String, used: inout [String: Int]) -> String {
        guard let count = used[id] else {
            used[id] = 0
            return id
        }
        var next = count + 1
        while used["\(id)-\(next)"] != nil { next += 1 }
        used[id] = next
        used["\(id)-\(next)"] = 0
        return "\(id)-\(next)"
    }
}
