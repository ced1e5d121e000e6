import Foundation
import HandbookMarkdown
package import HandbookModel
package import HandbookVersions
import Mustache

/// `versions.json` (the editions, for tools and scripts) and `changes.xml` (an Atom feed of
/// what changed in each edition).
package struct EditionFeeds: Sendable {
    let history: EditionHistory
    let theme: Theme
    let config: HandbookConfig
    let today: CalendarDate

    package init(history: EditionHistory, theme: Theme, config: HandbookConfig, today: CalendarDate) {
        self.history = history
        self.theme = theme
        self.config = config
        self.today = today
    }

    /// Both files; none for a site without tagged editions.
    package func files() -> [OutputFile] {
        guard history.editions.count > 1 else { return [] }
        return [
            OutputFile(path: "versions.json", contents: versions()),
            OutputFile(path: "changes.xml", contents: Data(atom().utf8)),
        ]
    }

    private struct Versions: Encodable {
        struct Entry: Encodable {
            let name: String
            let path: String
            let latest: Bool
            let commit: String
            let date: String
        }
        let editions: [Entry]
    }

    private func versions() -> Data {
        let versions = Versions(
            editions: history.editions.map { edition in
                Versions.Entry(
                    name: edition.name, path: edition.folder, latest: edition.isLatest,
                    commit: edition.tag?.commit ?? "",
                    date: edition.tag?.date ?? "")
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and booleans cannot fail.
        return ((try? encoder.encode(versions)) ?? Data()) + Data("\n".utf8)
    }

    private struct Feed {
        struct Entry {
            let title: String
            let id: String
            let url: String
            let updated: String
            /// The changes as an HTML list, which the template escapes once more for Atom's
            /// `type="html"`.
            let html: String
        }
        let title: String
        let selfURL: String
        let updated: String
        let author: String
        let entries: [Entry]
    }

    private func atom() -> String {
        let entries = history.editions.enumerated().compactMap { position, edition -> Feed.Entry? in
            guard let changes = history.changes[position], !changes.isEmpty else { return nil }
            let url = config.baseURL + edition.folder + SiteRoutes.changes
            let summary = changes.all.map { change in
                "<li>"
                    + [theme.string("change_\(change.kind.rawValue)"), change.id, change.title]
                    .map { HTMLEscaping.text($0) }.joined(separator: " ") + "</li>"
            }.joined()
            // A tagged edition's page is permanent; the working tree's entry is named by its
            // content, so that it stays one entry until what it says changes.
            return Feed.Entry(
                title: edition.name, id: edition.tag == nil ? url + "#" + ContentHash.of(summary) : url, url: url,
                updated: edition.tag.map { String($0.date.prefix(10)) } ?? today.description,
                html: "<ul>" + summary + "</ul>")
        }
        let feed = Feed(
            title: "\(config.title) · \(theme.string("changes_title"))", selfURL: config.baseURL + "changes.xml",
            updated: today.description, author: config.title, entries: entries)
        return BuiltInTemplates.render(feed, template: "atom")
    }
}
