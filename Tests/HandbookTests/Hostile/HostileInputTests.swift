import Foundation
import HandbookBuild
import Testing

@testable import HandbookModel

/// Hostile sources: each is named by a diagnostic at its file, nothing outside the content folder
/// is read or published, and a build that fails leaves the previous site byte for byte as it was.
@Suite struct HostileInputTests {
    /// A hostile change to the valid fixture and the diagnostics it must give, as `rule path`.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: Data]
        var expected: Set<String>
        var strict = false

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "an empty policy file", files: ["policies/empty.yaml": Data()],
            expected: ["missing-field policies/empty.yaml"]),
        Case(
            name: "a chapter of nothing", files: ["chapters/09-empty.md": Data()],
            expected: ["missing-front-matter chapters/09-empty.md"]),
        Case(
            name: "empty front matter", files: ["chapters/09-empty.md": Data("---\n---\nText.\n".utf8)],
            expected: ["missing-field chapters/09-empty.md"]),
        Case(
            name: "a chapter that is not UTF-8",
            files: ["chapters/09-latin1.md": Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0xFF, 0x0A])],
            expected: ["yaml-syntax chapters/09-latin1.md"]),
        Case(
            name: "YAML aliases that expand to millions of values",
            files: ["policies/bomb.yaml": Data(aliasBomb.utf8)], expected: ["yaml-syntax policies/bomb.yaml"]),
        Case(
            name: "YAML nested ten thousand deep",
            files: ["policies/deep.yaml": Data(("a: " + String(repeating: "[", count: 10_000)).utf8)],
            expected: ["yaml-syntax policies/deep.yaml"]),
        Case(
            name: "duplicate keys", files: ["policies/twice.yaml": Data("id: A\nid: B\n".utf8)],
            expected: ["yaml-syntax policies/twice.yaml"]),
        Case(
            name: "a file over the size limit",
            files: [
                "chapters/09-long.md": Data(
                    ("---\nid: long\ntitle: Long\narea: process\n---\n" + String(repeating: "长文。", count: 2_000_000))
                        .utf8)
            ],
            expected: ["file-too-large chapters/09-long.md"]),
        Case(
            name: "links out of the content folder",
            files: [
                "chapters/09-links.md": Data(
                    "---\nid: links\ntitle: Links\narea: process\n---\n[x](../../../../etc/passwd) ![y](../../../etc/hosts)\n"
                        .utf8)
            ],
            expected: ["broken-link chapters/09-links.md"]),
        Case(
            name: "unsafe addresses, under --strict",
            files: [
                "chapters/09-unsafe.md": Data(
                    "---\nid: unsafe\ntitle: Unsafe\narea: process\n---\n[x](javascript:alert(1)) ![y](file:///etc/passwd)\n"
                        .utf8)
            ],
            expected: ["unsafe-url chapters/09-unsafe.md"], strict: true),
    ]

    static let aliasBomb: String = {
        let step = "s: &s {id: x, title: t, role: rep, sla: 1d, checklist: [a]}\n"
        let process =
            "p: &p {id: p, title: t, owner: rep, trigger: t, steps: ["
            + Array(repeating: "*s", count: 2_000).joined(separator: ",") + "]}\n"
        return step + process + "processes: [" + Array(repeating: "*p", count: 2_000).joined(separator: ",") + "]\n"
    }()

    @Test(arguments: cases)
    func isNamedAndLeavesTheSiteAsItWas(_ hostile: Case) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let site = folder.appendingPathComponent("public")
            let first = try await TestSupport.build(content, into: site)
            try #require(first.pagesWritten != nil)
            let before = Self.snapshot(of: site)

            for (path, data) in hostile.files {
                let file = content.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            let report = try await TestSupport.build(content, into: site, strict: hostile.strict)
            #expect(report.pagesWritten == nil, "the build went through")
            let found = Set(report.diagnostics.map { "\($0.rule) \($0.location.path)" })
            #expect(hostile.expected.isSubset(of: found), "\(DiagnosticFormatter.text(report.diagnostics))")
            #expect(Self.snapshot(of: site) == before, "the previous site changed")
        }
    }

    @Test func nothingFromOutsideTheContentFolderIsReadOrPublished() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let site = folder.appendingPathComponent("public")
            try #require(try await TestSupport.build(content, into: site).pagesWritten != nil)
            let before = Self.snapshot(of: site)

            let outside = folder.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            let secret = "SECRET-\(UUID().uuidString)"
            let chapter = "---\nid: leak\ntitle: Leak\narea: process\n---\n\n\(secret)\n"
            try Data(chapter.utf8).write(to: outside.appendingPathComponent("chapter.md"))
            try Data("id: LEAK\ntitle: \(secret)\n".utf8).write(to: outside.appendingPathComponent("policy.yaml"))
            let links = [
                ("chapters/09-leak.md", "chapter.md"), ("policies/leak.yaml", "policy.yaml"),
                ("files/leak.txt", "chapter.md"),
            ]
            for (link, target) in links {
                try FileManager.default.createDirectory(
                    at: content.appendingPathComponent(link).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(
                    at: content.appendingPathComponent(link), withDestinationURL: outside.appendingPathComponent(target)
                )
            }
            // A link to a file inside the content folder is fine.
            try FileManager.default.createSymbolicLink(
                at: content.appendingPathComponent("files/settings.yaml"),
                withDestinationURL: content.appendingPathComponent("handbook.yaml"))

            let report = try await TestSupport.build(content, into: site)
            let outsideContent = report.diagnostics.filter { $0.rule == "outside-content" }
            #expect(Set(outsideContent.map(\.location.path)) == Set(links.map(\.0)))
            #expect(outsideContent.allSatisfy { $0.message.contains("outside the content folder") })
            #expect(report.pagesWritten == nil)
            #expect(Self.snapshot(of: site) == before)

            // Without the links, the site builds, and no page carries the secret.
            for (link, _) in links { try FileManager.default.removeItem(at: content.appendingPathComponent(link)) }
            try #require(try await TestSupport.build(content, into: site).pagesWritten != nil)
            for (path, data) in Self.snapshot(of: site) {
                #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(path) holds the secret")
            }
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("files/settings.yaml").path))
        }
    }

    @Test func aThemeFileFromOutsideTheThemeFolderStopsTheBuild() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let theme = folder.appendingPathComponent("theme/assets")
            try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.css"))
            try FileManager.default.createSymbolicLink(
                at: theme.appendingPathComponent("site.css"),
                withDestinationURL: folder.appendingPathComponent("secret.css"))
            let site = folder.appendingPathComponent("public")
            await #expect {
                try await SiteBuilder(
                    options: .init(
                        contentDirectory: content, themeDirectory: theme.deletingLastPathComponent(),
                        today: TestSupport.today, git: FakeGit(exists: false)),
                    output: DiskOutput(outputDirectory: site, protecting: [content])
                ).build()
            } throws: { error in
                "\(error)".contains("theme/assets/site.css: error: a symbolic link to")
                    && "\(error)".contains("[outside-content]")
            }
            #expect(!FileManager.default.fileExists(atPath: site.path))
        }
    }

    /// Every file below `folder`, by path.
    static func snapshot(of folder: URL) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: FolderListing.files(in: folder).map {
                ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data())
            })
    }
}
