import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// Markdown nested deeper than the renderer keeps (block quotes in block quotes, lists in
/// lists …) is flattened; say where, since the page will not look as written.
struct NestingDepth: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        let documents = Array(index.chapterDocuments.values) + Array(index.policyDocuments.values)
        return documents.compactMap { document in
            document.flattenedAt.map {
                .warning(
                    at: $0,
                    "Markdown is nested more than \(MarkdownParser.maximumDepth) levels deep; deeper levels are flattened",
                    rule: "nesting-depth", hint: "split the deeply nested block quote or list")
            }
        }
    }
}
