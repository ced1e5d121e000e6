import Foundation
import HandbookModel

/// Parts of pages kept from one build to the next (`handbook serve`): each chapter's body in the
/// print version, rendered again only when its Markdown or anything else it can show changed.
package final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    /// What every cached part was rendered with, besides its own source.
    private var context = ""
    private var printBodies: [String: (text: String, html: String)] = [:]

    package init() {}

    /// The print body of the chapter at `path`, whose Markdown is `text`, in `context`: the last
    /// build's when both are the same, otherwise `render`'s.
    func printBody(path: String, text: String, context: String, render: () -> String) -> String {
        let cached = lock.withLock {
            if self.context != context {
                self.context = context
                printBodies = [:]
            }
            return printBodies[path]
        }
        if let cached, cached.text.hasSameBytes(as: text) { return cached.html }
        let html = render()
        lock.withLock { printBodies[path] = (text, html) }
        return html
    }
}
