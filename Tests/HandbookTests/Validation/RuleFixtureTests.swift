import Foundation
import Testing

@testable import HandbookKit

/// Each validation rule has a fixture under `Fixtures/rules/<rule-id>/`: files laid over the
/// valid fixture so that the rule fires, and `expected.txt`, the exact report of `handbook check`.
@Suite struct RuleFixtureTests {
    static let rules = [
        "yaml-syntax", "missing-field", "field-type", "invalid-date", "invalid-duration", "duplicate-id",
        "unknown-role", "unknown-policy", "unknown-area", "broken-link", "broken-anchor", "broken-directive",
        "kpi-weights", "tier-bands", "empty-checklist", "unknown-key", "review-overdue", "raw-html",
        "missing-file", "missing-front-matter", "role-cycle", "nesting-depth",
    ]

    @Test func validFixtureHasNoDiagnostics() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.isEmpty, "\(DiagnosticFormatter.text(diagnostics))")
        }
    }

    @Test(arguments: rules)
    func ruleFixtureReportsExactlyItsProblems(rule: String) throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder, overlay: rule)
            let (_, diagnostics) = try TestSupport.check(content)
            let expected = try String(
                contentsOf: try TestSupport.fixtures.appendingPathComponent("rules/\(rule)/expected.txt"), encoding: .utf8)
            #expect(DiagnosticFormatter.text(diagnostics) == expected)
            #expect(diagnostics.contains { $0.rule == rule }, "fixture for \(rule) does not trigger it")
        }
    }

    /// Rules that compare editions; their fixtures are the git repositories of ``EditionTests``.
    static let editionRules: Set<String> = ["version-not-bumped", "effective-backwards", "edition-error"]

    @Test func everyRuleIdInTheSourcesHasAFixture() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources/HandbookKit")
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
        let untested = ruleIDs.subtracting(Self.rules).subtracting(Self.editionRules)
        #expect(untested.isEmpty, "rules without a fixture: \(untested)")
    }

    @Test func reportsAllProblemsOfARunSortedByPathAndLine() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder, overlay: "broken-link")
            try FileManager.default.removeItem(at: content.appendingPathComponent("policies/targets.yaml"))
            try TestSupport.write(
                try String(
                    contentsOf: try TestSupport.fixtures.appendingPathComponent("rules/kpi-weights/policies/targets.yaml"),
                    encoding: .utf8),
                to: content.appendingPathComponent("policies/targets.yaml"))
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(Set(diagnostics.map(\.rule)) == ["broken-link", "kpi-weights"])
            #expect(diagnostics == diagnostics.sortedForReport())
            #expect(diagnostics.first?.location.path == "chapters/02-process.md")
            #expect(diagnostics.last?.location.path == "policies/targets.yaml")
        }
    }

    @Test func reviewDueDependsOnTheGivenDay() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            // POL-002 takes effect on 2026-03-01 and is reviewed every 6 months.
            let (_, before) = try TestSupport.check(content, today: CalendarDate(year: 2026, month: 9, day: 1))
            let (_, after) = try TestSupport.check(content, today: CalendarDate(year: 2026, month: 9, day: 2))
            #expect(before.isEmpty)
            #expect(after.map(\.rule) == ["review-overdue"])
        }
    }

    @Test func reportsIdsThatNameTheSamePage() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let roles = content.appendingPathComponent("roles.yaml")
            let text = try String(contentsOf: roles, encoding: .utf8)
            try TestSupport.write(
                text + "  - id: Rep\n    name: Another rep\n    description: Clashes.\n  - id: index\n    name: Index\n    description: Clashes too.\n",
                to: roles)
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["duplicate-id", "duplicate-id"])
            #expect(diagnostics.map(\.message) == [
                "role id 'Rep' gives the same page as 'rep' at roles.yaml:9:9 (roles/rep.html)",
                "role id 'index' would replace the page roles/index.html",
            ])
        }
    }

    @Test func reportsIdsThatCannotBeFileNames() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let chapter = content.appendingPathComponent("chapters/02-process.md")
            let text = try String(contentsOf: chapter, encoding: .utf8)
            try TestSupport.write(text.replacingOccurrences(of: "id: process", with: "id: sales process"), to: chapter)
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["field-type"])
            #expect(diagnostics.first?.hint == "write it as sales-process")
        }
    }

    @Test func unreadableHandbookFileDoesNotCascadeIntoUnknownAreas() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            try TestSupport.write("title: [\n", to: content.appendingPathComponent("handbook.yaml"))
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
        }
    }

    @Test func unreadableRolesFileDoesNotCascadeIntoUnknownRoles() throws {
        try TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            try TestSupport.write("roles: [\n", to: content.appendingPathComponent("roles.yaml"))
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(diagnostics.map(\.rule) == ["yaml-syntax"])
        }
    }
}
