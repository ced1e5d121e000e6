import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// The print version of the handbook: every chapter and policy on one page, in reading order.
///
/// Each document's ids are prefixed (`chapter-targets--…`, `policy-sales-pol-001--…`; heading
/// slugs never hold `--`) so that they stay unique on the shared page, and links between
/// documents become links within it.
struct PrintVersion: Sendable {
    let index: HandbookIndex
    let views: ViewFactory
    let theme: Theme
    let plan: SitePlan

    static func chapterAnchor(_ id: String) -> String { "chapter-\(SiteRoutes.slug(id))" }
    static func policyPrefix(_ id: String) -> String { "policy-\(SiteRoutes.slug(id))--" }
    static func chapterPrefix(_ id: String) -> String { chapterAnchor(id) + "--" }

    /// The chapters; with a cache, a chapter's body is rendered again only when its Markdown or
    /// ``context`` changed.
    func chapters(cache: RenderCache? = nil) -> [PrintChapterView] {
        let context = cache.map { _ in self.context }
        return plan.pages.concurrentMap { page -> PrintChapterView? in
            guard case .chapter(let chapter) = page.content, let document = index.chapterDocuments[chapter.path] else {
                return nil
            }
            func body() -> String { renderer(prefix: Self.chapterPrefix(chapter.id.value)).render(document) }
            return PrintChapterView(
                anchor: Self.chapterAnchor(chapter.id.value), title: chapter.title, area: page.area?.title ?? "",
                body: cache.map { cache in
                    cache.printBody(path: chapter.path, text: chapter.body.text, context: context ?? "", render: body)
                } ?? body())
        }.compactMap { $0 }
    }

    /// Everything a chapter's print body can show besides its own Markdown: the theme, the day,
    /// the settings, roles and policies (whose processes and tables it can embed), and each
    /// chapter's id, title, place and anchors (which links to it become).
    private var context: String {
        let handbook = index.handbook
        let settings = ["handbook.yaml", "roles.yaml"] + handbook.policies.map(\.path)
        let chapters = handbook.chapters.map { chapter in
            let anchors = index.chapterDocuments[chapter.path]?.headings.map(\.id) ?? []
            return [chapter.path, chapter.id.value, chapter.title, chapter.area.value, String(chapter.order)]
                .joined(separator: "\t") + "\t" + anchors.joined(separator: " ")
        }
        return ContentHash.of(
            ([theme.fingerprint, views.root, String(describing: views.today)]
                + settings.map { "\($0) \(handbook.sourceHashes[$0] ?? "")" } + chapters)
                .joined(separator: "\n"))
    }

    func policies() -> [PolicyView] {
        plan.pages.concurrentMap { page -> PolicyView? in
            guard case .policy(let policy) = page.content else { return nil }
            let prefix = Self.policyPrefix(policy.id.value)
            let document = index.policyDocuments[policy.path]
            return views.policy(
                policy, body: document.map(renderer(prefix: prefix).render) ?? "", hasTasks: false, anchorPrefix: prefix
            )
        }.compactMap { $0 }
    }

    private func renderer(prefix: String) -> HTMLRenderer {
        HTMLRenderer(
            allowsRawHTML: index.handbook.config.allowsRawHTML,
            embedding: Embedding(views: views, theme: theme, prefix: prefix), anchorPrefix: prefix)
    }

    /// Links and embeds within the print page.
    private struct Embedding: MarkdownEmbedding {
        let views: ViewFactory
        let theme: Theme
        /// The prefix of the document being rendered, for its `#anchor` links.
        let prefix: String

        func href(for target: LinkTarget) -> String? {
            let index = views.index
            switch target {
            case .external, .relative, .process, .role, .file, .page:
                // Not on the print page: links go where they go from any page.
                return PageEmbedding(views: views, theme: theme).href(for: target)
            case .fragment(let anchor):
                return "#" + prefix + anchor
            case .chapter(let path, let anchor):
                guard let chapter = index.chaptersByPath[path] else { return nil }
                return "#"
                    + (anchor.map { PrintVersion.chapterPrefix(chapter.id.value) + $0 }
                        ?? PrintVersion.chapterAnchor(chapter.id.value))
            case .policy(let id, let anchor):
                guard index.policiesByID[id] != nil else { return nil }
                return "#" + PrintVersion.policyPrefix(id) + (anchor ?? "top")
            }
        }

        /// Processes print as plain lists (ids and checkboxes belong to their own pages);
        /// KPI and tier tables as on any page.
        func html(for directive: Directive) -> String? {
            if directive.kind == .process {
                return views.index.processesByID[directive.argument].map {
                    theme.render(
                        EmbedContext(page: .init(site: views.site()), process: views.process($0)),
                        template: "print-process", site: views.site())
                }
            }
            return PageEmbedding(views: views, theme: theme).html(for: directive)
        }
    }
}
