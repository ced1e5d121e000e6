import Foundation
import HandbookBuild
import HandbookLoading
import Testing

@testable import HandbookModel

/// Everything under the content's `files/` is published under `files/`, links and images to it
/// are addressed from each page that shows them and checked (``HostileInputTests`` shows that
/// nothing from outside the content folder is published through a symbolic link).
@Suite struct PublishedFilesTests {
    @Test func filesArePublishedLinkedAndChecked() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let forms = content.appendingPathComponent("files/forms")
            try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
            try Data("name,date\n".utf8).write(to: forms.appendingPathComponent("lead.csv"))
            try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
                to: content.appendingPathComponent("files/chart.svg"))
            let chapter = content.appendingPathComponent("chapters/01-targets.md")
            try
                (String(contentsOf: chapter, encoding: .utf8)
                + "\nUse the [lead form](../files/forms/lead.csv).\n\n![Chart](../files/chart.svg)\n")
                .write(to: chapter, atomically: true, encoding: .utf8)

            let output = folder.appendingPathComponent("site")
            let report = try await TestSupport.build(content, into: output)
            #expect(report.pagesWritten != nil, "\(report.diagnostics)")
            #expect(
                FileManager.default.contents(atPath: output.appendingPathComponent("files/forms/lead.csv").path)
                    == Data("name,date\n".utf8))
            let page = try String(
                contentsOf: output.appendingPathComponent("chapters/targets.html"), encoding: .utf8)
            #expect(page.contains("href=\"../files/forms/lead.csv\""))
            #expect(page.contains("src=\"../files/chart.svg\""))
            let print = try String(contentsOf: output.appendingPathComponent("print.html"), encoding: .utf8)
            #expect(print.contains("href=\"files/forms/lead.csv\""))
            #expect(print.contains("src=\"files/chart.svg\""))

            try FileManager.default.removeItem(at: forms.appendingPathComponent("lead.csv"))
            let (_, diagnostics) = try TestSupport.check(content)
            #expect(
                diagnostics.map(\.message) == ["link to a missing file 'files/forms/lead.csv'"],
                "\(diagnostics)")
            #expect(diagnostics.first?.rule == "broken-link")
        }
    }

    /// A step's record may name its form: the process page links it, the printed checklist
    /// names its file, and a missing form is a broken link at the file's position.
    @Test func recordsLinkTheirForms() async throws {
        var content = try TestSupport.content()
        content[text: "policies/sales/process.yaml"] = content[text: "policies/sales/process.yaml"]!
            .replacingOccurrences(
                of: "records: [Visit report]", with: "records: [{title: Visit report, file: files/forms/visit.csv}]")
        content.files["files/forms/visit.csv"] = Data("date,customer\n".utf8)
        let (report, output) = try await TestSupport.build(content)
        #expect(report.pagesWritten != nil, "\(report.diagnostics)")
        #expect(output.files["files/forms/visit.csv"] == Data("date,customer\n".utf8))
        let page = try #require(output.text(at: "processes/proc-001.html"))
        #expect(page.contains("<a href=\"../files/forms/visit.csv\" data-file=\"visit.csv\">Visit report</a>"))

        content.files["files/forms/visit.csv"] = nil
        let (_, diagnostics) = try TestSupport.check(content)
        let problem = try #require(diagnostics.first)
        #expect(problem.rule == "broken-link")
        #expect(problem.message == "link to a missing file 'files/forms/visit.csv'")
        #expect(problem.location.path == "policies/sales/process.yaml")
    }
}
