import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookModel

/// Each validation rule has a fixture under `Fixtures/rules/<rule-id>/`: files laid over the
/// valid fixture so that the rule fires, and `expected.txt`, the exact report of `handbook check`.
@Suite struct RuleFixtureTests {
    static let rules = [
        "yaml-syntax", "missing-field", "field-type", "invalid-date", "invalid-duration", "duplicate-id",
        "unknown-role", "unknown-policy", "unknown-area", "broken-link", "broken-anchor", "broken-directive",
        "kpi-weights", "tier-bands", "empty-checklist", "unknown-key", "review-overdue", "raw-html",
        "missing-file", "missing-front-matter", "role-cycle", "nesting-depth", "unsafe-url", "file-too-large",
    ]

    @Test func validFixtureHasNoDiagnostics() async throws {
        do {
            let content = try TestSupport.content()
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.isEmpty, "\(DiagnosticFormatter.text(diagnostics))")
        }
    }

    @Test(arguments: rules)
    func ruleFixtureReportsExactlyItsProblems(rule: String) async throws {
        do {
            let content = try TestSupport.content(overlay: rule)
            let (_, diagnostics) = try TestSupport.check(content)
            let expected = try String(
                contentsOf: try TestSupport.fixtures.appendingPathComponent("rules/\(rule)/expected.txt"),
                encoding: .utf8)
            #expect(DiagnosticFormatter.text(diagnostics) == expected)
            #expect(diagnostics.contains { $0.rule == rule }, "fixture for \(rule) does not trigger it")
        }
    }

    /// Rules that compare editions; their fixtures are the git repositories of ``EditionTests``.
    static let editionRules: Set<String> = ["version-not-bumped", "effective-backwards", "edition-error"]

    /// Rules about files on disk, which a fixture in memory cannot hold; ``HostileInputTests``
    /// makes their symbolic links.
    static let diskRules: Set<String> = ["outside-content"]

    @Test func everyRuleIdInTheSourcesHasAFixture() async throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var ruleIDs: Set<String> = []
        let pattern = try Regex(#"rule: "([a-z-]+)""#)
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { ruleIDs.insert(String(id)) }
            }
        }
        #expect(ruleIDs.count >= Self.rules.count)
        let untested = ruleIDs.subtracting(Self.rules).subtracting(Self.editionRules).subtracting(Self.diskRules)
        #expect(untested.isEmpty, "rules without a fixture: \(untested)")
    }

    @Test func reportsAllProblemsOfARunSortedByPathAndLine() async throws {
        do {
            var content = try TestSupport.content(overlay: "broken-link")
            content.files["policies/targets.yaml"] = nil
            content[text: "policies/targets.yaml"] = try String(
                contentsOf: try TestSupport.fixtures.appendingPathComponent("rules/kpi-weights/policies/targets.yaml"),
                encoding: .utf8)
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(Set(diagnostics.map(\.rule)) == ["broken-link", "kpi-weights"])
            #expect(diagnostics == diagnostics.sortedForReport())
            #expect(diagnostics.first?.location.path == "chapters/02-process.md")
            #expect(diagnostics.last?.location.path == "policies/targets.yaml")
        }
    }

    @Test func reviewDueDependsOnTheGivenDay() async throws {
        do {
            let content = try TestSupport.content()
            // POL-002 takes effect on 2026-03-01 and is reviewed every 6 months.
            let (_, before) = try TestSupport.check(content, today: CalendarDate(year: 2026, month: 9, day: 1))
            let (_, after) = try TestSupport.check(content, today: CalendarDate(year: 2026, month: 9, day: 2))
            #expect(before.isEmpty)
            #expect(after.map(\.rule) == ["review-overdue"])
        }
    }

    @Test func reportsIdsThatNameTheSamePage() async throws {
        do {
            var content = try TestSupport.content()
            let text = try #require(content[text: "roles.yaml"])
            content[text: "roles.yaml"] =
                text
                + "  - id: Rep\n    name: Another rep\n    description: Clashes.\n  - id: index\n    name: Index\n    description: Clashes too.\n"
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["duplicate-id", "duplicate-id"])
            #expect(
                diagnostics.map(\.message) == [
                    "role id 'Rep' gives the same page as 'rep' at roles.yaml:9:9 (roles/rep.html)",
                    "role id 'index' would replace the page roles/index.html",
                ])
        }
    }

    @Test func reportsIdsThatCannotBeFileNames() async throws {
        do {
            var content = try TestSupport.content()
            let text = try #require(content[text: "chapters/02-process.md"])
            content[text: "chapters/02-process.md"] = text.replacingOccurrences(
                of: "id: process", with: "id: sales process")
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["field-type"])
            #expect(diagnostics.first?.hint == "write it as sales-process")
        }
    }

    @Test func unreadableHandbookFileDoesNotCascadeIntoUnknownAreas() async throws {
        do {
            var content = try TestSupport.content()
            content[text: "handbook.yaml"] = "title: [\n"
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
        }
    }

    @Test func unreadableRolesFileDoesNotCascadeIntoUnknownRoles() async throws {
        do {
            var content = try TestSupport.content()
            content[text: "roles.yaml"] = "roles: [\n"
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
        }
    }
}
