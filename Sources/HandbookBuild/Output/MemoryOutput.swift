public import Foundation
public import HandbookModel
import Synchronization

/// Keeps the built site in memory: for tests, and for a server that serves what it built.
public final class MemoryOutput: SiteOutput {
    private let site = Mutex<[String: Data]>([:])

    public init() {}

    /// Every file of the site, by path.
    public var files: [String: Data] { site.withLock { $0 } }

    /// The text of the file at `path`, if there is one.
    public func text(at path: String) -> String? {
        existingFile(at: path).map { String(decoding: $0, as: UTF8.self) }
    }

    public func begin() throws -> any SiteWriter {
        Writer(output: self)
    }

    /// Collects a build's files and swaps them in.
    private final class Writer: SiteWriter {
        let output: MemoryOutput
        private var files: [String: Data] = [:]
        private var register = PathRegister()

        init(output: MemoryOutput) {
            self.output = output
        }

        func add(_ files: [OutputFile]) throws {
            try register.register(files)
            for file in files { self.files[file.path] = file.contents }
        }

        func add(copyOf source: URL, at path: String) throws {
            try add([OutputFile(path: path, contents: try Data(contentsOf: source))])
        }

        func commit() throws {
            let files = self.files
            output.site.withLock { $0 = files }
        }

        func discard() {
            files = [:]
        }
    }

    public func existingFile(at path: String) -> Data? {
        site.withLock { $0[path] }
    }

    public func existingFiles(under folder: String) -> [String] {
        site.withLock { $0.keys.filter { $0.hasPrefix(folder) }.sorted() }
    }
}
