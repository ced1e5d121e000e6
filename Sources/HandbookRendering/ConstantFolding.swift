import Foundation
import HandbookMarkdown

/// Writes values that every page of a build, or of a folder, shares into the templates.
///
/// `{{page.site.t.KEY}}`, and `{{site.t.KEY}}` inside `{{#page}}`, name the same text on every
/// page of a build: the theme's string `KEY` in the handbook's language. `{{page.site.title}}`
/// and the site's other values are the same on every page of a folder (`root` and `assets`
/// change with its depth). swift-mustache would look each one up at every use, climbing the
/// context stack name by name with two dynamic casts per level, which in the partials of a
/// process step (a dozen UI strings, three levels down) was most of their rendering. The tags
/// become their text, escaped as `{{…}}` escapes it (`{{{…}}}` and `{{&…}}` as they are), so
/// that the rendered page is byte for byte the same.
///
/// Only tags whose look-up is sure to find the value are written in: `page` is a name of the
/// context every page template, its partials and embeds are rendered with, and no view inside it
/// has a `page`, `site` or `t` of its own (``ViewLookupTests`` checks). Sections, transforms
/// (`uppercased(site.t.menu)`) and tags inside comments stay as they are, as does a template
/// that changes its delimiters. A value that could change how the template around it is read
/// (empty, with a line break or with braces where they would meet the template's) stays a tag.
enum ConstantFolding {
    /// What a template is rendered with, at the bottom of its context stack.
    enum Context {
        /// A page's context, which has the page's chrome as `page`: every template but these.
        case page
        /// The site header's, which has the site as `site` (`site-header`).
        case siteHeader
        /// One without the site (`nav-area`, `nav-entry`).
        case other

        /// The context of the built-in template or partial called `name`.
        init(template name: String) {
            switch name {
            case "site-header": self = .siteHeader
            case "nav-area", "nav-entry": self = .other
            default: self = .page
            }
        }
    }

    /// `template`, rendered with `context`, with every plain tag of a UI string (`strings`) or
    /// of one of the site's values (`site`, by name: `title`, `root`) replaced by its text.
    static func fold(
        _ template: String, strings: [String: String], site: [String: String] = [:], context: Context
    ) -> String {
        guard !template.contains("{{=") else { return template }
        var result = ""
        var rest = template[...]
        // The sections open around the current tag, each with whether it is `{{#page}}`, inside
        // which `site` is the page's.
        var sections: [Bool] = []
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let isTriple = afterOpen.hasPrefix("{")
            let close = isTriple ? "}}}" : "}}"
            guard let end = afterOpen.range(of: close) else {
                result += rest[open.lowerBound...]
                return result
            }
            let tag = rest[open.lowerBound..<end.upperBound]
            var inside = afterOpen[..<end.lowerBound]
            var isRaw = isTriple
            if isTriple {
                inside = inside.dropFirst()
            } else if inside.hasPrefix("&") {
                inside = inside.dropFirst()
                isRaw = true
            }
            let name = trimmed(inside)
            if !isTriple, let sigil = name.first, "#^$<".contains(sigil) {
                sections.append(context == .page && sigil == "#" && trimmed(name.dropFirst()) == "page")
            } else if !isTriple, name.first == "/" {
                _ = sections.popLast()
            }
            let reachable =
                switch context {
                case .page: sections.contains(true) ? ["page.site.", "site."] : ["page.site."]
                case .siteHeader: ["site."]
                case .other: [String]()
                }
            if let first = inside.first, isTriple || !"!#^/>$<=%&".contains(first),
                let text = text(of: name, prefixes: reachable, strings: strings, site: site)
            {
                result += isRaw ? text : HTMLEscaping.text(text, apostrophes: true)
            } else {
                result += tag
            }
            rest = rest[end.upperBound...]
        }
        result += rest
        return result
    }

    /// A tag's name without the spaces Mustache allows around it.
    private static func trimmed(_ name: Substring) -> Substring {
        var name = name
        while name.first == " " || name.first == "\t" { name.removeFirst() }
        while name.last == " " || name.last == "\t" { name.removeLast() }
        return name
    }

    /// The UI string or site value a tag's name stands for, where it can be written in safely.
    private static func text(
        of name: Substring, prefixes: [String], strings: [String: String], site: [String: String]
    ) -> String? {
        guard let prefix = prefixes.first(where: name.hasPrefix) else { return nil }
        let path = name.dropFirst(prefix.count)
        let value: String?
        if path.hasPrefix("t.") {
            let key = path.dropFirst(2)
            value = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? strings[String(key)] : nil
        } else {
            value = site[String(path)]
        }
        guard let text = value, !text.isEmpty, !text.contains("\n"), !text.contains("{{"), !text.contains("}}"),
            text.first != "{", text.first != "}", text.last != "{", text.last != "}"
        else { return nil }
        return text
    }
}
