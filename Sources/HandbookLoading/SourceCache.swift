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
        /// The file's version when it was read, and the hash of its bytes.
        var signature: FileSignature? = nil
        var hash: String = ""
    }

    /// Markdown parsed with headings kept off reserved anchors: keyed by where it comes from,
    /// its text compared byte for byte (hashing whole chapters would cost more than it saves).
    struct DocumentKey: Hashable {
        let path: String
        let lineOffset: Int
        let columnOffset: Int

        init(_ source: MarkdownSource) {
            path = source.path
            lineOffset = source.lineOffset
            columnOffset = source.columnOffset
        }
    }

    /// A parse and what it was made from. The reserved anchors are compared on a hit rather
    /// than hashed into the key on every look-up, inside the lock.
    private struct Document {
        let text: String
        let reserved: Set<String>
        let document: MarkdownDocument
    }

    private let lock = NSLock()
    private var files = Generations<String, File>()
    private var documents = Generations<DocumentKey, Document>()

    public init() {}

    /// The file at `path` as it was read last time, if its text is still `text`.
    func file(at path: String, text: String) -> File? {
        lock.withLock { files.reuse(path) { $0.text.hasSameBytes(as: text) } }
    }

    /// The file at `path` as it was read last time, if the file system says it is the same
    /// version of the file.
    func file(at path: String, signature: FileSignature) -> File? {
        lock.withLock { files.reuse(path) { $0.signature == signature } }
    }

    func store(_ file: File, at path: String) {
        lock.withLock { files.store(file, at: path) }
    }

    /// `source` parsed with `reserved` kept for other anchors: from last time, or by `parse`.
    func document(
        _ source: MarkdownSource, reserved: Set<String>, parse: (MarkdownSource, Set<String>) -> MarkdownDocument
    ) -> MarkdownDocument {
        let key = DocumentKey(source)
        if let cached = lock.withLock({ documents.reuse(key) { _ in true } }),
            cached.reserved == reserved, cached.text.hasSameBytes(as: source.text)
        {
            return cached.document
        }
        let document = parse(source, reserved)
        lock.withLock { documents.store(Document(text: source.text, reserved: reserved, document: document), at: key) }
        return document
    }

    /// Ends a load: what it did not use is let go.
    package func finishLoad() {
        lock.withLock {
            files.advance()
            documents.advance()
        }
    }
}

/// Entries of the current load, and those of the previous one, which a load takes over when it
/// uses them again.
private struct Generations<Key: Hashable, Value> {
    private var previous: [Key: Value] = [:]
    private var current: [Key: Value] = [:]

    /// The entry at `key` from this load or the previous one, if `isValid`, kept for the next load.
    mutating func reuse(_ key: Key, if isValid: (Value) -> Bool) -> Value? {
        guard let value = current[key] ?? previous[key], isValid(value) else { return nil }
        current[key] = value
        return value
    }

    mutating func store(_ value: Value, at key: Key) {
        current[key] = value
    }

    mutating func advance() {
        previous = current
        current = [:]
    }
}
