import Foundation
import Testing

/// `handbook serve` as an author meets it: the real binary serving the fixture handbook, a real
/// headless Chromium on one of its pages, and sources changed on disk while the page is open.
@Suite(.enabled(if: Chromium.isAvailableOrRequired), .serialized, .timeLimit(.minutes(3)))
struct ServeBrowserTests {
    /// A running `handbook serve` and the address it printed.
    private final class Server {
        let process = Process()
        let address: String

        init(content: URL, theme: URL) throws {
            process.executableURL = CommandLineTests.executable
            process.arguments = [
                "serve", "--content", content.path, "--theme", theme.path, "--port", "0", "--today", "2026-06-01",
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The address comes on the line the server prints once it listens.
            var text = ""
            let reader = output.fileHandleForReading
            while process.isRunning {
                let data = reader.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains("serving the handbook at ") }) {
                    text = String(line)
                    break
                }
            }
            address =
                text.components(separatedBy: "serving the handbook at ").last?
                .components(separatedBy: " ").first ?? ""
        }

        func stop() {
            process.interrupt()
            process.waitUntilExit()
        }

        /// CPU time the server has used so far, in clock ticks (`/proc/<pid>/stat`).
        func cpuTicks() throws -> Int {
            let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
            // Fields after the command name, which is in parentheses: utime and stime are the
            // 12th and 13th of them.
            let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
            return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        }
    }

    /// The fixture handbook and a copy of the default theme, served, for `body`.
    private func withServer(_ body: (Server, URL, URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: TestSupport.defaultTheme, to: theme)
            let server = try Server(content: content, theme: theme)
            defer { server.stop() }
            try await body(server, content, theme)
        }
    }

    @Test func anIdleServerUsesNoCPU() async throws {
        try await withServer { server, _, _ in
            try await Task.sleep(for: .seconds(1))
            let before = try server.cpuTicks()
            try await Task.sleep(for: .seconds(3))
            // A tick is 10 ms: a server that polled or spun would use far more in 3 s.
            #expect(try server.cpuTicks() - before <= 2)
        }
    }

    @Test func searchInTheServedSiteFindsNewText() async throws {
        try await withServer { server, content, _ in
            let chapter = content.appendingPathComponent("chapters/02-process.md")
            let original = try String(contentsOf: chapter, encoding: .utf8)
            let results = try BrowserScript.run([
                ["goto": server.address + "chapters/process.html"],
                ["write": chapter.path, "text": original + "\n## Zebrafish onboarding\n\nA quixotic paragraph.\n"],
                ["wait": "document.body.innerText.includes('A quixotic paragraph.')", "timeout": 20000],
                ["goto": server.address + "search.html?q=quixotic"],
                ["wait": "document.querySelectorAll('[data-search-page-list] li').length > 0", "timeout": 20000],
                ["eval": "document.querySelector('[data-search-page-list] a').getAttribute('href')"],
            ])
            #expect(results.count == 6)
            #expect((results.last as? String)?.hasPrefix("chapters/process.html#") == true, "\(results.last ?? "")")
        }
    }

    @Test func anOpenPageFollowsEditsProblemsAndStyles() async throws {
        try await withServer { server, content, theme in
            #expect(server.address.hasPrefix("http://127.0.0.1:"), "\(server.address)")
            let chapter = content.appendingPathComponent("chapters/01-targets.md")
            let original = try String(contentsOf: chapter, encoding: .utf8)
            let stylesheet = theme.appendingPathComponent("assets/style.css")
            let style = try String(contentsOf: stylesheet, encoding: .utf8)
            let overlay = "document.getElementById('handbook-serve-errors')"
            let results = try BrowserScript.run([
                ["goto": server.address + "chapters/targets.html"],
                ["write": chapter.path, "text": original + "\nA freshly written paragraph.\n"],
                ["wait": "document.body.innerText.includes('A freshly written paragraph.')", "timeout": 20000],
                ["write": chapter.path, "text": original + "\nSee [a policy](policy:NOPE-999).\n"],
                ["wait": "\(overlay) !== null", "timeout": 20000],
                ["eval": "\(overlay).textContent"],
                ["eval": "document.body.innerText.includes('A freshly written paragraph.')"],
                ["write": chapter.path, "text": original],
                // The fixed chapter clears the overlay and reloads the page once more (the
                // paragraph is gone), in that order; then nothing but the style changes.
                [
                    "wait": "\(overlay) === null && !document.body.innerText.includes('A freshly written paragraph.')",
                    "timeout": 20000,
                ],
                ["eval": "new Promise(done => setTimeout(done, 2000)).then(() => { window.handbookTestMarker = 1; })"],
                ["write": stylesheet.path, "text": style + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n"],
                ["wait": "getComputedStyle(document.body).outlineWidth === '7px'", "timeout": 20000],
                ["eval": "window.handbookTestMarker === 1"],
            ])
            #expect(results.count == 13)
            guard results.count == 13 else { return }
            let problems = try #require(results[5] as? String)
            #expect(problems.contains("chapters/01-targets.md:"), "\(problems)")
            #expect(problems.contains("[broken-link]"), "\(problems)")
            #expect(problems.contains("^"), "the source line with a caret")
            #expect(results[6] as? Bool == true, "the last good page stays")
            #expect(results[12] as? Bool == true, "a stylesheet change swaps the stylesheet without a reload")
        }
    }
}
