import Foundation
import Testing

@testable import HandbookMarkdown
@testable import HandbookModel

/// The CommonMark spec's examples rendered by `handbook` and by the `cmark` CLI agree, once the
/// handbook's own additions are taken out (heading anchors, `loading="lazy"`, `rel="noopener"`,
/// HTML5 void tags).
///
/// The examples come from PyPI's `mistletoe` source distribution
/// (`test/specification/commonmark.json`), which `.ci/run` downloads to
/// `.build/commonmark-spec.json`; `COMMONMARK_SPEC` names another copy.
@Suite(.enabled(if: CommonMarkSpec.isAvailableOrRequired))
struct CommonMarkConformanceTests {
    /// Examples where the handbook renders differently on purpose, with the reason.
    static let intendedDifferences: [Int: String] = [:]

    @Test func specExamplesRenderAsCmarkRendersThem() throws {
        let examples = try CommonMarkSpec.examples()
        #expect(examples.count > 600)
        var differences: [Int: String] = [:]
        for example in examples {
            let expected = try CommonMarkSpec.cmark(example.markdown)
            let document = MarkdownParser.parse(MarkdownSource(text: example.markdown, path: "chapters/spec.md"))
            let rendered = HTMLRenderer(allowsRawHTML: false, embedding: AsWritten()).render(document)
            let actual = CommonMarkSpec.withoutHandbookAdditions(rendered)
            if actual != expected {
                differences[example.number] =
                    "markdown: \(example.markdown.debugDescription)\ncmark:    \(expected.debugDescription)\nhandbook: \(actual.debugDescription)"
            }
        }
        let unexpected = differences.filter { Self.intendedDifferences[$0.key] == nil }.sorted { $0.key < $1.key }
        #expect(
            unexpected.isEmpty,
            "\(unexpected.count) examples differ:\n\(unexpected.map { "example \($0.key)\n\($0.value)" }.joined(separator: "\n\n"))"
        )
        let nowEqual = Set(Self.intendedDifferences.keys).subtracting(differences.keys)
        #expect(nowEqual.isEmpty, "examples \(nowEqual.sorted()) now render as cmark does")
    }

    /// Links and directives as written: the spec knows no handbook.
    private struct AsWritten: MarkdownEmbedding {
        func href(for target: LinkTarget) -> String? { nil }
        func html(for directive: Directive) -> String? { nil }
    }
}

enum CommonMarkSpec {
    struct Example: Decodable {
        var markdown: String
        var number: Int

        enum CodingKeys: String, CodingKey {
            case markdown
            case number = "example"
        }
    }

    static var location: URL {
        if let path = ProcessInfo.processInfo.environment["COMMONMARK_SPEC"] { return URL(fileURLWithPath: path) }
        return TestSupport.packageRoot.appendingPathComponent(".build/commonmark-spec.json")
    }

    static var isAvailableOrRequired: Bool {
        FileManager.default.fileExists(atPath: location.path) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static func examples() throws -> [Example] {
        try JSONDecoder().decode([Example].self, from: Data(contentsOf: location))
    }

    /// What the `cmark` CLI makes of `markdown`, in its default (safe) mode.
    static func cmark(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cmark"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `html` without what the handbook adds to cmark's HTML: heading ids and anchor links,
    /// `loading` and `rel` attributes, and with XHTML-style void tags, as cmark writes them.
    static func withoutHandbookAdditions(_ html: String) -> String {
        var text = html
        text = text.replacingOccurrences(
            of: #"<a class="anchor" href="[^"]*" aria-hidden="true" tabindex="-1">#</a>"#, with: "",
            options: .regularExpression)
        text = text.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        text = text.replacingOccurrences(of: " rel=\"noopener\"", with: "")
        text = text.replacingOccurrences(of: " loading=\"lazy\">", with: " />")
        text = text.replacingOccurrences(of: "<hr>", with: "<hr />")
        text = text.replacingOccurrences(of: "<br>", with: "<br />")
        return text
    }
}
