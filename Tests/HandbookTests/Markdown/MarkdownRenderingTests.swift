import Foundation
import Testing

@testable import HandbookMarkdown
@testable import HandbookModel

/// Resolves every link target to a recognisable URL and every directive to a marker.
private struct StubEmbedding: MarkdownEmbedding {
    func href(for target: LinkTarget) -> String? {
        switch target {
        case .external, .relative: nil
        case .fragment(let anchor): "#" + anchor
        case .chapter(let path, let anchor): "CHAPTER(\(path))" + (anchor.map { "#" + $0 } ?? "")
        case .policy(let id, let anchor): "POLICY(\(id))" + (anchor.map { "#" + $0 } ?? "")
        case .process(let id, let anchor): "PROCESS(\(id))" + (anchor.map { "#" + $0 } ?? "")
        case .role(let id, let anchor): "ROLE(\(id))" + (anchor.map { "#" + $0 } ?? "")
        case .file(let path, let anchor): "FILE(\(path))" + (anchor.map { "#" + $0 } ?? "")
        case .page(let path, let anchor): "PAGE(\(path))" + (anchor.map { "#" + $0 } ?? "")
        }
    }

    func html(for directive: Directive) -> String? {
        directive.argument == "MISSING"
            ? nil : "<div class=\"embed\">\(directive.kind.rawValue):\(directive.argument)</div>\n"
    }
}

private func render(_ markdown: String, path: String = "chapters/01-a.md", rawHTML: Bool = false) -> String {
    let document = MarkdownParser.parse(MarkdownSource(text: markdown, path: path))
    return HTMLRenderer(allowsRawHTML: rawHTML, embedding: StubEmbedding()).render(document)
}

@Suite struct MarkdownRenderingTests {
    @Test func rendersCommonMarkBlocksAndInlines() {
        let html = render("# Title\n\nSome *em* and **strong** and `code`.\n\n> quote\n\n1. one\n2. two\n\n---\n")
        #expect(html.contains("<h1 id=\"title\">Title"))
        #expect(html.contains("<p>Some <em>em</em> and <strong>strong</strong> and <code>code</code>.</p>"))
        #expect(html.contains("<blockquote>\n<p>quote</p>\n</blockquote>"))
        #expect(html.contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>"))
        #expect(html.contains("<hr>"))
    }

    /// A line break inside Chinese text is no space; between words, or next to Latin text or
    /// Hangul, it stays one.
    @Test func joinsChineseLinesWithoutASpace() {
        #expect(render("修改后运行检查，\n它会指出问题。") == "<p>修改后运行检查，它会指出问题。</p>\n")
        #expect(render("见**制度**\n第二行") == "<p>见<strong>制度</strong>第二行</p>\n")
        #expect(render("first line\nsecond line") == "<p>first line\nsecond line</p>\n")
        #expect(render("中文\nEnglish") == "<p>中文\nEnglish</p>\n")
        #expect(render("한국어\n문장") == "<p>한국어\n문장</p>\n")
    }

    @Test func escapesTextAndCode() {
        let html = render("a < b & \"c\"\n\n```\n<script>\n```\n")
        #expect(html.contains("a &lt; b &amp; &quot;c&quot;"))
        #expect(html.contains("<pre><code>&lt;script&gt;\n</code></pre>"))
    }

    @Test(arguments: [
        ("## 一、明确目标与职责", "一明确目标与职责"),
        ("## Sales KPIs & Targets", "sales-kpis-targets"),
        ("## 客户开发 (CRM)", "客户开发-crm"),
        ("## 全角：标点，符号！", "全角标点符号"),
        ("## Renamed heading {#stable-id}", "stable-id"),
        ("## !!!", "section"),
    ])
    func givesHeadingsStableIDs(markdown: String, id: String) {
        let document = MarkdownParser.parse(MarkdownSource(text: markdown, path: "c.md"))
        #expect(document.headings.map(\.id) == [id])
    }

    @Test func removesExplicitIDFromHeadingText() {
        let document = MarkdownParser.parse(MarkdownSource(text: "## 客户分级 {#grades}\n", path: "c.md"))
        #expect(document.headings.first?.text == "客户分级")
        #expect(HTMLRenderer(allowsRawHTML: false, embedding: StubEmbedding()).render(document).contains(">客户分级<a"))
    }

    @Test func keepsHeadingsOffReservedIDs() {
        let document = MarkdownParser.parse(
            MarkdownSource(text: "## KPIs {#kpis}\n\n## Summary\n", path: "p.yaml"),
            reservedAnchors: ["kpis", "summary"])
        #expect(document.headings.map(\.id) == ["kpis-1", "summary-1"])
    }

    @Test func numbersRepeatedHeadings() {
        let document = MarkdownParser.parse(MarkdownSource(text: "## 步骤\n\n## 步骤\n\n## 步骤\n", path: "c.md"))
        #expect(document.headings.map(\.id) == ["步骤", "步骤-1", "步骤-2"])
    }

    @Test func rewritesHandbookLinks() {
        let html = render(
            "[a](02-process.md#first) [b](policy:SALES-POL-003) [c](policy:SALES-POL-003#kpis) "
                + "[d](process:SALES-PROC-001) [e](role:sales-manager) [f](#local) [g](https://example.com/x) [h](img/x.png) "
                + "[i](process:SALES-PROC-001#sales-proc-001-visit) [j](role:sales-manager#kpis)")
        #expect(html.contains("<a href=\"CHAPTER(chapters/02-process.md)#first\">a</a>"))
        #expect(html.contains("<a href=\"POLICY(SALES-POL-003)\">b</a>"))
        #expect(html.contains("<a href=\"POLICY(SALES-POL-003)#kpis\">c</a>"))
        #expect(html.contains("<a href=\"PROCESS(SALES-PROC-001)\">d</a>"))
        #expect(html.contains("<a href=\"ROLE(sales-manager)\">e</a>"))
        #expect(html.contains("<a href=\"#local\">f</a>"))
        #expect(html.contains("<a href=\"https://example.com/x\" rel=\"noopener\">g</a>"))
        #expect(html.contains("<a href=\"img/x.png\">h</a>"))
        #expect(html.contains("<a href=\"PROCESS(SALES-PROC-001)#sales-proc-001-visit\">i</a>"))
        #expect(html.contains("<a href=\"ROLE(sales-manager)#kpis\">j</a>"))
    }

    @Test func resolvesChapterLinksRelativeToTheSourceFile() {
        #expect(
            LinkTarget(destination: "../chapters/02-b.md#x", sourcePath: "policies/sales/p.yaml")
                == .chapter(path: "policies/chapters/02-b.md", anchor: "x"))
        #expect(
            LinkTarget(destination: "../../chapters/02-b.md", sourcePath: "policies/sales/p.yaml")
                == .chapter(path: "chapters/02-b.md", anchor: nil))
        #expect(
            LinkTarget(destination: "02-b.md", sourcePath: "chapters/01-a.md")
                == .chapter(path: "chapters/02-b.md", anchor: nil))
        #expect(LinkTarget(destination: "mailto:a@b.c", sourcePath: "chapters/01-a.md") == .external("mailto:a@b.c"))
    }

    @Test func turnsDirectiveBlocksIntoEmbeds() {
        let html = render("```process SALES-PROC-001\n```\n\n```kpi SALES-POL-003\n```\n\n```tiers X\n```\n")
        #expect(
            html
                == "<div class=\"embed\">process:SALES-PROC-001</div>\n<div class=\"embed\">kpi:SALES-POL-003</div>\n<div class=\"embed\">tiers:X</div>\n"
        )
    }

    @Test func keepsOrdinaryCodeBlocksAndUnresolvedDirectivesAsCode() {
        let html = render("```swift\nlet x = 1\n```\n\n```process MISSING\n```\n")
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-process\"></code></pre>"))
    }

    @Test func omitsRawHTMLUnlessAllowed() {
        let markdown = "<div class=\"x\">block</div>\n\ninline <b>bold</b>\n"
        let safe = render(markdown)
        #expect(!safe.contains("<div class"))
        #expect(!safe.contains("<b>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let raw = render(markdown, rawHTML: true)
        #expect(raw.contains("<div class=\"x\">block</div>"))
        #expect(raw.contains("inline <b>bold</b>"))
    }

    @Test func dropsDangerousURLsInSafeMode() {
        #expect(render("[x](javascript:alert(1))").contains("<a href=\"\">x</a>"))
        #expect(render("![x](data:image/png;base64,AAAA)").contains("src=\"data:image/png;base64,AAAA\""))
        #expect(render("![x](data:text/html;base64,AAAA)").contains("src=\"\""))
    }

    @Test func rendersTaskListItemsAsCheckboxes() {
        let html = render("- [ ] open item\n- [x] done item\n- plain [ ] item\n")
        #expect(html.contains("<ul class=\"task-list\">"))
        #expect(
            html.contains(
                "<li class=\"task-list-item\"><label><input type=\"checkbox\" class=\"task\" id=\"task-1\"> open item</label></li>"
            ))
        #expect(html.contains("<input type=\"checkbox\" class=\"task\" id=\"task-2\" checked> done item"))
        #expect(html.contains("<li>plain [ ] item</li>"))
    }

    @Test func flattensPathologicalNestingButKeepsTheText() {
        let document = MarkdownParser.parse(
            MarkdownSource(text: String(repeating: ">", count: 5000) + " deep text\n", path: "c.md"))
        #expect(document.flattenedAt != nil)
        #expect(document.root.plainText.contains("deep text"))
        let html = HTMLRenderer(allowsRawHTML: false, embedding: StubEmbedding()).render(document)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == MarkdownParser.maximumDepth - 1)
    }

    @Test func rendersPipeTablesWithAlignmentAndInlineMarkup() {
        let html = render(
            "| 期间 | 目标 | 占比 |\n| :--- | ---: | :---: |\n| **Q1** | [96](policy:P) | 20% \\| 半 |\n| Q2 |\n")
        #expect(
            html.contains(
                "<thead>\n<tr><th class=\"align-left\">期间</th><th class=\"align-right\">目标</th><th class=\"align-center\">占比</th></tr>"
            ))
        #expect(
            html.contains(
                "<td class=\"align-left\"><strong>Q1</strong></td><td class=\"align-right\"><a href=\"POLICY(P)\">96</a></td><td class=\"align-center\">20% | 半</td>"
            ))
        #expect(
            html.contains(
                "<tr><td class=\"align-left\">Q2</td><td class=\"align-right\"></td><td class=\"align-center\"></td></tr>"
            ), "short rows are padded")
    }

    @Test func findsTablesInListItemsButNotInOrdinaryParagraphs() {
        let html = render("- item\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n\nnot | a table\nat all\n")
        #expect(html.contains("<li>\n<p>item</p>\n<div class=\"table-wrap\" tabindex=\"0\">"))
        #expect(html.contains("<tr><td>1</td><td>2</td></tr>"))
        #expect(html.contains("<p>not | a table\nat all</p>"))
    }

    @Test func keepsTableCellsInline() {
        let html = render(
            "| x |\n|---|\n| - not a list |\n| # not a heading |\n| 1. not a list |\n| `code` and *em* |\n")
        #expect(html.contains("<td>- not a list</td>"))
        #expect(html.contains("<td># not a heading</td>"))
        #expect(html.contains("<td>1. not a list</td>"))
        #expect(html.contains("<td><code>code</code> and <em>em</em></td>"))
    }

    @Test func mapsLinksInTableCellsToTheirColumn() async throws {
        let source = MarkdownSource(
            text: "| 名称 | 链接 |\n|---|---|\n| 中文 | [x](policy:Q) |\n", path: "c.md", lineOffset: 6)
        let document = MarkdownParser.parse(source)
        let link = try #require(document.nodes { if case .link = $0.kind { true } else { false } }.first)
        #expect(link.location == SourceLocation(path: "c.md", line: 9, column: 8))
    }

    @Test func keepsBlocksApartInText() {
        let document = MarkdownParser.parse(
            MarkdownSource(text: "- Call the client\n- Step 1\n- 2 reviewers\n\n> 一\n>\n> 二\n", path: "c.md"))
        #expect(document.root.blockText == "Call the client\nStep 1\n2 reviewers\n一\n二")
    }

    @Test func mapsPositionsIntoTheSourceFile() async throws {
        // A body that starts on line 5 of its file, indented by two spaces, as in a YAML block.
        let source = MarkdownSource(text: "段落\n\n中文 [链接](policy:X)\n", path: "p.yaml", lineOffset: 4, columnOffset: 2)
        let document = MarkdownParser.parse(source)
        let link = try #require(document.nodes { if case .link = $0.kind { true } else { false } }.first)
        // cmark counts the link's column in bytes (8); the diagnostic counts characters (4).
        #expect(link.location == SourceLocation(path: "p.yaml", line: 7, column: 6))
    }
}

extension MarkdownRenderingTests {
    @Test func anEmptyHeaderCellIsNoHeader() {
        let html = render("| | A |\n|---|---|\n| x | 1 |\n")
        #expect(html.contains("<thead>\n<tr><td></td><th>A</th></tr>"))
    }
}
