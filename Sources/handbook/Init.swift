public import ArgumentParser
import Foundation
public import HandbookModel

extension HandbookConfig.Language: ExpressibleByArgument {}

extension HandbookCommand {
    /// `handbook init`: a new handbook that passes `check --strict`, to start from.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new handbook in a folder: settings, roles, a chapter and a policy with a process.",
            discussion: "The folder must not exist or be empty; nothing is ever overwritten.")

        @Argument(help: "The folder to create the handbook in.")
        var folder = "."

        @Option(help: "The handbook's language: zh-CN or en.")
        var language: HandbookConfig.Language = .chinese

        @Option(help: "The handbook's title.")
        var title: String?

        func run() throws {
            let target = URL(fileURLWithPath: folder)
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
            guard existing.isEmpty else {
                printError("error: '\(folder)' is not empty; init writes a new handbook into an empty or new folder")
                throw ExitCode(2)
            }
            let starter = StarterHandbook(
                title: title ?? (language == .english ? "Team handbook" : "部门手册"), language: language,
                today: .current)
            do {
                for (path, text) in starter.files {
                    let file = target.appendingPathComponent(path)
                    try FileManager.default.createDirectory(
                        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: file, options: .withoutOverwriting)
                }
            } catch {
                printError("error: cannot write the handbook into '\(folder)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
            let enter = folder == "." ? "" : "  cd \(folder)\n"
            print(
                """
                created a handbook in \(folder):
                \(starter.files.map { "  \($0.path)" }.joined(separator: "\n"))
                next:
                \(enter)  handbook serve --open      preview it while you edit content/
                  handbook check --strict    what the CI workflow runs on every push
                  handbook build             the site, into public/
                """)
        }
    }
}
