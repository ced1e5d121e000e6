import Foundation

/// Turns diagnostics into the text that `handbook check` prints.
public enum DiagnosticFormatter {
    /// `path:line:col: error|warning: message [rule]`, a hint line where there is one, then a
    /// summary line.
    public static func text(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        // Appended piece by piece into one string: a file of broken links can have tens of
        // thousands of diagnostics.
        var output = ""
        output.reserveCapacity(diagnostics.count * 128)
        for diagnostic in diagnostics.sortedForReport() {
            let location = diagnostic.location
            for piece in [
                pathPrefix, location.path, ":", String(location.line), ":", String(location.column), ": ",
                diagnostic.severity.rawValue, ": ", diagnostic.message, " [", diagnostic.rule, "]\n",
            ] {
                output += piece
            }
            if let hint = diagnostic.hint {
                output += "  hint: "
                output += hint
                output += "\n"
            }
        }
        output += summary(diagnostics)
        output += "\n"
        return output
    }

    /// A one-line count such as `2 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        if errors == 0 && warnings == 0 { return "no problems found" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// GitHub Actions workflow commands, one per diagnostic
    /// (`::error file=…,line=…,col=…,title=rule::message`), so that a pull request shows each
    /// problem on its line; then the summary line.
    public static func github(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        // Escaped as GitHub's toolkit escapes them: `%`, CR and LF everywhere, and `:` and `,`
        // also in properties.
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String {
            data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var lines = diagnostics.sortedForReport().map { diagnostic in
            let location = diagnostic.location
            let message = diagnostic.message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
            return "::\(diagnostic.severity.rawValue) file=\(property(pathPrefix + location.path)),"
                + "line=\(location.line),col=\(location.column),title=\(property(diagnostic.rule))::\(data(message))"
        }
        lines.append(summary(diagnostics))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON document `{"diagnostics": [...], "errors": N, "warnings": N}` for editors and CI.
    public static func json(_ diagnostics: [Diagnostic], pathPrefix: String = "") throws -> String {
        struct Report: Encodable {
            var diagnostics: [Entry]
            var errors: Int
            var warnings: Int
        }
        let entries = diagnostics.sortedForReport().map { Entry($0, pathPrefix: pathPrefix) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(
            Report(diagnostics: entries, errors: diagnostics.errorCount, warnings: diagnostics.warningCount))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One diagnostic as JSON output shows it (`--format json`, the preview server's overlay).
    public struct Entry: Encodable, Sendable {
        public var path: String
        public var line: Int
        public var column: Int
        public var severity: String
        public var message: String
        public var rule: String
        public var hint: String?

        public init(_ diagnostic: Diagnostic, pathPrefix: String = "") {
            self.init(
                path: pathPrefix + diagnostic.location.path, line: diagnostic.location.line,
                column: diagnostic.location.column, severity: diagnostic.severity.rawValue,
                message: diagnostic.message, rule: diagnostic.rule, hint: diagnostic.hint)
        }

        public init(
            path: String, line: Int, column: Int, severity: String, message: String, rule: String, hint: String?
        ) {
            self.path = path
            self.line = line
            self.column = column
            self.severity = severity
            self.message = message
            self.rule = rule
            self.hint = hint
        }
    }
}
