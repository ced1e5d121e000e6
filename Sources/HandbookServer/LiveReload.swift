import Foundation
import HandbookLoading
import HandbookModel
import Synchronization

/// What the preview server tells open pages, as server-sent events: which files a rebuild
/// changed (`change`) and the problems of the last check (`problems`).
final class LiveReload: Sendable {
    private struct Clients {
        var next = 0
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
        var closed = false
    }

    private let clients = Mutex(Clients())
    /// The `problems` event's data as last sent, for pages opened later.
    private let problems = Mutex("{\"errors\":[],\"warnings\":[]}")

    /// The events for one open page, as `text/event-stream` chunks, until it goes away: first the
    /// problems of the last check and a `change` of the `missed` paths, if any, then what later
    /// rebuilds report. One ordered stream, so that a page never shows older problems after
    /// newer ones (a separate request for the problems could be answered before a rebuild's
    /// report and read after it).
    func events(missed: Set<String> = []) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = clients.withLock { clients -> Int? in
            guard !clients.closed else { return nil }
            // Before the page is registered, under the lock that every report's broadcast takes:
            // a later report reaches the page after these.
            // A comment first, so that the browser knows the stream is open.
            continuation.yield(": handbook serve\n\n")
            continuation.yield("event: problems\ndata: \(problems.withLock { $0 })\n\n")
            if !missed.isEmpty, let chunk = Self.chunk("change", ["paths": missed.sorted()]) {
                continuation.yield(chunk)
            }
            let id = clients.next
            clients.next += 1
            clients.continuations[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.clients.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every page's events, so that the server can shut down.
    func close() {
        let open = clients.withLock { clients in
            clients.closed = true
            return Array(clients.continuations.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Tells every page that `paths` of the site changed.
    func changed(_ paths: Set<String>) {
        send("change", ["paths": paths.sorted()])
    }

    /// Tells every page the problems of the last check, and keeps them for pages opened later.
    func report(_ json: String) {
        problems.withLock { $0 = json }
        broadcast("event: problems\ndata: \(json)\n\n")
    }

    private func send(_ event: String, _ data: [String: Any]) {
        if let chunk = Self.chunk(event, data) { broadcast(chunk) }
    }

    private static func chunk(_ event: String, _ data: [String: Any]) -> String? {
        guard let json = try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]) else { return nil }
        return "event: \(event)\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
    }

    private func broadcast(_ chunk: String) {
        for continuation in clients.withLock({ Array($0.continuations.values) }) { continuation.yield(chunk) }
    }
}

/// The diagnostics of a check as the page overlay shows them: each with its source line.
struct ProblemReport: Encodable {
    /// A diagnostic as `--format json` writes it, with its source line.
    struct Problem: Encodable {
        let diagnostic: DiagnosticFormatter.Entry
        /// The source line the problem is on, for the caret.
        let source: String?

        private enum CodingKeys: String, CodingKey { case source }

        func encode(to encoder: any Encoder) throws {
            try diagnostic.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(source, forKey: .source)
        }
    }

    let errors: [Problem]
    let warnings: [Problem]
    /// The overlay's labels, in the theme's language.
    let labels: [String: String]

    init(_ diagnostics: [Diagnostic], contentDirectory: URL, labels: [String: String]) {
        var sources: [String: [Substring]] = [:]
        func line(_ number: Int, of path: String) -> String? {
            if sources[path] == nil {
                let text =
                    (try? String(contentsOf: contentDirectory.appendingPathComponent(path), encoding: .utf8)) ?? ""
                sources[path] = SourceText.lines(text)
            }
            guard let lines = sources[path], number >= 1, number <= lines.count else { return nil }
            return String(lines[number - 1])
        }
        let problems = diagnostics.map { diagnostic in
            Problem(
                diagnostic: DiagnosticFormatter.Entry(diagnostic),
                source: diagnostic.location.line > 0
                    ? line(diagnostic.location.line, of: diagnostic.location.path) : nil)
        }
        errors = problems.filter { $0.diagnostic.severity == "error" }
        warnings = problems.filter { $0.diagnostic.severity == "warning" }
        self.labels = labels
    }

    /// A build that stopped before checking, with what stopped it (an unreadable theme, say),
    /// which names no source and no rule of its own.
    init(failure: String, labels: [String: String]) {
        errors = [
            Problem(
                diagnostic: .init(
                    path: "", line: 0, column: 0, severity: "error", message: failure, rule: "", hint: nil),
                source: nil)
        ]
        warnings = []
        self.labels = labels
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
