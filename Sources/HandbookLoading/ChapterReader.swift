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
        guard let document = YAMLDocument.parse(frontMatter, path: path, lineOffset: 1, sink: sink),
            let fields = YAMLMapping.from(
                document.root, format: SourceFormat.chapter, subject: "front matter", path: path, lineOffset: 1,
                lines: [],
                sink: sink, at: start)
        else { return nil }
        let chapter = Chapter(
            id: fields.identifier() ?? Located("", at: fields.location),
            title: fields.string("title")?.value ?? "",
            area: fields.string("area") ?? Located("", at: fields.location),
            order: fields.int("order") ?? 0,
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
        // Lines are split only as far as the closing line; the body is the rest of the text.
        var remainder = Substring(text)
        var frontMatter: [Substring] = []
        var number = 0
        while !remainder.isEmpty || number == 0 {
            let end = remainder.unicodeScalars.firstIndex(of: "\n") ?? remainder.endIndex
            var line = Substring(remainder.unicodeScalars[..<end])
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            remainder =
                end < remainder.endIndex
                ? Substring(remainder.unicodeScalars[remainder.unicodeScalars.index(after: end)...]) : ""
            number += 1
            if number == 1 {
                if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
                guard line.trimmingTrailingSpace == "---" else { return nil }
                continue
            }
            let trimmed = line.trimmingTrailingSpace
            if trimmed == "---" || trimmed == "..." {
                // Bodies are handed on with `\n` line ends, as the lines they were split into.
                let body =
                    remainder.utf8.contains(UInt8(ascii: "\r"))
                    ? SourceText.lines(String(remainder)).joined(separator: "\n") : String(remainder)
                return (frontMatter.joined(separator: "\n"), body, number + 1)
            }
            frontMatter.append(line)
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
