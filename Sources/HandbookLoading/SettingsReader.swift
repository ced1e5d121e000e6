import Foundation
import HandbookModel
internal import Yams

/// Reads `handbook.yaml` and `roles.yaml`.
enum SettingsReader {
    static func readConfig(path: String, text: String, sink: DiagnosticSink) -> HandbookConfig? {
        let start = SourceLocation(path: path)
        guard let document = YAMLDocument.parse(text, path: path, sink: sink),
            let fields = YAMLMapping.from(
                document.root, format: SourceFormat.handbook, subject: "handbook.yaml", path: path, lineOffset: 0,
                lines: [],
                sink: sink, at: start)
        else { return nil }
        let title = fields.string("title")?.value ?? ""
        let description = fields.string("description")?.value ?? ""
        let version = fields.string("version")?.value ?? ""
        var language = HandbookConfig.defaultLanguage
        if let code = fields.string("language") {
            if let known = HandbookConfig.Language(rawValue: code.value) {
                language = known
            } else {
                sink.error(
                    at: code.location, "unsupported language '\(code.value)'", rule: "field-type",
                    hint: "use one of: " + HandbookConfig.Language.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var baseURL = "https://example.com/"
        if let address = fields.string("base_url") {
            if let components = URLComponents(string: address.value), ["http", "https"].contains(components.scheme),
                components.host?.isEmpty == false
            {
                baseURL = address.value.hasSuffix("/") ? address.value : address.value + "/"
            } else {
                sink.error(
                    at: address.location, "'base_url' must be an absolute http or https address", rule: "field-type",
                    hint: "the address the site is published at, such as https://handbook.example.com/sales/")
            }
        }
        let repositoryURL = fields.string("repository_url")?.value
        var editURI = fields.string("edit_uri")?.value ?? "edit/main/content/"
        if !editURI.isEmpty, !editURI.hasSuffix("/") { editURI += "/" }
        let allowsRawHTML = fields.bool("allow_raw_html") ?? false
        let editionTags = fields.string("edition_tags")?.value ?? "v*"
        let maximumFileSize = fields.byteSize("max_file_size")
        let areas = fields.mappings("areas") { index, mapping in
            "area \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
        }.compactMap { area -> Area? in
            defer { area.finish() }
            let id = area.identifier()
            let title = area.string("title")
            let description = area.string("description")?.value ?? ""
            guard let id, let title else { return nil }
            return Area(id: id.value, title: title.value, description: description, location: id.location)
        }
        fields.finish()
        var config = HandbookConfig(
            title: title, description: description, version: version, language: language, baseURL: baseURL,
            repositoryURL: repositoryURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            editURI: editURI, allowsRawHTML: allowsRawHTML, areas: areas)
        config.editionTags = editionTags
        if let maximumFileSize { config.maximumFileSize = maximumFileSize }
        return config
    }

    /// The roles, or nil when the file cannot be read as a list of roles.
    static func readRoles(path: String, text: String, sink: DiagnosticSink) -> [Role]? {
        let start = SourceLocation(path: path)
        guard let document = YAMLDocument.parse(text, path: path, sink: sink),
            let fields = YAMLMapping.from(
                document.root, format: SourceFormat.roles, subject: "roles.yaml", path: path, lineOffset: 0, lines: [],
                sink: sink, at: start)
        else { return nil }
        let roles = fields.mappings("roles") { index, mapping in
            "role \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
        }.compactMap { role -> Role? in
            defer { role.finish() }
            let id = role.identifier()
            let name = role.string("name")?.value ?? ""
            let description = role.string("description")?.value ?? ""
            let reportsTo = role.string("reports_to")
            guard let id else { return nil }
            return Role(id: id.value, name: name, description: description, reportsTo: reportsTo, location: id.location)
        }
        fields.finish()
        return roles
    }
}
