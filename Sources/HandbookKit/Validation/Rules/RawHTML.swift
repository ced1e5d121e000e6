/// Raw HTML in Markdown is dropped unless `handbook.yaml` allows it; say so where it is written.
struct RawHTML: ValidationRule {
    func check(_ index: HandbookIndex, context: ValidationContext) -> [Diagnostic] {
        guard !index.handbook.config.allowsRawHTML else { return [] }
        let documents = Array(index.chapterDocuments.values) + Array(index.policyDocuments.values)
        return documents.flatMap { document in
            document.nodes(where: \.isRawHTML).map {
                .warning(
                    at: $0.location, "raw HTML is not rendered", rule: "raw-html",
                    hint: "use Markdown instead, or set 'allow_raw_html: true' in handbook.yaml")
            }
        }
    }
}

extension MarkdownNode {
    fileprivate var isRawHTML: Bool {
        switch kind {
        case .htmlBlock, .htmlInline: true
        default: false
        }
    }
}
