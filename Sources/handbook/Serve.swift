import ArgumentParser
import Foundation
import HandbookBuild
import HandbookServer

extension HandbookCommand {
    /// `handbook serve`: the site from memory, rebuilt on every change, for authors.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the site from memory and rebuild it whenever a source or the theme changes.",
            discussion: """
                Open pages reload by themselves when they change and show the problems of the \
                last check over the page; the terminal prints one line per rebuild. Nothing is \
                written to disk. Stop with Ctrl-C.
                """)

        @OptionGroup var options: ContentOptions

        @OptionGroup var themeOptions: ThemeOptions

        @Option(help: "The port to listen on (0: any free port).")
        var port: Int = 8000

        @Option(
            help: "The address to listen on; anything but the loopback address exposes the handbook to the network.")
        var host: String = "127.0.0.1"

        @Flag(help: "Open the site in the default browser.")
        var open = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("'--port \(port)' is not a port (0–65535)") }
        }

        func run() async throws {
            if !["127.0.0.1", "::1", "localhost"].contains(host) {
                printError("warning: serving on \(host): anyone who can reach this machine can read the handbook")
            }
            let server = PreviewServer(
                options: .init(
                    build: .init(
                        contentDirectory: URL(fileURLWithPath: options.content),
                        themeDirectory: themeOptions.directory, today: options.todayDate,
                        strict: options.strict),
                    host: host, port: port,
                    log: Self.printLine))
            let open = self.open
            do {
                try await server.run { address in
                    Self.printLine("serving the handbook at \(address) (Ctrl-C to stop)")
                    if open { Self.openInBrowser(address) }
                }
            } catch {
                printError("error: cannot serve on \(host):\(port): \(error)")
                throw ExitCode.failure
            }
        }

        /// A line on standard output at once, even when it is a pipe or a file.
        @Sendable private static func printLine(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        private static func openInBrowser(_ address: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", address]
            try? process.run()
        }
    }
}
