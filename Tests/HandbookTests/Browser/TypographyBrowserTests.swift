import Foundation
import HandbookBuild
import Testing

@testable import HandbookModel

/// Punctuation takes the glyphs of the handbook's language in a real Chromium: a right single
/// quote is a narrow Latin mark in an English handbook (not a full-width CJK one, which opens a
/// gap in `You’re`) and a full-width mark in a Chinese one.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct TypographyBrowserTests {
    /// The width of `’` on the chapter page of the site built from `content`, in ems.
    private func quoteWidth(content: URL, page: String) async throws -> Double {
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("site")
            let report = try await TestSupport.build(content, into: output)
            #expect(report.pagesWritten != nil)
            let results = try BrowserScript.run([
                ["goto": output.appendingPathComponent(page).absoluteString],
                [
                    "eval": """
                    (() => { const mark = document.createElement('span'); mark.textContent = '\u{2019}';
                      document.querySelector('main p').appendChild(mark);
                      return mark.getBoundingClientRect().width / parseFloat(getComputedStyle(mark).fontSize); })()
                    """
                ],
            ])
            return try #require(results.last as? Double)
        }
    }

    @Test func englishTakesLatinPunctuation() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            #expect(try await quoteWidth(content: content, page: "chapters/targets.html") < 0.5)
        }
    }

    @Test func chineseTakesFullWidthPunctuation() async throws {
        let width = try await quoteWidth(
            content: TestSupport.exampleContent, page: "chapters/introduction.html")
        #expect(width > 0.8)
    }
}
