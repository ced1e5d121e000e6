public import Foundation
public import HandbookLoading
public import HandbookModel
import HandbookRendering
import HandbookSearch
import HandbookValidation
public import HandbookVersions

/// Runs the stages of `handbook build`: load and check, editions, render, search, write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The content folder, where git finds the editions.
        public var contentDirectory: URL
        /// The sources: by default the content folder on disk.
        public var content: any ContentTree
        /// A theme folder that changes the built-in theme; nil for the built-in theme.
        public var themeDirectory: URL?
        public var today: CalendarDate
        /// Treat warnings as errors.
        public var strict: Bool
        /// Where tagged editions and page histories come from.
        public var git: any GitClient
        /// Sources and Markdown from an earlier build, reused where unchanged (`handbook serve`).
        public var sourceCache: SourceCache?

        public init(
            contentDirectory: URL, content: (any ContentTree)? = nil, themeDirectory: URL? = nil, today: CalendarDate,
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
        /// Pages rendered by this run; fewer than `pagesWritten` when a rebuild kept the others.
        public var pagesRendered = 0
        /// What a later rebuild can start from, when the run was asked to remember it.
        public var memory: BuildMemory? = nil
    }

    /// The latest edition as a build left it: its index and what each of its files is made of,
    /// from which a rebuild after a few changed files works out what to render again.
    public struct BuildMemory: Sendable {
        let index: HandbookIndex
        let plan: SitePlan
        let graph: PageGraph
        let themeFingerprint: String
        /// The latest edition's search index, updated in place by the next rebuild.
        let search: SearchIndex
        /// Parts of the latest edition's pages, reused by the next rebuild where unchanged.
        let parts: RenderCache
    }

    /// Pages rendered before they are handed to the output: enough to keep both cores busy,
    /// few enough that memory does not grow with the handbook.
    static let batchSize = 256

    /// The pages made from the changed files (`handbook serve`), handed over before the rest of
    /// a rebuild, with the check's diagnostics: an author sees the edited page while the pages
    /// that only name it, the collections and the search index are brought up to date.
    public typealias FirstPages = @Sendable (_ pages: [OutputFile], _ diagnostics: [Diagnostic]) -> Void

    /// Rebuilds that change more pages than this hand over none first.
    static let firstPagesLimit = 16

    public let options: Options
    public let output: any SiteOutput

    public init(options: Options, output: any SiteOutput) {
        self.options = options
        self.output = output
    }

    /// Checks, then renders and writes the site unless the check failed; a failed check leaves
    /// the output exactly as it was.
    public func build() async throws -> Report {
        try await build(remembering: false, since: nil)
    }

    /// ``build()``, for a server that builds again and again into the same output.
    ///
    /// - Parameters:
    ///   - remembering: Whether the report keeps the ``BuildMemory`` of this build.
    ///   - previous: The memory of the build that wrote the output, and the source files
    ///     changed since (paths in the content folder, theme files as `theme/…`); the latest
    ///     edition's pages whose inputs did not change are then kept from the output as they are.
    ///   - firstPages: Given the pages made from the changed files, rendered before anything
    ///     else the rebuild redoes.
    public func build(
        remembering: Bool, since previous: (memory: BuildMemory, changed: Set<String>)?,
        firstPages: FirstPages? = nil
    ) async throws -> Report {
        var stopwatch = Stopwatch()
        let options = self.options
        // Git's answers do not depend on the check: asked while it runs. So is the theme loaded,
        // in the language handbook.yaml names (again, after the check, if that was not it).
        async let lastChanges = LastChanges.load(contentDirectory: options.contentDirectory, git: options.git)
        let themeLanguage = ContentLoader.language(of: options.content)
        let themeLoad = startInBackground { [options] in
            Result { () throws(Theme.Failure) in
                try Theme.load(from: options.themeDirectory, language: themeLanguage)
            }
        }
        let (index, checkDiagnostics) = try await runBlocking {
            try ContentCheck(content: options.content, today: options.today, cache: options.sourceCache).run()
        }
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
        let (written, laps) = try await runBlocking { [self, stopwatch] in
            var stopwatch = stopwatch
            let language = index.handbook.config.language
            let theme =
                language == themeLanguage
                ? try themeLoad.result().get() : try Theme.load(from: options.themeDirectory, language: language)
            let written = try write(
                theme: theme, index: index, history: history, contexts: contexts, remembering: remembering,
                since: previous,
                firstPages: firstPages.map { hand in { hand($0, diagnostics) } }, stopwatch: &stopwatch)
            return (written, stopwatch)
        }
        stopwatch = laps
        let report = Report(
            diagnostics: diagnostics, pagesWritten: written.pages, seconds: stopwatch.total, stages: stopwatch.laps,
            language: index.handbook.config.language, pagesRendered: written.rendered, memory: written.memory)
        release(inBackground: (consume index, consume history, consume contexts))
        return report
    }

    /// Renders every edition with `theme`, its search index, feeds and assets into a new version
    /// of the output, and puts it in place; returns the pages written and rendered, and the memory.
    private func write(
        theme: Theme, index: HandbookIndex, history: EditionHistory, contexts: [EditionContext?], remembering: Bool,
        since previous: (memory: BuildMemory, changed: Set<String>)?, firstPages: (([OutputFile]) -> Void)?,
        stopwatch: inout Stopwatch
    ) throws -> (pages: Int, rendered: Int, memory: BuildMemory?) {
        // Old editions link to the latest edition's pages; only a site with editions has them.
        let cache = EditionCache(
            output: output, theme: theme, editions: history.editions,
            latestPages: contexts.first.flatMap { $0?.edition.pages } ?? [], today: options.today)
        let writer = try output.begin()
        var pagesWritten = 0
        var pagesRendered = 0
        var memory: BuildMemory?
        do {
            func write(_ files: [OutputFile]) throws {
                try writer.add(files)
                pagesWritten += files.count { $0.path.hasSuffix(".html") }
            }
            // Editions the previous build rendered from the same commit are taken from its output.
            // Each renderer's search index is built beside its pages and written between two
            // batches of pages once it is done, or after the pages; but for the latest edition of
            // a remembered build, whose page graph needs it first.
            var searchIndexes: [BackgroundWork<[OutputFile]>] = []
            func writeSearchIndexes(waiting: Bool) throws {
                while let first = searchIndexes.first, waiting || first.isFinished {
                    try write(first.result())
                    searchIndexes.removeFirst()
                }
            }
            func render(_ files: [OutputFile]) throws {
                try write(files)
                pagesRendered += files.count { $0.path.hasSuffix(".html") }
                try writeSearchIndexes(waiting: false)
            }
            var latestSearch: [OutputFile] = []
            for (edition, context) in zip(history.editions, contexts) {
                if let tag = edition.tag, let cached = cache.files(of: tag) {
                    try write(cached)
                    continue
                }
                let parts = previous?.memory.parts ?? RenderCache()
                let remembers = edition.tag == nil && (remembering || previous != nil)
                let renderer = SiteRenderer(
                    index: edition.index, theme: theme, today: options.today, edition: context,
                    cache: remembers ? parts : nil)
                guard remembers else {
                    // The search index is built beside the pages: its serial parts, and the
                    // pages' writes, which the file system serialises per folder, leave room.
                    searchIndexes.append(startInBackground { renderer.searchIndex().files })
                    try renderer.render(batchSize: Self.batchSize, render)
                    if let tag = edition.tag { try write([cache.stamp(of: tag)]) }
                    continue
                }
                let sameTheme = previous?.memory.themeFingerprint == theme.fingerprint
                let changes = previous.map {
                    SiteInput.changes(
                        from: $0.memory.index, plan: $0.memory.plan, to: edition.index, plan: renderer.plan,
                        files: $0.changed)
                }
                var first: [OutputFile] = []
                if let previous, sameTheme, let changes, let firstPages {
                    let sources = changes.filter { if case .source = $0 { true } else { false } }
                    let pages = renderer.pages(madeFrom: sources, in: previous.memory.graph)
                    if !pages.isEmpty, pages.count <= Self.firstPagesLimit {
                        renderer.render(batchSize: .max, only: pages) { first += $0 }
                        firstPages(first)
                        stopwatch.lap("first pages")
                    }
                }
                // The page graph of the latest edition needs its search index first.
                stopwatch.lap("render and write pages")
                let searchIndex = previous?.memory.search ?? SearchIndex()
                let search = renderer.searchIndex(updating: searchIndex)
                latestSearch = search.files
                stopwatch.lap("search index")
                let graph = renderer.graph(searchIndex: search)
                memory = BuildMemory(
                    index: edition.index, plan: renderer.plan, graph: graph, themeFingerprint: theme.fingerprint,
                    search: searchIndex,
                    parts: parts)
                guard let previous, sameTheme, let changes else {
                    try renderer.render(batchSize: Self.batchSize, render)
                    continue
                }
                // The search index is written whole below; every other file the changes do not
                // reach stays as the previous build wrote it, if the output still has it.
                let searchFiles = Set(search.files.map(\.path))
                try render(first)
                let firstPaths = Set(first.map(\.path))
                var redo = PageGraph.rebuild(from: previous.memory.graph, to: graph, changed: changes).write
                    .subtracting(searchFiles).subtracting(firstPaths)
                for path in graph.inputs.keys
                where !redo.contains(path) && !searchFiles.contains(path) && !firstPaths.contains(path) {
                    if previous.memory.graph.inputs[path] != nil, let data = output.existingFile(at: path) {
                        try write([OutputFile(path: path, contents: data)])
                    } else {
                        redo.insert(path)
                    }
                }
                stopwatch.lap("page graph")
                try renderer.render(batchSize: Self.batchSize, only: redo, render)
            }
            // The content's downloads, once, at the site's root, for every edition.
            for path in index.handbook.files.sorted() {
                if let folder = options.content as? DiskContentTree {
                    if let source = folder.fileURL(of: path) { try writer.add(copyOf: source, at: path) }
                } else if let data = options.content.contents(of: path) {
                    try write([OutputFile(path: path, contents: data)])
                }
            }
            stopwatch.lap("render and write pages")
            try writeSearchIndexes(waiting: true)
            try write(latestSearch)
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
        return (pagesWritten, pagesRendered, remembering ? memory : nil)
    }
}
