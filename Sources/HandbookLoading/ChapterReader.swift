import HandbookModel

/// Reads one Markdown chapter: its YAML front matter and its body.
struct ChapterReader {
    let path: String
    let text: String

    func read(sink: DiagnosticSink) -> Chapter? {
        let start = SourceLocation(path: path)
        guard let (frontMatter, body, bodyLine) = split() else {
            sink.error(
                at: start, "chapter has no front matter", rule: "missing-front-matter",
                hint: "start the file with '---', the id, title, area and order, then '---'")
            return nil
        }
        guard let node = YAMLDocument.parse(frontMatter, path: path, lineOffset: 1, sink: sink),
            let fields = YAMLMapping.from(
                node, subject: "front matter", path: path, lineOffset: 1, lines: [], sink: sink, at: start)
        else { return nil }
        let chapter = Chapter(
            id: fields.identifier() ?? Located("", at: fields.location),
            title: fields.string("title")?.value ?? "",
            area: fields.string("area") ?? Located("", at: fields.location),
            order: fields.int("order", required: false) ?? 0,
            related: fields.strings("related"),
            body: MarkdownSource(text: body, path: path, lineOffset: bodyLine - 1),
            path: path
        )
        fields.finish()
        return chapter
    }

    /// The front matter between the opening and closing `---` lines, the body after it, and the
    /// body's first line number.
    private func split() -> (String, String, Int)? {
        var lines = SourceText.lines(text)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        guard lines.first?.trimmingTrailingSpace == "---",
            let closing = lines.dropFirst().firstIndex(where: {
                $0.trimmingTrailingSpace == "---" || $0.trimmingTrailingSpace == "..."
            })
        else { return nil }
        let frontMatter = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return (frontMatter, body, closing + 2)
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
