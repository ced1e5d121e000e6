import ArgumentParser
import Foundation
import HandbookRendering

extension HandbookCommand {
    /// `handbook theme`: the built-in theme, written out for customising.
    struct ThemeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme", abstract: "Work with the built-in theme.", subcommands: [Eject.self])

        /// `handbook theme eject [DIR]`: the built-in theme's files, to change and pass with `--theme`.
        struct Eject: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the built-in theme into a folder, to change it and build with --theme.",
                discussion: """
                    A theme folder needs only the files it changes: delete the others, and the \
                    built-in ones are used instead.
                    """)

            @Argument(help: "The folder to write into; it must not exist or be empty.")
            var folder = "theme"

            func run() throws {
                let target = URL(fileURLWithPath: folder)
                let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
                guard existing.isEmpty else {
                    printError("error: '\(folder)' is not empty; eject into a new folder")
                    throw ExitCode(2)
                }
                let files = Theme.builtInFiles.sorted { $0.key < $1.key }
                do {
                    for (path, data) in files {
                        let file = target.appendingPathComponent(path)
                        try FileManager.default.createDirectory(
                            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try data.write(to: file)
                    }
                } catch {
                    printError("error: cannot write the theme into '\(folder)': \(error.localizedDescription)")
                    throw ExitCode(2)
                }
                print("wrote \(files.count) files of the built-in theme into \(folder)/; build with --theme \(folder)")
            }
        }
    }
}
