import Foundation
import HandbookBuild
import Testing

@testable import HandbookModel

/// Process maps in a real Chromium: on a desktop the map fits the column; on a phone the page
/// never overflows, and a map too wide to shrink further scrolls inside its own box.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct ProcessMapBrowserTests {
    /// The page's width, the window's, the map box's scroll and client widths, the drawn map's
    /// width and its natural width, for `page` on a screen `width` pixels wide.
    private func measure(_ page: URL, width: Int) throws -> [Double] {
        let results = try BrowserScript.run([
            ["viewport": [width, 800]],
            ["goto": page.absoluteString],
            [
                "eval": """
                (() => { const box = document.querySelector('.process-map'); const svg = box.querySelector('svg');
                  return [document.documentElement.scrollWidth, innerWidth, box.scrollWidth, box.clientWidth,
                    svg.getBoundingClientRect().width, svg.width.baseVal.value]; })()
                """
            ],
        ])
        return try #require(results.last as? [Double])
    }

    @Test func fitsADesktopAndScrollsInItsBoxOnAPhone() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("site")
            let report = try await TestSupport.build(TestSupport.exampleContent, into: output)
            try #require(report.pagesWritten != nil)
            let page = output.appendingPathComponent("processes/sales-proc-008.html")

            let desktop = try measure(page, width: 1280)
            #expect(desktop[0] <= desktop[1], "the page overflows: \(desktop)")
            #expect(desktop[2] <= desktop[3] + 1, "the map scrolls on a desktop: \(desktop)")

            let phone = try measure(page, width: 375)
            #expect(phone[0] <= phone[1], "the page overflows on a phone: \(phone)")
            #expect(phone[2] > phone[3], "the map scrolls inside its box: \(phone)")
            #expect(phone[4] >= 0.6 * phone[5] - 1, "the map shrinks no further than 60%: \(phone)")
        }
    }
}
