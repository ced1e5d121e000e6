import Foundation
import HandbookBuild
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
        let output = MemoryOutput()
        let first = try await SiteBuilder(options: options(content), output: output).build(
            remembering: true, since: nil)
        let memory = try #require(first.memory)
        edit.apply(&content)
        let rebuilt = try await SiteBuilder(options: options(content), output: output)
            .build(remembering: true, since: (memory, edit.files))
        let (_, full) = try await TestSupport.build(content)
        #expect(rebuilt.pagesWritten != nil && rebuilt.diagnostics.isEmpty, "\(rebuilt.diagnostics)")
        #expect(Set(output.files.keys) == Set(full.files.keys))
        for (path, data) in full.files where output.files[path] != data {
            Issue.record("\(path) differs from a full build")
        }
        if edit.name == "a chapter's text" {
            #expect(rebuilt.pagesRendered < 5, "\(rebuilt.pagesRendered) pages rendered for one chapter's text")
        }
    }

    private func options(_ content: MemoryContentTree) -> SiteBuilder.Options {
        .init(
            contentDirectory: FakeGit.contentDirectory, content: content, themeDirectory: TestSupport.defaultTheme,
            today: TestSupport.today, git: FakeGit())
    }
}
