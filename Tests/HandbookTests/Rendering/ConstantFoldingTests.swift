import Foundation
import HandbookModel
import Mustache
import Testing

@testable import HandbookRendering

/// UI strings and site values written into templates render exactly as their tags did.
@Suite struct ConstantFoldingTests {
    private let strings = [
        "menu": "目录", "quote": "Tom's <list> & \"more\"", "braced": "{q} found", "lines": "one\ntwo", "empty": "",
        "inner": "a {{b}} c",
    ]

    private let site = ["title": "手册 <A&B>", "root": "../", "empty": "", "braced": "{x}"]

    private func fold(_ template: String, context: ConstantFolding.Context = .page) -> String {
        ConstantFolding.fold(template, strings: strings, site: site, context: context)
    }

    @Test func writesInTheSitesValues() {
        #expect(fold("{{page.site.title}}|{{{page.site.root}}}") == "手册 &lt;A&amp;B&gt;|../")
        #expect(fold("{{#page}}{{site.root}}{{/page}}") == "{{#page}}../{{/page}}")
        #expect(fold("{{site.title}}", context: .siteHeader) == "手册 &lt;A&amp;B&gt;")
        for template in [
            "{{site.root}}", "{{page.site.version}}", "{{page.site.empty}}", "{{page.site.braced}}",
            "{{#page.site.title}}x{{/page.site.title}}", "{{page.site.title.x}}", "{{page.site.t}}",
        ] {
            #expect(fold(template) == template, "\(template)")
        }
        #expect(fold("{{page.site.root}}", context: .other) == "{{page.site.root}}")
    }

    @Test func writesInPlainTagsEscapedAndRawOnesAsTheyAre() {
        #expect(fold("<b>{{#page}}{{site.t.menu}}{{/page}}</b>") == "<b>{{#page}}目录{{/page}}</b>")
        #expect(fold("{{site.t.menu}}", context: .siteHeader) == "目录")
        #expect(
            fold("{{ page.site.t.menu }}|{{page.site.t.quote}}") == "目录|Tom&#39;s &lt;list&gt; &amp; &quot;more&quot;")
        #expect(
            fold("{{{page.site.t.quote}}}|{{& page.site.t.quote}}") == "Tom's <list> & \"more\"|Tom's <list> & \"more\""
        )
    }

    @Test func leavesEverythingButPlainTagsOfKnownStrings() {
        for template in [
            "{{#site.t.menu}}x{{/site.t.menu}}", "{{^page.site.t.menu}}x{{/page.site.t.menu}}",
            "{{uppercased(site.t.menu)}}", "{{! {{site.t.menu}}", "{{> site.t.menu}}", "{{site.t.missing}}",
            "{{.site.t.menu}}", "{{t.menu}}", "{{site.title}}", "{{=<% %>=}}<% site.t.menu %>{{site.t.menu}}",
            "{{site.t.menu", "{{{site.t.menu}}", "{{site.t.menu}}", "{{#page}}{{/page}}{{site.t.menu}}",
            "{{^page}}{{site.t.menu}}{{/page}}", "{{#page}}{{/page}}{{#other}}{{site.t.menu}}{{/other}}",
        ] {
            #expect(fold(template) == template, "\(template)")
        }
        // No page and no site at the bottom of the stack: nothing is sure to be found.
        #expect(fold("{{page.site.t.menu}}", context: .other) == "{{page.site.t.menu}}")
        #expect(fold("{{page.site.t.menu}}", context: .siteHeader) == "{{page.site.t.menu}}")
    }

    @Test func leavesStringsThatCouldChangeHowTheTemplateReads() {
        for key in ["braced", "lines", "empty", "inner"] {
            #expect(fold("{{site.t.\(key)}}") == "{{site.t.\(key)}}", "\(key)")
        }
    }

    /// The same template, folded and not, renders the same page with the views it is given.
    @Test func foldedTemplatesRenderWhatTheTagsRendered() throws {
        _ = MustacheHTMLEscaping.registered
        let site = SiteView(
            title: "T", description: "D", version: nil, storage: "s", language: "en", root: "../",
            assets: "../assets/", t: UIStrings(strings: strings))
        let chrome = PageChrome(
            title: "Page", description: "", site: site, sidebar: "", navRolesCurrent: false,
            breadcrumbs: [LinkView(title: "Home", url: "../index.html")], previous: nil, next: nil, editURL: nil,
            toc: [TOCEntryView(text: "One", id: "one", nested: false)], kind: "chapter")
        let template = """
            {{#page}}<p>{{site.t.menu}} {{{site.t.quote}}}</p>{{#breadcrumbs}}<a href="{{url}}">{{title}}</a> \
            {{page.site.t.quote}}{{/breadcrumbs}}{{#toc}}{{text}}: {{site.t.menu}}{{/toc}}{{/page}}
            {{page.site.t.menu}} {{site.t.menu}} {{#page}}{{site.assets}}style.css {{site.version}}{{/page}}
            {{page.site.title}} {{page.site.storage}} {{site.root}}
            """
        let context = MustacheView(PlainPage(page: chrome))
        let written = try MustacheTemplate(string: MustacheHTMLEscaping.pragma + template).render(context)
        let foldedTemplate = ConstantFolding.fold(template, strings: strings, site: site.fixedValues, context: .page)
        let folded = try MustacheTemplate(string: MustacheHTMLEscaping.pragma + foldedTemplate).render(context)
        #expect(folded == written)
        #expect(foldedTemplate.components(separatedBy: "site.t.").count == 2, "only the tag outside {{#page}} stays")
        #expect(!foldedTemplate.contains("site.assets") && foldedTemplate.contains("{{site.version}}"))
    }

    /// No view below the page's context has a `page`, `site` or `t` of its own, which would
    /// answer a folded tag's look-up differently.
    @Test func onlyThePageAndTheSiteAnswerTheNamesOfUIStrings() {
        let answering: [String: Set<String>] = [
            "page": [
                "EmbedContext", "HomePage", "AreaPage", "ChapterPage", "PolicyPage", "ProcessPage", "RolePage",
                "RolesPage", "OnboardingPage", "BookletPage", "ReviewsPage", "PrintPage", "PlainPage",
                "ChangesPageView", "HistoryPageView",
            ],
            "site": ["PageChrome", "SiteHeaderView", "Chrome"],
            "t": ["SiteView"],
        ]
        for view in ViewLookupTests.samples {
            let type = String(describing: Swift.type(of: view))
            for (name, views) in answering where view.child(named: name) != nil {
                #expect(views.contains(type), "\(type) answers \(name)")
            }
        }
    }

    /// Every built-in template still parses with its strings written in, in both languages.
    @Test func builtInTemplatesParseFolded() throws {
        for language in HandbookConfig.Language.allCases {
            let theme = try Theme.load(from: nil, language: language)
            for (path, data) in Theme.builtInFiles where path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                let folded = ConstantFolding.fold(
                    String(decoding: data, as: UTF8.self), strings: theme.strings, context: .init(template: name))
                #expect(throws: Never.self, "\(path)") { try MustacheTemplate(string: folded) }
            }
        }
    }
}
