import Foundation
import HandbookModel

/// JSON Schemas (draft 2020-12) of the source files, written from the same ``SourceFormat``
/// the readers read through, for editors that check YAML as it is typed.
public enum JSONSchemas {
    /// Each schema file's name and its JSON text.
    public static func files() -> [(name: String, json: String)] {
        [
            ("handbook.schema.json", SourceFormat.handbook),
            ("roles.schema.json", SourceFormat.roles),
            ("policy.schema.json", SourceFormat.policy),
            ("chapter.schema.json", SourceFormat.chapter),
        ].map { name, format in (name, json(document(for: format))) }
    }

    /// A schema whose root is `format`, with every nested mapping format under `$defs`.
    static func document(for format: MappingFormat) -> [String: Any] {
        var definitions: [String: Any] = [:]
        collectDefinitions(of: format, into: &definitions)
        var root = object(for: format)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        if !definitions.isEmpty { root["$defs"] = definitions }
        return root
    }

    private static func collectDefinitions(of format: MappingFormat, into definitions: inout [String: Any]) {
        for field in format.fields {
            switch field.kind {
            case .mappings(let nested), .records(let nested):
                guard definitions[nested.name] == nil else { continue }
                definitions[nested.name] = object(for: nested)
                collectDefinitions(of: nested, into: &definitions)
            default:
                continue
            }
        }
    }

    private static func object(for format: MappingFormat) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in format.fields {
            var property = schema(for: field.kind, required: field.presence != .optional)
            property["description"] = field.description
            properties[field.key] = property
        }
        return [
            "title": format.title,
            "description": format.description,
            "type": "object",
            "properties": properties,
            "required": format.fields.filter { $0.presence != .optional }.map(\.key),
            // Unknown keys are `unknown-key` warnings in a check; an editor flags them as typed.
            "additionalProperties": false,
        ]
    }

    private static func schema(for kind: FieldFormat.Kind, required: Bool) -> [String: Any] {
        switch kind {
        case .text:
            // Numbers, dates and booleans where text is expected are taken as written.
            var text: [String: Any] = ["type": ["string", "number", "boolean"]]
            if required { text["minLength"] = 1 }
            return text
        case .identifier:
            return [
                "type": "string",
                // Letters (of any script), digits, '-' and '_': every ASCII punctuation mark but those two is refused.
                "pattern": #"^[^\s!-,./:-@\[-^`{-~]+$"#,
            ]
        case .markdown:
            return ["type": "string"]
        case .wholeNumber(let range):
            var number: [String: Any] = ["type": "integer"]
            if let range {
                number["minimum"] = range.lowerBound
                number["maximum"] = range.upperBound
            }
            return number
        case .number:
            return ["anyOf": [["type": "number"], ["type": "string", "pattern": #"^-?[0-9][0-9_,]*(\.[0-9]+)?$"#]]]
        case .percentage:
            return ["anyOf": [["type": "number"], ["type": "string", "pattern": #"^-?[0-9][0-9_,]*(\.[0-9]+)?%?$"#]]]
        case .boolean:
            return ["type": "boolean"]
        case .date:
            return ["type": "string", "format": "date", "pattern": #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#]
        case .duration:
            return ["type": "string", "pattern": #"^0*[1-9][0-9]*[mhdw]$"#]
        case .byteSize:
            return ["anyOf": [["type": "integer", "minimum": 1], ["type": "string", "pattern": ByteSize.pattern]]]
        case .language:
            return ["type": "string", "enum": HandbookConfig.Language.allCases.map(\.rawValue)]
        case .webAddress:
            return ["type": "string", "format": "uri", "pattern": "^https?://[^/?#]+"]
        case .texts:
            var list: [String: Any] = ["type": "array", "items": schema(for: .text, required: true)]
            if required { list["minItems"] = 1 }
            return list
        case .records(let format):
            return [
                "type": "array",
                "items": ["anyOf": [schema(for: .text, required: true), ["$ref": "#/$defs/\(format.name)"]]],
            ]
        case .mappings(let format):
            return ["type": "array", "items": ["$ref": "#/$defs/\(format.name)"]]
        }
    }

    private static func json(_ value: [String: Any]) -> String {
        // Every value above is a string, number, boolean, array or dictionary.
        let data = try! JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
