import Synchronization

/// Parts of pages kept for one build by what they are made from, rendered the first time a page
/// asks and reused by the pages after it, as Hugo's `partialCached` keeps a partial by its
/// arguments: the site header per folder depth, and sidebar entries per depth.
final class RenderedOnce: Sendable {
    private let rendered = Mutex<[String: String]>([:])

    /// The part made from `key`, rendered by `render` unless an earlier page had it.
    func html(_ key: String, render: () -> String) -> String {
        if let known = rendered.withLock({ $0[key] }) { return known }
        let html = render()
        rendered.withLock { $0[key] = html }
        return html
    }
}
