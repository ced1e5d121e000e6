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
        case .chapter(let path, let anchor):
            guard let chapter = index.chaptersByPath[path] else { return nil }
            return views.url(SiteRoutes.chapter(chapter)) + (anchor.map { "#" + $0 } ?? "")
        case .policy(let id, let anchor):
            guard index.policiesByID[id] != nil else { return nil }
            return views.url(SiteRoutes.policy(id: id)) + (anchor.map { "#" + $0 } ?? "")
        case .process(let id):
            return index.processesByID[id] == nil ? nil : views.url(SiteRoutes.process(id: id))
        case .role(let id):
            return index.rolesByID[id] == nil ? nil : views.url(SiteRoutes.role(id: id))
        }
    }

    func html(for directive: Directive) -> String? {
        let index = views.index
        switch directive.kind {
        case .process:
            return index.processesByID[directive.argument].map {
                theme.render(views.process($0), template: "embed-process")
            }
        case .kpi:
            return index.policiesByID[directive.argument].flatMap(views.kpiTable).map {
                theme.render($0, template: "embed-kpis")
            }
        case .tiers:
            return index.policiesByID[directive.argument].flatMap(views.tierTable).map {
                theme.render($0, template: "embed-tiers")
            }
        }
    }
}
