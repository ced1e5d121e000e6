internal import Yams

/// Reads `handbook.yaml` and `roles.yaml`.
enum SettingsReader {
    static func readConfig(path: String, text: String, sink: DiagnosticSink) -> HandbookConfig? {
        let start = SourceLocation(path: path)
        guard let node = YAMLDocument.parse(text, path: path, sink: sink),
            let fields = YAMLMapping.from(node, subject: "handbook.yaml", path: path, lineOffset: 0, sink: sink, at: start)
        else { return nil }
        let title = fields.string("title")?.value ?? ""
        let description = fields.string("description", required: false)?.value ?? ""
        var language = HandbookConfig.Language.chinese
        if let code = fields.string("language", required: false) {
            if let known = HandbookConfig.Language(rawValue: code.value) {
                language = known
            } else {
                sink.error(
                    at: code.location, "unsupported language '\(code.value)'", rule: "field-type",
                    hint: "use one of: " + HandbookConfig.Language.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var baseURL = fields.string("base_url", required: false)?.value ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let repositoryURL = fields.string("repository_url", required: false)?.value
        var editURI = fields.string("edit_uri", required: false)?.value ?? "edit/main/content/"
        if !editURI.isEmpty, !editURI.hasSuffix("/") { editURI += "/" }
        let allowsRawHTML = fields.bool("allow_raw_html") ?? false
        let areas = fields.mappings("areas", required: true) { index, mapping in
            "area \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
        }.compactMap { area -> Area? in
            defer { area.finish() }
            guard let id = area.string("id"), let title = area.string("title") else { return nil }
            return Area(
                id: id.value, title: title.value,
                description: area.string("description", required: false)?.value ?? "", location: id.location)
        }
        fields.finish()
        return HandbookConfig(
            title: title, description: description, language: language, baseURL: baseURL,
            repositoryURL: repositoryURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            editURI: editURI, allowsRawHTML: allowsRawHTML, areas: areas)
    }

    /// The roles, or nil when the file cannot be read as a list of roles.
    static func readRoles(path: String, text: String, sink: DiagnosticSink) -> [Role]? {
        let start = SourceLocation(path: path)
        guard let node = YAMLDocument.parse(text, path: path, sink: sink),
            let fields = YAMLMapping.from(node, subject: "roles.yaml", path: path, lineOffset: 0, sink: sink, at: start)
        else { return nil }
        let roles = fields.mappings("roles", required: true) { index, mapping in
            "role \(mapping["id"]?.string.map { "'\($0)'" } ?? "#\(index + 1)")"
        }.compactMap { role -> Role? in
            defer { role.finish() }
            guard let id = role.string("id") else { return nil }
            return Role(
                id: id.value, name: role.string("name")?.value ?? "",
                description: role.string("description")?.value ?? "",
                reportsTo: role.string("reports_to", required: false), location: id.location)
        }
        fields.finish()
        return roles
    }
}
