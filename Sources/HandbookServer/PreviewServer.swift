import Foundation
public import HandbookBuild
import HandbookLoading
import HandbookModel
import HandbookRendering
import HandbookWatching
import Hummingbird
import Logging
import ServiceLifecycle

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
        // A batch that names a folder (or a whole root) says only that something in it changed.
        let namesFilesOnly = changedSinceMemory.allSatisfy { path in
            path.split(separator: "/").last.map { $0.contains(".") } ?? false
        }
        let previous = memory.flatMap { namesFilesOnly ? ($0, changedSinceMemory) : nil }
        let report: SiteBuilder.Report
        do {
            report = try await SiteBuilder(options: options.build, output: output).build(
                remembering: true, since: previous)
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
        changedSinceMemory = []
        let after = output.files
        let changedFiles = Set(after.keys.filter { before[$0] != after[$0] }).union(
            before.keys.filter { after[$0] == nil })
        // Only what changed is prepared again; the served copies of the rest stay.
        var updated: [String: Data] = [:]
        for path in changedFiles {
            guard let data = after[path] else { continue }
            updated[path] = path.hasSuffix(".html") ? Self.withLiveReload(data) : data
        }
        site.update(updated, removing: changedFiles.filter { after[$0] == nil })
        live.changed(changedFiles)
        let stages = report.stages.map { "\($0.name) " + String(format: "%.2f s", $0.seconds) }
        options.log(
            "\(describe(changed))rendered \(report.pagesRendered) of \(report.pagesWritten ?? 0) pages, "
                + "\(changedFiles.count) files changed, in " + String(format: "%.2f s", report.seconds)
                + " (\(stages.joined(separator: ", ")))")
    }

    private func describe(_ changed: Set<String>?) -> String {
        guard let changed else { return "" }
        let shown = changed.sorted().prefix(3).map { $0.isEmpty ? "(content folder)" : $0 }
        return "changed \(shown.joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : ""): "
    }

    /// The overlay's labels from the theme's strings in the handbook's language.
    private func labels(for language: HandbookConfig.Language?) -> [String: String] {
        guard let theme = try? Theme.load(from: options.build.themeDirectory, language: language ?? .chinese) else {
            return [:]
        }
        return theme.strings.filter { $0.key.hasPrefix("serve_") }
    }

    /// An HTML page with the live-reload script before its closing `</body>`.
    private static func withLiveReload(_ data: Data) -> Data {
        guard let end = data.range(of: Data("</body>".utf8), options: .backwards) else { return data }
        var page = data
        page.replaceSubrange(end.lowerBound..<end.lowerBound, with: Data(LiveReloadScript.tag.utf8))
        return page
    }
}
