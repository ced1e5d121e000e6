public import Foundation

/// Runs the stages of `handbook check` and `handbook build`: load, validate, render, write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var contentDirectory: URL
        public var themeDirectory: URL
        public var outputDirectory: URL
        public var today: CalendarDate
        /// Treat warnings as errors.
        public var strict: Bool

        public init(
            contentDirectory: URL, themeDirectory: URL, outputDirectory: URL, today: CalendarDate, strict: Bool = false
        ) {
            self.contentDirectory = contentDirectory
            self.themeDirectory = themeDirectory
            self.outputDirectory = outputDirectory
            self.today = today
            self.strict = strict
        }
    }

    /// What a run produced.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Pages written, or nil when the run wrote nothing.
        public var pagesWritten: Int?
        public var seconds: Double
        /// Seconds spent in each stage, in order.
        public var stages: [(name: String, seconds: Double)] = []

        /// Whether the diagnostics fail the run: any error, or any warning when strict.
        public func failed(strict: Bool) -> Bool {
            diagnostics.failsRun(strict: strict)
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Loads and validates the content; every problem of the run is in the result.
    public func check() throws(ContentLoader.Failure) -> (HandbookIndex, [Diagnostic]) {
        let (handbook, loadDiagnostics) = try ContentLoader(contentDirectory: options.contentDirectory).load()
        let index = HandbookIndex(handbook)
        let diagnostics = loadDiagnostics + Validator().validate(index, context: ValidationContext(today: options.today))
        return (index, diagnostics.sortedForReport())
    }

    /// Checks, then renders and writes the site unless the check failed; a failed check leaves
    /// the output folder exactly as it was.
    public func build() throws -> Report {
        var stopwatch = Stopwatch()
        let (index, diagnostics) = try check()
        stopwatch.lap("load and check")
        guard !diagnostics.failsRun(strict: options.strict) else {
            return Report(diagnostics: diagnostics, pagesWritten: nil, seconds: stopwatch.total, stages: stopwatch.laps)
        }
        let theme = try Theme.load(from: options.themeDirectory, language: index.handbook.config.language)
        let renderer = SiteRenderer(index: index, theme: theme, today: options.today)
        let pages = renderer.render()
        stopwatch.lap("render pages")
        let searchIndex = try renderer.searchIndex()
        stopwatch.lap("search index")
        try SiteWriter(outputDirectory: options.outputDirectory).write(pages + searchIndex, assets: theme.assetsDirectory)
        stopwatch.lap("write")
        return Report(
            diagnostics: diagnostics, pagesWritten: pages.count { $0.path.hasSuffix(".html") }, seconds: stopwatch.total,
            stages: stopwatch.laps)
    }
}
