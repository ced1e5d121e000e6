/// A part of a page that search can lead to: a page's top, or one of its headed sections.
public struct SearchSection: Sendable, Hashable {
    /// The page's path plus `#anchor`, relative to the site root.
    public var url: String
    /// The page's title.
    public var title: String
    /// The section's heading; empty for the top of a page.
    public var heading: String
    /// The section's text, without markup.
    public var text: String

    /// Whether the section is the top of its page, which carries the page title for ranking.
    public var isPageTop: Bool { heading.isEmpty }
}
