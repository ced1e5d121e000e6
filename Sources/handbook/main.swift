import ArgumentParser
import Foundation

// Usage errors exit with 2, as documented, rather than ArgumentParser's 64.
do {
    var command = try HandbookCommand.parseAsRoot()
    try command.run()
} catch {
    if HandbookCommand.exitCode(for: error) == .validationFailure {
        printError(HandbookCommand.fullMessage(for: error))
        exit(2)
    }
    HandbookCommand.exit(withError: error)
}
