import CRenameExchange
import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookLoading
@testable import HandbookModel
@testable import HandbookRendering

#if os(Linux)
    private let isLinux = true
#else
    private let isLinux = false
#endif

@Suite struct SiteBuildTests {
    @Test func buildsEveryPageWithItsContent() async throws {
        do {
            let (report, output) = try await TestSupport.build(try TestSupport.content())
            #expect(report.diagnostics.isEmpty)
            // Home, 2 chapters, 2 policies, 1 process, roles index, 3 roles, 3 onboarding packs,
            // booklet, review schedule, print version, search, 404.
            #expect(report.pagesWritten == 20)

            let home = try TestSupport.page("index.html", in: output)
            #expect(home.contains("<html lang=\"en\">"))
            #expect(home.contains("id=\"area-targets\""))
            #expect(home.contains("href=\"policies/pol-001.html\""))
            #expect(home.contains("href=\"chapters/process.html\""))

            let targets = try TestSupport.page("chapters/targets.html", in: output)
            #expect(targets.contains("<a href=\"../policies/pol-001.html#kpis\">the target policy</a>"))
            #expect(targets.contains("<h2 id=\"中文标题目标分解\">"))
            #expect(targets.contains("<a href=\"#中文标题目标分解\">中文标题：目标分解</a>"), "table of contents")
            #expect(targets.contains("<td class=\"num\">60%</td>"), "embedded KPI table")
            #expect(targets.contains("https://git.example.com/acme/handbook/edit/main/content/chapters/01-targets.md"))
            #expect(targets.contains("href=\"../policies/pol-001.html\" rel=\"next\""))

            let process = try TestSupport.page("chapters/process.html", in: output)
            #expect(process.contains("<a href=\"../chapters/targets.html#setting-targets\">targets</a>"))
            #expect(process.contains("<input type=\"checkbox\" id=\"proc-001-qualify-1\">"))
            #expect(process.contains("500,000 and above"))

            let policy = try TestSupport.page("policies/pol-001.html", in: output)
            #expect(policy.contains("<a href=\"../roles/director.html\">Sales Director</a>"))
            #expect(policy.contains("<time datetime=\"2027-01-01\">2027-01-01</time>"), "next review")
            #expect(policy.contains("<section id=\"kpis\">"))
            #expect(policy.contains("<section id=\"tiers\">"))
            #expect(policy.contains("<caption>Basis: Monthly collected revenue</caption>"))
            #expect(policy.contains("<a href=\"../chapters/process.html#first-contact\">the process chapter</a>"))

            let processPage = try TestSupport.page("processes/proc-001.html", in: output)
            for item in [
                "Record the lead in the CRM", "Check the customer&#39;s budget", "Book the visit",
                "Write the visit report",
            ] {
                #expect(processPage.contains("\">\(item)</label>"), "checklist item \(item)")
            }
            #expect(processPage.components(separatedBy: "type=\"checkbox\" id=\"proc-001-").count - 1 == 4)
            #expect(processPage.contains("SLA: 24 h"))
            #expect(processPage.contains("<span class=\"record\">Lead form</span>"))

            let rep = try TestSupport.page("roles/rep.html", in: output)
            #expect(rep.contains("href=\"../policies/pol-001.html\""))
            #expect(rep.contains("href=\"../policies/pol-002.html\""))
            #expect(rep.contains("Qualify the lead"))

            let roles = try TestSupport.page("roles/index.html", in: output)
            #expect(roles.contains("class=\"depth-2\"><a href=\"../roles/rep.html\">"))

            let notFound = try TestSupport.page("404.html", in: output)
            #expect(notFound.contains("href=\"/handbook/assets/style.css\""))

            let sitemap = try TestSupport.page("sitemap.xml", in: output)
            #expect(
                sitemap.contains(
                    "<loc>https://example.com/handbook/policies/pol-001.html</loc><lastmod>2026-01-01</lastmod>"))
            #expect(!sitemap.contains("404.html"))
            #expect(output.files["assets/style.css"] != nil)
        }
    }

    @Test func failedBuildLeavesThePreviousOutputByteForByte() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let output = folder.appendingPathComponent("public")
            _ = try await TestSupport.build(content, into: output)
            let before = try snapshot(output)
            #expect(before.count > 10)

            let broken = try TestSupport.makeContent(
                in: folder.appendingPathComponent("broken"), overlay: "kpi-weights")
            let report = try await TestSupport.build(broken, into: output)
            #expect(report.pagesWritten == nil)
            #expect(report.diagnostics.map(\.rule) == ["kpi-weights"])
            #expect(try snapshot(output) == before)
            #expect(try leftovers(in: folder).isEmpty)
        }
    }

    @Test func strictBuildFailsOnWarnings() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder, overlay: "unknown-key")
            let output = folder.appendingPathComponent("public")
            let lenient = try await TestSupport.build(content, into: output)
            #expect(lenient.pagesWritten != nil)
            try FileManager.default.removeItem(at: output)
            let strict = try await TestSupport.build(content, into: output, strict: true)
            #expect(strict.pagesWritten == nil)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test func rebuildReplacesTheWholeOutputFolder() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let output = folder.appendingPathComponent("public")
            _ = try await TestSupport.build(content, into: output)
            try TestSupport.write("stale", to: output.appendingPathComponent("old/page.html"))
            _ = try await TestSupport.build(content, into: output)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old/page.html").path))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        }
    }

    /// On Linux the new site and the old one swap places in one step, and the old one is removed.
    @Test(.enabled(if: isLinux)) func aRebuildSwapsTheSiteInOneStepAndLeavesNothingBehind() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let first = folder.appendingPathComponent("first")
            let second = folder.appendingPathComponent("second")
            try TestSupport.write("1", to: first.appendingPathComponent("one.txt"))
            try TestSupport.write("2", to: second.appendingPathComponent("two.txt"))
            #expect(handbook_exchange_paths(first.path, second.path) == 0)
            #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent("two.txt").path))
            #expect(FileManager.default.fileExists(atPath: second.appendingPathComponent("one.txt").path))

            let content = try TestSupport.makeContent(in: folder)
            let output = folder.appendingPathComponent("public")
            _ = try await TestSupport.build(content, into: output)
            let before = try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int
            _ = try await TestSupport.build(content, into: output)
            let after = try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int
            #expect(before != after, "the folder was replaced")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                    "content", "first", "public", "second",
                ])
        }
    }

    @Test func rebuildKeepsUnchangedFilesAndRewritesChangedOnes() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let output = folder.appendingPathComponent("public")
            func inode(_ path: String) throws -> Int {
                try #require(
                    try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[
                        .systemFileNumber] as? Int)
            }
            _ = try await TestSupport.build(content, into: output)
            let role = try inode("roles/rep.html")
            let chapter = try inode("chapters/process.html")
            let chapterFile = content.appendingPathComponent("chapters/02-process.md")
            try TestSupport.write(
                try String(contentsOf: chapterFile, encoding: .utf8) + "\nOne more line.\n", to: chapterFile)
            _ = try await TestSupport.build(content, into: output)
            #expect(try inode("roles/rep.html") == role, "an unchanged page is linked, not written again")
            #expect(try inode("chapters/process.html") != chapter)
            #expect(try TestSupport.page("chapters/process.html", in: output).contains("One more line."))
        }
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let output = folder.appendingPathComponent("notes")
            try TestSupport.write("precious", to: output.appendingPathComponent("todo.txt"))
            await #expect(throws: SiteOutputFailure.self) { try await TestSupport.build(content, into: output) }
            #expect(try String(contentsOf: output.appendingPathComponent("todo.txt"), encoding: .utf8) == "precious")
        }
    }

    @Test(arguments: ["content", "content/..", "theme"])
    func refusesToWriteOverItsOwnSources(output: String) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: TestSupport.defaultTheme, to: theme)
            let builder = SiteBuilder(
                options: .init(
                    contentDirectory: content, themeDirectory: theme, today: TestSupport.today, git: FakeGit()),
                output: DiskOutput(
                    outputDirectory: folder.appendingPathComponent(output), protecting: [content, theme]))
            await #expect(throws: SiteOutputFailure.self) { try await builder.build() }
            #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("handbook.yaml").path))
            #expect(
                FileManager.default.fileExists(atPath: theme.appendingPathComponent("templates/layout.mustache").path))
        }
    }

    @Test func rendersChineseUIStringsForAChineseHandbook() async throws {
        do {
            var content = try TestSupport.content()
            content[text: "handbook.yaml"] = try #require(content[text: "handbook.yaml"])
                .replacingOccurrences(of: "language: en", with: "language: zh-CN")
            let (_, output) = try await TestSupport.build(content)
            let process = try TestSupport.page("processes/proc-001.html", in: output)
            #expect(process.contains("<html lang=\"zh-CN\">"))
            #expect(process.contains("检查清单"))
            #expect(process.contains("时限：24 小时"))
        }
    }

    @Test func reportsAnUnusableTheme() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let theme = folder.appendingPathComponent("theme")
            try TestSupport.write("{{#unclosed}}", to: theme.appendingPathComponent("templates/layout.mustache"))
            let builder = SiteBuilder(
                options: .init(
                    contentDirectory: content, themeDirectory: theme, today: TestSupport.today, git: FakeGit()),
                output: DiskOutput(outputDirectory: folder.appendingPathComponent("public")))
            await #expect(throws: Theme.Failure.self) { try await builder.build() }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        }
    }

    /// Every file under `folder`, by relative path, with its bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        TestSupport.tree(of: folder).files
    }

    /// Staging or retired folders left beside the output.
    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".public.") }
    }
}
