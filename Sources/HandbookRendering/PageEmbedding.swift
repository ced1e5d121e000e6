import HandbookLoading
import HandbookMarkdown
import HandbookModel

/// Resolves links and directives in Markdown for one page of the site.
struct PageEmbedding: MarkdownEmbedding {
    let views: ViewFactory
    let theme: Theme

    func href(for target: LinkTarget) -> String? {
        let index = views.index
        switch target {
        case .external, .relative:
            return nil
        case .fragment(let anchor):
            return "#" + anchor
        case .file(let path, let anchor):
            return views.fileURL(path).map { $0 + (anchor.map { "#" + $0 } ?? "") }
        case .page(let path, let anchor):
            return views.url(path) + (anchor.map { "#" + $0 } ?? "")
        case .chapter(let path, let anchor):
            guard let chapter = index.chaptersByPath[path] else { return nil }
            return views.url(SiteRoutes.chapter(chapter)) + (anchor.map { "#" + $0 } ?? "")
        case .policy(let id, let anchor):
            guard index.policiesByID[id] != nil else { return nil }
            return views.url(SiteRoutes.policy(id: id)) + (anchor.map { "#" + $0 } ?? "")
        case .process(let id, let anchor):
            guard index.processesByID[id] != nil else { return nil }
            return views.url(SiteRoutes.process(id: id)) + (anchor.map { "#" + $0 } ?? "")
        case .role(let id, let anchor):
            guard index.rolesByID[id] != nil else { return nil }
            return views.url(SiteRoutes.role(id: id)) + (anchor.map { "#" + $0 } ?? "")
        }
    }

    func html(for directive: Directive) -> String? {
        let index = views.index
        var context = EmbedContext(page: .init(site: views.site()))
        switch directive.kind {
        case .process, .processMap:
            guard let process = index.processesByID[directive.argument] else { return nil }
            context.process = views.process(process)
        case .kpi:
            guard let table = index.policiesByID[directive.argument].flatMap(views.kpiTable) else { return nil }
            context.kpis = table
        case .tiers:
            guard let table = index.policiesByID[directive.argument].flatMap(views.tierTable) else { return nil }
            context.tiers = table
        }
        return theme.render(context, template: "embed-\(directive.kind.rawValue)", site: context.page.site)
    }
}
