public import Foundation

/// Loads a content folder and runs every validation rule: all of `handbook check`, and the
/// first stage of a build.
public struct ContentCheck: Sendable {
    public var contentDirectory: URL
    /// The day against which review dates are judged.
    public var today: CalendarDate

    public init(contentDirectory: URL, today: CalendarDate) {
        self.contentDirectory = contentDirectory
        self.today = today
    }

    /// ``run()``, plus the problems found by comparing the content with the newest tagged
    /// edition in git, and editions that cannot be published.
    public func run(git: any GitClient) throws(ContentLoader.Failure) -> (HandbookIndex, [Diagnostic]) {
        let (index, diagnostics) = try run()
        let history = EditionHistory.load(latest: index, contentDirectory: contentDirectory, today: today, git: git)
        return (index, (diagnostics + history.diagnostics).sortedForReport())
    }

    /// The loaded handbook and every problem found, sorted for reporting.
    public func run() throws(ContentLoader.Failure) -> (HandbookIndex, [Diagnostic]) {
        let (handbook, loadDiagnostics) = try ContentLoader(contentDirectory: contentDirectory).load()
        let index = HandbookIndex(handbook)
        let diagnostics = loadDiagnostics + Validator().validate(index, context: ValidationContext(today: today))
        return (index, diagnostics.sortedForReport())
    }
}
