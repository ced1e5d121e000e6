import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookMarkdown
@testable import HandbookModel
@testable import HandbookRendering

/// Checklists as staff use them: ticked on screen in a real browser, printed to PDF and read
/// back with poppler's pdftotext and pdfinfo.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized)
struct ChecklistBrowserTests {
    private static let today = CalendarDate(year: 2026, month: 11, day: 30)

    /// Builds the example handbook and runs `body` with its output folder and index.
    private func withExampleSite(_ body: (URL, HandbookIndex) throws -> Void) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("public")
            _ = try await TestSupport.build(TestSupport.exampleContent, into: output, today: Self.today)
            let (index, _) = try TestSupport.check(TestSupport.exampleContent, today: Self.today)
            try body(output, index)
        }
    }

    /// Prints `page` to a PDF with headless Chromium and returns its text and page count.
    private func printed(_ page: URL) throws -> (text: String, pages: Int) {
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        _ = try run(
            try #require(Chromium.path),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                page.absoluteString,
            ])
        let text = try run("/usr/bin/pdftotext", [pdf.path, "-"])
        let info = try run("/usr/bin/pdfinfo", [pdf.path])
        let pages = Int(info.firstMatch(of: /Pages:\s+(\d+)/)?.output.1 ?? "0") ?? 0
        return (text, pages)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        try TestSupport.run(executable, arguments).output
    }

    /// Text without white space, so that lines wrapped on paper still match.
    private func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Words that only the screen's navigation shows.
    private let navigationWords = ["首页", "打印版", "上一页", "下一页", "在代码库中编辑此页", "由 handbook 生成"]

    @Test func printedProcessPageHasEveryItemEmptyBoxesAndSignatures() async throws {
        try await withExampleSite { output, index in
            let process = try #require(index.processesByID["SALES-PROC-008"])
            let pdf = try printed(output.appendingPathComponent(SiteRoutes.process(id: process.id.value)))
            let text = squeezed(pdf.text)
            for item in process.steps.flatMap(\.checklist) {
                #expect(text.contains(squeezed(item)), "missing on paper: \(item)")
            }
            for field in ["员工姓名", "日期", "员工签字", "经理签字", "销售部管理手册", "版本2026.2", "SALES-PROC-008新员工入职培训"] {
                #expect(text.contains(squeezed(field)), "missing on paper: \(field)")
            }
            for word in navigationWords {
                #expect(!pdf.text.contains(word), "navigation on paper: \(word)")
            }
            #expect(!text.contains("清除勾选"), "screen buttons on paper")
        }
    }

    /// A process of up to six steps and 25 checklist items prints on two A4 sheets: its map, every
    /// step with its items, and the sign-off block.
    @Test func aProcessOfUpToSixStepsPrintsOnTwoSheetsWithItsMap() async throws {
        try await withExampleSite { output, index in
            let processes = index.handbook.processes.filter {
                $0.steps.count <= 6 && $0.steps.reduce(0) { $0 + $1.checklist.count } <= 25
            }
            #expect(processes.count >= 15)
            #expect(processes.contains { $0.steps.count == 6 })
            for process in processes {
                let pdf = try printed(output.appendingPathComponent(SiteRoutes.process(id: process.id.value)))
                #expect(pdf.pages <= 2, "\(process.id.value) takes \(pdf.pages) sheets")
                let text = squeezed(pdf.text)
                #expect(text.contains("经理签字"), "\(process.id.value) has no sign-off")
                // Each step title is on the map and on its card.
                for step in process.steps {
                    #expect(text.components(separatedBy: squeezed(step.title)).count - 1 >= 2, "\(step.title)")
                }
            }
        }
    }

    @Test func onboardingPackListsPoliciesToSignThenEachProcessOnItsOwnPage() async throws {
        try await withExampleSite { output, index in
            let role = try #require(index.rolesByID["new-hire"])
            let pdf = try printed(output.appendingPathComponent(SiteRoutes.onboarding(role: role.id)))
            let text = squeezed(pdf.text)
            let policies = index.handbook.policies.filter { $0.appliesTo.contains { $0.value == role.id } }
            let processes = index.handbook.processes.filter { process in
                process.owner.value == role.id || process.steps.contains { $0.role.value == role.id }
            }
            #expect(!policies.isEmpty && !processes.isEmpty)
            for policy in policies {
                #expect(text.contains(squeezed(policy.title)), "policy to read missing: \(policy.title)")
            }
            for item in processes.flatMap({ $0.steps.flatMap(\.checklist) }) {
                #expect(text.contains(squeezed(item)), "missing on paper: \(item)")
            }
            #expect(text.contains("已阅读并理解"))
            #expect(text.contains("经理签字"))
            #expect(pdf.pages >= 1 + processes.count, "each process starts on a new page")
        }
    }

    @Test func bookletPutsEveryProcessOnItsOwnPage() async throws {
        try await withExampleSite { output, index in
            let pdf = try printed(output.appendingPathComponent(SiteRoutes.checklists))
            #expect(pdf.pages >= index.handbook.processes.count)
            let text = squeezed(pdf.text)
            for process in index.handbook.processes {
                #expect(
                    text.contains(squeezed(process.id.value + process.title)), "process missing: \(process.id.value)")
            }
            #expect(pdf.text.components(separatedBy: "经理签字").count - 1 >= index.handbook.processes.count)
            for word in navigationWords {
                #expect(!pdf.text.contains(word), "navigation on paper: \(word)")
            }
        }
    }

    @Test func printVersionHoldsEveryChapterAndPolicyWithContents() async throws {
        try await withExampleSite { output, index in
            let html = try String(contentsOf: output.appendingPathComponent(SiteRoutes.printVersion), encoding: .utf8)
            for chapter in index.handbook.chapters {
                #expect(html.contains("id=\"\(PrintVersion.chapterAnchor(chapter.id.value))\""))
                #expect(html.contains("href=\"#\(PrintVersion.chapterAnchor(chapter.id.value))\""), "contents entry")
            }
            for policy in index.handbook.policies {
                #expect(html.contains("id=\"\(PrintVersion.policyPrefix(policy.id.value))top\""))
            }
            let pdf = try printed(output.appendingPathComponent(SiteRoutes.printVersion))
            #expect(pdf.pages > index.handbook.chapters.count + index.handbook.policies.count)
        }
    }

    @Test func ticksSurviveAReloadAndResetClearsThem() async throws {
        try await withExampleSite { output, _ in
            let page = output.appendingPathComponent(SiteRoutes.process(id: "SALES-PROC-008")).absoluteString
            let results = try BrowserScript.run([
                ["goto": page],
                ["eval": "document.querySelector('[data-checklist-progress]').textContent"],
                ["click": "label[for='sales-proc-008-prepare-2']"],
                ["click": "#sales-proc-008-plan-1"],
                ["reload": true],
                [
                    "eval":
                        "[document.getElementById('sales-proc-008-prepare-2').checked, document.getElementById('sales-proc-008-plan-1').checked, document.getElementById('sales-proc-008-prepare-1').checked]"
                ],
                ["eval": "document.querySelector('[data-checklist-progress]').textContent"],
                ["click": "[data-checklist-reset]"],
                ["reload": true],
                ["eval": "document.querySelectorAll('.checklist input:checked').length"],
            ])
            #expect(results.count == 10)
            guard results.count == 10 else { return }
            #expect(results[1] as? String == "0 / 29")
            #expect(results[5] as? [Bool] == [true, true, false])
            #expect(results[6] as? String == "2 / 29")
            #expect(results[9] as? Int == 0)
        }
    }

    @Test func chapterTaskListsAreRealCheckboxesThatRemember() async throws {
        try await withExampleSite { output, index in
            let chapter = try #require(
                index.handbook.chapters.first { index.chapterDocuments[$0.path]?.hasTaskItems == true })
            let page = output.appendingPathComponent(SiteRoutes.chapter(chapter)).absoluteString
            let results = try BrowserScript.run([
                ["goto": page],
                ["eval": "document.querySelectorAll('.prose input[type=checkbox].task').length"],
                ["click": "#task-1"],
                ["reload": true],
                ["eval": "document.getElementById('task-1').checked"],
            ])
            #expect(results.count == 5)
            guard results.count == 5 else { return }
            #expect((results[1] as? Int ?? 0) > 0)
            #expect(results[4] as? Bool == true)
        }
    }
}
