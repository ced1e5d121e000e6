import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookMarkdown
@testable import HandbookModel
@testable import HandbookRendering
@testable import HandbookVersions

/// "What changed" pages compare Markdown as the page shows it: headings as headings, links as
/// their text, directives as what they embed; a change that shows nothing different is none.
@Suite struct ReadableDiffTests {
    private func changes(editing chapter: (String) -> String) throws -> HandbookChanges {
        let old = try TestSupport.content()
        var new = old
        new[text: "chapters/02-process.md"] = chapter(try #require(old[text: "chapters/02-process.md"]))
        let (before, _) = try ContentLoader(content: old).load()
        let (after, _) = try ContentLoader(content: new).load()
        return HandbookChanges(from: before, to: after)
    }

    @Test func showsLinksAsTheirTextAndHeadingsAsHeadings() throws {
        let result = try changes {
            $0.replacingOccurrences(of: "Back to [targets]", with: "Go back to [the targets]")
                + "\n## Closing\n\nSee [the policy](policy:POL-002#kpis).\n"
        }
        let text = try #require(result.chapters.first?.texts.first)
        let blocks = try #require(text.blocks)
        let html = BlockChange.html(blocks, embedLabel: { _ in nil })
        #expect(!html.contains("policy:") && !html.contains("01-targets.md") && !html.contains("]("))
        #expect(html.contains("<p class=\"diff-block diff-heading diff-h2\">First contact</p>"), "context heading")
        #expect(html.contains("<p class=\"diff-block diff-heading diff-h2\"><ins>Closing</ins></p>"))
        #expect(html.contains("<ins>See the policy.</ins>"))
        #expect(html.contains("<del>Back</del><ins>Go back</ins> to<ins> the</ins> targets or the Chinese section."))
    }

    @Test func anAnchorMarkOrAReflowedLineIsNoChange() throws {
        let result = try changes {
            $0.replacingOccurrences(of: "## First contact", with: "## First contact {#first-contact}")
                .replacingOccurrences(
                    of: "Back to [targets](01-targets.md#setting-targets) or",
                    with: "Back to [targets](01-targets.md#setting-targets)\nor")
        }
        #expect(result.chapters.isEmpty, "\(result.chapters)")
    }

    @Test func namesWhatADirectiveEmbeds() throws {
        let result = try changes { $0.replacingOccurrences(of: "```tiers POL-001", with: "```kpi POL-001") }
        let blocks = try #require(result.chapters.first?.texts.first?.blocks)
        let html = BlockChange.html(blocks, embedLabel: { $0 == .kpi ? "KPI table" : "Tier table" })
        #expect(html.contains("<span class=\"diff-embed-label\">Tier table</span> <del>POL-001 Target setting</del>"))
        #expect(html.contains("<span class=\"diff-embed-label\">KPI table</span> <ins>POL-001 Target setting</ins>"))
    }
}
