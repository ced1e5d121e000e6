import HandbookModel

/// Collects the diagnostics of one loading task.
///
/// Each source file is read by one task with its own sink, so the sink needs no lock.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func error(at location: SourceLocation, _ message: String, rule: String, hint: String? = nil) {
        report(.error(at: location, message, rule: rule, hint: hint))
    }

    func warning(at location: SourceLocation, _ message: String, rule: String, hint: String? = nil) {
        report(.warning(at: location, message, rule: rule, hint: hint))
    }
}
