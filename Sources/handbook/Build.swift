import ArgumentParser
import Foundation
import HandbookBuild
import HandbookLoading
import HandbookModel
import HandbookRendering

extension HandbookCommand {
    /// `handbook build`: validation, then the site.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate, then build the site; on errors nothing is written.")

        @OptionGroup var options: ContentOptions

        @OptionGroup var themeOptions: ThemeOptions

        @Option(help: "The output folder, replaced as a whole once the new site is complete.")
        var output: String = "public"

        @Flag(help: "Also print the time each stage took.")
        var timings = false

        func run() async throws {
            let content = URL(fileURLWithPath: options.content)
            let themeDirectory = themeOptions.directory
            let builder = SiteBuilder(
                options: .init(
                    contentDirectory: content, themeDirectory: themeDirectory, today: options.todayDate,
                    strict: options.strict),
                output: DiskOutput(
                    outputDirectory: URL(fileURLWithPath: output),
                    protecting: [content] + (themeDirectory.map { [$0] } ?? [])))
            let report: SiteBuilder.Report
            do {
                report = try await builder.build()
            } catch let failure as ContentLoader.Failure {
                printError("error: \(failure)")
                throw ExitCode(2)
            } catch let failure as Theme.Failure {
                printError("\(failure)")
                throw ExitCode(2)
            } catch let failure as SiteOutputFailure {
                printError("error: \(failure)")
                throw ExitCode(2)
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            if !report.diagnostics.isEmpty {
                printError(DiagnosticFormatter.text(report.diagnostics, pathPrefix: options.pathPrefix))
            }
            guard let pages = report.pagesWritten else {
                printError("build failed: nothing was written to \(output)")
                throw ExitCode.failure
            }
            print("built \(pages) pages into \(output) in \(String(format: "%.2f", report.seconds)) s")
            if timings {
                for stage in report.stages {
                    print("  \(stage.name): \(String(format: "%.3f", stage.seconds)) s")
                }
            }
        }
    }
}
