import Foundation

/// The path of a file of the site that a request's URL path names, decoded once and never
/// outside the site.
enum SitePath: Equatable {
    /// A file of the site, such as `chapters/a.html`; `index.html` of a folder for `…/`.
    case file(String)
    /// A path that tries to leave the site or cannot name a file: `..`, `.`, a backslash, an
    /// encoded `/`, a NUL or a broken percent escape.
    case invalid

    /// Resolves the raw (still percent-encoded) path of a request's URL.
    init(requestPath raw: String) {
        // An encoded slash would make one segment look like two once decoded.
        guard !raw.lowercased().contains("%2f"), let decoded = raw.removingPercentEncoding,
            !decoded.contains("\\"), !decoded.contains("\u{0}")
        else {
            self = .invalid
            return
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard decoded.hasPrefix("/"), !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            self = .invalid
            return
        }
        let path = segments.filter { !$0.isEmpty }.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") {
            self = .file(path.isEmpty ? "index.html" : path + "/index.html")
        } else {
            self = .file(path)
        }
    }
}
