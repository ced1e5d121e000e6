import Foundation
import Testing

@testable import HandbookModel
@testable import HandbookRendering
@testable import HandbookSearch

@Suite struct SearchTokenizerTests {
    private func texts(_ text: String) -> [String] {
        SearchTokenizer.terms(text).map(\.text)
    }

    @Test func splitsChineseIntoCharactersAndBigrams() {
        #expect(texts("客户投诉") == ["客", "客户", "户", "户投", "投", "投诉", "诉"])
    }

    @Test func keepsLatinWordsWholeAndLowerCased() {
        #expect(texts("CRM 系统 KPI-2026") == ["crm", "系", "系统", "统", "kpi", "2026"])
    }

    @Test func separatesScriptsInsideARun() {
        #expect(texts("用CRM录入") == ["用", "crm", "录", "录入", "入"])
    }

    @Test func treatsPunctuationAsASeparator() {
        #expect(texts("目标，考核。(SMART)") == ["目", "目标", "标", "考", "考核", "核", "smart"])
    }

    @Test func foldsFullWidthCharactersAndAccents() {
        #expect(texts("ＫＰＩ１２") == ["kpi12"])
        #expect(texts("Résumé café") == ["resume", "cafe"])
        #expect(texts("！？") == [])
    }

    @Test func foldsFinalSigmaAsTheBrowserDoes() {
        #expect(texts("ΟΔΟΣ οδος") == ["οδοσ", "οδοσ"])
    }

    @Test func handlesJapaneseAndKorean() {
        #expect(texts("かな") == ["か", "かな", "な"])
        #expect(texts("한국") == ["한", "한국", "국"])
    }

    @Test func marksTermKinds() {
        #expect(SearchTokenizer.terms("客户 CRM").map(\.kind) == [.character, .bigram, .character, .word])
    }
}

@Suite struct SearchIndexBuilderTests {
    private let pages = [
        [
            SearchSection(url: "policies/a.html", title: "客户投诉处理制度", heading: "", text: "投诉在 24 小时内响应。"),
            SearchSection(url: "policies/a.html#scope", title: "客户投诉处理制度", heading: "受理范围", text: "产品质量和服务态度。"),
        ],
        [SearchSection(url: "chapters/b.html#x", title: "服务", heading: "投诉升级", text: "重大情况当天上报。")],
        [SearchSection(url: "chapters/c.html#y", title: "系统", heading: "CRM 录入", text: "客户投诉要在 CRM 中登记，投诉单号写在备注里。")],
    ]

    /// Section ids are fragment × 256 + position in the fragment; these small sections share
    /// one fragment.
    private let scope = 1
    private let escalation = 2
    private let entry = 3

    @Test func ranksTitleAboveHeadingAboveBody() async throws {
        let postings = SearchIndexBuilder(pages: pages).postings()
        let weights = Dictionary(uniqueKeysWithValues: try #require(postings["投诉"]).map { ($0.section, $0.weight) })
        let title = try #require(weights[0])
        let heading = try #require(weights[escalation])
        let body = try #require(weights[entry])
        #expect(title >= SearchIndexBuilder.titleWeight)
        #expect(heading >= SearchIndexBuilder.headingWeight && heading < SearchIndexBuilder.titleWeight)
        #expect(body > 0 && body < SearchIndexBuilder.headingWeight)
        // The page title counts for the page's top section only.
        #expect(weights[scope] == nil)
    }

    @Test func findsQueriesThatStartInsideAWord() async throws {
        let postings = SearchIndexBuilder(pages: [
            [SearchSection(url: "a", title: "Customers", heading: "", text: "Onboarding customers quickly")],
            [SearchSection(url: "b", title: "Other", heading: "", text: "customer")],
        ]).postings()
        let suffix = try #require(postings["ustomers"])
        let word = try #require(postings["customers"])
        #expect(suffix.map(\.section) == [0])
        #expect(suffix[0].weight < word[0].weight, "a match inside a word ranks below a word match")
        #expect(postings["rs"]?.map(\.section) == [0])
        #expect(postings["er"]?.map(\.section) == [1])
    }

    @Test func weighsRepeatedTermsHigherInTheBody() async throws {
        let postings = SearchIndexBuilder(pages: [
            [SearchSection(url: "a", title: "A", heading: "h", text: "投诉 投诉 投诉 和其他内容")],
            [SearchSection(url: "b", title: "B", heading: "h", text: "投诉 和其他内容 和其他内容")],
        ]).postings()
        let list = try #require(postings["投诉"])
        #expect(list[0].weight > list[1].weight)
    }

    @Test func keysShardsByWholeCJKTermsAndTwoLetterWordPrefixes() {
        #expect(SearchIndexBuilder.shardKey("投诉") == "投诉")
        #expect(SearchIndexBuilder.shardKey("crm") == "cr")
        #expect(SearchIndexBuilder.shardKey("k") == "k")
        #expect(SearchIndexBuilder.fnv1a("a") == 0xE40C_292C)
    }

    @Test func writesAManifestShardsAndFragments() async throws {
        let files = SearchIndexBuilder(pages: pages).files()
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let manifestData = try #require(byPath["search/manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let buckets = try #require(manifest["k"] as? Int)
        let shards = try #require(manifest["s"] as? [String])
        let fragments = try #require(manifest["f"] as? String)
        #expect(shards.count == buckets)
        #expect(manifest["n"] as? Int == 1)

        // The shard of "crm" holds its postings, delta-encoded with weights.
        let bucket = Int(SearchIndexBuilder.fnv1a("cr") % UInt32(buckets))
        let shardData = try #require(byPath["search/s/\(bucket).\(shards[bucket]).json"])
        let shard = try #require(try JSONSerialization.jsonObject(with: shardData) as? [String: [Int]])
        let crm = try #require(shard["crm"])
        #expect(crm.count == 2)
        #expect(crm[0] == entry)

        // Every file also exists as a script for pages opened from disk.
        let script = String(decoding: try #require(byPath["search/s/\(bucket).\(shards[bucket]).js"]), as: UTF8.self)
        #expect(script.hasPrefix("__handbookSearch(\"s/\(bucket).\(shards[bucket])\",{"))
        let fragment = try #require(byPath["search/f/\(fragments)/0.json"])
        let sections = try #require(try JSONSerialization.jsonObject(with: fragment) as? [[String]])
        #expect(sections.count == 4)
        #expect(sections[0] == ["policies/a.html", "客户投诉处理制度", "", "投诉在 24 小时内响应。"])
        #expect(sections[3] == ["chapters/c.html#y", "系统", "CRM 录入", "客户投诉要在 CRM 中登记，投诉单号写在备注里。"])
    }

    @Test func escapesJSONStrings() {
        #expect(JSONText.string("a\"b\\c\n\u{1}中") == #""a\"b\\c\n\u0001中""#)
    }

    @Test func groupsSectionsIntoSmallFragments() {
        let sections = (0..<300).map {
            SearchSection(
                url: "p.html#s\($0)", title: "P", heading: "h\($0)",
                text: String(repeating: "内容", count: 100) + "t\($0)")
        }
        let postings = SearchIndexBuilder(pages: [sections]).postings()
        // About 620 bytes each: four sections to a fragment of at most 3,000 bytes.
        #expect(postings["t0"]?.first?.section == 0)
        #expect(postings["t3"]?.first?.section == 3)
        #expect(postings["t4"]?.first?.section == SearchIndexBuilder.sectionsPerFragment)
        #expect(postings["t5"]?.first?.section == SearchIndexBuilder.sectionsPerFragment + 1)
    }

    @Test func namesShardsByTheirContent() async throws {
        let many = (0..<40).map {
            [SearchSection(url: "p\($0).html", title: "第\($0)页", heading: "", text: "客户回访与投诉处理第\($0)条规定。")]
        }
        let first = SearchIndexBuilder(pages: many).files().map(\.path)
        var changed = many
        changed[3][0].text += "新增内容"
        let second = SearchIndexBuilder(pages: changed).files().map(\.path)
        let firstShards = Set(first.filter { $0.hasPrefix("search/s/") })
        let secondShards = Set(second.filter { $0.hasPrefix("search/s/") })
        #expect(!firstShards.isEmpty)
        // Shards the change does not touch keep their names, so browsers keep them cached.
        #expect(!firstShards.intersection(secondShards).isEmpty)
        #expect(firstShards != secondShards)
    }

    @Test func indexesEverySectionOfTheSite() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let (index, _) = try TestSupport.check(content)
            let sections = SearchSectionExtractor(index: index, strings: ["kpis": "KPIs", "tiers": "Tiers"])
                .sections(of: SitePlan(index).pages.compactMap(\.searchable)).flatMap(\.self)
            let urls = sections.map(\.url)
            #expect(urls.contains("chapters/targets.html#setting-targets"))
            #expect(urls.contains("policies/pol-001.html#kpis"))
            #expect(urls.contains("policies/pol-001.html#why"))
            #expect(urls.contains("processes/proc-001.html#proc-001-visit"))
            #expect(urls.contains("roles/rep.html"))
            let visit = try #require(sections.first { $0.url == "processes/proc-001.html#proc-001-visit" })
            #expect(visit.heading == "Visit the customer")
            #expect(visit.text.contains("Write the visit report"))
            #expect(visit.text.contains("Sales Rep"))
            // Embedded blocks are indexed on their own pages, not where they are embedded.
            let process = try #require(sections.first { $0.url == "chapters/process.html#first-contact" })
            #expect(!process.text.contains("Book the visit"))
        }
    }
}
