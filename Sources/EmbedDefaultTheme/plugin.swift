import Foundation
import PackagePlugin

/// Embeds `themes/default` into the target that uses this plugin, as a generated source
/// (`builtInThemeFiles`), rebuilt whenever a file of the theme changes.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(components: "themes", "default")
        let output = context.pluginWorkDirectoryURL.appending(component: "BuiltInThemeFiles.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: nil) {
            for case let file as URL in enumerator where !file.hasDirectoryPath { inputs.append(file) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
