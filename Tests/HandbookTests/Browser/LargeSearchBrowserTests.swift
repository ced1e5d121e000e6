import Foundation
import Testing

@testable import HandbookSearch

/// Search over a generated handbook large enough that frequent terms keep only their best
/// postings in their shards: ranking still puts title matches first, checklist text still
/// leads to its step, and further results come from the tails.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct LargeSearchBrowserTests {
    private func query(_ text: String) -> String {
        "search.html?q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text)
    }

    /// The result links of the search page, in order.
    private func results(_ dom: String) -> [String] {
        guard let list = dom.components(separatedBy: "data-search-page-list").dropFirst().first else { return [] }
        return list.matches(of: /<li class="search-result"><a href="([^"]*)"/).map { String($0.output.1) }
    }

    @Test func ranksTitleMatchesFirstAndFindsChecklistText() async throws {
        try await GeneratedHandbook.withBuiltSite(chapters: 400) { site in
            try LoopbackServer.serving(site) { base in
                let policy = results(try Chromium.dumpDOM(base.absoluteString + query("生成的制度 17")))
                #expect(policy.first == "policies/gen-pol-0017.html")
                let step = results(try Chromium.dumpDOM(base.absoluteString + query("核对第 23 号清单")))
                #expect(step.first?.hasPrefix("processes/gen-proc-0023.html#") == true, "\(step.prefix(3))")
            }
        }
    }

    @Test func countsAFrequentTermExactlyAndLoadsItsTailForMoreResults() async throws {
        try await GeneratedHandbook.withBuiltSite(chapters: 400) { site in
            let script = try String(contentsOf: site.appendingPathComponent("search/manifest.js"), encoding: .utf8)
            #expect(script.hasPrefix("__handbookSearch(\"manifest\","))
            try LoopbackServer.serving(site) { base in
                let steps: [[String: Any]] = [
                    ["goto": base.absoluteString + query("佣金")],
                    ["wait": "document.querySelectorAll('[data-search-page-list] li').length === 10"],
                    ["eval": "document.querySelector('[data-search-page-status]').textContent"],
                    [
                        "eval":
                            "performance.getEntriesByType('resource').filter(e => e.name.includes('/search/t/')).length"
                    ],
                    ["click": "[data-search-page-more]"],
                    ["wait": "document.querySelectorAll('[data-search-page-list] li').length === 20"],
                    [
                        "eval":
                            "performance.getEntriesByType('resource').filter(e => e.name.includes('/search/t/')).length"
                    ],
                    [
                        "eval":
                            "new Set(Array.from(document.querySelectorAll('[data-search-page-list] a')).map(a => a.getAttribute('href'))).size"
                    ],
                ]
                let results = try BrowserScript.run(steps)
                #expect(results.count == steps.count)
                guard results.count == steps.count else { return }
                let status = try #require(results[2] as? String)
                let count = Int(status.filter(\.isNumber)) ?? 0
                #expect(count > SearchIndexBuilder.headSize, "\(status): more sections than a shard keeps")
                #expect(!status.contains("至少"), "one term: its count is exact")
                #expect(results[3] as? Int == 0, "the first page needs no tail")
                #expect(results[6] as? Int == 1, "more results load the tail")
                #expect(results[7] as? Int == 20, "no result twice")
            }
        }
    }
}
