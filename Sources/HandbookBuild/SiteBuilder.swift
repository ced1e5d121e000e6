public import Foundation
public import HandbookLoading
public import HandbookModel
import HandbookRendering
import HandbookValidation
public import HandbookVersions

/// Runs the stages of `handbook build`: load and check, editions, render, search, write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The content folder, where git finds the editions.
        public var contentDirectory: URL
        /// The sources: by default the content folder on disk.
        public var content: any ContentTree
        public var themeDirectory: URL
        public var today: CalendarDate
        /// Treat warnings as errors.
        public var strict: Bool
        /// Where tagged editions and page histories come from.
        public var git: any GitClient

        public init(
            contentDirectory: URL, content: (any ContentTree)? = nil, themeDirectory: URL, today: CalendarDate,
            strict: Bool = false, git: any GitClient = CommandLineGit()
        ) {
            self.contentDirectory = contentDirectory
            self.content = content ?? DiskContentTree(root: contentDirectory)
            self.themeDirectory = themeDirectory
            self.today = today
            self.strict = strict
            self.git = git
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
    public let output: any SiteOutput

    public init(options: Options, output: any SiteOutput) {
        self.options = options
        self.output = output
    }

    /// Checks, then renders and writes the site unless the check failed; a failed check leaves
    /// the output exactly as it was.
    public func build() async throws -> Report {
        var stopwatch = Stopwatch()
        let (index, checkDiagnostics) = try ContentCheck(content: options.content, today: options.today).run()
        async let lastChanges = LastChanges.load(contentDirectory: options.contentDirectory, git: options.git)
        let history = await EditionHistory.load(
            latest: index, contentDirectory: options.contentDirectory, today: options.today, git: options.git)
        let diagnostics = (checkDiagnostics + history.diagnostics).sortedForReport()
        let contexts = EditionContext.contexts(of: history, lastChanges: await lastChanges)
        stopwatch.lap("load and check")
        guard !diagnostics.failsRun(strict: options.strict) else {
            return Report(diagnostics: diagnostics, pagesWritten: nil, seconds: stopwatch.total, stages: stopwatch.laps)
        }
        let theme = try Theme.load(from: options.themeDirectory, language: index.handbook.config.language)
        var pages: [OutputFile] = []
        // Old editions link to the latest edition's pages; only a site with editions has them.
        let cache = EditionCache(
            output: output, theme: theme, editions: history.editions,
            latestPages: contexts.first.flatMap { $0?.edition.pages } ?? [], today: options.today)
        // Editions the previous build rendered from the same commit are taken from its output.
        var renderers: [SiteRenderer] = []
        for (edition, context) in zip(history.editions, contexts) {
            if let tag = edition.tag, let cached = cache.files(of: tag) {
                pages += cached
                continue
            }
            let renderer = SiteRenderer(index: edition.index, theme: theme, today: options.today, edition: context)
            renderers.append(renderer)
            pages += renderer.render()
            if let tag = edition.tag { pages.append(cache.stamp(of: tag)) }
        }
        stopwatch.lap("render pages")
        let searchIndex = renderers.flatMap { $0.searchIndex().files }
        stopwatch.lap("search index")
        let feeds = EditionFeeds(history: history, theme: theme, config: index.handbook.config, today: options.today)
        try output.replace(with: pages + searchIndex + feeds.files() + theme.assetFiles())
        stopwatch.lap("write")
        return Report(
            diagnostics: diagnostics, pagesWritten: pages.count { $0.path.hasSuffix(".html") },
            seconds: stopwatch.total, stages: stopwatch.laps)
    }
}
