import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// Raw HTML in Markdown is dropped unless `handbook.yaml` allows it; say so where it is written.
struct RawHTML: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        guard !index.handbook.config.allowsRawHTML else { return [] }
        let documents = Array(index.chapterDocuments.values) + Array(index.policyDocuments.values)
        return documents.flatMap { document in
            // One warning per line: an element's opening and closing tags are separate nodes.
            var seenLines: Set<Int> = []
            return document.rawHTML.filter { seenLines.insert($0.location.line).inserted }.map {
                Diagnostic.warning(
                    at: $0.location, "raw HTML is not rendered", rule: "raw-html",
                    hint: "use Markdown instead, or set 'allow_raw_html: true' in handbook.yaml")
            }
        }
    }
}
