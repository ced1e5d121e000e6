/// One problem found in the sources.
///
/// The library never prints: stages return diagnostics and ``DiagnosticFormatter`` turns them
/// into text or JSON.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable rule identifier such as `kpi-weights`, shown in brackets after the message.
    public var rule: String
    /// How to fix the problem, when the fix is obvious.
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String, hint: String? = nil)
    {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, rule: String, hint: String? = nil) -> Self
    {
        Diagnostic(.error, at: location, message, rule: rule, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, rule: String, hint: String? = nil)
        -> Self
    {
        Diagnostic(.warning, at: location, message, rule: rule, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in reporting order: by path, line and column, then by message.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Whether these diagnostics fail a run: any error, or any warning when `strict`.
    public func failsRun(strict: Bool) -> Bool {
        errorCount > 0 || (strict && warningCount > 0)
    }
}
