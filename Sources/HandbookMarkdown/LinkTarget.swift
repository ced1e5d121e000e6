import Foundation

/// What a Markdown link points at, before it becomes a URL.
///
/// Links are written the way an author thinks of them: another chapter's file
/// (`02-process.md#anchor`), a policy by id (`policy:SALES-POL-003`), a process or a role by id
/// (`process:SALES-PROC-001`, `role:sales-manager`), or an ordinary web address.
public enum LinkTarget: Sendable, Hashable {
    case external(String)
    /// `#anchor` on the same page.
    case fragment(String)
    /// A chapter file, as a path relative to the content folder.
    case chapter(path: String, anchor: String?)
    case policy(id: String, anchor: String?)
    case process(id: String, anchor: String?)
    case role(id: String, anchor: String?)
    /// A file of the content folder's `files/` (a form, an image), as a path relative to the
    /// content folder: published under the same path in the site.
    case file(path: String, anchor: String?)
    /// A page of the site by its path (`../roles/index.html`), relative to the content folder:
    /// what the address leads to from the source file's page.
    case page(path: String, anchor: String?)
    /// Any other relative address, left as written: one that leads out of the content folder,
    /// or to something the site does not publish.
    case relative(String)

    /// Classifies a link destination written in the file at `sourcePath` (relative to the
    /// content folder).
    public init(destination: String, sourcePath: String) {
        guard !destination.isEmpty else {
            // `[a]()`: an empty address, written as such, as cmark does.
            self = .external("")
            return
        }
        let (address, anchor) = LinkTarget.splitAnchor(destination)
        for (scheme, make) in LinkTarget.idSchemes where address.hasPrefix(scheme) {
            self = make(String(address.dropFirst(scheme.count)), anchor)
            return
        }
        if address.isEmpty {
            self = .fragment(anchor ?? "")
        } else if LinkTarget.hasScheme(address) || address.hasPrefix("//") || address.hasPrefix("/") {
            self = .external(destination)
        } else if let resolved = LinkTarget.resolve(address, from: sourcePath) {
            if address.hasSuffix(".md") || address.hasSuffix(".markdown") {
                self = .chapter(path: resolved, anchor: anchor)
            } else if resolved.hasPrefix("files/") {
                self = .file(path: resolved.removingPercentEncodingIfPossible, anchor: anchor)
            } else if resolved.hasSuffix(".html") {
                self = .page(path: resolved, anchor: anchor)
            } else {
                self = .relative(destination)
            }
        } else {
            self = .relative(destination)
        }
    }

    private static let idSchemes: [(String, @Sendable (String, String?) -> LinkTarget)] = [
        ("policy:", { .policy(id: $0, anchor: $1) }),
        ("process:", { .process(id: $0, anchor: $1) }),
        ("role:", { .role(id: $0, anchor: $1) }),
    ]

    private static func splitAnchor(_ destination: String) -> (String, String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        let anchor = String(destination[destination.utf8.index(after: hash)...])
        return (String(destination[..<hash]), anchor.removingPercentEncodingIfPossible)
    }

    private static func hasScheme(_ address: String) -> Bool {
        guard let colon = address.firstIndex(of: ":") else { return false }
        let scheme = address[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `relative` resolved against the folder of `sourcePath`, with `.` and `..` removed; nil
    /// when it leads out of the content folder.
    package static func resolve(_ relative: String, from sourcePath: String) -> String? {
        // Split on the bytes of `/`: paths are split for every link of a handbook, and splitting
        // by Character would break graphemes first.
        func parts(_ path: String) -> [Substring] {
            path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        }
        var components = Array(parts(sourcePath).dropLast())
        for part in parts(relative) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }
}

extension String {
    fileprivate var removingPercentEncodingIfPossible: String {
        removingPercentEncoding ?? self
    }
}
