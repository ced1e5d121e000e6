import Foundation
public import HandbookModel

/// Builds the static search index: a small manifest, term shards and page fragments.
///
/// ```
/// search/manifest.json            {"f":fragments hash, "k":buckets, "n":fragments, "s":[shard hash per bucket], "v":2}
/// search/s/<bucket>.<hash>.json   {"<term>": [section delta, weight, section delta, weight, …], …}
/// search/f/<hash>/<n>.json        [[url, title, heading, text], …] — a few consecutive sections
/// ```
///
/// A section's id is `fragment × 256 + its position in the fragment`, so the client knows
/// which fragment file holds it. Fragments hold consecutive sections up to about 3 KB, so that
/// showing ten results fetches little more than their text. A query fetches the manifest, the
/// shard of each of its terms and the fragments of the results it shows, never the whole index. Each file also exists as `.js`,
/// calling `__handbookSearch(path, data)`, because browsers refuse `fetch` on `file://` pages
/// but run scripts. A term's shard is chosen by hashing its key: the whole term for CJK terms,
/// the first two characters for words, so that a word's prefixes land in the same shard.
///
/// Ranking is precomputed into each posting's weight: 1000 when the term is in the page title
/// (on the page's top section), 300 when it is in the section heading, plus the term's BM25
/// score in the section text scaled to at most 299. The client adds the weights of the query's
/// terms and ranks sections by how many terms they match, then by that sum.
public struct SearchIndexBuilder: Sendable {
    public static let titleWeight = 1000
    public static let headingWeight = 300
    /// Section ids reserve this many positions per fragment.
    public static let sectionsPerFragment = 256
    /// Bytes of text after which a fragment takes no further section.
    static let fragmentBytes = 3000
    /// Terms a typical query looks up, for sizing buckets.
    static let typicalQueryTerms = 3

    /// Consecutive sections, grouped into the fragment files that will hold them.
    package let fragments: [[SearchSection]]

    /// - Parameter pages: The sections of each page, in page order.
    public init(pages: [[SearchSection]]) {
        var fragments: [[SearchSection]] = []
        var bytes = 0
        for section in pages.joined() {
            let size =
                section.url.utf8.count + section.title.utf8.count + section.heading.utf8.count
                + min(section.text.utf8.count, 4000)
            if fragments.isEmpty || bytes + size > Self.fragmentBytes
                || fragments[fragments.count - 1].count == Self.sectionsPerFragment
            {
                fragments.append([])
                bytes = 0
            }
            fragments[fragments.count - 1].append(section)
            bytes += size
        }
        self.fragments = fragments
    }

    /// The key whose hash picks a term's shard.
    public static func shardKey(_ term: String) -> String {
        guard let first = term.unicodeScalars.first, !SearchTokenizer.isCJKScalar(first) else { return term }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: term.unicodeScalars.prefix(2))
        return String(key)
    }

    /// 32-bit FNV-1a over UTF-8, as in the client.
    public static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// How often each term occurs in one section's fields.
    private struct Counts: Sendable {
        var title = false
        var heading = false
        var body = 0
        /// Whether the term occurs only as the end of a longer word (`ustomers` of `customers`).
        var suffixOnly = true
    }

    /// The terms of a text to index: its terms, and the suffixes of its words (down to two
    /// letters; not of numbers), so that a query starting inside a word still finds it; the
    /// client matches word terms by prefix, so `ustom` finds the suffix `ustomers`.
    private static func indexTerms(_ text: String) -> [(term: String, isSuffix: Bool)] {
        var result: [(term: String, isSuffix: Bool)] = []
        for term in SearchTokenizer.terms(text) {
            result.append((term.text, false))
            // Numbers are looked up whole or by their start: no one quotes the middle of one.
            guard term.kind == .word, term.text.unicodeScalars.count > 2,
                !term.text.unicodeScalars.allSatisfy({ $0.properties.numericType != nil })
            else { continue }
            var scalars = Substring(term.text).unicodeScalars.dropFirst()
            while scalars.count >= 2 {
                result.append((String(Substring(scalars)), true))
                scalars = scalars.dropFirst()
            }
        }
        return result
    }

    /// Postings per term: section ids ascending, each with its weight.
    public func postings() -> [String: [(section: Int, weight: Int)]] {
        let numbered = fragments.enumerated().flatMap { fragment, sections in
            sections.enumerated().map { (id: fragment * Self.sectionsPerFragment + $0.offset, section: $0.element) }
        }
        // Tokenising is most of the work, and independent per section.
        let counted = numbered.concurrentMap { entry -> (id: Int, counts: [String: Counts], length: Int) in
            var counts: [String: Counts] = [:]
            func note(_ item: (term: String, isSuffix: Bool), _ update: (inout Counts) -> Void) {
                update(&counts[item.term, default: Counts()])
                if !item.isSuffix { counts[item.term]?.suffixOnly = false }
            }
            if entry.section.isPageTop {
                for item in Self.indexTerms(entry.section.title) { note(item) { $0.title = true } }
            }
            for item in Self.indexTerms(entry.section.heading) { note(item) { $0.heading = true } }
            let body = Self.indexTerms(entry.section.text)
            for item in body { note(item) { $0.body += 1 } }
            return (entry.id, counts, body.count { !$0.isSuffix })
        }
        let count = Double(max(counted.count, 1))
        // Rounded, so that a small edit elsewhere does not change every weight and thereby the
        // name of every shard.
        let averageLength = max(8, (Double(counted.reduce(0) { $0 + $1.length }) / count / 8).rounded() * 8)
        var documentFrequency: [String: Int] = [:]
        for section in counted {
            for (term, value) in section.counts where value.body > 0 { documentFrequency[term, default: 0] += 1 }
        }
        var postings: [String: [(section: Int, weight: Int)]] = [:]
        for section in counted {
            for (term, value) in section.counts {
                var weight = (value.title ? Self.titleWeight : 0) + (value.heading ? Self.headingWeight : 0)
                if value.body > 0 {
                    let frequency = Double(documentFrequency[term] ?? 1)
                    let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
                    let tf = Double(value.body)
                    let norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(section.length) / averageLength))
                    weight += min(299, max(1, Int((idf * norm * 20).rounded())))
                }
                // A match inside a word counts for less than a match of a word or its start.
                if value.suffixOnly { weight = max(1, weight / 4) }
                postings[term, default: []].append((section.id, weight))
            }
        }
        return postings
    }

    /// Every file of the index, under `search/`.
    public func files() -> [OutputFile] {
        let postings = postings()
        // A query fetches the manifest (about 11 bytes per bucket) and one shard per term
        // (total / buckets each); the sum is smallest near sqrt(terms × total / 11) buckets.
        let totalBytes = postings.reduce(0) { $0 + $1.key.utf8.count + 8 + $1.value.count * 6 }
        let bestBuckets = Double(Self.typicalQueryTerms * totalBytes / 11).squareRoot()
        var buckets = 8
        while buckets < 4096, Double(buckets) * 1.5 < bestBuckets { buckets *= 2 }

        var shardTerms = [[String: String]](repeating: [:], count: buckets)
        for (term, list) in postings {
            var encoded: [Int] = []
            encoded.reserveCapacity(list.count * 2)
            var previous = 0
            for posting in list {
                encoded.append(posting.section - previous)
                encoded.append(posting.weight)
                previous = posting.section
            }
            shardTerms[Int(Self.fnv1a(Self.shardKey(term)) % UInt32(buckets))][term] = JSONText.array(encoded)
        }

        var files: [OutputFile] = []
        var shardHashes: [String] = []
        for (bucket, terms) in shardTerms.enumerated() {
            guard !terms.isEmpty else {
                shardHashes.append("")
                continue
            }
            let json = JSONText.object(terms)
            let hash = ContentHash.of(json)
            shardHashes.append(hash)
            files += Self.pair(path: "s/\(bucket).\(hash)", json: json)
        }

        let fragmentTexts = fragments.map { sections in
            "["
                + sections.map { section in
                    "["
                        + [section.url, section.title, section.heading, String(section.text.prefix(4000))]
                        .map(JSONText.string).joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
        }
        let fragmentsHash = ContentHash.of(fragmentTexts.joined(separator: "\n"))
        for (number, json) in fragmentTexts.enumerated() {
            files += Self.pair(path: "f/\(fragmentsHash)/\(number)", json: json)
        }

        let manifest = JSONText.object([
            "f": JSONText.string(fragmentsHash), "k": String(buckets), "n": String(fragments.count),
            "s": "[" + shardHashes.map(JSONText.string).joined(separator: ",") + "]", "v": "2",
        ])
        files += Self.pair(path: "manifest", json: manifest)
        return files
    }

    /// `path.json` and `path.js`, the latter for pages opened from disk.
    private static func pair(path: String, json: String) -> [OutputFile] {
        [
            OutputFile(path: "search/\(path).json", contents: Data(json.utf8)),
            OutputFile(path: "search/\(path).js", contents: Data("__handbookSearch(\"\(path)\",\(json));\n".utf8)),
        ]
    }
}
