package import HandbookLoading
import HandbookMarkdown
package import HandbookModel

/// A page whose text the search index holds, with its path in the site.
package enum SearchablePage: Sendable {
    case chapter(Chapter, path: String)
    case policy(Policy, path: String)
    case process(PolicyProcess, path: String)
    case role(Role, path: String)
}

/// Cuts every chapter, policy, process and role page into ``SearchSection``s: the page's top,
/// then one section per heading (or per KPI table, tier table, process and step), each with
/// the anchor it is rendered with.
package struct SearchSectionExtractor: Sendable {
    let index: HandbookIndex
    /// UI strings, for the headings of generated sections ("考核指标").
    let strings: [String: String]

    package init(index: HandbookIndex, strings: [String: String]) {
        self.index = index
        self.strings = strings
    }

    /// The sections of every page that has any, in the given order.
    package func sections(of pages: [SearchablePage]) -> [[SearchSection]] {
        pages.map { page -> [SearchSection] in
            switch page {
            case .chapter(let chapter, let path): chapterSections(chapter, path: path)
            case .policy(let policy, let path): policySections(policy, path: path)
            case .process(let process, let path): processSections(process, path: path)
            case .role(let role, let path):
                [SearchSection(url: path, title: role.name, heading: "", text: role.description)]
            }
        }.filter { !$0.isEmpty }
    }

    private func chapterSections(_ chapter: Chapter, path: String) -> [SearchSection] {
        guard let document = index.chapterDocuments[chapter.path] else { return [] }
        return markdownSections(document, path: path, title: chapter.title, top: [])
    }

    private func policySections(_ policy: Policy, path: String) -> [SearchSection] {
        let top = [policy.id.value, policy.summary, roleName(policy.owner.value)]
        var sections =
            index.policyDocuments[policy.path].map {
                markdownSections($0, path: path, title: policy.title, top: top)
            } ?? []
        if !policy.kpis.isEmpty {
            let rows = policy.kpis.map { "\($0.name) \($0.weight.formattedPercent) \($0.target) \($0.measure)" }
            sections.append(
                SearchSection(
                    url: "\(path)#kpis", title: policy.title, heading: string("kpis"),
                    text: rows.joined(separator: "\n")))
        }
        if !policy.tiers.isEmpty {
            let rows = policy.tiers.map {
                "\($0.from.groupedNumber) \($0.to?.groupedNumber ?? "") \($0.rate.formattedPercent)"
            }
            sections.append(
                SearchSection(
                    url: "\(path)#tiers", title: policy.title, heading: string("tiers"),
                    text: ([policy.tiersBasis ?? ""] + rows).joined(separator: "\n")))
        }
        for process in policy.processes {
            sections.append(
                SearchSection(
                    url: "\(path)#\(process.id.value)", title: policy.title, heading: process.title,
                    text: ([process.id.value, process.trigger] + process.steps.map(\.title)).joined(separator: "\n")))
        }
        return sections
    }

    private func processSections(_ process: PolicyProcess, path: String) -> [SearchSection] {
        let top = SearchSection(
            url: path, title: process.title, heading: "",
            text: [process.id.value, process.trigger, roleName(process.owner.value)].joined(separator: "\n"))
        return [top]
            + process.steps.map { step in
                let text =
                    [roleName(step.role.value), step.serviceLevel?.description ?? ""] + step.checklist + step.records
                return SearchSection(
                    url: "\(path)#\(PageAnchors.step(process: process.id.value, step: step.id.value))",
                    title: process.title,
                    heading: step.title, text: text.joined(separator: "\n"))
            }
    }

    /// The top of the page (the text before the first heading, after `top`), then one section
    /// per top-level heading. Directive blocks are left out: what they embed is indexed on its
    /// own page.
    private func markdownSections(_ document: MarkdownDocument, path: String, title: String, top: [String])
        -> [SearchSection]
    {
        var sections = [SearchSection(url: path, title: title, heading: "", text: "")]
        var texts = [top.filter { !$0.isEmpty }]
        for block in document.root.children {
            switch block.kind {
            case .heading(_, let id):
                sections.append(
                    SearchSection(
                        url: "\(path)#\(id)", title: title, heading: block.plainText.trimmingWhitespace(), text: ""))
                texts.append([])
            case .codeBlock(let info, _) where Directive(info: info) != nil:
                continue
            default:
                texts[texts.count - 1].append(block.blockText)
            }
        }
        for position in sections.indices {
            sections[position].text = texts[position].joined(separator: "\n")
        }
        return sections
    }

    private func roleName(_ id: String) -> String {
        index.rolesByID[id]?.name ?? id
    }

    private func string(_ key: String) -> String {
        strings[key] ?? key
    }
}
