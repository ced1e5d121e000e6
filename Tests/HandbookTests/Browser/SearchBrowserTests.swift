import Foundation
import Testing

@testable import HandbookBuild

/// Search as a reader meets it: the built site's search page in a real headless Chromium, served
/// over loopback HTTP and opened straight from disk.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct SearchBrowserTests {
    /// Builds the Chinese search fixture and runs `body` with its output folder.
    private func withSite(_ body: (URL) throws -> Void) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("public")
            let report = try await TestSupport.build(
                try TestSupport.fixtures.appendingPathComponent("search"), into: output)
            #expect(report.diagnostics.isEmpty)
            try body(output)
        }
    }

    /// The result links of the search page, in order.
    private func results(_ dom: String) -> [String] {
        guard let list = dom.components(separatedBy: "data-search-page-list").dropFirst().first else { return [] }
        return list.matches(of: /<li class="search-result"><a href="([^"]*)"/).map { String($0.output.1) }
    }

    private func query(_ text: String) -> String {
        "search.html?q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text)
    }

    static let expectations: [(query: String, first: String)] = [
        ("客户投诉", "policies/svc-pol-001.html"),
        ("升级规则", "policies/svc-pol-001.html#escalation"),
        ("CRM", "chapters/crm.html#crm-entry"),
        ("ＣＲＭ系统", "chapters/crm.html#crm-entry"),
        ("crm 录入", "chapters/crm.html#crm-entry"),
        ("resume", "chapters/crm.html#crm-entry"),
        ("otes fie", "chapters/crm.html#crm-entry"),
        ("回复与结案", "processes/svc-proc-001.html#svc-proc-001-close"),
        ("结案", "processes/svc-proc-001.html"),
        ("诉", "policies/svc-pol-001.html"),
    ]

    @Test func findsTheExpectedSectionFirstOverHTTP() async throws {
        try await withSite { output in
            try LoopbackServer.serving(output) { base in
                for expectation in Self.expectations {
                    let found = results(try Chromium.dumpDOM(base.absoluteString + query(expectation.query)))
                    #expect(found.first == expectation.first, "query \(expectation.query): \(found)")
                }
            }
        }
    }

    @Test func findsTheExpectedSectionFirstFromDisk() async throws {
        try await withSite { output in
            for expectation in Self.expectations {
                let found = results(try Chromium.dumpDOM(output.absoluteString + "/" + query(expectation.query)))
                #expect(found.first == expectation.first, "query \(expectation.query): \(found)")
            }
        }
    }

    @Test func findsEverySectionByAVerbatimQuote() async throws {
        try await withSite { output in
            // A piece of each of these sections' text, quoted as a reader would type it.
            let quotes = [
                ("投诉在 24 小时内响应", "policies/svc-pol-001.html"),
                ("不得手工修改原始数据", "chapters/crm.html#export"),
                ("先查订单状态", "chapters/service.html#faq"),
                ("按影响范围评定等级", "processes/svc-proc-001.html#svc-proc-001-register"),
            ]
            for (quote, url) in quotes {
                let found = results(try Chromium.dumpDOM(output.absoluteString + "/" + query(quote)))
                #expect(found.first == url, "quote \(quote): \(found)")
            }
        }
    }

    @Test func highlightsMatchesAsTextNeverAsMarkup() async throws {
        try await withSite { output in
            let dom = try Chromium.dumpDOM(output.absoluteString + "/" + query("<img src=x onerror=alert(1)> 客户投诉"))
            #expect(dom.contains("<mark>客户投诉</mark>"))
            #expect(!dom.contains("<img src=\"x\""))
        }
        try await withSite { output in
            // The query stays in the box as the text typed, never as markup.
            let url = output.absoluteString + "/" + query("<img src=x onerror=alert(1)> 客户投诉")
            let results = try BrowserScript.run([
                ["goto": url],
                ["wait": "document.querySelectorAll('[data-search-page-list] li').length > 0"],
                ["eval": "document.getElementById('search-page-input').value"],
                ["eval": "document.querySelectorAll('[data-search-page-list] img').length"],
            ])
            #expect(results.count == 4)
            #expect(results.dropFirst(2).first as? String == "<img src=x onerror=alert(1)> 客户投诉")
            #expect(results.last as? Int == 0)
        }
    }

    @Test func headerBoxSearchesAsYouTypeAndGoesWhereTheKeysChoose() async throws {
        try await withSite { output in
            let home = output.appendingPathComponent("chapters/crm.html").absoluteString
            let results = try BrowserScript.run([
                ["goto": home],
                ["key": "/"],
                ["eval": "document.activeElement.id"],
                ["type": "升级规则"],
                ["wait": "document.querySelectorAll('#site-search-list [role=option]').length > 0"],
                ["eval": "document.querySelector('#site-search-list [role=option] a').getAttribute('href')"],
                ["key": "ArrowDown"],
                ["eval": "document.activeElement.getAttribute('aria-activedescendant')"],
                ["eval": "document.querySelector('#site-search-list mark').textContent"],
                ["key": "Enter"],
                ["wait": "location.href.includes('svc-pol-001.html') && document.readyState === 'complete'"],
                ["eval": "location.hash"],
            ])
            #expect(results.count == 12)
            guard results.count == 12 else { return }
            #expect(results[2] as? String == "site-search-input", "/ focuses the search box")
            #expect(results[5] as? String == "../policies/svc-pol-001.html#escalation")
            #expect(results[7] as? String == "search-option-0")
            #expect(results[8] as? String == "升级规则")
            #expect(results[11] as? String == "#escalation")
        }
    }

    @Test func saysSoWhenNothingMatches() async throws {
        try await withSite { output in
            let dom = try Chromium.dumpDOM(output.absoluteString + "/" + query("火星基地"))
            #expect(results(dom).isEmpty)
            #expect(dom.contains("没有找到与“火星基地”相关的内容。"))
        }
    }
}
