import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookMarkdown
@testable import HandbookModel

@Suite struct ContentLoaderTests {
    /// What a build loads its theme in while the check runs: the load's language, or the default.
    @Test func readsTheLanguageOnItsOwn() throws {
        var content = try TestSupport.content()
        #expect(ContentLoader.language(of: content) == .english)
        #expect(ContentLoader.language(of: content) == (try ContentLoader(content: content).load()).0.config.language)
        content.files["handbook.yaml"] = Data("title: [unclosed\n".utf8)
        #expect(ContentLoader.language(of: content) == .chinese)
        content.files["handbook.yaml"] = nil
        #expect(ContentLoader.language(of: content) == .chinese)
    }

    @Test func loadsEveryKindOfSource() async throws {
        do {
            let content = try TestSupport.content()
            let (handbook, diagnostics) = try ContentLoader(content: content).load()
            #expect(diagnostics.isEmpty)
            #expect(handbook.config.title == "Fixture Handbook")
            #expect(handbook.config.language == .english)
            #expect(handbook.config.areas.map(\.id) == ["targets", "process"])
            #expect(handbook.roles.map(\.id) == ["director", "manager", "rep"])
            #expect(handbook.roles[1].reportsTo?.value == "director")
            #expect(handbook.policies.map(\.id.value) == ["POL-002", "POL-001"])  // sorted by path
            #expect(handbook.chapters.map(\.id.value) == ["targets", "process"])

            let targets = try #require(handbook.policies.first { $0.id.value == "POL-001" })
            #expect(targets.effective == CalendarDate(year: 2026, month: 1, day: 1))
            #expect(targets.nextReview == CalendarDate(year: 2027, month: 1, day: 1))
            #expect(targets.kpis.map(\.weight) == [60, 40])
            #expect(targets.tiers.map(\.rate) == [1, 2, 3.5])
            #expect(targets.tiers.last?.to == nil)
            #expect(targets.tiersBasis == "Monthly collected revenue")

            let process = try #require(handbook.processes.first)
            #expect(process.id.value == "PROC-001")
            #expect(process.policyID == "POL-002")
            #expect(process.steps.map(\.serviceLevel) == [ServiceLevel("24h"), ServiceLevel("3d")])
            #expect(process.steps[0].checklist == ["Record the lead in the CRM", "Check the customer's budget"])
            #expect(process.steps[0].records == ["Lead form"])
        }
    }

    @Test func mapsChapterBodyLinesBackToTheFile() async throws {
        do {
            let content = try TestSupport.content()
            let (handbook, _) = try ContentLoader(content: content).load()
            let chapter = try #require(handbook.chapters.first { $0.id.value == "targets" })
            let document = MarkdownParser.parse(chapter.body)
            // "## Setting targets" is line 9 of chapters/01-targets.md, after 7 lines of front matter.
            #expect(
                document.headings.first?.location == SourceLocation(path: "chapters/01-targets.md", line: 9, column: 1))
        }
    }

    @Test func mapsPolicyBodyLinesBackToTheFile() async throws {
        do {
            let content = try TestSupport.content()
            let (handbook, _) = try ContentLoader(content: content).load()
            let policy = try #require(handbook.policies.first { $0.id.value == "POL-001" })
            let document = MarkdownParser.parse(policy.body)
            // "body: |" is line 10; the body's first line "## Why targets" is line 11, indented 2.
            #expect(
                document.headings.first?.location == SourceLocation(path: "policies/targets.yaml", line: 11, column: 3))
        }
    }

    @Test func readsFilesWithWindowsLineEnds() async throws {
        do {
            var content = try TestSupport.content()
            for path in ["chapters/01-targets.md", "policies/targets.yaml"] {
                content[text: path] = try #require(content[text: path]).replacingOccurrences(of: "\n", with: "\r\n")
            }
            let (handbook, diagnostics) = try ContentLoader(content: content).load()
            #expect(diagnostics.isEmpty)
            let chapter = try #require(handbook.chapters.first { $0.id.value == "targets" })
            #expect(MarkdownParser.parse(chapter.body).headings.first?.location.line == 9)
            let policy = try #require(handbook.policies.first { $0.id.value == "POL-001" })
            #expect(
                MarkdownParser.parse(policy.body).headings.first?.location
                    == SourceLocation(path: "policies/targets.yaml", line: 11, column: 3))
        }
    }

    @Test func skipsHiddenFilesAndFolders() async throws {
        do {
            var content = try TestSupport.content()
            let policy = try #require(content[text: "policies/targets.yaml"])
            content[text: "policies/.drafts/targets.yaml"] = policy
            content[text: "chapters/.01-targets.md.swp"] = "not yaml: ["
            let (handbook, diagnostics) = try ContentLoader(content: content).load()
            #expect(diagnostics.isEmpty)
            #expect(handbook.policies.count == 2)
        }
    }

    @Test func failsOnAMissingContentFolder() {
        #expect(throws: ContentLoader.Failure.self) {
            try ContentLoader(contentDirectory: URL(fileURLWithPath: "/nonexistent/handbook")).load()
        }
    }

    @Test func reportsNonMappingPolicyAsTypeError() async throws {
        do {
            var content = try TestSupport.content()
            content[text: "policies/list.yaml"] = "- just\n- a list\n"
            let (_, diagnostics) = try ContentLoader(content: content).load()
            #expect(diagnostics.map(\.rule) == ["field-type"])
            #expect(diagnostics.first?.location == SourceLocation(path: "policies/list.yaml", line: 1, column: 1))
        }
    }

    @Test func reportsDuplicateYAMLKeys() async throws {
        do {
            var content = try TestSupport.content()
            let text = try #require(content[text: "policies/targets.yaml"])
            content[text: "policies/targets.yaml"] = text.replacingOccurrences(
                of: "version: \"1.0\"", with: "version: \"1.0\"\nversion: \"1.1\"")
            let (_, diagnostics) = try ContentLoader(content: content).load()
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
            #expect(diagnostics.first?.message.contains("'version'") == true)
        }
    }
}
