import ArgumentParser
import Foundation
import HandbookKit

extension HandbookCommand {
    /// `handbook check`: validation only.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the sources; exit 1 on errors (or warnings with --strict).")

        @OptionGroup var options: ContentOptions

        @Option(help: "How to print diagnostics.")
        var format: OutputFormat = .text

        func run() throws {
            let check = ContentCheck(contentDirectory: URL(fileURLWithPath: options.content), today: options.todayDate)
            let diagnostics: [Diagnostic]
            do {
                diagnostics = try check.run(git: ProcessGitClient()).1
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            switch format {
            case .text: print(DiagnosticFormatter.text(diagnostics, pathPrefix: options.pathPrefix), terminator: "")
            case .json: print(try DiagnosticFormatter.json(diagnostics, pathPrefix: options.pathPrefix), terminator: "")
            }
            if diagnostics.failsRun(strict: options.strict) { throw ExitCode.failure }
        }
    }
}
