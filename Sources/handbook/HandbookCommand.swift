import ArgumentParser
import Foundation
import HandbookModel

/// `handbook`: builds a policy handbook into a static site.
@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Validate a policy handbook and build it into a static site.",
        version: HandbookVersion.current,
        subcommands: [Init.self, New.self, Check.self, Build.self, Serve.self, ThemeCommand.self, Schema.self]
    )

    /// Runs the command; usage errors exit with 2, as documented, rather than ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as NewFailure {
            printError("error: \(failure)")
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The theme of the commands that render: the built-in one, changed by a folder's files.
struct ThemeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A theme folder whose templates, strings and assets replace the built-in theme's, file by file.",
            valueName: "folder"))
    var theme: String?

    var directory: URL? { theme.map { URL(fileURLWithPath: $0) } }
}

/// Options shared by every subcommand.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder (handbook.yaml, roles.yaml, policies/, chapters/).")
    var content: String = "content"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(
        help: ArgumentHelp("The day to judge review dates against, as YYYY-MM-DD (default: today).", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError("'--today \(today)' is not a date; write it as YYYY-MM-DD")
        }
    }

    var todayDate: CalendarDate {
        if let today, let date = CalendarDate(iso: today) { return date }
        return .current
    }

    /// Prefix for diagnostic paths, so that they open from the current folder.
    var pathPrefix: String {
        content.hasSuffix("/") ? content : content + "/"
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// GitHub Actions workflow commands: annotations on the changed lines of a pull request.
    case github
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

extension CalendarDate {
    /// Today, in the machine's calendar.
    static var current: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
