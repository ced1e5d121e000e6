import HandbookModel
internal import Yams

/// Parses YAML text into a node tree, turning libyaml's errors into `yaml-syntax` diagnostics at
/// libyaml's own position.
enum YAMLDocument {
    static func parse(_ text: String, path: String, lineOffset: Int = 0, sink: DiagnosticSink) -> Node? {
        do {
            // The encoding is named: Yams would otherwise read the whole environment, under a lock, per
            // document, which stalls a parallel load.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            let (message, mark) = describe(error, lineOffset: lineOffset)
            sink.error(
                at: YAMLMapping.location(of: mark, path: path, lineOffset: lineOffset), message, rule: "yaml-syntax")
        } catch {
            sink.error(at: SourceLocation(path: path), "cannot read YAML: \(error)", rule: "yaml-syntax")
        }
        return nil
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return ("YAML syntax error: \(problem)\(contextText)", mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                context.mark
            )
        case .reader(let problem, _, _, _):
            return ("cannot read YAML: \(problem)", nil)
        default:
            return ("cannot read YAML: \(error)", nil)
        }
    }
}
