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

    /// Sections are numbered in page order.
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

    /// Pages of generated sections, deterministic, with enough shared terms for tails.
    private func generatedPages(count: Int, seed: Int = 0) -> [[SearchSection]] {
        let phrases = [
            "客户投诉当天受理", "commission is paid monthly", "销售目标按季度分解", "CRM records every lead",
            "回款超过九十天要上报", "quarterly review of the pipeline", "新员工入职第一周", "客户分级 A B C",
        ]
        return (0..<count).map { page in
            (0..<3).map { section in
                let text = (0..<6).map { phrases[(page * 7 + section * 3 + $0 * (seed + 5)) % phrases.count] }
                    .joined(separator: "，")
                return SearchSection(
                    url: "chapters/p\(page).html" + (section == 0 ? "" : "#s\(section)"), title: "第 \(page) 章 销售",
                    heading: section == 0 ? "" : "小节 \(section)", text: text)
            }
        }
    }

    private func expectSameFiles(_ updated: [OutputFile], as fresh: [OutputFile]) {
        #expect(updated.map(\.path) == fresh.map(\.path))
        for (one, other) in zip(updated, fresh) where one.contents != other.contents {
            Issue.record("\(one.path) differs from a new index's")
        }
    }

    /// An index updated after an edit writes the files a new index of the edited pages writes,
    /// whether the edit keeps the sections (text changed, terms added and removed) or not.
    @Test func anUpdatedIndexWritesWhatANewOneWrites() {
        var pages = generatedPages(count: 150)
        let index = SearchIndex()
        _ = index.update(pages)
        // Text edits: a new word, a removed phrase, a term that becomes common.
        pages[3][1].text += " zebrafish onboarding"
        pages[40][0].text = "客户"
        for page in 0..<50 { pages[page][2].text += " 佣金" }
        expectSameFiles(index.update(pages), as: SearchIndexBuilder(pages: pages).files())
        // Nothing changed.
        expectSameFiles(index.update(pages), as: SearchIndexBuilder(pages: pages).files())
        // A new section: every later section moves.
        pages[10].append(SearchSection(url: "chapters/p10.html#new", title: "第 10 章 销售", heading: "新", text: "新内容"))
        expectSameFiles(index.update(pages), as: SearchIndexBuilder(pages: pages).files())
        // Long text changes the average length, and with it every weight.
        pages[0][0].text = String(repeating: "很长的内容 ", count: 3000)
        expectSameFiles(index.update(pages), as: SearchIndexBuilder(pages: pages).files())
    }

    /// The inside of a very long run of letters is not indexed: its suffixes would be quadratic.
    @Test func indexesSuffixesOfOrdinaryWordsOnly() async throws {
        let long = String(repeating: "ab", count: SearchIndexBuilder.longestSuffixedWord)
        let postings = SearchIndexBuilder(pages: [
            [SearchSection(url: "a", title: "A", heading: "", text: "\(long) commission")]
        ]).postings()
        #expect(postings[long] != nil)
        #expect(postings[String(long.dropFirst())] == nil)
        #expect(postings["ommission"] != nil)
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

    /// The JSON of a search file: `__handbookSearch("<name>",<JSON>);`.
    private func json(_ name: String, in files: [String: Data]) throws -> Any {
        let script = String(decoding: try #require(files["search/\(name).js"], "no \(name)"), as: UTF8.self)
        let prefix = "__handbookSearch(\"\(name)\","
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let body = script.dropFirst(prefix.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(body.utf8))
    }

    @Test func writesAManifestShardsAndFragmentsAsScripts() async throws {
        let files = SearchIndexBuilder(pages: pages).files()
        #expect(files.allSatisfy { $0.path.hasSuffix(".js") }, "one copy of each file")
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let manifest = try #require(try json("manifest", in: byPath) as? [String: Any])
        let buckets = try #require(manifest["k"] as? Int)
        #expect(manifest["f"] as? Int == SearchIndexBuilder.sectionsPerFragment)
        #expect((manifest["v"] as? String)?.isEmpty == false)

        // The shard of "crm" holds its postings, delta-encoded with weights.
        let bucket = Int(SearchIndexBuilder.fnv1a("cr") % UInt32(buckets))
        let shard = try #require(try json("s/\(bucket)", in: byPath) as? [String: String])
        let crmCode = try #require(shard["crm"])
        let crm = try #require(PostingCode.decode(crmCode))
        #expect(crm.count == 2)
        #expect(crm[0] == entry)

        let first = try #require(try json("f/0", in: byPath) as? [[String]])
        #expect(
            first == [
                ["policies/a.html", "客户投诉处理制度", "", "投诉在 24 小时内响应。"],
                ["policies/a.html#scope", "客户投诉处理制度", "受理范围", "产品质量和服务态度。"],
            ])
        let second = try #require(try json("f/1", in: byPath) as? [[String]])
        #expect(second[1] == ["chapters/c.html#y", "系统", "CRM 录入", "客户投诉要在 CRM 中登记，投诉单号写在备注里。"])
    }

    @Test func escapesJSONStrings() {
        #expect(JSONText.string("a\"b\\c\n\u{1}中") == #""a\"b\\c\n\u0001中""#)
        #expect(JSONText.string("“引号”\u{2028}x\u{2029}\t") == #""“引号”\u2028x\u2029\t""#)
    }

    @Test func writesPostingsInFiveBitGroups() {
        let code = PostingCode.encode([(section: 3, weight: 1000), (section: 40, weight: 7)])
        #expect(PostingCode.decode(code) == [3, 1000, 37, 7])
        #expect(PostingCode.encode(number: 31) == "f")
        #expect(PostingCode.encode(number: 32) == "gB")
        #expect(PostingCode.decode("g") == nil, "a number cut short")
    }

    @Test func keepsTheBestPostingsOfAFrequentTermInItsShardAndTheRestInItsTail() async throws {
        let count = SearchIndexBuilder.headSize + 50
        let pages = (0..<count).map { number in
            [
                SearchSection(
                    url: "p\(number).html", title: number % 10 == 0 ? "佣金 \(number)" : "第 \(number) 页", heading: "",
                    text: "佣金按季度发放。")
            ]
        }
        let files = SearchIndexBuilder(pages: pages).files()
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        let buckets = try #require((try json("manifest", in: byPath) as? [String: Any])?["k"] as? Int)
        let bucket = Int(SearchIndexBuilder.fnv1a("佣金") % UInt32(buckets))
        let headCode = try #require((try json("s/\(bucket)", in: byPath) as? [String: String])?["佣金"])
        let tailCode = try #require((try json("t/\(bucket)", in: byPath) as? [String: String])?["佣金"])
        let head = try #require(PostingCode.decode(headCode))
        let tail = try #require(PostingCode.decode(tailCode))
        // The head: the total, then `headSize` postings, among them every title match.
        #expect(head.first == count)
        #expect(head.count == 1 + 2 * SearchIndexBuilder.headSize)
        #expect(tail.count == 2 * 50)
        var section = 0
        var headSections: Set<Int> = []
        for pair in stride(from: 1, to: head.count, by: 2) {
            section += head[pair]
            headSections.insert(section)
        }
        #expect(Set(stride(from: 0, to: count, by: 10)).isSubset(of: headSections))
    }

    @Test func keepsTheNamesAndBytesOfFilesAChangeDoesNotTouch() async throws {
        let many = (0..<40).map {
            [SearchSection(url: "p\($0).html", title: "第\($0)页", heading: "", text: "客户回访与投诉处理第\($0)条规定。")]
        }
        let first = Dictionary(
            uniqueKeysWithValues: SearchIndexBuilder(pages: many).files().map { ($0.path, $0.contents) })
        var changed = many
        changed[3][0].text += "新增内容"
        let second = Dictionary(
            uniqueKeysWithValues: SearchIndexBuilder(pages: changed).files().map { ($0.path, $0.contents) })
        #expect(first["search/manifest.js"] != second["search/manifest.js"], "a new version")
        let unchanged = first.keys.filter { first[$0] == second[$0] }
        #expect(unchanged.contains("search/f/0.js"))
        #expect(unchanged.contains { $0.hasPrefix("search/s/") })
        #expect(first["search/f/1.js"] != second["search/f/1.js"])
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

@Suite struct SearchTokenizerShortcutTests {
    @Test func quickNormalisationFindsTheSameTermsAsFoundation() {
        for text in [
            "客户投诉：24 小时内响应（SLA）。", "Commission Tiers — “Quarterly” review…", "《销售手册》、【附录】！？",
            "ＫＰＩ与Résumé", "ΟΔΟΣ", "mixed CRM录入 ERP-2026", "目标 ≥ 90% → 奖金 × 1.2～1.5 ├─ 季度 – 年度",
        ] {
            let quick = SearchTokenizer.quicklyNormalized(text).map(SearchTokenizer.terms(ofNormalized:))
            let reference = SearchTokenizer.terms(ofNormalized: SearchTokenizer.normalize(text))
            #expect(quick == nil || quick == reference, "\(text)")
        }
        #expect(SearchTokenizer.quicklyNormalized("客户 CRM") == "客户 crm")
        #expect(SearchTokenizer.quicklyNormalized("ＫＰＩ") == nil, "full-width letters need Foundation")
    }
}
