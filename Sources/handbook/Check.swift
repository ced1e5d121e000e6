import ArgumentParser
import Foundation
import HandbookLoading
import HandbookModel
import HandbookValidation
import HandbookVersions

extension HandbookCommand {
    /// `handbook check`: validation only.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the sources; exit 1 on errors (or warnings with --strict).")

        @OptionGroup var options: ContentOptions

        @Option(help: "How to print diagnostics.")
        var format: OutputFormat = .text

        func run() async throws {
            let content = URL(fileURLWithPath: options.content)
            let index: HandbookIndex
            var diagnostics: [Diagnostic]
            do {
                (index, diagnostics) = try ContentCheck(contentDirectory: content, today: options.todayDate).run()
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            // Only what checking needs of git: the newest tagged edition, to compare against.
            diagnostics =
                (diagnostics
                + (await EditionRules.check(
                    latest: index, contentDirectory: content, today: options.todayDate, git: CommandLineGit())))
                .sortedForReport()
            switch format {
            case .text: print(DiagnosticFormatter.text(diagnostics, pathPrefix: options.pathPrefix), terminator: "")
            case .json: print(try DiagnosticFormatter.json(diagnostics, pathPrefix: options.pathPrefix), terminator: "")
            case .github: print(DiagnosticFormatter.github(diagnostics, pathPrefix: options.pathPrefix), terminator: "")
            }
            if diagnostics.failsRun(strict: options.strict) { throw ExitCode.failure }
        }
    }
}
