import HandbookModel
internal import Yams

/// A parsed YAML text: its root node, or none when the text holds no document (an empty file).
struct YAMLDocument {
    let root: Node?

    /// Parses YAML text into a node tree, turning libyaml's errors into `yaml-syntax` diagnostics at
    /// libyaml's own position; nil when the text cannot be parsed.
    static func parse(_ text: String, path: String, lineOffset: Int = 0, sink: DiagnosticSink) -> YAMLDocument? {
        do {
            // The encoding is named: Yams would otherwise read the whole environment, under a lock, per
            // document, which stalls a parallel load.
            let root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            // Aliases share what they name, so a small file can stand for billions of values
            // (each alias of a list of aliases …); readers would walk every one of them.
            let budget = 10_000 + 4 * text.utf8.count
            if let root, !root.hasAtMost(budget) {
                sink.error(
                    at: SourceLocation(path: path, line: lineOffset + 1),
                    "YAML aliases ('*name') here expand to more than \(budget) values", rule: "yaml-syntax",
                    hint: "write the repeated values out instead of naming them with '&' and '*'")
                return nil
            }
            return YAMLDocument(root: root)
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

extension Node {
    /// Whether the tree has at most `budget` nodes, counting each alias as a copy of what it
    /// names; stops counting at the budget.
    fileprivate func hasAtMost(_ budget: Int) -> Bool {
        var remaining = budget
        var pending: [Node] = [self]
        while let node = pending.popLast() {
            remaining -= 1
            guard remaining >= 0 else { return false }
            switch node {
            case .mapping(let mapping):
                for pair in mapping {
                    pending.append(pair.key)
                    pending.append(pair.value)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            default:
                break
            }
        }
        return true
    }
}
