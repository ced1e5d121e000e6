import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HandbookServer

/// The preview server's HTTP, without a live server: content types, the site's 404 page,
/// conditional requests, `HEAD`, folders, and paths that try to leave the site.
@Suite struct SiteRouterTests {
    private static let files: [String: String] = [
        "index.html": "<h1>首页</h1>", "chapters/a.html": "<p>a</p>", "roles/index.html": "<p>roles</p>",
        "assets/style.css": "body{}", "assets/search.js": "1;", "search/manifest.js": "2;",
        "versions.json": "{}", "sitemap.xml": "<urlset/>", "files/form.pdf": "%PDF", "images/map.svg": "<svg/>",
        "fonts/a.woff2": "w", "404.html": "<h1>找不到页面</h1>", "reviews.ics": "BEGIN:VCALENDAR",
    ]

    private func withClient(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let site = ServedSite()
        site.replace(with: Self.files.mapValues { Data($0.utf8) })
        let app = Application(router: SiteRouter.make(site: site))
        try await app.test(.router, test)
    }

    @Test(arguments: [
        ("/", "text/html; charset=utf-8", "<h1>首页</h1>"),
        ("/chapters/a.html", "text/html; charset=utf-8", "<p>a</p>"),
        ("/roles/", "text/html; charset=utf-8", "<p>roles</p>"),
        ("/assets/style.css", "text/css; charset=utf-8", "body{}"),
        ("/assets/search.js", "text/javascript; charset=utf-8", "1;"),
        ("/versions.json", "application/json", "{}"),
        ("/sitemap.xml", "application/xml", "<urlset/>"),
        ("/files/form.pdf", "application/pdf", "%PDF"),
        ("/images/map.svg", "image/svg+xml", "<svg/>"),
        ("/fonts/a.woff2", "font/woff2", "w"),
        ("/reviews.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR"),
        ("/chapters/%61.html", "text/html; charset=utf-8", "<p>a</p>"),
    ])
    func servesEachFileWithItsContentType(path: String, type: String, body: String) async throws {
        try await withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(String(buffer: response.body) == body)
                #expect(response.headers[.eTag] != nil)
                #expect(response.headers[.lastModified]?.hasSuffix(" GMT") == true)
            }
        }
    }

    @Test func answersAnUnknownPathWithTheSitesNotFoundPage() async throws {
        try await withClient { client in
            try await client.execute(uri: "/chapters/missing.html", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == "<h1>找不到页面</h1>")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/chapters/../../etc/passwd", "/%2e%2e/etc/passwd", "/chapters/%2E%2E/%2e%2e/etc/passwd",
        "/chapters%2f..%2f..%2fetc%2fpasswd", "/chapters/..%5c..%5cetc%5cpasswd", "/chapters\\a.html", "/./index.html",
        "/%00index.html", "/%zz",
    ])
    func refusesPathsThatTryToLeaveTheSite(path: String) async throws {
        try await withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .badRequest || response.status == .notFound, "\(path)")
                #expect(!String(buffer: response.body).contains("root:"))
            }
        }
    }

    @Test func answersAConditionalRequestForAnUnchangedFileWithNotModified() async throws {
        try await withClient { client in
            let (tag, modified) = try await client.execute(uri: "/chapters/a.html", method: .get) { response in
                (response.headers[.eTag] ?? "", response.headers[.lastModified] ?? "")
            }
            try await client.execute(uri: "/chapters/a.html", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/chapters/a.html", method: .get, headers: [.ifNoneMatch: "\"other\""]) {
                response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/chapters/a.html", method: .get, headers: [.ifModifiedSince: modified]) {
                response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test func answersHeadWithTheHeadersAlone() async throws {
        try await withClient { client in
            try await client.execute(uri: "/assets/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.contentLength] == "6")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func sendsAFolderNamedWithoutItsSlashToTheFolder() async throws {
        try await withClient { client in
            try await client.execute(uri: "/roles", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/roles/")
            }
        }
    }

    @Test func aChangedFileGetsANewTagAndAnUnchangedOneKeepsItsTime() {
        let site = ServedSite()
        site.replace(with: ["a": Data("1".utf8), "b": Data("2".utf8)], at: Date(timeIntervalSince1970: 1000))
        let before = (site.file(at: "a"), site.file(at: "b"))
        site.replace(with: ["a": Data("1".utf8), "b": Data("3".utf8)], at: Date(timeIntervalSince1970: 2000))
        #expect(site.file(at: "a")?.modified == before.0?.modified)
        #expect(site.file(at: "a")?.entityTag == before.0?.entityTag)
        #expect(site.file(at: "b")?.entityTag != before.1?.entityTag)
        #expect(site.file(at: "b")?.modified == Date(timeIntervalSince1970: 2000))
    }
}
