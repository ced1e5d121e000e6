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

    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }


    /// Checks, then renders and writes the site unless the check failed; a failed check leaves
    /// the output folder exactly as it was.
    public func build() throws -> Report {
        var stopwatch = Stopwatch()
        let (index, diagnostics) = try ContentCheck(contentDirectory: options.contentDirectory, today: options.today).run()
        stopwatch.lap("load and check")
        guard !diagnostics.failsRun(strict: options.strict) else {
            return Report(diagnostics: diagnostics, pagesWritten: nil, seconds: stopwatch.total, stages: stopwatch.laps)
        }
        let theme = try Theme.load(from: options.themeDirectory, language: index.handbook.config.language)
        let renderer = SiteRenderer(index: index, theme: theme, today: options.today)
        let pages = renderer.render()
        stopwatch.lap("render pages")
        let searchIndex = renderer.searchIndex()
        stopwatch.lap("search index")
        try SiteWriter(
            outputDirectory: options.outputDirectory, protecting: [options.contentDirectory, options.themeDirectory]
        ).write(pages + searchIndex, assets: theme.assetsDirectory)
        stopwatch.lap("write")
        return Report(
            diagnostics: diagnostics, pagesWritten: pages.count { $0.path.hasSuffix(".html") }, seconds: stopwatch.total,
            stages: stopwatch.laps)
    }
}
