import Foundation
public import Hummingbird
import ServiceLifecycle

/// The routes of the preview server: every `GET` and `HEAD` answered
/// from a ``ServedSite``, with the content type of the file's extension, entity tags and
/// modification times for conditional requests, and the site's own 404 page.
public enum SiteRouter {
    /// The routes of `site`, with those of the live-reload script and its events (which carry
    /// the problems of the last check) under `/__handbook/`.
    public static func make(site: ServedSite) -> Router<BasicRequestContext> {
        make(site: site, live: LiveReload())
    }

    static func make(site: ServedSite, live: LiveReload) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(stringLiteral: "/" + LiveReloadScript.path)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: ContentTypes.of("live.js"), .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(stringLiteral: "/" + LiveReloadScript.eventsPath)) { request, _ in
            // A page that connects later than it loaded hears at once what changed meanwhile.
            let since = request.uri.queryParameters["since"].flatMap { Double(String($0)) }
            let missed = since.map { site.paths(changedAfter: Date(timeIntervalSince1970: $0 / 1000)) } ?? []
            let events = live.events(missed: Set(missed))
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    // Open until the page goes away or the server shuts down, which waits for
                    // every response to end.
                    try await withGracefulShutdownHandler {
                        for await chunk in events { try await writer.write(ByteBuffer(string: chunk)) }
                    } onGracefulShutdown: {
                        live.close()
                    }
                    try await writer.finish(nil)
                })
        }
        for path: RouterPath in ["/", "**"] {
            router.get(path) { request, _ in response(to: request, from: site) }
            // The headers of a GET, without its body.
            router.head(path) { request, _ in
                var response = response(to: request, from: site)
                let length = response.body.contentLength
                response.body = ResponseBody(contentLength: length) { _ in }
                return response
            }
        }
        return router
    }

    static func response(to request: Request, from site: ServedSite) -> Response {
        guard case .file(let path) = SitePath(requestPath: request.uri.path) else {
            return notFound(from: site, status: .badRequest)
        }
        guard let file = site.file(at: path) else {
            // A folder named without its final slash: send the browser there, so that the
            // page's relative links resolve.
            if site.file(at: path + "/index.html") != nil {
                return Response(status: .movedPermanently, headers: [.location: request.uri.path + "/"])
            }
            return notFound(from: site, status: .notFound)
        }
        var headers: HTTPFields = [
            .contentType: ContentTypes.of(path), .eTag: file.entityTag,
            .lastModified: HTTPDate.format(file.modified), .cacheControl: "no-cache",
        ]
        if isFresh(file, for: request) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.contents.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.contents)))
    }

    /// Whether the browser's copy is current: its entity tag matches, or, without one, the file
    /// has not changed since the time it names.
    private static func isFresh(_ file: ServedSite.File, for request: Request) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            return tags == "*"
                || tags.split(separator: ",").contains {
                    let tag = $0.trimmingCharacters(in: .whitespaces)
                    return (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == file.entityTag
                }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return file.modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    /// The site's 404 page with `status`; before a first good build, a page that shows the
    /// problems and reloads once the site exists.
    private static func notFound(from site: ServedSite, status: HTTPResponse.Status) -> Response {
        guard let page = site.file(at: "404.html") else {
            let waiting =
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>handbook serve</title></head>"
                + "<body><p>handbook serve: no site yet.</p>\(LiveReloadScript.tag)</body></html>\n"
            return Response(
                status: status, headers: [.contentType: ContentTypes.of("404.html"), .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: waiting)))
        }
        return Response(
            status: status, headers: [.contentType: ContentTypes.of("404.html"), .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.contents)))
    }
}

/// Content types by file extension, as static servers send them; text as UTF-8.
enum ContentTypes {
    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json", "xml": "application/xml",
        "txt": "text/plain; charset=utf-8", "ics": "text/calendar; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "ico": "image/vnd.microsoft.icon", "pdf": "application/pdf", "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf", "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "yaml": "application/yaml", "zip": "application/zip",
        "docx":
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]

    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}

/// Dates as HTTP writes them: `Tue, 01 Dec 2026 10:00:00 GMT`.
enum HTTPDate {
    private static let style = Date.VerbatimFormatStyle(
        format:
            "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!,
        calendar: Calendar(identifier: .gregorian))

    static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: style.parseStrategy)
    }
}
