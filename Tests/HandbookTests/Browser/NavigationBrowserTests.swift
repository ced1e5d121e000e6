import Foundation
import HandbookBuild
import Testing

@testable import HandbookModel

/// The sidebar of a large handbook in a real headless Chromium: `navigation.js` fills in the
/// page's own area from its shared script, from disk as over HTTP.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct NavigationBrowserTests {
    private func withSite(_ body: (URL) throws -> Void) async throws {
        try await GeneratedHandbook.withBuiltSite(chapters: 300, body)
    }

    /// The `<details>` block of `area` in the sidebar of `dom`.
    private func area(_ area: String, in dom: String) throws -> String {
        let start = try #require(dom.range(of: "data-nav-area=\"\(area)\""))
        let end = try #require(dom.range(of: "</details>", range: start.upperBound..<dom.endIndex))
        let open = try #require(
            dom.range(of: "<details", options: .backwards, range: dom.startIndex..<start.lowerBound))
        return String(dom[open.lowerBound..<end.upperBound])
    }

    private func check(_ dom: String) throws {
        let own = try area("process", in: dom)
        #expect(!own.contains("data-nav-partial"))
        // 75 chapters and 8 policies, the page itself marked once.
        #expect(own.components(separatedBy: "<li").count - 1 == 83)
        #expect(own.components(separatedBy: "aria-current=\"page\"").count - 1 == 1)
        #expect(own.contains("<a href=\"../chapters/chapter-0101.html\" aria-current=\"page\">"))
        #expect(own.contains("<span class=\"nav-code\">GEN-POL-0029</span>"))
        // Closed areas are filled only when opened.
        #expect(try area("targets", in: dom).contains("data-nav-partial"))
    }

    @Test func fillsTheCurrentAreaFromDisk() async throws {
        try await withSite { site in
            try check(try Chromium.dumpDOM(site.appendingPathComponent("chapters/chapter-0101.html").absoluteString))
        }
    }

    @Test func fillsTheCurrentAreaOverHTTP() async throws {
        try await withSite { site in
            try LoopbackServer.serving(site) { base in
                try check(
                    try Chromium.dumpDOM(base.appendingPathComponent("chapters/chapter-0101.html").absoluteString))
            }
        }
    }
}
