import Foundation
import Testing

@testable import HandbookModel
@testable import HandbookRendering

/// Runs the built `handbook` executable, as a user or CI would.
@Suite struct CommandLineTests {
    static var executable: URL {
        // The test bundle sits in the same build folder as the executable.
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("handbook")
    }

    func run(_ arguments: [String], in folder: URL) throws -> TestSupport.CommandResult {
        try TestSupport.run(Self.executable.path, arguments, in: folder)
    }

    @Test func checkExitsZeroOnCleanContent() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder)
            let result = try run(["check", "--today", "2026-06-01"], in: folder)
            #expect(result.status == 0)
            #expect(result.output == "no problems found\n")
        }
    }

    @Test func checkExitsOneOnErrorsWithPathsFromTheCurrentFolder() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder, overlay: "broken-anchor")
            let result = try run(["check", "--today", "2026-06-01"], in: folder)
            #expect(result.status == 1)
            #expect(
                result.output.hasPrefix(
                    "content/chapters/02-process.md:10:9: error: anchor '#setting-target' does not exist"))
            #expect(result.output.hasSuffix("5 errors, 0 warnings\n"))
        }
    }

    @Test func strictTurnsWarningsIntoFailure() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder, overlay: "unknown-key")
            #expect(try run(["check", "--today", "2026-06-01"], in: folder).status == 0)
            #expect(try run(["check", "--today", "2026-06-01", "--strict"], in: folder).status == 1)
        }
    }

    @Test func printsJSONForEditors() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder, overlay: "kpi-weights")
            let result = try run(["check", "--format", "json", "--today", "2026-06-01"], in: folder)
            #expect(result.status == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(json["errors"] as? Int == 1)
            let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
            #expect(first["path"] as? String == "content/policies/targets.yaml")
            #expect(first["line"] as? Int == 15)
            #expect(first["column"] as? Int == 5)
            #expect(first["rule"] as? String == "kpi-weights")
            #expect(first["severity"] as? String == "error")
            #expect(first["hint"] as? String == "add 10% to a KPI")
        }
    }

    @Test(arguments: [
        ["check", "--format", "xml"], ["check", "--today", "2026-13-01"], ["build", "--bogus"], ["frobnicate"],
    ])
    func usageErrorsExitTwo(arguments: [String]) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder)
            #expect(try run(arguments, in: folder).status == 2)
        }
    }

    @Test func printsGitHubAnnotationsForPullRequests() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder, overlay: "kpi-weights")
            let result = try run(["check", "--format", "github", "--today", "2026-06-01"], in: folder)
            #expect(result.status == 1)
            let lines = result.output.split(separator: "\n").map(String.init)
            #expect(
                lines.first?.hasPrefix("::error file=content/policies/targets.yaml,line=15,col=5,title=kpi-weights::")
                    == true, "\(lines)")
            #expect(lines.first?.hasSuffix("%0Ahint: add 10%25 to a KPI") == true, "\(lines)")
            #expect(lines.last == "1 error, 0 warnings")
        }
    }

    /// From an empty folder outside this repository: a handbook that passes `check --strict`
    /// and builds with the built-in theme, in either language; never over existing files.
    @Test(arguments: ["zh-CN", "en"])
    func initStartsAHandbookThatChecksAndBuilds(language: String) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let created = try run(["init", "site", "--language", language, "--title", "Acme \"Sales\""], in: folder)
            #expect(created.status == 0, "\(created.errors)")
            #expect(created.output.contains("handbook serve"), "the next steps")
            let site = folder.appendingPathComponent("site")
            for file in [".gitignore", ".github/workflows/handbook.yml", "content/handbook.yaml"] {
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
            }
            let check = try run(["check", "--strict"], in: site)
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output == "no problems found\n")
            let build = try run(["build"], in: site)
            #expect(build.status == 0, "\(build.errors)")
            let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
            #expect(home.contains("Acme &quot;Sales&quot;"))
            #expect(home.contains("lang=\"\(language)\""))
            let again = try run(["init", "site"], in: folder)
            #expect(again.status == 2)
            #expect(again.errors.contains("not empty"))
        }
    }

    /// Each skeleton keeps the handbook strict-clean, takes the next id and never overwrites;
    /// a process goes at the end of its policy's processes, every other line of the file kept.
    @Test func newAddsSkeletonsThatCheckStrictly() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let policyFile = content.appendingPathComponent("policies/sales/process.yaml")
            let before = try String(contentsOf: policyFile, encoding: .utf8)
            let policy = try run(
                ["new", "policy", "Discount approval", "--area", "process", "--owner", "manager"], in: folder)
            #expect(policy.status == 0, "\(policy.errors)")
            #expect(policy.output == "content/policies/sales/POL-003.yaml\n")
            let process = try run(
                ["new", "process", "Quote review", "--policy", "POL-002", "--owner", "manager"], in: folder)
            #expect(process.status == 0, "\(process.errors)")
            let chapter = try run(["new", "chapter", "Lead qualification", "--area", "process"], in: folder)
            #expect(chapter.status == 0, "\(chapter.errors)")
            #expect(chapter.output.hasSuffix("-lead-qualification.md\n"), "\(chapter.output)")
            let role = try run(["new", "role", "Key Account Manager", "--reports-to", "manager"], in: folder)
            #expect(role.status == 0, "\(role.errors)")
            let check = try run(["check", "--strict", "--today", TestSupport.today.description], in: folder)
            #expect(check.output == "no problems found\n", "\(check.output)")

            let after = try String(contentsOf: policyFile, encoding: .utf8)
            var remaining = after.split(separator: "\n", omittingEmptySubsequences: false)[...]
            for line in before.split(separator: "\n", omittingEmptySubsequences: false) {
                guard let found = remaining.firstIndex(of: line) else {
                    Issue.record("the line '\(line)' of the policy is gone")
                    break
                }
                remaining = remaining[(found + 1)...]
            }
            #expect(after.contains("  - id: PROC-"), "\(after)")

            let unknown = try run(["new", "chapter", "X", "--area", "nowhere"], in: folder)
            #expect(unknown.status == 2)
            #expect(unknown.errors.contains("there is no area 'nowhere'"), "\(unknown.errors)")
        }
    }

    @Test func buildPrintsOneSummaryLine() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder)
            let result = try run(
                ["build", "--today", "2026-06-01", "--theme", TestSupport.defaultTheme.path, "--output", "site"],
                in: folder)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("built 20 pages into site in "))
            #expect(result.output.split(separator: "\n").count == 1)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
        }
    }

    /// One version, from `HandbookVersion`: on the command line and in every page.
    @Test func versionIsPrintedAndNamedInEveryPage() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let version = try run(["--version"], in: folder)
            #expect(version.status == 0)
            #expect(version.output == HandbookVersion.current + "\n")
            _ = try TestSupport.makeContent(in: folder)
            let build = try run(
                ["build", "--today", "2026-06-01", "--theme", TestSupport.defaultTheme.path, "--output", "site"],
                in: folder)
            #expect(build.status == 0)
            for page in ["site/index.html", "site/search.html", "site/404.html"] {
                let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
                #expect(
                    html.contains("<meta name=\"generator\" content=\"handbook \(HandbookVersion.current)\">"),
                    "\(page)")
            }
        }
    }

    /// Outside this repository, with no theme folder: the built-in theme.
    @Test func buildsWithTheBuiltInThemeAnywhere() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder)
            let result = try run(["build", "--today", "2026-06-01", "--output", "site"], in: folder)
            #expect(result.status == 0, "\(result.errors)")
            let published = try #require(
                FileManager.default.contents(atPath: folder.appendingPathComponent("site/assets/style.css").path))
            let source = try #require(
                FileManager.default.contents(
                    atPath: TestSupport.defaultTheme.appendingPathComponent("assets/style.css").path))
            #expect(
                String(decoding: published, as: UTF8.self)
                    == AssetCompactor.stylesheet(String(decoding: source, as: UTF8.self)))
            let missing = try run(["build", "--theme", "no-such-theme"], in: folder)
            #expect(missing.status == 2)
            #expect(missing.errors.contains("theme folder"), "\(missing.errors)")
        }
    }

    @Test func themeEjectWritesTheBuiltInThemeOnce() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let first = try run(["theme", "eject", "mine"], in: folder)
            #expect(first.status == 0)
            let written = FolderListing.files(in: folder.appendingPathComponent("mine"))
            #expect(written == FolderListing.files(in: TestSupport.defaultTheme))
            let again = try run(["theme", "eject", "mine"], in: folder)
            #expect(again.status == 2)
            #expect(again.errors.contains("not empty"))
        }
    }

    @Test func failedBuildWritesNothingAndExitsOne() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            _ = try TestSupport.makeContent(in: folder, overlay: "tier-bands")
            let result = try run(
                ["build", "--today", "2026-06-01", "--theme", TestSupport.defaultTheme.path], in: folder)
            #expect(result.status == 1)
            #expect(result.errors.contains("[tier-bands]"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        }
    }
}
