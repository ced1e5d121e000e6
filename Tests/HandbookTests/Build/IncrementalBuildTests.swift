import Foundation
import HandbookBuild
import HandbookVersions
import Testing

@testable import HandbookLoading

/// A rebuild that starts from the previous build's memory renders only what the changes reach,
/// and leaves exactly the site a full build of the changed sources writes.
@Suite struct IncrementalBuildTests {
    /// An edit of the fixture handbook: the files it changes and how.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let files: Set<String>
        /// Sources the first build already has, besides the fixture's.
        var before: [String: String] = [:]
        let apply: @Sendable (inout MemoryContentTree) -> Void
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "a chapter's text", files: ["chapters/02-process.md"]) {
            $0[text: "chapters/02-process.md"]! += "\nOne more paragraph about prospects.\n"
        },
        Edit(name: "a policy's title", files: ["policies/targets.yaml"]) {
            $0[text: "policies/targets.yaml"] = $0[text: "policies/targets.yaml"]!
                .replacingOccurrences(of: "title: Target setting", with: "title: Targets and quotas")
        },
        Edit(name: "a role's name", files: ["roles.yaml"]) {
            $0[text: "roles.yaml"] = $0[text: "roles.yaml"]!
                .replacingOccurrences(of: "name: Sales Rep", with: "name: Account Executive")
        },
        Edit(name: "a new chapter", files: ["chapters/03-faq.md"]) {
            $0[text: "chapters/03-faq.md"] = "---\nid: faq\ntitle: Questions\narea: process\norder: 2\n---\n\nAsk.\n"
        },
        Edit(
            name: "a deleted chapter", files: ["chapters/03-faq.md"],
            before: ["chapters/03-faq.md": "---\nid: faq\ntitle: Questions\narea: process\norder: 2\n---\n\nAsk.\n"]
        ) {
            $0.files["chapters/03-faq.md"] = nil
        },
    ]

    @Test(arguments: edits)
    func leavesTheSiteAFullBuildWrites(edit: Edit) async throws {
        var content = try TestSupport.content()
        for (path, text) in edit.before { content[text: path] = text }
        let rebuilt = try await rebuild(content, after: edit)
        #expect(rebuilt.diagnostics.isEmpty, "\(rebuilt.diagnostics)")
        if edit.name == "a chapter's text" {
            #expect(rebuilt.pagesRendered < 5, "\(rebuilt.pagesRendered) pages rendered for one chapter's text")
        }
    }

    /// Edits of a handbook large enough that each page's sidebar shows only part of its area.
    static let largeEdits: [Edit] = [
        Edit(name: "a chapter's title", files: ["chapters/0150-chapter.md"]) {
            $0[text: "chapters/0150-chapter.md"] = $0[text: "chapters/0150-chapter.md"]!
                .replacingOccurrences(of: "title: 第 150 章", with: "title: 改名的第 150 章")
        },
        Edit(name: "a chapter's text", files: ["chapters/0150-chapter.md"]) {
            $0[text: "chapters/0150-chapter.md"]! += "\n再补充一段关于客户回访的说明。\n"
        },
        Edit(name: "a chapter's place", files: ["chapters/0150-chapter.md"]) {
            $0[text: "chapters/0150-chapter.md"] = $0[text: "chapters/0150-chapter.md"]!
                .replacingOccurrences(of: "order: 150", with: "order: 3")
        },
        Edit(name: "a chapter moved to another area", files: ["chapters/0150-chapter.md"]) {
            let area = GeneratedHandbook.areas[150 % GeneratedHandbook.areas.count]
            $0[text: "chapters/0150-chapter.md"] = $0[text: "chapters/0150-chapter.md"]!
                .replacingOccurrences(of: "area: \(area)", with: "area: \(GeneratedHandbook.areas[0])")
        },
    ]

    @Test(arguments: largeEdits)
    func leavesTheSiteAFullBuildWritesInALargeHandbook(edit: Edit) async throws {
        let rebuilt = try await rebuild(GeneratedHandbook.content(chapters: 300), after: edit)
        if edit.name == "a chapter's title" {
            // The chapter, the pages whose sidebar or pager shows it, its area's page, the home
            // page and the print version: not the other areas.
            #expect(rebuilt.pagesRendered < 40, "\(rebuilt.pagesRendered) pages rendered for one title")
        }
    }

    /// With a tagged edition beside the working tree, as `handbook serve` in a repository: the
    /// edition's pages under `v/<tag>/`, its version switcher and changes page stay as a full
    /// build writes them.
    @Test(arguments: edits.prefix(2))
    func leavesTheSiteAFullBuildWritesBesideATaggedEdition(edit: Edit) async throws {
        let content = try TestSupport.content()
        var git = FakeGit()
        git.editions.append(
            .init(tag: GitTag(name: "v1.0", commit: "c1", date: "2026-01-05T10:00:00+08:00"), files: content.files))
        // A changed policy whose version stays is a warning here, not a failure.
        _ = try await rebuild(content, after: edit, git: git)
    }

    /// Builds `content`, then rebuilds it after `edit` from the first build's memory, and
    /// expects the site a full build of the edited content writes.
    private func rebuild(_ content: MemoryContentTree, after edit: Edit, git: FakeGit = FakeGit()) async throws
        -> SiteBuilder.Report
    {
        var content = content
        let output = MemoryOutput()
        let first = try await SiteBuilder(options: options(content, git: git), output: output).build(
            remembering: true, since: nil)
        let memory = try #require(first.memory)
        edit.apply(&content)
        let rebuilt = try await SiteBuilder(options: options(content, git: git), output: output)
            .build(remembering: true, since: (memory, edit.files))
        let (_, full) = try await TestSupport.build(content, git: git)
        #expect(rebuilt.pagesWritten != nil)
        #expect(Set(output.files.keys) == Set(full.files.keys))
        for (path, data) in full.files where output.files[path] != data {
            Issue.record("\(path) differs from a full build")
        }
        return rebuilt
    }

    private func options(_ content: MemoryContentTree, git: FakeGit = FakeGit()) -> SiteBuilder.Options {
        .init(
            contentDirectory: FakeGit.contentDirectory, content: content, themeDirectory: TestSupport.defaultTheme,
            today: TestSupport.today, git: git)
    }
}
