import Foundation

/// The editions of a site, the latest first, with what changed between them.
struct EditionHistory: Sendable {
    /// Every edition, the latest (the working tree) first, then the tags, newest first.
    let editions: [Edition]
    /// The editions as the version switcher sees them, with their pages; in `editions` order.
    let summaries: [EditionContext.Summary]
    /// What changed in each edition since the next older one; nil for the oldest.
    let changes: [HandbookChanges?]
    /// The last commit that changed each source file, by path in the content folder.
    let lastChanges: [String: GitCommit]
    /// Editions that cannot be published, and policies changed without a new version.
    let diagnostics: [Diagnostic]

    /// Reads the tagged editions of the content folder's repository; without git or tags the
    /// history holds the latest edition alone.
    static func load(latest index: HandbookIndex, contentDirectory: URL, today: CalendarDate, git: any GitClient)
        -> EditionHistory
    {
        let loader = EditionLoader(git: git, contentDirectory: contentDirectory, today: today)
        let (tagged, loadDiagnostics) = loader.taggedEditions(pattern: index.handbook.config.editionTags)
        let version = index.handbook.config.version
        let latest = Edition(tag: nil, name: version.isEmpty ? "latest" : version, folder: "", index: index)
        let editions = [latest] + tagged.reversed()
        var changes: [HandbookChanges?] = []
        for position in editions.indices {
            changes.append(
                position + 1 < editions.count
                    ? HandbookChanges(from: editions[position + 1].index.handbook, to: editions[position].index.handbook) : nil)
        }
        var diagnostics = loadDiagnostics
        if let newest = tagged.last {
            diagnostics += EditionRules.check(previous: newest, current: latest)
        }
        let summaries = editions.map { edition in
            EditionContext.Summary(
                name: edition.name, folder: edition.folder, isLatest: edition.isLatest,
                pages: SitePlan(edition.index, withEditions: editions.count > 1, withHistory: edition.isLatest).paths)
        }
        return EditionHistory(
            editions: editions, summaries: summaries, changes: changes,
            lastChanges: Self.lastChanges(git: git, contentDirectory: contentDirectory), diagnostics: diagnostics)
    }

    private static func lastChanges(git: any GitClient, contentDirectory: URL) -> [String: GitCommit] {
        let content = contentDirectory.standardizedFileURL.resolvingSymlinksInPath()
        guard let repository = git.topLevel(of: content)?.resolvingSymlinksInPath() else { return [:] }
        let relative = String(content.path.dropFirst(repository.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let changes = try? git.lastChanges(under: relative.isEmpty ? "." : relative, in: repository) else { return [:] }
        let prefix = relative.isEmpty ? "" : relative + "/"
        return Dictionary(
            changes.compactMap { path, commit in path.hasPrefix(prefix) ? (String(path.dropFirst(prefix.count)), commit) : nil },
            uniquingKeysWith: { first, _ in first })
    }

    /// The renderer's view of the history from the edition at `position`; nil for a site
    /// without tagged editions.
    func context(for position: Int) -> EditionContext? {
        guard editions.count > 1 || !lastChanges.isEmpty else { return nil }
        return EditionContext(
            editions: summaries, current: position, changes: editions.count > 1 ? changes[position] : nil,
            previousName: position + 1 < editions.count ? editions[position + 1].name : nil,
            lastChanges: editions[position].isLatest ? lastChanges : [:],
            policyHistory: position == 0 && editions.count > 1 ? policyHistory() : [:])
    }

    /// For each policy of the latest edition, the editions it appears in, newest first, each
    /// with what changed since the next older edition.
    private func policyHistory() -> [String: [PolicyHistoryEntry]] {
        var history: [String: [PolicyHistoryEntry]] = [:]
        for policy in editions[0].index.handbook.policies {
            let id = policy.id.value
            history[id] = editions.indices.compactMap { position in
                guard let version = editions[position].index.policiesByID[id] else { return nil }
                let hadPolicy = position + 1 < editions.count && editions[position + 1].index.policiesByID[id] != nil
                let change = hadPolicy ? changes[position]?.policies.first { $0.id == id } : nil
                return PolicyHistoryEntry(
                    edition: editions[position].name, folder: editions[position].folder, version: version.version,
                    effective: version.effective?.description ?? "", first: !hadPolicy, change: change)
            }
        }
        return history
    }

    /// `versions.json` (the editions, for tools and scripts) and `changes.xml` (an Atom feed of
    /// what changed in each edition).
    func feeds(theme: Theme, config: HandbookConfig, today: CalendarDate) -> [OutputFile] {
        guard editions.count > 1 else { return [] }
        let versions = "{\"editions\":[" + editions.map { edition in
            JSONText.object([
                "name": JSONText.string(edition.name), "path": JSONText.string(edition.folder),
                "latest": edition.isLatest ? "true" : "false", "commit": JSONText.string(edition.tag?.commit ?? ""),
                "date": JSONText.string(edition.tag?.date ?? ""),
            ])
        }.joined(separator: ",") + "]}\n"

        func escape(_ text: String) -> String { HTMLEscaping.text(text) }
        var feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        feed += "  <title>\(escape(config.title)) · \(escape(theme.string("changes_title")))</title>\n"
        feed += "  <id>\(escape(config.baseURL))changes.xml</id>\n"
        feed += "  <link rel=\"self\" href=\"\(escape(config.baseURL))changes.xml\"/>\n"
        feed += "  <updated>\(today)T00:00:00Z</updated>\n"
        feed += "  <author><name>\(escape(config.title))</name></author>\n"
        for (position, edition) in editions.enumerated() {
            guard let changes = changes[position], !changes.isEmpty else { continue }
            let url = config.baseURL + edition.folder + SiteRoutes.changes
            let updated = edition.tag.map { String($0.date.prefix(10)) } ?? today.description
            let summary = changes.all.map { change in
                "<li>\(escape(theme.string("change_\(change.kind.rawValue)"))) \(escape(change.id)) \(escape(change.title))</li>"
            }.joined()
            // A tagged edition's page is permanent; the working tree's entry is named by its
            // content, so that it stays one entry until what it says changes.
            let id = edition.tag == nil ? url + "#" + ContentHash.of(summary) : url
            feed += "  <entry>\n    <title>\(escape(edition.name))</title>\n    <id>\(escape(id))</id>\n"
            feed += "    <link href=\"\(escape(url))\"/>\n    <updated>\(updated)T00:00:00Z</updated>\n"
            feed += "    <content type=\"html\">\(escape("<ul>" + summary + "</ul>"))</content>\n  </entry>\n"
        }
        feed += "</feed>\n"
        return [
            OutputFile(path: "versions.json", contents: Data(versions.utf8)),
            OutputFile(path: "changes.xml", contents: Data(feed.utf8)),
        ]
    }
}

/// Reuses a tagged edition's pages from the previous build when nothing that shapes them
/// changed: the tag's commit, the list of editions (which every page's switcher shows), the
/// theme and the tool.
struct EditionCache: Sendable {
    let outputDirectory: URL
    /// What besides the commit the pages depend on.
    let fingerprint: String

    /// - Parameter latestPages: The latest edition's pages, to which old pages link.
    init(outputDirectory: URL, theme: Theme, editions: [Edition], latestPages: Set<String>, today: CalendarDate) {
        self.outputDirectory = outputDirectory
        let tool = Bundle.main.executableURL.flatMap {
            try? FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date
        }
        fingerprint = ContentHash.of(
            editions.map { "\($0.name)@\($0.tag?.commit ?? "")" }.joined(separator: ",") + "|" + theme.fingerprint + "|"
                + "\(tool?.timeIntervalSince1970 ?? 0)|\(today)|" + latestPages.sorted().joined(separator: ","))
    }

    private func key(of tag: GitTag) -> String { "\(tag.commit) \(fingerprint)\n" }

    private func folder(of tag: GitTag) -> String { "v/\(EditionLoader.folderName(tag.name))/" }

    /// The file that records which commit and fingerprint an edition's folder was built from.
    func stamp(of tag: GitTag) -> OutputFile {
        OutputFile(path: folder(of: tag) + ".edition", contents: Data(key(of: tag).utf8))
    }

    /// The previous build's files of the edition, if built from the same commit and fingerprint.
    func files(of tag: GitTag) -> [OutputFile]? {
        let root = outputDirectory.appendingPathComponent(folder(of: tag))
        guard let stamp = FileManager.default.contents(atPath: root.appendingPathComponent(".edition").path),
            String(decoding: stamp, as: UTF8.self) == key(of: tag),
            let enumerator = FileManager.default.enumerator(atPath: root.path)
        else { return nil }
        var files: [OutputFile] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            files.append(OutputFile(path: folder(of: tag) + relative, contents: data))
        }
        return files
    }
}
