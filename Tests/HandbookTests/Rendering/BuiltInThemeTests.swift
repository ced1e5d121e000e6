import Foundation
import HandbookBuild
import HandbookLoading
import Testing

@testable import HandbookModel
@testable import HandbookRendering

/// The default theme inside the binary, and theme folders that change it file by file.
@Suite struct BuiltInThemeTests {
    /// The build embeds `themes/default` as it is: no file left out, none stale.
    @Test func builtInThemeIsThemesDefault() throws {
        let folder = TestSupport.defaultTheme
        let files = FolderListing.files(in: folder)
        #expect(Set(files) == Set(Theme.builtInFiles.keys))
        for path in files {
            #expect(
                FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
                    == Theme.builtInFiles[path], "\(path)")
        }
    }

    @Test func aThemeFolderChangesOnlyWhatItHolds() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
            try Data("body { color: teal; }\n".utf8).write(to: folder.appendingPathComponent("assets/style.css"))
            try Data("home: Start\n".utf8).write(to: folder.appendingPathComponent("i18n/en.yaml"))
            let theme = try Theme.load(from: folder, language: .english)
            let builtIn = try Theme.load(from: nil, language: .english)
            #expect(theme.strings["home"] == "Start")
            #expect(theme.strings["search"] == builtIn.strings["search"], "the other strings stay")
            let assets = Dictionary(uniqueKeysWithValues: theme.assetFiles().map { ($0.path, $0.contents) })
            #expect(assets["assets/style.css"] == Data("body{color:teal;}".utf8), "the folder's stylesheet, compacted")
            let script = try #require(Theme.builtInFiles["assets/search.js"])
            #expect(
                assets["assets/search.js"]
                    == Data(AssetCompactor.compact(String(decoding: script, as: UTF8.self), path: "search.js").utf8))
            #expect(theme.fingerprint != builtIn.fingerprint, "a changed string changes the fingerprint")
        }
    }

    @Test func aTemplateOfTheFolderReplacesTheBuiltInOne() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try Data("<nav class=\"custom-pager\">{{#next}}{{title}}{{/next}}</nav>\n".utf8)
                .write(to: folder.appendingPathComponent("templates/pager.mustache"))
            let content = try TestSupport.content()
            let (index, _) = try TestSupport.check(content)
            let theme = try Theme.load(from: folder, language: index.handbook.config.language)
            let pages = SiteRenderer(index: index, theme: theme, today: TestSupport.today).render()
            let chapter = try #require(pages.first { $0.path == "chapters/targets.html" })
            let html = String(decoding: chapter.contents, as: UTF8.self)
            #expect(html.contains("custom-pager"))
            #expect(html.contains("site-header"), "the layout is still the built-in one")
        }
    }

    @Test func aMissingFolderIsNamed() {
        #expect(throws: Theme.Failure.self) {
            try Theme.load(from: URL(fileURLWithPath: "/nonexistent/theme"), language: .english)
        }
    }

    /// English has a singular unit for an amount of one.
    @Test func timeLimitsOfOneAreSingular() async throws {
        var content = try TestSupport.content()
        content[text: "policies/sales/process.yaml"] = content[text: "policies/sales/process.yaml"]!
            .replacingOccurrences(of: "sla: 3d", with: "sla: 1d")
        let (_, output) = try await TestSupport.build(content)
        let page = try #require(output.text(at: "processes/proc-001.html"))
        #expect(page.contains("1 day<") && !page.contains("1 days"))
    }
}
