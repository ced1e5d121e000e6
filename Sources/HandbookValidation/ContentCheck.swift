public import Foundation
public import HandbookLoading
public import HandbookModel

/// Loads a content tree and runs every validation rule: the first stage of `handbook check`
/// and of a build.
public struct ContentCheck: Sendable {
    public var content: any ContentTree
    /// The day against which review dates are judged.
    public var today: CalendarDate
    /// Sources and Markdown from an earlier check, reused where unchanged.
    public var cache: SourceCache?

    public init(content: any ContentTree, today: CalendarDate, cache: SourceCache? = nil) {
        self.content = content
        self.today = today
        self.cache = cache
    }

    public init(contentDirectory: URL, today: CalendarDate) {
        self.init(content: DiskContentTree(root: contentDirectory), today: today)
    }

    /// The loaded handbook and every problem found, sorted for reporting.
    public func run() throws(ContentLoader.Failure) -> (HandbookIndex, [Diagnostic]) {
        let (handbook, loadDiagnostics) = try ContentLoader(content: content, cache: cache).load()
        let index = HandbookIndex(handbook, cache: cache)
        cache?.finishLoad()
        let diagnostics = loadDiagnostics + Validator().validate(index, context: ValidationContext(today: today))
        return (index, diagnostics.sortedForReport())
    }
}
