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

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Loads, indexes and validates a content folder.
    static func check(_ content: URL, today: CalendarDate = today) throws -> (HandbookIndex, [Diagnostic]) {
        try ContentCheck(contentDirectory: content, today: today).run()
    }
}
