import HandbookMarkdown
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
        HTMLEscaping.text(text, apostrophes: true)
    }
}
