import Foundation
import Testing

@testable import HandbookKit

@Suite struct ContentLoaderTests {
    @Test func loadsEveryKindOfSource() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let (handbook, diagnostics) = try ContentLoader(contentDirectory: content).load()
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

    @Test func mapsChapterBodyLinesBackToTheFile() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let (handbook, _) = try ContentLoader(contentDirectory: content).load()
            let chapter = try #require(handbook.chapters.first { $0.id.value == "targets" })
            let document = MarkdownParser.parse(chapter.body)
            // "## Setting targets" is line 9 of chapters/01-targets.md, after 7 lines of front matter.
            #expect(document.headings.first?.location == SourceLocation(path: "chapters/01-targets.md", line: 9, column: 1))
        }
    }

    @Test func mapsPolicyBodyLinesBackToTheFile() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let (handbook, _) = try ContentLoader(contentDirectory: content).load()
            let policy = try #require(handbook.policies.first { $0.id.value == "POL-001" })
            let document = MarkdownParser.parse(policy.body)
            // "body: |" is line 10; the body's first line "## Why targets" is line 11, indented 2.
            #expect(document.headings.first?.location == SourceLocation(path: "policies/targets.yaml", line: 11, column: 3))
        }
    }

    @Test func readsFilesWithWindowsLineEnds() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            for path in ["chapters/01-targets.md", "policies/targets.yaml"] {
                let url = content.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                try TestSupport.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: url)
            }
            let (handbook, diagnostics) = try ContentLoader(contentDirectory: content).load()
            #expect(diagnostics.isEmpty)
            let chapter = try #require(handbook.chapters.first { $0.id.value == "targets" })
            #expect(MarkdownParser.parse(chapter.body).headings.first?.location.line == 9)
            let policy = try #require(handbook.policies.first { $0.id.value == "POL-001" })
            #expect(MarkdownParser.parse(policy.body).headings.first?.location == SourceLocation(path: "policies/targets.yaml", line: 11, column: 3))
        }
    }

    @Test func skipsHiddenFilesAndFolders() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let policy = try String(contentsOf: content.appendingPathComponent("policies/targets.yaml"), encoding: .utf8)
            try TestSupport.write(policy, to: content.appendingPathComponent("policies/.drafts/targets.yaml"))
            try TestSupport.write("not yaml: [", to: content.appendingPathComponent("chapters/.01-targets.md.swp"))
            let (handbook, diagnostics) = try ContentLoader(contentDirectory: content).load()
            #expect(diagnostics.isEmpty)
            #expect(handbook.policies.count == 2)
        }
    }

    @Test func failsOnAMissingContentFolder() {
        #expect(throws: ContentLoader.Failure.self) {
            try ContentLoader(contentDirectory: URL(fileURLWithPath: "/nonexistent/handbook")).load()
        }
    }

    @Test func reportsNonMappingPolicyAsTypeError() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            try TestSupport.write("- just\n- a list\n", to: content.appendingPathComponent("policies/list.yaml"))
            let (_, diagnostics) = try ContentLoader(contentDirectory: content).load()
            #expect(diagnostics.map(\.rule) == ["field-type"])
            #expect(diagnostics.first?.location == SourceLocation(path: "policies/list.yaml", line: 1, column: 1))
        }
    }

    @Test func reportsDuplicateYAMLKeys() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let path = content.appendingPathComponent("policies/targets.yaml")
            let text = try String(contentsOf: path, encoding: .utf8)
            try TestSupport.write(text.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.0\"\nversion: \"1.1\""), to: path)
            let (_, diagnostics) = try ContentLoader(contentDirectory: content).load()
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
            #expect(diagnostics.first?.message.contains("'version'") == true)
        }
    }
}
