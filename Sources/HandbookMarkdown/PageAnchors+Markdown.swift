public import HandbookModel

extension PageAnchors {
    /// Anchors that embedded processes add to a Markdown page: one per step.
    public static func embedded(in document: MarkdownDocument, processes: [String: PolicyProcess]) -> [String] {
        embeddedProcesses(in: document, processes: processes).flatMap { process in
            process.steps.map { step(process: process.id.value, step: $0.id.value) }
        }
    }

    /// Every element id that embedded processes put on a page: steps and checklist items, which
    /// headings must not take.
    package static func embeddedElementIDs(in document: MarkdownDocument, processes: [String: PolicyProcess])
        -> Set<String>
    {
        var ids: Set<String> = []
        for process in embeddedProcesses(in: document, processes: processes) {
            for step in process.steps {
                let anchor = self.step(process: process.id.value, step: step.id.value)
                ids.insert(anchor)
                for number in step.checklist.indices { ids.insert(checklistItem(step: anchor, number: number + 1)) }
            }
        }
        return ids
    }

    private static func embeddedProcesses(in document: MarkdownDocument, processes: [String: PolicyProcess])
        -> [PolicyProcess]
    {
        document.codeBlocks.compactMap { node in
            guard case .codeBlock(let info, _) = node.kind, let directive = Directive(info: info),
                directive.kind == .process
            else { return nil }
            return processes[directive.argument]
        }
    }
}
