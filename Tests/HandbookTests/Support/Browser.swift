import Foundation
import Testing

/// Headless Chromium, for tests of what a reader's browser does with the built site.
enum Chromium {
    /// The browser's path, or nil when it is not installed (`apt-get install chromium`).
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Browser tests run wherever Chromium is installed, and always in CI, where its absence
    /// is a failure rather than a reason to skip.
    static var isAvailableOrRequired: Bool {
        path != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The DOM of `url` after its scripts ran, with `budget` milliseconds of virtual time.
    static func dumpDOM(_ url: String, budget: Int = 10_000) throws -> String {
        let browser = try #require(path, "install chromium")
        return try TestSupport.run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--virtual-time-budget=\(budget)", "--dump-dom", url,
            ]
        ).output
    }
}

/// A static file server on the loopback interface (Python's `http.server`), for the duration
/// of `body`.
enum LoopbackServer {
    static func serving<T>(_ folder: URL, _ body: (URL) throws -> T) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // Not terminate(): a child started from a Dispatch thread inherits its blocked
            // SIGTERM, and would outlive the test.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // "Serving HTTP on 127.0.0.1 port 43123 (http://127.0.0.1:43123/) ..."
        var announcement = ""
        while !announcement.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announcement += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(
            announcement.firstMatch(of: /port (\d+)/)?.output.1, "server did not start: \(announcement)")
        return try body(try #require(URL(string: "http://127.0.0.1:\(port)/")))
    }
}

/// Scripts a headless Chromium through the DevTools protocol (`Scripts/browser.py`): clicks,
/// keys, typing, reloads, waits and PDF printing that `--dump-dom` cannot do.
enum BrowserScript {
    /// Runs `steps` (see `Scripts/browser.py`) and returns one result per step.
    static func run(_ steps: [[String: Any]]) throws -> [Any] {
        let script = TestSupport.packageRoot.appendingPathComponent("Scripts/browser.py")
        let data = Data(
            try TestSupport.run(
                "python3",
                [script.path, String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)]
            ).output.utf8)
        let parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        if let failure = parsed as? [String: Any], let message = failure["error"] {
            Issue.record("browser script failed: \(message)")
            return []
        }
        return try #require(parsed as? [Any])
    }
}
