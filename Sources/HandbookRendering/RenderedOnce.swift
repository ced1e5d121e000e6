import Synchronization

/// Parts of pages kept for one build by what they are made from, rendered the first time a page
/// asks and reused by the pages after it, as Hugo's `partialCached` keeps a partial by its
/// arguments: the site header per folder depth, sidebar entries per depth, a process's steps.
final class RenderedOnce: Sendable {
    /// One part: rendered under its own lock, so that pages asking for it at the same time (the
    /// onboarding packs list the same processes in the same order) wait for one rendering.
    private final class Part: Sendable {
        let html = Mutex<String?>(nil)
    }

    private let parts = Mutex<[String: Part]>([:])

    /// The part made from `key`, rendered by `render` unless an earlier page had it.
    func html(_ key: String, render: () -> String) -> String {
        let part = parts.withLock { parts in
            if let part = parts[key] { return part }
            let part = Part()
            parts[key] = part
            return part
        }
        return part.html.withLock { html in
            if let html { return html }
            let rendered = render()
            html = rendered
            return rendered
        }
    }
}
