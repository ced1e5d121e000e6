internal import Mustache

/// HTML escaping for the theme's templates, byte by byte.
///
/// swift-mustache escapes `{{value}}` by looking each `Character` up in a dictionary, which is a
/// tenth of a large build's time. It lets a template name its content type with a pragma
/// (`{{% CONTENT_TYPE: … }}`), so ``Theme`` puts one naming this type at the start of every
/// template: the same five characters escaped the same way, `&`, `<`, `>`, `"` and `'`, scalar
/// by scalar (so that no combining mark can hide a `<` either).
struct MustacheHTMLEscaping: MustacheContentType {
    static let name = "HANDBOOK_HTML"
    /// The pragma that selects this escaping; it renders as nothing and adds no line.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Void = MustacheContentTypes.register(MustacheHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
