import ArgumentParser
import Foundation
import HandbookLoading

extension HandbookCommand {
    /// `handbook schema [--output DIR]`: JSON Schemas of the source files, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write JSON Schemas of the source files, for editors that check YAML as you type.",
            discussion: """
                Writes handbook.schema.json, roles.schema.json, policy.schema.json and \
                chapter.schema.json (a chapter's front matter), replacing earlier copies. See \
                docs/format.md for the editor settings.
                """)

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into.", valueName: "DIR"))
        var output = "schemas"

        func run() throws {
            let folder = URL(fileURLWithPath: output)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in JSONSchemas.files() {
                    try Data(file.json.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
                    print(folder.appendingPathComponent(file.name).relativePath)
                }
            } catch {
                printError("error: cannot write the schemas into '\(output)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
    }
}
