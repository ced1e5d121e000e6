import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookModel

/// Markdown that makes a careless tree walk quadratic, checked at a size where a quadratic walk
/// takes minutes and a linear one a fraction of a second. The bound is generous (a debug build
/// on a busy machine); `Scripts/benchmark-pathological.py` measures the real figures against
/// the `cmark` CLI.
@Suite struct PathologicalMarkdownTests {
    static let repetitions = 40_000

    /// Inputs of the kinds in cmark's pathological tests, and those that were once slow here. The
    /// cases cmark 0.30 itself takes quadratic time on are left to the benchmark.
    static let cases: [(String, String)] = {
        let n = repetitions
        return [
            (
                "nested strong emphasis",
                String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n)
            ),
            ("emphasis runs", String(repeating: "*a ", count: n) + String(repeating: "_a*_ ", count: n)),
            ("emphasis closers without openers", String(repeating: "a_ ", count: n)),
            ("link openers without closers", String(repeating: "[a", count: n)),
            ("nested brackets", String(repeating: "[", count: n) + "a" + String(repeating: "]", count: n)),
            ("nested block quotes", String(repeating: "> ", count: n) + "a"),
            ("nested inlines", String(repeating: "*", count: n) + "a" + String(repeating: "*", count: n)),
            ("unclosed links", String(repeating: "[a](<b", count: n)),
            ("code spans", String(repeating: "``x ", count: n)),
            (
                "many references",
                (0..<n).map { "[\($0)]: u\n" }.joined() + "\n" + String(repeating: "[0] ", count: n)
            ),
            ("links on one line", String(repeating: "[a](#top) ", count: n)),
            ("broken images on one line", String(repeating: "![a](../files/none.png) ", count: n / 4)),
        ]
    }()

    @Test(arguments: cases.map(\.0))
    func checksInLinearTime(_ name: String) throws {
        let markdown = try #require(Self.cases.first { $0.0 == name }?.1)
        var content = try TestSupport.content()
        content.files["chapters/99-hostile.md"] = Data(
            ("---\nid: hostile\ntitle: Hostile\narea: targets\n---\n\n" + markdown + "\n").utf8)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try TestSupport.check(content) }
        #expect(elapsed < .seconds(10), "\(name): \(elapsed)")
    }
}
