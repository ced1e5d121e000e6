/// Where each page of the site lives, and how one page links to another.
///
/// Every page is a `.html` file and every link is relative, so the site works from any folder
/// of a web server and straight from disk (`file://`).
public enum SiteRoutes {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let rolesIndex = "roles/index.html"
    public static let search = "search.html"
    public static let checklists = "checklists.html"
    public static let printVersion = "print.html"
    public static let changes = "changes.html"
    /// Every policy by the date of its next review.
    public static let reviews = "reviews.html"
    /// The review dates of every policy, as an iCalendar file.
    public static let reviewCalendar = "reviews.ics"

    public static func chapter(_ chapter: Chapter) -> String { self.chapter(id: chapter.id.value) }
    public static func chapter(id: String) -> String { "chapters/\(slug(id)).html" }
    public static func policy(id: String) -> String { "policies/\(slug(id)).html" }
    public static func process(id: String) -> String { "processes/\(slug(id)).html" }
    public static func role(id: String) -> String { "roles/\(slug(id)).html" }
    public static func onboarding(role id: String) -> String { "onboarding/\(slug(id)).html" }
    public static func history(policy id: String) -> String { "history/\(slug(id)).html" }
    public static func area(id: String) -> String { "areas/\(slug(id)).html" }
    /// The review dates of the policies a role owns, as an iCalendar file.
    public static func reviewCalendar(role id: String) -> String { "roles/\(slug(id)).ics" }

    /// A file name made of an id: lower-cased, with anything but letters, digits, `-` and `_`
    /// replaced by `-`.
    public static func slug(_ id: String) -> String {
        // Most ids are already slugs; every page's links are made of them.
        if id.utf8.allSatisfy(isSlugByte) { return id }
        return String(id.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// A lower-case ASCII letter, a digit, `-` or `_`.
    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// The prefix that leads from the page at `path` back to the site's root folder.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.count { $0 == "/" })
    }
}
