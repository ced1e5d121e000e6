import Foundation
import Testing

@testable import HandbookKit

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
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Copies the `valid` fixture into `folder`, then lays the files of `overlay` (a folder under
    /// `Fixtures/rules/`) over it and removes the paths listed in the overlay's `DELETE` file.
    static func makeContent(in folder: URL, overlay: String? = nil) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: try fixtures.appendingPathComponent("valid"), to: content)
        guard let overlay else { return content }
        let overlayRoot = try fixtures.appendingPathComponent("rules/\(overlay)")
        let enumerator = try #require(FileManager.default.enumerator(atPath: overlayRoot.path))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let source = overlayRoot.appendingPathComponent(relative)
            FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue, relative != "DELETE", relative != "expected.txt" else { continue }
            let destination = content.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: source, to: destination)
        }
        if let deletions = try? String(contentsOf: overlayRoot.appendingPathComponent("DELETE"), encoding: .utf8) {
            for path in deletions.split(separator: "\n") {
                try FileManager.default.removeItem(at: content.appendingPathComponent(String(path)))
            }
        }
        return content
    }

    /// Builds `content` into `output` with the default theme.
    static func build(
        _ content: URL, into output: URL, today: CalendarDate = today, strict: Bool = false
    ) throws -> SiteBuilder.Report {
        try SiteBuilder(
            options: .init(
                contentDirectory: content, themeDirectory: defaultTheme, outputDirectory: output, today: today,
                strict: strict)
        ).build()
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
}
