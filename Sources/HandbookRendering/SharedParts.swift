internal import Mustache

/// Parts of pages that read the same on every page of a folder, rendered by their template the
/// first time a page shows them and reused by the pages after it, as Hugo's `partialCached`
/// keeps a partial by its arguments.
///
/// A process's steps (`process-steps`) are shown on its page, wherever it is embedded, in every
/// onboarding pack it belongs to and in the checklist booklet: at 5,000 chapters, rendering them
/// again on each was most of the time the onboarding packs took. Its map, shown on its page, its
/// policy's page and the print version, has no links at all.
struct SharedParts: Sendable {
    let theme: Theme
    private let rendered = RenderedOnce()

    init(theme: Theme) {
        self.theme = theme
    }

    /// `process-steps` rendered with `process` and, below it, `page.site`: all the partial may
    /// read (docs/theming.md), so the same at every page of the folder `views` builds for.
    func steps(of process: ProcessView, views: ViewFactory) -> String {
        rendered.html("process-steps\n\(process.id)\n\(views.root)\n\(views.assets)") {
            let site = views.site()
            return theme.render(
                PartContext(view: process, page: EmbedContext.Chrome(site: site)), template: "process-steps", site: site
            )
        }
    }

    /// The swimlane map of the process `id`, which has no links and reads the same on every page:
    /// drawn once, from `map`.
    func map(of id: String, _ map: () -> ProcessMap) -> String {
        rendered.html("process-map\n\(id)") { map().svg() }
    }
}

/// The context a shared part is rendered with: its view, and under it a page with only the site.
struct PartContext<View: MustacheParent & Sendable>: MustacheParent, Sendable {
    let view: View
    let page: EmbedContext.Chrome

    /// The view's values first, then the page: as if the page were under the view on the stack.
    func child(named name: String) -> Any? {
        view.child(named: name) ?? (name == "page" ? MustacheView(page) : nil)
    }
}

/// HTML rendered where a template shows it, and only there.
struct LazyHTML: MustacheCustomRenderable, Sendable {
    let html: @Sendable () -> String

    var renderText: String { html() }
    var isNull: Bool { false }
}
