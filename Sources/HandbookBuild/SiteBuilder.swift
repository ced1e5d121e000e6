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
        /// The handbook's language, once its settings could be read.
        public var language: HandbookConfig.Language? = nil
    }

    /// Pages rendered before they are handed to the output: enough to keep both cores busy,
    /// few enough that memory does not grow with the handbook.
    static let batchSize = 256

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
        let options = self.options
        let (index, checkDiagnostics) = try await runBlocking {
            try ContentCheck(content: options.content, today: options.today).run()
        }
        async let lastChanges = LastChanges.load(contentDirectory: options.contentDirectory, git: options.git)
        let history = await EditionHistory.load(
            latest: index, contentDirectory: options.contentDirectory, today: options.today, git: options.git)
        let diagnostics = (checkDiagnostics + history.diagnostics).sortedForReport()
        let contexts = EditionContext.contexts(of: history, lastChanges: await lastChanges)
        stopwatch.lap("load and check")
        guard !diagnostics.failsRun(strict: options.strict) else {
            return Report(
                diagnostics: diagnostics, pagesWritten: nil, seconds: stopwatch.total, stages: stopwatch.laps,
                language: index.handbook.config.language)
        }
        let (pagesWritten, laps) = try await runBlocking { [self, stopwatch] in
            var stopwatch = stopwatch
            let pagesWritten = try write(index: index, history: history, contexts: contexts, stopwatch: &stopwatch)
            return (pagesWritten, stopwatch)
        }
        stopwatch = laps
        return Report(
            diagnostics: diagnostics, pagesWritten: pagesWritten, seconds: stopwatch.total, stages: stopwatch.laps,
            language: index.handbook.config.language)
    }

    /// Renders every edition, its search index, feeds and assets into a new version of the
    /// output, and puts it in place; returns the number of pages written.
    private func write(
        index: HandbookIndex, history: EditionHistory, contexts: [EditionContext?], stopwatch: inout Stopwatch
    ) throws -> Int {
        let theme = try Theme.load(from: options.themeDirectory, language: index.handbook.config.language)
        // Old editions link to the latest edition's pages; only a site with editions has them.
        let cache = EditionCache(
            output: output, theme: theme, editions: history.editions,
            latestPages: contexts.first.flatMap { $0?.edition.pages } ?? [], today: options.today)
        let writer = try output.begin()
        var pagesWritten = 0
        do {
            func write(_ files: [OutputFile]) throws {
                try writer.add(files)
                pagesWritten += files.count { $0.path.hasSuffix(".html") }
            }
            // Editions the previous build rendered from the same commit are taken from its output.
            var renderers: [SiteRenderer] = []
            for (edition, context) in zip(history.editions, contexts) {
                if let tag = edition.tag, let cached = cache.files(of: tag) {
                    try write(cached)
                    continue
                }
                let renderer = SiteRenderer(index: edition.index, theme: theme, today: options.today, edition: context)
                renderers.append(renderer)
                try renderer.render(batchSize: Self.batchSize, write)
                if let tag = edition.tag { try write([cache.stamp(of: tag)]) }
            }
            stopwatch.lap("render and write pages")
            for renderer in renderers { try write(renderer.searchIndex().files) }
            stopwatch.lap("search index")
            let feeds = EditionFeeds(
                history: history, theme: theme, config: index.handbook.config, today: options.today)
            try write(feeds.files() + theme.assetFiles())
            try writer.commit()
            stopwatch.lap("finish")
        } catch {
            writer.discard()
            throw error
        }
        return pagesWritten
    }
}
