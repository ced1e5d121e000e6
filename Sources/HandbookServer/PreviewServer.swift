import Foundation
public import HandbookBuild
import HandbookLoading
import HandbookModel
import HandbookRendering
import HandbookWatching
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// `handbook serve`: builds the site into memory, serves it over HTTP, and builds it again
/// whenever a file of the content or theme folder changes; open pages reload by themselves and
/// show the problems of the last check over the page.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: SiteBuilder.Options
        public var host: String
        public var port: Int
        /// Where the server's lines go: the address, then one line per rebuild.
        public var log: @Sendable (String) -> Void

        public init(build: SiteBuilder.Options, host: String, port: Int, log: @escaping @Sendable (String) -> Void) {
            self.build = build
            self.host = host
            self.port = port
            self.log = log
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Serves until the process receives SIGINT or SIGTERM; throws if the port cannot be bound.
    /// `onReady` gets the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let site = ServedSite()
        let live = LiveReload()
        let builder = Rebuilder(options: options, site: site, live: live)
        await builder.rebuild(after: nil)
        let watcher = try FolderWatcher(
            roots: [.init(directory: options.build.contentDirectory)]
                + (options.build.themeDirectory.map { [.init(directory: $0, prefix: "theme/")] } ?? []))
        let host = options.host
        let app = Application(
            router: SiteRouter.make(site: site, live: live),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "handbook"),
            services: [WatchService(watcher: watcher, builder: builder, live: live)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onReady("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: {
                var logger = Logger(label: "handbook serve")
                logger.logLevel = .error
                return logger
            }())
        try await app.runService()
    }
}

/// Rebuilds on each batch of changes until the server shuts down.
private struct WatchService: Service {
    let watcher: FolderWatcher
    let builder: Rebuilder
    let live: LiveReload

    func run() async throws {
        let watcher = self.watcher
        let builder = self.builder
        let live = self.live
        await withGracefulShutdownHandler {
            for await batch in watcher.changes { await builder.rebuild(after: batch) }
        } onGracefulShutdown: {
            watcher.stop()
            live.close()
        }
    }
}

/// One build at a time into memory, then the served site, the open pages and the terminal told.
private actor Rebuilder {
    let options: PreviewServer.Options
    let site: ServedSite
    let live: LiveReload
    private let output = MemoryOutput()
    /// The last good build, and the files changed since: what a rebuild starts from.
    private var memory: SiteBuilder.BuildMemory?
    private var changedSinceMemory: Set<String> = []
    /// The handbook's language at the last build, for the overlay's labels.
    private var language: HandbookConfig.Language?
    private var knownLabels: (language: HandbookConfig.Language, labels: [String: String])?

    init(options: PreviewServer.Options, site: ServedSite, live: LiveReload) {
        var options = options
        options.build.sourceCache = SourceCache()
        self.options = options
        self.site = site
        self.live = live
    }

    /// Builds again; `changed` is the batch of changed sources, nil for the first build.
    func rebuild(after changed: Set<String>?) async {
        let before = output.files
        changedSinceMemory.formUnion(changed ?? [])
        if changed?.contains(where: { $0.hasPrefix("theme/") }) ?? true { knownLabels = nil }
        // A batch that names a folder (or a whole root) says only that something in it changed.
        let namesFilesOnly = changedSinceMemory.allSatisfy { !$0.isEmpty && !$0.hasSuffix("/") }
        let previous = memory.flatMap { namesFilesOnly ? ($0, changedSinceMemory) : nil }
        let report: SiteBuilder.Report
        let site = self.site
        let live = self.live
        let contentDirectory = options.build.contentDirectory
        let firstLabels = labels(for: language)
        let clock = ContinuousClock()
        let start = clock.now
        let firstServed = Mutex<Duration?>(nil)
        do {
            report = try await SiteBuilder(options: options.build, output: output).build(
                remembering: true, since: previous
            ) { pages, diagnostics in
                live.report(ProblemReport(diagnostics, contentDirectory: contentDirectory, labels: firstLabels).json)
                live.changed(
                    Self.serve(Dictionary(pages.map { ($0.path, $0.contents) }) { $1 }, removing: [], on: site))
                firstServed.withLock { $0 = clock.now - start }
            }
        } catch {
            options.log("\(describe(changed))error: \(error)")
            live.report(ProblemReport(failure: "\(error)", labels: labels(for: nil)).json)
            return
        }
        let problems = ProblemReport(
            report.diagnostics, contentDirectory: options.build.contentDirectory, labels: labels(for: report.language))
        live.report(problems.json)
        if !report.diagnostics.isEmpty {
            options.log(DiagnosticFormatter.text(report.diagnostics, pathPrefix: ""))
        }
        guard report.pagesWritten != nil else {
            let errors = report.diagnostics.errorCount
            options.log(
                "\(describe(changed))\(errors) error\(errors == 1 ? "" : "s"); still serving the last good build")
            return
        }
        memory = report.memory
        language = report.language
        changedSinceMemory = []
        let after = output.files
        let changedFiles = Set(after.keys.filter { before[$0] != after[$0] }).union(
            before.keys.filter { after[$0] == nil })
        let served = Self.serve(
            after.filter { changedFiles.contains($0.key) }, removing: changedFiles.filter { after[$0] == nil },
            on: site)
        live.changed(served)
        let stages = report.stages.map { "\($0.name) " + String(format: "%.2f s", $0.seconds) }
        let first = firstServed.withLock { $0 }.map { duration in
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return "edited page served in " + String(format: "%.2f s", seconds) + "; "
        }
        options.log(
            "\(describe(changed))\(first ?? "")rendered \(report.pagesRendered) of \(report.pagesWritten ?? 0) pages, "
                + "\(changedFiles.count) files changed, in " + String(format: "%.2f s", report.seconds)
                + " (\(stages.joined(separator: ", ")))")
    }

    /// Serves `changed` (pages with the live-reload script) and no longer `removed`; returns the
    /// paths whose served bytes changed, which open pages are told of. Only what changed is
    /// prepared again; the served copies of the rest stay.
    private static func serve(_ changed: [String: Data], removing removed: Set<String>, on site: ServedSite)
        -> Set<String>
    {
        var updated: [String: Data] = [:]
        for (path, data) in changed {
            let prepared = path.hasSuffix(".html") ? withLiveReload(data) : data
            if site.file(at: path)?.contents != prepared { updated[path] = prepared }
        }
        let gone = removed.filter { site.file(at: $0) != nil }
        site.update(updated, removing: gone)
        return Set(updated.keys).union(gone)
    }

    private func describe(_ changed: Set<String>?) -> String {
        guard let changed else { return "" }
        let shown = changed.sorted().prefix(3).map { $0.isEmpty ? "(content folder)" : $0 }
        return "changed \(shown.joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : ""): "
    }

    /// The overlay's labels from the theme's strings in the handbook's language, loaded again
    /// only when the language or a theme file changed.
    private func labels(for language: HandbookConfig.Language?) -> [String: String] {
        let language = language ?? HandbookConfig.defaultLanguage
        if let known = knownLabels, known.language == language { return known.labels }
        guard let theme = try? Theme.load(from: options.build.themeDirectory, language: language) else {
            return [:]
        }
        let labels = theme.strings.filter { $0.key.hasPrefix("serve_") }
        knownLabels = (language, labels)
        return labels
    }

    /// An HTML page with the live-reload script before its closing `</body>`.
    private static func withLiveReload(_ data: Data) -> Data {
        guard let end = data.range(of: Data("</body>".utf8), options: .backwards) else { return data }
        var page = data
        page.replaceSubrange(end.lowerBound..<end.lowerBound, with: Data(LiveReloadScript.tag.utf8))
        return page
    }
}
