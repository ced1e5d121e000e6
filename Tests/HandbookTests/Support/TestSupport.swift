import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookLoading
@testable import HandbookModel
@testable import HandbookValidation
@testable import HandbookVersions

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The `Fixtures` folder copied into the test bundle.
    static var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    /// The package's root folder, for `content/` and `themes/default`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var defaultTheme: URL { packageRoot.appendingPathComponent("themes/default") }
    static var exampleContent: URL { packageRoot.appendingPathComponent("content") }

    /// The day the fixtures are checked against, so review dates never drift into warnings.
    static let today = CalendarDate(year: 2026, month: 6, day: 1)

    /// A new empty folder, removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// Writes ``content(overlay:)`` into `folder/content` and returns that folder.
    static func makeContent(in folder: URL, overlay: String? = nil) throws -> URL {
        let content = folder.appendingPathComponent("content")
        for (path, data) in try self.content(overlay: overlay).files {
            let file = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        return content
    }

    /// The files of a folder on disk, in memory.
    static func tree(of folder: URL) -> MemoryContentTree {
        let files = FolderListing.files(in: folder).map {
            ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data())
        }
        return MemoryContentTree(files: Dictionary(uniqueKeysWithValues: files), location: folder.path)
    }

    /// The `valid` fixture in memory, with the files of `overlay` (a folder under
    /// `Fixtures/rules/`) laid over it and the paths listed in the overlay's `DELETE` file removed.
    static func content(overlay: String? = nil) throws -> MemoryContentTree {
        var content = tree(of: try fixtures.appendingPathComponent("valid"))
        guard let overlay else { return content }
        let layer = tree(of: try fixtures.appendingPathComponent("rules/\(overlay)"))
        for (path, data) in layer.files where path != "DELETE" && path != "expected.txt" {
            content.files[path] = data
        }
        for path in String(decoding: layer.files["DELETE"] ?? Data(), as: UTF8.self).split(separator: "\n") {
            content.files[String(path)] = nil
        }
        return content
    }

    /// Builds `content` into memory with the default theme; `git` holds its editions.
    static func build(
        _ content: any ContentTree, git: FakeGit = FakeGit(), today: CalendarDate = today, strict: Bool = false,
        into output: MemoryOutput = MemoryOutput()
    ) async throws -> (SiteBuilder.Report, MemoryOutput) {
        let report = try await SiteBuilder(
            options: .init(
                contentDirectory: FakeGit.contentDirectory, content: content, themeDirectory: defaultTheme,
                today: today,
                strict: strict, git: git),
            output: output
        ).build()
        return (report, output)
    }

    /// Builds the content folder `content` into the folder `output` with the default theme;
    /// git is asked only when `git` is given.
    static func build(
        _ content: URL, into output: URL, today: CalendarDate = today, strict: Bool = false,
        git: any GitClient = FakeGit(exists: false)
    ) async throws -> SiteBuilder.Report {
        try await SiteBuilder(
            options: .init(
                contentDirectory: content, themeDirectory: defaultTheme, today: today, strict: strict, git: git),
            output: DiskOutput(outputDirectory: output, protecting: [content, defaultTheme])
        ).build()
    }

    /// The text of a page built into memory.
    static func page(_ path: String, in output: MemoryOutput) throws -> String {
        try #require(output.text(at: path), "no page \(path)")
    }

    /// The text of a built page.
    static func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// What a finished command printed and returned.
    struct CommandResult {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `executable` (a path, or a name looked up on `PATH`) and waits for it.
    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> CommandResult {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the process runs, so that neither fills up and blocks it.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Loads, indexes and validates a content folder.
    static func check(_ content: URL, today: CalendarDate = today) throws -> (HandbookIndex, [Diagnostic]) {
        try ContentCheck(contentDirectory: content, today: today).run()
    }

    /// Loads, indexes and validates content in memory.
    static func check(_ content: any ContentTree, today: CalendarDate = today) throws -> (HandbookIndex, [Diagnostic]) {
        try ContentCheck(content: content, today: today).run()
    }
}
