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
        /// Where tagged editions and page histories come from.
        public var git: any GitClient = ProcessGitClient()

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
        let (index, checkDiagnostics) = try ContentCheck(contentDirectory: options.contentDirectory, today: options.today).run()
        let history = EditionHistory.load(
            latest: index, contentDirectory: options.contentDirectory, today: options.today, git: options.git)
        let diagnostics = (checkDiagnostics + history.diagnostics).sortedForReport()
        stopwatch.lap("load and check")
        guard !diagnostics.failsRun(strict: options.strict) else {
            return Report(diagnostics: diagnostics, pagesWritten: nil, seconds: stopwatch.total, stages: stopwatch.laps)
        }
        let theme = try Theme.load(from: options.themeDirectory, language: index.handbook.config.language)
        var pages: [OutputFile] = []
        var searchIndex: [OutputFile]
        let cache = EditionCache(
            outputDirectory: options.outputDirectory, theme: theme, editions: history.editions,
            latestPages: history.summaries[0].pages, today: options.today)
        // Editions the previous build rendered from the same commit are taken from its output.
        var renderers: [SiteRenderer] = []
        for position in history.editions.indices {
            let edition = history.editions[position]
            if let tag = edition.tag, let cached = cache.files(of: tag) {
                pages += cached
                continue
            }
            let renderer = SiteRenderer(
                index: edition.index, theme: theme, today: options.today, edition: history.context(for: position))
            renderers.append(renderer)
            pages += renderer.render()
            if let tag = edition.tag { pages.append(cache.stamp(of: tag)) }
        }
        stopwatch.lap("render pages")
        searchIndex = renderers.flatMap { $0.searchIndex() }
        stopwatch.lap("search index")
        searchIndex += history.feeds(theme: theme, config: index.handbook.config, today: options.today)
        try SiteWriter(
            outputDirectory: options.outputDirectory, protecting: [options.contentDirectory, options.themeDirectory]
        ).write(pages + searchIndex, assets: theme.assetsDirectory)
        stopwatch.lap("write")
        return Report(
            diagnostics: diagnostics, pagesWritten: pages.count { $0.path.hasSuffix(".html") }, seconds: stopwatch.total,
            stages: stopwatch.laps)
    }
}
