import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookModel
@testable import HandbookRendering

/// Which outputs the page graph says to redo for the edits an author makes.
@Suite struct PageGraphTests {
    /// The site's graph before and after `edit`, and what to write and delete when `files`
    /// changed.
    private func rebuild(changing files: Set<String>, _ edit: (inout MemoryContentTree) throws -> Void) throws
        -> (old: PageGraph, new: PageGraph, write: Set<String>, delete: Set<String>)
    {
        var content = try TestSupport.content()
        let (before, _) = try TestSupport.check(content)
        try edit(&content)
        let (after, _) = try TestSupport.check(content)
        let theme = try Theme.load(from: TestSupport.defaultTheme, language: .english)
        func graph(_ index: HandbookIndex) -> PageGraph {
            let renderer = SiteRenderer(index: index, theme: theme, today: TestSupport.today, edition: nil)
            return renderer.graph(searchIndex: renderer.searchIndex())
        }
        let (old, new) = (graph(before), graph(after))
        let changes = SiteInput.changes(from: before, to: after, files: files)
        let (write, delete) = PageGraph.rebuild(from: old, to: new, changed: changes)
        return (old, new, write, delete)
    }

    private func pages(_ graph: PageGraph) -> Set<String> {
        Set(graph.inputs.keys.filter { $0.hasSuffix(".html") })
    }

    @Test func chapterTextRedoesItsPageThePrintVersionAndItsSearchFiles() throws {
        let result = try rebuild(changing: ["chapters/02-process.md"]) { content in
            content[text: "chapters/02-process.md"]! += "\nOne more paragraph.\n"
        }
        #expect(Set(result.write.filter { $0.hasSuffix(".html") }) == ["chapters/process.html", "print.html"])
        #expect(result.write.contains { $0.hasPrefix("search/f/") }, "the fragment that holds the chapter")
        #expect(result.write.contains("search/manifest.js"))
        #expect(
            result.delete.filter { !$0.hasPrefix("search/") }.isEmpty,
            "only search files can come and go with the sections")
    }

    /// In a handbook this small every sidebar lists every entry.
    @Test func policyTitleRedoesEveryPageThroughTheNavigation() throws {
        let result = try rebuild(changing: ["policies/targets.yaml"]) { content in
            content[text: "policies/targets.yaml"] = content[text: "policies/targets.yaml"]!
                .replacingOccurrences(of: "title: Target setting", with: "title: Targets and quotas")
        }
        #expect(pages(result.new).isSubset(of: result.write))
        #expect(result.write.contains("sitemap.xml"))
    }

    @Test func roleNameRedoesThePagesThatShowTheRole() throws {
        let result = try rebuild(changing: ["roles.yaml"]) { content in
            content[text: "roles.yaml"] = content[text: "roles.yaml"]!
                .replacingOccurrences(of: "name: Sales Rep", with: "name: Account Executive")
        }
        for page in [
            "roles/rep.html", "roles/index.html", "onboarding/rep.html", "processes/proc-001.html",
            "policies/pol-001.html",
            "index.html", "checklists.html", "print.html", "chapters/process.html",
        ] {
            #expect(result.write.contains(page), "\(page) shows the role's name")
        }
        #expect(!result.write.contains("chapters/targets.html"))
        #expect(!result.write.contains("search.html"))
        #expect(
            result.delete.filter { !$0.hasPrefix("search/") }.isEmpty,
            "only search files can come and go with the sections")
    }

    @Test func themeTemplateRedoesEveryPageAndReparsesNothing() throws {
        let result = try rebuild(changing: ["theme/templates/layout.mustache"]) { _ in }
        #expect(pages(result.new).isSubset(of: result.write))
        #expect(result.old.inputs.keys.sorted() == result.new.inputs.keys.sorted())
    }

    @Test func themeStylesheetRedoesNoPage() throws {
        let result = try rebuild(changing: ["theme/assets/style.css"]) { _ in }
        #expect(pages(result.new).isDisjoint(with: result.write), "\(result.write.sorted().prefix(5))")
    }

    @Test func newChapterIsWrittenAndEveryNavigationUpdated() throws {
        let result = try rebuild(changing: ["chapters/03-faq.md"]) { content in
            content[text: "chapters/03-faq.md"] =
                "---\nid: faq\ntitle: Questions\narea: process\norder: 2\n---\n\nAsk.\n"
        }
        #expect(result.write.contains("chapters/faq.html"))
        #expect(result.old.inputs["chapters/faq.html"] == nil)
        #expect(pages(result.new).isSubset(of: result.write))
        #expect(
            result.delete.filter { !$0.hasPrefix("search/") }.isEmpty,
            "only search files can come and go with the sections")
    }

    @Test func deletedChapterIsDeletedAndNoLongerLinked() throws {
        let result = try rebuild(changing: ["chapters/01-targets.md"]) { content in
            content.files["chapters/01-targets.md"] = nil
        }
        #expect(result.delete.contains("chapters/targets.html"))
        #expect(!result.write.contains("chapters/targets.html"))
        #expect(pages(result.new).isSubset(of: result.write), "every page's navigation loses the chapter")
    }

    @Test func everyOutputOfABuildIsInTheGraph() throws {
        let (index, _) = try TestSupport.check(try TestSupport.content())
        let theme = try Theme.load(from: TestSupport.defaultTheme, language: .english)
        let renderer = SiteRenderer(index: index, theme: theme, today: TestSupport.today, edition: nil)
        let search = renderer.searchIndex()
        let graph = renderer.graph(searchIndex: search)
        let built = Set((renderer.render() + search.files).map(\.path))
        #expect(Set(graph.inputs.keys) == built)
    }
}
