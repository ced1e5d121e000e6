import Foundation
import HandbookModel
import HandbookRendering
import HandbookVersions

/// Reuses a tagged edition's pages from the previous build when nothing that shapes them
/// changed: the tag's commit, the list of editions (which every page's switcher shows), the
/// theme and the tool.
struct EditionCache: Sendable {
    let output: any SiteOutput
    /// What besides the commit the pages depend on.
    let fingerprint: String

    /// - Parameter latestPages: The latest edition's pages, to which old pages link.
    init(output: any SiteOutput, theme: Theme, editions: [Edition], latestPages: Set<String>, today: CalendarDate) {
        self.output = output
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
        let folder = folder(of: tag)
        guard let stamp = output.existingFile(at: folder + ".edition"),
            String(decoding: stamp, as: UTF8.self) == key(of: tag)
        else { return nil }
        return output.existingFiles(under: folder).compactMap { path in
            output.existingFile(at: path).map { OutputFile(path: path, contents: $0) }
        }
    }
}
