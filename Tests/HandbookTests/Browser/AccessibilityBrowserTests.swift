import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookModel
@testable import HandbookVersions

/// axe-core in headless Chromium over every page of the example handbook with its editions
/// (`Scripts/accessibility-audit.py`): no violation of WCAG 2.0 or 2.1 A or AA rules of
/// moderate, serious or critical impact. axe-core comes from PyPI's `axe-playwright-python`,
/// which `.ci/run` installs.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct AccessibilityBrowserTests {
    @Test func everyPageOfTheExampleHandbookPassesAxe() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let repository = folder.appendingPathComponent("repo")
            let script = try TestSupport.run(
                "bash",
                [
                    TestSupport.packageRoot.appendingPathComponent("Scripts/example-editions.sh").path,
                    repository.path,
                ])
            try #require(script.status == 0, "\(script.errors)")
            let site = folder.appendingPathComponent("public")
            let report = try await TestSupport.build(
                repository.appendingPathComponent("content"), into: site,
                today: CalendarDate(year: 2026, month: 11, day: 30), git: CommandLineGit())
            try #require(report.pagesWritten != nil, "\(report.diagnostics)")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("changes.html").path))

            // Older editions share the latest edition's templates; their "what changed" pages are checked.
            let audit = try TestSupport.run(
                "python3",
                [
                    TestSupport.packageRoot.appendingPathComponent("Scripts/accessibility-audit.py").path,
                    "--skip", "v/v2025.2/chapters", "--skip", "v/v2025.2/policies", "--skip", "v/v2025.2/processes",
                    "--skip", "v/v2025.2/roles", "--skip", "v/v2025.2/onboarding", "--skip", "v/v2025.2/areas",
                    "--skip", "v/v2026.1/chapters", "--skip", "v/v2026.1/policies", "--skip", "v/v2026.1/processes",
                    "--skip", "v/v2026.1/roles", "--skip", "v/v2026.1/onboarding", "--skip", "v/v2026.1/areas",
                    site.path,
                ])
            #expect(audit.status == 0, "\(audit.output)\(audit.errors)")
            let summary = try #require(audit.output.split(separator: "\n").last)
            let counts = try #require(
                try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
            #expect((counts["pages"] as? Int ?? 0) > 120, "\(summary)")
        }
    }
}
