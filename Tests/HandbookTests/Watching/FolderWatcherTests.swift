import Foundation
import Synchronization
import Testing

@testable import HandbookWatching

/// The folder watcher against real files: one batch per burst, editor saves, deletions, new
/// folders, a content folder that disappears and comes back, and silence when nothing changes.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FolderWatcherTests {
    /// Longer than the watcher's default, so that a busy machine running other suites does not
    /// split a burst.
    private static let quietPeriod = Duration.milliseconds(400)

    /// The batches a watcher reported so far.
    private final class Batches: Sendable {
        private let received = Mutex<[Set<String>]>([])
        var all: [Set<String>] { received.withLock { $0 } }
        func append(_ batch: Set<String>) { received.withLock { $0.append(batch) } }
    }

    /// Watches a new `content` folder (and `theme` as `theme/`) while `body` changes files.
    private func watching(
        _ body: (_ content: URL, _ theme: URL, _ batches: Batches) async throws -> Void
    ) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = folder.appendingPathComponent("content")
            let theme = folder.appendingPathComponent("theme")
            for path in ["chapters/a.md", "chapters/b.md", "handbook.yaml"] {
                try TestSupport.write("x\n", to: content.appendingPathComponent(path))
            }
            try TestSupport.write("t\n", to: theme.appendingPathComponent("templates/layout.mustache"))
            let watcher = try FolderWatcher(
                roots: [.init(directory: content), .init(directory: theme, prefix: "theme/")],
                quietPeriod: Self.quietPeriod)
            let batches = Batches()
            let reader = Task {
                for await batch in watcher.changes { batches.append(batch) }
            }
            defer {
                watcher.stop()
                reader.cancel()
            }
            try await body(content, theme, batches)
        }
    }

    /// Waits until `batches` holds `count` batches, or five seconds.
    private func settle(_ batches: Batches, count: Int = 1) async throws {
        for _ in 0..<100 where batches.all.count < count {
            try await Task.sleep(for: .milliseconds(50))
        }
        // Longer than the quiet period, so that a second batch would have arrived.
        try await Task.sleep(for: Self.quietPeriod * 2)
    }

    @Test func anEditorSaveIsOneBatchNamingTheFile() async throws {
        try await watching { content, _, batches in
            let temporary = content.appendingPathComponent("chapters/.a.md.swp")
            try "new text\n".write(to: temporary, atomically: false, encoding: .utf8)
            #expect(rename(temporary.path, content.appendingPathComponent("chapters/a.md").path) == 0)
            try await settle(batches)
            #expect(batches.all.count == 1)
            #expect(batches.all.first?.contains("chapters/a.md") == true, "\(batches.all)")
        }
    }

    /// `sed -i` writes `sedXXXXXX` beside the file and renames it over the file: both are files,
    /// which no name tells from a folder; only a folder's path ends with `/`.
    @Test func aSaveThroughATemporaryFileWithoutExtensionNamesFilesOnly() async throws {
        try await watching { content, _, batches in
            let temporary = content.appendingPathComponent("chapters/sedAb12Cd")
            try "new text\n".write(to: temporary, atomically: false, encoding: .utf8)
            #expect(rename(temporary.path, content.appendingPathComponent("chapters/a.md").path) == 0)
            try FileManager.default.createDirectory(
                at: content.appendingPathComponent("chapters/old"), withIntermediateDirectories: true)
            try await settle(batches)
            try FileManager.default.removeItem(at: content.appendingPathComponent("chapters/old"))
            try await settle(batches, count: batches.all.count + 1)
            let changed = batches.all.reduce(into: Set<String>()) { $0.formUnion($1) }
            #expect(changed.contains("chapters/a.md"), "\(changed)")
            #expect(changed.filter { $0.hasSuffix("/") } == ["chapters/old/"], "\(changed)")
        }
    }

    @Test func aDeletedFileIsReported() async throws {
        try await watching { content, _, batches in
            try FileManager.default.removeItem(at: content.appendingPathComponent("chapters/b.md"))
            try await settle(batches)
            // The theme's template is the fixture's last write before the watch begins; on a
            // loaded CI machine it has once been reported beside the deletion.
            let reported = batches.all.reduce(into: Set<String>()) { $0.formUnion($1) }
            #expect(reported.subtracting(["theme/templates/layout.mustache"]) == ["chapters/b.md"], "\(batches.all)")
        }
    }

    @Test func aBurstOfAHundredFilesIsOneBatch() async throws {
        try await watching { content, _, batches in
            for number in 0..<100 {
                try "c\n".write(
                    to: content.appendingPathComponent("chapters/n\(number).md"), atomically: false, encoding: .utf8)
            }
            try await settle(batches)
            #expect(batches.all.count == 1)
            #expect(batches.all.first?.count == 100)
        }
    }

    @Test func filesOfANewFolderAndOfTheThemeAreReportedWithTheirPrefix() async throws {
        try await watching { content, theme, batches in
            try TestSupport.write("p\n", to: content.appendingPathComponent("policies/sales/p.yaml"))
            try "u\n".write(
                to: theme.appendingPathComponent("templates/layout.mustache"), atomically: true, encoding: .utf8)
            try await settle(batches)
            let changed = batches.all.reduce(into: Set<String>()) { $0.formUnion($1) }
            #expect(changed.contains("policies/sales/p.yaml"), "\(changed)")
            #expect(changed.contains("theme/templates/layout.mustache"), "\(changed)")
            // A file written into the new folder after it is watched is seen too.
            try "q\n".write(
                to: content.appendingPathComponent("policies/sales/q.yaml"), atomically: false, encoding: .utf8)
            try await settle(batches, count: batches.all.count + 1)
            #expect(batches.all.last?.contains("policies/sales/q.yaml") == true, "\(batches.all)")
        }
    }

    @Test func aContentFolderThatDisappearsAndComesBackIsWatchedAgain() async throws {
        try await watching { content, _, batches in
            let aside = content.deletingLastPathComponent().appendingPathComponent("aside")
            try FileManager.default.moveItem(at: content, to: aside)
            try await settle(batches)
            #expect(batches.all.last?.contains("") == true, "the whole root: \(batches.all)")
            try FileManager.default.moveItem(at: aside, to: content)
            try await settle(batches, count: batches.all.count + 1)
            #expect(batches.all.last?.contains("") == true, "\(batches.all)")
            let before = batches.all.count
            try "again\n".write(to: content.appendingPathComponent("chapters/a.md"), atomically: false, encoding: .utf8)
            try await settle(batches, count: before + 1)
            #expect(batches.all.last?.contains("chapters/a.md") == true, "\(batches.all)")
        }
    }

    @Test func nothingIsReportedWhenNothingChanges() async throws {
        try await watching { _, _, batches in
            try await Task.sleep(for: Self.quietPeriod * 2)
            #expect(batches.all.isEmpty)
        }
    }

    @Test func stoppingEndsTheChanges() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let watcher = try FolderWatcher(roots: [.init(directory: folder)])
            let reader = Task {
                var count = 0
                for await _ in watcher.changes { count += 1 }
                return count
            }
            watcher.stop()
            #expect(await reader.value == 0)
        }
    }
}
