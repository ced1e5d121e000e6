import Foundation
public import HandbookMarkdown
public import HandbookModel

/// What loading read and parsed, kept from one load to the next (for `handbook serve`): a
/// source file whose text is unchanged is not parsed again, and neither is unchanged Markdown.
///
/// Entries are looked up among those the previous load used and kept for the next one when used
/// again, so that the cache holds one handbook's worth, however long the server runs.
public final class SourceCache: @unchecked Sendable {
    /// A source file as its reader left it.
    struct File {
        let text: String
        let chapter: Chapter?
        let policy: Policy?
        let diagnostics: [Diagnostic]
    }

    /// Markdown parsed with headings kept off `reserved` anchors: keyed by where it comes from,
    /// its text compared byte for byte (hashing whole chapters would cost more than it saves).
    struct DocumentKey: Hashable {
        let path: String
        let lineOffset: Int
        let columnOffset: Int
        let reserved: Set<String>

        init(_ source: MarkdownSource, reserved: Set<String>) {
            path = source.path
            lineOffset = source.lineOffset
            columnOffset = source.columnOffset
            self.reserved = reserved
        }
    }

    private struct Document {
        let text: String
        let document: MarkdownDocument
    }

    private let lock = NSLock()
    private var previousFiles: [String: File] = [:]
    private var files: [String: File] = [:]
    private var previousDocuments: [DocumentKey: Document] = [:]
    private var documents: [DocumentKey: Document] = [:]

    public init() {}

    /// The file at `path` as it was read last time, if its text is still `text`.
    func file(at path: String, text: String) -> File? {
        lock.withLock {
            guard let file = previousFiles[path], file.text.hasSameBytes(as: text) else { return nil }
            files[path] = file
            return file
        }
    }

    func store(_ file: File, at path: String) {
        lock.withLock { files[path] = file }
    }

    /// `source` parsed with `reserved` kept for other anchors: from last time, or by `parse`.
    func document(
        _ source: MarkdownSource, reserved: Set<String>, parse: (MarkdownSource, Set<String>) -> MarkdownDocument
    ) -> MarkdownDocument {
        let key = DocumentKey(source, reserved: reserved)
        let cached = lock.withLock { documents[key] ?? previousDocuments[key] }
        if let cached, cached.text.hasSameBytes(as: source.text) {
            lock.withLock { documents[key] = cached }
            return cached.document
        }
        let document = parse(source, reserved)
        lock.withLock { documents[key] = Document(text: source.text, document: document) }
        return document
    }

    /// Ends a load: what it did not use is let go.
    package func finishLoad() {
        lock.withLock {
            previousFiles = files
            files = [:]
            previousDocuments = documents
            documents = [:]
        }
    }
}
