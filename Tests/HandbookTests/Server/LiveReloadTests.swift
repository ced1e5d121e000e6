import Testing

@testable import HandbookServer

/// What an open page hears: the problems as they stand when it connects, then every report, in
/// the order the rebuilds made them, on one stream.
@Suite struct LiveReloadTests {
    @Test func aPageHearsTheCurrentProblemsFirstThenLaterReportsInOrder() async throws {
        let live = LiveReload()
        live.report(#"{"errors":["old"],"warnings":[]}"#)
        var events = live.events(missed: ["chapters/a.html"]).makeAsyncIterator()
        live.report(#"{"errors":[],"warnings":[]}"#)
        live.close()
        var chunks: [String] = []
        while let chunk = await events.next() { chunks.append(chunk) }
        #expect(chunks.first?.hasPrefix(":") == true, "a comment opens the stream")
        #expect(
            Array(chunks.dropFirst()) == [
                "event: problems\ndata: {\"errors\":[\"old\"],\"warnings\":[]}\n\n",
                "event: change\ndata: {\"paths\":[\"chapters\\/a.html\"]}\n\n",
                "event: problems\ndata: {\"errors\":[],\"warnings\":[]}\n\n",
            ], "\(chunks)")
    }
}
