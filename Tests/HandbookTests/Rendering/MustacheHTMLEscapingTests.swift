import Mustache
import Testing

@testable import HandbookRendering

/// The theme's HTML escaping escapes as swift-mustache's own does, only faster, and also where a
/// combining mark follows a `<`.
@Suite struct MustacheHTMLEscapingTests {
    private let samples = [
        "plain", "客户投诉", "<script>alert('x')</script>", "a & b \"quoted\" > c", "'", "&amp;", "", "é<ü>",
    ]

    @Test func escapesLikeSwiftMustache() throws {
        _ = MustacheHTMLEscaping.registered
        let theirs = try MustacheTemplate(string: "{{value}}")
        let ours = try MustacheTemplate(string: MustacheHTMLEscaping.pragma + "{{value}}")
        for sample in samples {
            #expect(ours.render(["value": sample]) == theirs.render(["value": sample]), "\(sample)")
        }
    }

    @Test func escapesAngleBracketsThatCarryACombiningMark() {
        #expect(MustacheHTMLEscaping().escapeText("<\u{301}img>") == "&lt;\u{301}img&gt;")
    }
}
