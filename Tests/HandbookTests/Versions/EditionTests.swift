import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookLoading
@testable import HandbookModel
@testable import HandbookRendering
@testable import HandbookValidation
@testable import HandbookVersions

/// Editions from git tags, built from temporary repositories with three tagged editions.
@Suite(.serialized) struct EditionTests {
    /// Runs git in `folder`, failing the test on an error.
    @discardableResult
    private func git(_ arguments: [String], in folder: URL) throws -> String {
        let result = try TestSupport.run("git", ["-C", folder.path] + arguments)
        #expect(result.status == 0, "git \(arguments): \(result.errors)")
        return result.output
    }

    private func edit(_ file: URL, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try TestSupport.write(text, to: file)
    }

    private func edit(_ content: inout MemoryContentTree, _ path: String, _ replacements: [(String, String)]) throws {
        var text = try #require(content[text: path])
        for (old, new) in replacements {
            #expect(text.contains(old), "\(path) lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        content[text: path] = text
    }

    private static let extraPolicy = """
        id: POL-003
        title: Retired travel policy
        area: process
        owner: manager
        version: "1.0"
        effective: 2026-01-01
        review_every: 12
        applies_to: [rep]
        summary: Travel is booked through the assistant.

        """

    /// The edits that make edition v2.0 (weights, a checklist item, an SLA and a chapter
    /// changed; the travel policy removed) out of v1.0 (the valid fixture and a travel policy).
    private static let secondEdition: [(path: String, replacements: [(String, String)])] = [
        (
            "policies/targets.yaml",
            [("weight: 60", "weight: 70"), ("weight: 40%", "weight: 30%"), ("version: \"1.0\"", "version: \"1.1\"")]
        ),
        (
            "policies/sales/process.yaml",
            [
                (
                    "          - Book the visit\n",
                    "          - Book the visit\n          - Confirm the agenda by email\n"
                ),
                ("sla: 24h", "sla: 48h"), ("version: \"2.1\"", "version: \"2.2\""),
            ]
        ),
        (
            "chapters/02-process.md",
            [("## First contact\n", "## First contact\n\nCall the customer within one working day.\n")]
        ),
    ]
    /// v3.0: one more weight.
    private static let thirdEdition = [
        ("weight: 70", "weight: 75"), ("weight: 30%", "weight: 25%"), ("version: \"1.1\"", "version: \"1.2\""),
    ]
    /// The working tree: a changed weight, the version left alone, the date moved back.
    private static let workingTree = [
        ("weight: 75", "weight: 80"), ("weight: 25%", "weight: 20%"),
        ("effective: 2026-01-01", "effective: 2025-12-01"),
    ]

    /// Editions v1.0, v2.0 and v3.0 in a fake repository, and the working tree beside them.
    private func repository() throws -> (FakeGit, MemoryContentTree) {
        var content = try TestSupport.content()
        content[text: "policies/extra.yaml"] = Self.extraPolicy
        var git = FakeGit()
        func tag(_ name: String, _ commit: String, _ date: String) {
            git.editions.append(.init(tag: GitTag(name: name, commit: commit, date: date), files: content.files))
        }
        tag("v1.0", "c1", "2026-01-05T10:00:00+08:00")
        for (path, replacements) in Self.secondEdition { try edit(&content, path, replacements) }
        content.files["policies/extra.yaml"] = nil
        tag("v2.0", "c2", "2026-03-02T10:00:00+08:00")
        try edit(&content, "policies/targets.yaml", Self.thirdEdition)
        tag("v3.0", "c3", "2026-05-04T10:00:00+08:00")
        try edit(&content, "policies/targets.yaml", Self.workingTree)
        let first = GitCommit(
            hash: "c1", date: "2026-01-05T10:00:00+08:00", author: "Policy Editor", subject: "First edition")
        let second = GitCommit(
            hash: "c2", date: "2026-03-02T10:00:00+08:00", author: "Policy Editor",
            subject: "Second edition: weights and the visit checklist")
        let third = GitCommit(
            hash: "c3", date: "2026-05-04T10:00:00+08:00", author: "Policy Editor", subject: "Third edition")
        for path in content.files.keys { git.lastChanges[path] = first }
        for (path, _) in Self.secondEdition { git.lastChanges[path] = second }
        git.lastChanges["policies/targets.yaml"] = third
        return (git, content)
    }

    /// The same editions in a real git repository in a temporary folder.
    private func withRepository(_ body: (URL, URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            try TestSupport.write(Self.extraPolicy, to: content.appendingPathComponent("policies/extra.yaml"))
            try git(["init", "-q"], in: folder)
            try git(["config", "user.email", "editor@example.com"], in: folder)
            try git(["config", "user.name", "Policy Editor"], in: folder)
            try git(["add", "-A"], in: folder)
            try git(["commit", "-qm", "First edition"], in: folder)
            try git(["tag", "v1.0"], in: folder)
            for (path, replacements) in Self.secondEdition {
                try edit(content.appendingPathComponent(path), replacements)
            }
            try FileManager.default.removeItem(at: content.appendingPathComponent("policies/extra.yaml"))
            try git(["commit", "-qam", "Second edition: weights and the visit checklist"], in: folder)
            try git(["tag", "-a", "v2.0", "-m", "Second edition"], in: folder)
            try edit(content.appendingPathComponent("policies/targets.yaml"), Self.thirdEdition)
            try git(["commit", "-qam", "Third edition"], in: folder)
            try git(["tag", "v3.0"], in: folder)
            try edit(content.appendingPathComponent("policies/targets.yaml"), Self.workingTree)
            try await body(folder, content)
        }
    }

    @Test func buildsEveryTaggedEditionIntoItsOwnFolder() async throws {
        try await withRepository { folder, content in
            let output = folder.appendingPathComponent("site")
            let status = try git(["status", "--porcelain"], in: folder)
            let report = try await TestSupport.build(content, into: output, git: CommandLineGit())
            #expect(report.pagesWritten != nil)
            for edition in ["v/v1.0/", "v/v2.0/", "v/v3.0/", ""] {
                #expect(
                    FileManager.default.fileExists(atPath: output.appendingPathComponent(edition + "index.html").path))
            }
            // Only v1.0 has the travel policy.
            #expect(
                FileManager.default.fileExists(
                    atPath: output.appendingPathComponent("v/v1.0/policies/pol-003.html").path))
            #expect(
                !FileManager.default.fileExists(atPath: output.appendingPathComponent("policies/pol-003.html").path))
            // Each edition renders its own content.
            #expect(
                try TestSupport.page("v/v1.0/policies/pol-001.html", in: output).contains("<td class=\"num\">60%</td>"))
            #expect(try TestSupport.page("policies/pol-001.html", in: output).contains("<td class=\"num\">80%</td>"))
            let versions = try TestSupport.page("versions.json", in: output)
            #expect(versions.contains("\"name\":\"v2.0\""))
            #expect(versions.contains("\"path\":\"v/v1.0/\""))
            // The working tree and the index are untouched.
            let after = try git(["status", "--porcelain"], in: folder).split(separator: "\n").filter {
                !$0.contains("site/")
            }
            #expect(after == status.split(separator: "\n"))
        }
    }

    @Test func switcherLandsOnTheSamePageOrTheEditionsHome() async throws {
        do {
            let (git, content) = try repository()
            let (_, output) = try await TestSupport.build(content, git: git)
            let latest = try TestSupport.page("chapters/process.html", in: output)
            #expect(latest.contains("<a href=\"../v/v2.0/chapters/process.html\">v2.0</a>"))
            #expect(latest.contains("<a href=\"../v/v1.0/chapters/process.html\">v1.0</a>"))
            #expect(!latest.contains("edition-banner"))
            let removed = try TestSupport.page("v/v1.0/policies/pol-003.html", in: output)
            #expect(
                removed.contains("<a href=\"../../../index.html\">"), "the latest edition has no such page: its home")
            #expect(removed.contains("class=\"edition-banner\""))
            let notFound = try TestSupport.page("404.html", in: output)
            #expect(
                notFound.contains("<a href=\"/handbook/v/v2.0/index.html\">v2.0</a>"), "the 404 page switches to homes")
            #expect(
                try TestSupport.page("v/v1.0/index.html", in: output).contains(
                    "data-storage=\"handbook/Fixture Handbook/v1.0\""))
            #expect(latest.contains("data-storage=\"handbook/Fixture Handbook/current\""), "ticks are kept per edition")
            let old = try TestSupport.page("v/v1.0/chapters/process.html", in: output)
            #expect(
                old.contains("<a href=\"../../../chapters/process.html\">"),
                "banner and switcher lead to the latest page")
            #expect(old.contains("href=\"../../../assets/style.css\""), "editions share the assets")
        }
    }

    @Test func whatChangedSaysItInWords() async throws {
        do {
            let (git, content) = try repository()
            let (_, output) = try await TestSupport.build(content, git: git)
            let second = try TestSupport.page("v/v2.0/changes.html", in: output)
            #expect(second.contains("KPI · Revenue · weight: <del>60%</del> → <ins>70%</ins>"))
            #expect(second.contains("Version: <del>1.0</del> → <ins>1.1</ins>"))
            #expect(
                second.contains(
                    "Step · Visit the customer · checklist item added: <ins>Confirm the agenda by email</ins>"))
            #expect(second.contains("Step · Qualify the lead · SLA: <del>24h</del> → <ins>48h</ins>"))
            #expect(
                second.contains(
                    "<span class=\"change-kind\">Removed</span> <span class=\"code\">POL-003</span> Retired travel policy"
                ))
            #expect(second.contains("<ins>Call the customer within one working day."), "the chapter's text diff")
            #expect(
                try TestSupport.page("v/v1.0/changes.html", in: output).contains("This is the first published edition.")
            )
            let latest = try TestSupport.page("changes.html", in: output)
            #expect(latest.contains("KPI · Revenue · weight: <del>75%</del> → <ins>80%</ins>"))
            #expect(latest.contains("Effective: <del>2026-01-01</del> → <ins>2025-12-01</ins>"))
        }
    }

    @Test func warnsWhenAPolicyChangesWithoutANewVersion() async throws {
        do {
            let (git, content) = try repository()
            let (report, _) = try await TestSupport.build(content, git: git)
            #expect(Set(report.diagnostics.map(\.rule)) == ["version-not-bumped", "effective-backwards"])
            let version = try #require(report.diagnostics.first { $0.rule == "version-not-bumped" })
            #expect(version.message.contains("'v3.0' and 'latest'"), "names both editions")
            #expect(version.location.path == "policies/targets.yaml")
            let effective = try #require(report.diagnostics.first { $0.rule == "effective-backwards" })
            #expect(effective.message.contains("from 2026-01-01 in edition 'v3.0' to 2025-12-01 in 'latest'"))
        }
    }

    @Test func countsAProcessChangeAsAChangeOfItsPolicy() async throws {
        do {
            var (git, content) = try repository()
            try edit(
                &content, "policies/targets.yaml",
                [
                    ("weight: 80", "weight: 75"), ("weight: 20%", "weight: 25%"),
                    ("effective: 2025-12-01", "effective: 2026-01-01"),
                ])
            try edit(&content, "policies/sales/process.yaml", [("sla: 48h", "sla: 72h")])
            let (report, _) = try await TestSupport.build(content, git: git)
            #expect(report.diagnostics.map(\.rule) == ["version-not-bumped"])
            #expect(report.diagnostics.first?.location.path == "policies/sales/process.yaml")
        }
    }

    @Test func policyHistoryListsEveryEditionWithItsDiff() async throws {
        do {
            let (git, content) = try repository()
            let (_, output) = try await TestSupport.build(content, git: git)
            let history = try TestSupport.page("history/pol-001.html", in: output)
            let editions = history.matches(of: /<h2><a href="[^"]*">([^<]*)<\/a><\/h2>/).map { String($0.output.1) }
            #expect(editions == ["latest", "v3.0", "v2.0", "v1.0"])
            #expect(history.contains("<a href=\"../v/v1.0/policies/pol-001.html\">v1.0</a>"))
            #expect(history.contains("KPI · Revenue · weight: <del>70%</del> → <ins>75%</ins>"))
            #expect(
                try TestSupport.page("policies/pol-001.html", in: output).contains("href=\"../history/pol-001.html\""))
            let unchanged = try TestSupport.page("history/pol-002.html", in: output)
            #expect(
                unchanged.contains(
                    "Version 2.2 · Effective <time datetime=\"2026-03-01\">2026-03-01</time> · unchanged"))
            #expect(!unchanged.contains("change-kind\">Changed</span> <a href=\"../v/v3.0"), "no empty change for v3.0")
        }
    }

    @Test func publishesAnAtomFeedOfChanges() async throws {
        do {
            let (git, content) = try repository()
            let (_, output) = try await TestSupport.build(content, git: git)
            let feed = try TestSupport.page("changes.xml", in: output)
            #expect(
                feed.hasPrefix(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
            #expect(feed.components(separatedBy: "<entry>").count - 1 == 3, "v2.0, v3.0 and the working tree")
            #expect(feed.contains("<id>https://example.com/handbook/v/v2.0/changes.html</id>"))
            #expect(feed.contains("&lt;li&gt;Removed POL-003 Retired travel policy&lt;/li&gt;"))
            #expect(feed.contains("<author><name>Fixture Handbook</name></author>"))
        }
    }

    @Test func showsWhoLastChangedEachPage() async throws {
        do {
            let (git, content) = try repository()
            let (_, output) = try await TestSupport.build(content, git: git)
            let chapter = try TestSupport.page("chapters/process.html", in: output)
            #expect(chapter.contains("Policy Editor · Second edition: weights and the visit checklist"))
            let role = try TestSupport.page("roles/rep.html", in: output)
            #expect(role.contains("Policy Editor · First edition"))
        }
    }

    @Test func reusesAnUnchangedEditionFromThePreviousBuild() async throws {
        let (git, content) = try repository()
        let (_, output) = try await TestSupport.build(content, git: git)
        #expect(output.files["v/v1.0/.edition"] != nil)
        // A page edited by hand in the old edition stays: the edition was not rendered again.
        var files = output.files
        files["v/v1.0/roles/rep.html"] = Data("kept from the previous build".utf8)
        try output.replace(with: files.map { OutputFile(path: $0.key, contents: $0.value) })
        _ = try await TestSupport.build(content, git: git, into: output)
        #expect(output.text(at: "v/v1.0/roles/rep.html") == "kept from the previous build")
        #expect(try TestSupport.page("roles/rep.html", in: output).contains("Sales Rep"))
    }

    @Test func leavesOutAnEditionWithErrorsAndSaysSo() async throws {
        var (git, content) = try repository()
        var broken = content
        try edit(&broken, "policies/targets.yaml", [("weight: 80", "weight: 10")])
        git.editions.append(
            .init(tag: GitTag(name: "v4.0", commit: "c4", date: "2026-06-01T10:00:00+08:00"), files: broken.files))
        let (report, output) = try await TestSupport.build(content, git: git)
        let warning = try #require(report.diagnostics.first { $0.rule == "edition-error" })
        #expect(warning.message == "edition 'v4.0' is not published: its sources have 1 error(s)")
        #expect(output.existingFiles(under: "v/v4.0/").isEmpty)
        let (index, _) = try TestSupport.check(content)
        let checked = await EditionRules.check(
            latest: index, contentDirectory: FakeGit.contentDirectory, today: TestSupport.today, git: git)
        #expect(checked.contains { $0.rule == "edition-error" }, "handbook check reports it too")
    }

    @Test func buildsTheLatestEditionAloneWithoutGit() async throws {
        let (report, output) = try await TestSupport.build(try TestSupport.content(), git: FakeGit(exists: false))
        #expect(report.diagnostics.isEmpty)
        #expect(output.existingFiles(under: "v/").isEmpty)
        #expect(output.files["changes.html"] == nil)
        #expect(!(try TestSupport.page("index.html", in: output)).contains("version-switcher"))
    }
}

@Suite struct TextDiffTests {
    @Test func diffsChineseByCharacterAndLatinByWord() {
        #expect(
            TextDiff.diff("客户投诉在24小时内处理", "客户投诉在48小时内处理完毕") == [
                .same("客户投诉在"), .deleted("24"), .inserted("48"), .same("小时内处理"), .inserted("完毕"),
            ])
        #expect(
            TextDiff.diff("the quick brown fox", "the slow brown fox") == [
                .same("the "), .deleted("quick"), .inserted("slow"), .same(" brown fox"),
            ])
    }

    @Test func shortensLongUnchangedStretches() {
        let long = String(repeating: "甲", count: 500)
        let html = TextDiff.html(TextDiff.diff(long + "乙" + long, long + "丙" + long), context: 10)
        #expect(
            html == "<span class=\"diff-gap\">…</span>" + String(repeating: "甲", count: 10) + "<del>乙</del><ins>丙</ins>"
                + String(repeating: "甲", count: 10) + "<span class=\"diff-gap\">…</span>")
    }

    @Test func marksInsertionsAndDeletionsInEscapedHTML() {
        #expect(TextDiff.html(TextDiff.diff("a <b>", "a <i>")) == "a &lt;<del>b</del><ins>i</ins>&gt;")
    }
}

/// The example handbook with two earlier editions (`Scripts/example-editions.sh`), as a real
/// "what changed" page shows it.
@Suite struct ExampleEditionsTests {
    @Test func showsRealisticChangesBetweenEditions() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let repository = folder.appendingPathComponent("repo")
            let script = Process()
            script.executableURL = URL(fileURLWithPath: "/bin/bash")
            script.arguments = [
                TestSupport.packageRoot.appendingPathComponent("Scripts/example-editions.sh").path, repository.path,
            ]
            script.standardOutput = FileHandle.nullDevice
            try script.run()
            script.waitUntilExit()
            #expect(script.terminationStatus == 0)
            let output = folder.appendingPathComponent("public")
            let report = try await TestSupport.build(
                repository.appendingPathComponent("content"), into: output,
                today: CalendarDate(year: 2026, month: 11, day: 30),
                strict: true, git: CommandLineGit())
            #expect(report.diagnostics.isEmpty, "the editions raise their versions: \(report.diagnostics)")
            let latest = try String(contentsOf: output.appendingPathComponent("changes.html"), encoding: .utf8)
            #expect(latest.contains("提成档位 · 600,000–1,000,000 · 比例：<del>3.5%</del> → <ins>4%</ins>"))
            #expect(latest.contains("考核指标 · 销售额完成率 · 权重：<del>35%</del> → <ins>30%</ins>"))
            #expect(latest.contains("步骤 · 受理登记 · 时限：<del>4h</del> → <ins>2h</ins>"))
            #expect(latest.contains("新增检查项：<ins>重大投诉 1 个工作小时内电话报告销售经理和销售总监</ins>"))
            #expect(
                latest.contains("<del>000</del><ins>500</ins>") || latest.contains("9,<del>000</del><ins>500</ins>"),
                "the FAQ's text diff")
            let older = try String(contentsOf: output.appendingPathComponent("v/v2026.1/changes.html"), encoding: .utf8)
            #expect(older.contains("比例：<del>4.5%</del> → <ins>5%</ins>"))
        }
    }
}
