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
    }

    @Test func anOpenPageFollowsEditsProblemsAndStyles() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let content = try TestSupport.makeContent(in: folder)
            let theme = folder.appendingPathComponent("theme")
            try FileManager.default.copyItem(at: TestSupport.defaultTheme, to: theme)
            let server = try Server(content: content, theme: theme)
            defer { server.stop() }
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
                ["wait": "\(overlay) === null", "timeout": 20000],
                // The fixed chapter reloads the page once more; then nothing but the style changes.
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
