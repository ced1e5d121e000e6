import Foundation
import HandbookBuild
import HandbookLoading
import Testing

@testable import HandbookModel

/// The sidebar of a large handbook: bounded on every page, complete through the area pages
/// and the per-area navigation scripts.
@Suite(.serialized)
struct NavigationScaleTests {
    private static func built(chapters: Int) async throws -> MemoryOutput {
        let (report, output) = try await TestSupport.build(GeneratedHandbook.content(chapters: chapters))
        #expect(report.pagesWritten != nil)
        return output
    }

    @Test func aChapterPageDoesNotGrowWithTheHandbook() async throws {
        let small = try await Self.built(chapters: 200)
        let large = try await Self.built(chapters: 2000)
        let path = SiteRoutes.chapter(id: "chapter-0101")
        let smallPage = try TestSupport.page(path, in: small).utf8.count
        let largePage = try TestSupport.page(path, in: large).utf8.count
        #expect(largePage < 2 * smallPage, "\(largePage) bytes at 2,000 chapters, \(smallPage) at 200")
    }

    @Test func everyChapterAndPolicyIsLinkedFromItsAreaPageAndItsNavigationScript() async throws {
        let output = try await Self.built(chapters: 300)
        let content = GeneratedHandbook.content(chapters: 300)
        let pages = content.files.keys.compactMap { path -> String? in
            if path.hasPrefix("chapters/") {
                return SiteRoutes.chapter(id: "chapter-" + path.dropFirst("chapters/".count).prefix(4))
            }
            if path.hasPrefix("policies/gen-") {
                return SiteRoutes.policy(id: "GEN-POL-" + path.dropFirst("policies/gen-".count).prefix(4))
            }
            return nil
        }
        #expect(pages.count == 330)
        var areaPages = ""
        var scripts = ""
        for area in GeneratedHandbook.areas {
            areaPages += try TestSupport.page(SiteRoutes.area(id: area), in: output)
            scripts += try TestSupport.page("nav/\(area).js", in: output)
        }
        for page in pages {
            #expect(areaPages.contains("href=\"../\(page)\""), "no area page links \(page)")
            #expect(scripts.contains("\"\(page)\""), "no navigation script lists \(page)")
        }
        // A page shows its own area's neighbourhood, marked, and a link to the rest.
        let chapter = try TestSupport.page(SiteRoutes.chapter(id: "chapter-0101"), in: output)
        #expect(chapter.contains("<a href=\"../chapters/chapter-0101.html\" aria-current=\"page\">"))
        #expect(chapter.contains("href=\"../areas/process.html\">本分区全部 83 项</a>"))
        #expect(chapter.components(separatedBy: "<li><a href=\"../chapters/").count - 1 <= 17)
    }

    @Test func aSmallHandbookListsEveryEntryOnEveryPage() async throws {
        let (_, output) = try await TestSupport.build(try TestSupport.content())
        #expect(output.files.keys.allSatisfy { !$0.hasPrefix("nav/") })
        let home = try TestSupport.page(SiteRoutes.home, in: output)
        #expect(!home.contains("data-nav-partial"))
        #expect(home.contains("href=\"chapters/targets.html\""))
    }
}
