import Foundation
import HandbookBuild
import HandbookModel
import Testing

/// A process's steps, rendered once per folder depth and shown on every page that lists them.
@Suite struct SharedPartsTests {
    @Test func aThemesProcessStepsShowOnEveryPageThatListsThemWithLinksForThatPage() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let theme = folder.appendingPathComponent("theme")
            try TestSupport.write(
                """
                <ol class="custom-steps">{{#steps}}<li data-role="{{role.url}}">{{title}} · {{page.site.title}}</li>{{/steps}}</ol>

                """,
                to: theme.appendingPathComponent("templates/process-steps.mustache"))
            let output = MemoryOutput()
            let report = try await SiteBuilder(
                options: .init(
                    contentDirectory: FakeGit.contentDirectory, content: try TestSupport.content(),
                    themeDirectory: theme, today: TestSupport.today, git: FakeGit()),
                output: output
            ).build()
            #expect(report.pagesWritten != nil)
            let pages = [
                (SiteRoutes.process(id: "PROC-001"), "../"), (SiteRoutes.onboarding(role: "rep"), "../"),
                ("chapters/process.html", "../"), (SiteRoutes.checklists, ""),
            ]
            for (path, root) in pages {
                let page = try TestSupport.page(path, in: output)
                #expect(
                    page.contains("<li data-role=\"\(root)roles/rep.html\">Qualify the lead · Fixture Handbook</li>"),
                    "\(path)")
                #expect(!page.contains("<ol class=\"steps\">"), "\(path)")
            }
        }
    }
}
