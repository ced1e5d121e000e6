import Foundation
public import HandbookModel

/// Builds the static search index: a small manifest, term shards, their tails and page
/// fragments, each file a script `__handbookSearch("<name>", <JSON>);`, which pages load with
/// a `<script>` element both over HTTP and from disk (`file://`, where `fetch` is refused).
///
/// ```
/// search/manifest.js       {"f": sections per fragment, "k": buckets, "v": version of the index}
/// search/s/<bucket>.js     {"<term>": "<postings>", …}: each term's best-weighted postings
/// search/t/<bucket>.js     {"<term>": "<postings>", …}: the rest of the terms with more
/// search/f/<n>.js          [[url, title, heading, text], …]: sections n × f to n × f + f - 1
/// ```
///
/// Sections are numbered in page order. A term's postings are its sections, ascending, each with
/// a weight, written as numbers in the ``PostingCode`` alphabet: the first section, then the
/// difference to the previous one, each followed by its weight. A term found in more than
/// ``headSize`` sections keeps its best-weighted ones in its shard, prefixed by its total
/// number of sections, and the others in the tail file of the same bucket, which a query fetches
/// only when the heads do not settle its results. A query thus fetches the manifest, one shard
/// per term and the fragments of the results it shows, never the whole index. File names stay
/// the same from build to build; the client adds `?v=<version>` so that browsers never mix two
/// versions. A term's bucket is chosen by hashing its key: the whole term for CJK terms, the first
/// two characters for words, so that a word's prefixes land in the same shard.
///
/// Ranking is precomputed into each posting's weight: 320 when the term is in the page title
/// (on the page's top section), 96 when it is in the section heading, plus the term's BM25
/// score in the section text on a logarithmic scale of at most 31, so that most postings of a
/// tail take two characters. The client adds the weights of the query's
/// terms and ranks sections by how many terms they match, then by that sum.
public struct SearchIndexBuilder: Sendable {
    public static let titleWeight = 320
    public static let headingWeight = 96
    /// The most a term's frequency in the section text adds.
    public static let bodyWeight = 31
    /// Sections per fragment file.
    public static let sectionsPerFragment = 2
    /// Postings a shard keeps per term; the rest go to the bucket's tail file.
    public static let headSize = 100
    /// Characters of a section's text kept for snippets (all of it is indexed).
    static let storedTextLength = 2000
    /// Shard bytes a query may fetch per term, for sizing buckets.
    static let shardBytes = 4000

    /// The sections of the site, in page order.
    package let sections: [SearchSection]

    /// - Parameter pages: The sections of each page, in page order.
    public init(pages: [[SearchSection]]) {
        sections = Array(pages.joined())
    }

    /// The fragment files' sections, in order.
    package var fragments: [ArraySlice<SearchSection>] {
        stride(from: 0, to: sections.count, by: Self.sectionsPerFragment).map {
            sections[$0..<min(sections.count, $0 + Self.sectionsPerFragment)]
        }
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

    /// How often each term occurs in one section's fields, in four bytes: the build holds one
    /// for every term of every section.
    private struct Counts: Sendable {
        private var bits: UInt32 = Self.suffixOnlyBit

        private static let titleBit: UInt32 = 1 << 31
        private static let headingBit: UInt32 = 1 << 30
        private static let suffixOnlyBit: UInt32 = 1 << 29
        private static let bodyMask: UInt32 = (1 << 29) - 1

        var title: Bool {
            get { bits & Self.titleBit != 0 }
            set { bits = newValue ? bits | Self.titleBit : bits & ~Self.titleBit }
        }
        var heading: Bool {
            get { bits & Self.headingBit != 0 }
            set { bits = newValue ? bits | Self.headingBit : bits & ~Self.headingBit }
        }
        /// Whether the term occurs only as the end of a longer word (`ustomers` of `customers`).
        var suffixOnly: Bool {
            get { bits & Self.suffixOnlyBit != 0 }
            set { bits = newValue ? bits | Self.suffixOnlyBit : bits & ~Self.suffixOnlyBit }
        }
        var body: Int {
            get { Int(bits & Self.bodyMask) }
            set { bits = bits & ~Self.bodyMask | UInt32(min(newValue, Int(Self.bodyMask))) }
        }
    }

    /// A term's sections so far, while the index is built.
    private struct Occurrence: Sendable {
        let section: Int32
        let counts: Counts
    }

    /// The postings of the terms of one partition, filled by one thread at a time.
    private final class PartitionLists: @unchecked Sendable {
        var lists: [String: [Occurrence]] = [:]
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
        var postings: [String: [(section: Int, weight: Int)]] = [:]
        for part in partitionedPostings() { postings.merge(part) { first, _ in first } }
        return postings
    }

    /// ``postings()`` in parts by a hash of the term, as they are computed.
    private func partitionedPostings() -> [[String: [(section: Int, weight: Int)]]] {
        // Tokenising is most of the work, and independent per section. Sections go in chunks,
        // each section's terms split into partitions by hash, so that each chunk is merged into
        // the partitions in parallel and then let go.
        let partitions = (0..<64).map { _ in PartitionLists() }
        var lengths: [Int] = []
        lengths.reserveCapacity(sections.count)
        for chunk in stride(from: 0, to: sections.count, by: 2048) {
            let counted = Array(sections.indices[chunk..<min(sections.count, chunk + 2048)]).concurrentMap {
                id -> (parts: [[(term: String, counts: Counts)]], length: Int) in
                let section = sections[id]
                let body = Self.indexTerms(section.text)
                var counts: [String: Counts] = [:]
                counts.reserveCapacity(body.count)
                func note(_ item: (term: String, isSuffix: Bool), _ update: (inout Counts) -> Void) {
                    func apply(_ value: inout Counts) {
                        update(&value)
                        if !item.isSuffix { value.suffixOnly = false }
                    }
                    apply(&counts[item.term, default: Counts()])
                }
                if section.isPageTop {
                    for item in Self.indexTerms(section.title) { note(item) { $0.title = true } }
                }
                for item in Self.indexTerms(section.heading) { note(item) { $0.heading = true } }
                for item in body { note(item) { $0.body += 1 } }
                var parts = [[(term: String, counts: Counts)]](repeating: [], count: partitions.count)
                for (term, value) in counts {
                    parts[Int(Self.fnv1a(term) % UInt32(partitions.count))].append((term, value))
                }
                return (parts, body.count { !$0.isSuffix })
            }
            _ = Array(partitions.enumerated()).concurrentMap { partition, target in
                for (offset, entry) in counted.enumerated() {
                    for (term, value) in entry.parts[partition] {
                        target.lists[term, default: []].append(
                            Occurrence(section: Int32(chunk + offset), counts: value))
                    }
                }
            }
            lengths += counted.map(\.length)
        }
        let sectionLengths = lengths
        let count = Double(max(lengths.count, 1))
        // Rounded, so that a small edit elsewhere does not change every weight and thereby the
        // name of every shard.
        let averageLength = max(8, (Double(sectionLengths.reduce(0, +)) / count / 8).rounded() * 8)
        let merged = partitions.concurrentMap { partition -> [String: [(section: Int, weight: Int)]] in
            let lists = partition.lists
            partition.lists = [:]
            return lists.mapValues { list in
                let frequency = Double(max(1, list.count { $0.counts.body > 0 }))
                let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
                return list.map { posting in
                    let value = posting.counts
                    let section = Int(posting.section)
                    var weight = (value.title ? Self.titleWeight : 0) + (value.heading ? Self.headingWeight : 0)
                    if value.body > 0 {
                        let tf = Double(value.body)
                        let norm =
                            tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(sectionLengths[section]) / averageLength))
                        // On a logarithmic scale, so that common terms (low idf) still differ.
                        let score = log2(1 + idf * norm * 8) * 4.4
                        weight += min(Self.bodyWeight, max(1, Int(score.rounded())))
                    }
                    // A match inside a word counts for less than a match of a word or its start.
                    if value.suffixOnly { weight = max(1, weight / 4) }
                    return (section, weight)
                }
            }
        }
        return merged
    }

    /// Every file of the index, under `search/`.
    public func files() -> [OutputFile] {
        var partitions = partitionedPostings()
        let headBytes = partitions.joined().reduce(0) {
            $0 + $1.key.utf8.count + 6 + min($1.value.count, Self.headSize) * 4
        }
        var buckets = 8
        while buckets < 4096, headBytes / buckets > Self.shardBytes { buckets *= 2 }

        // Each partition is let go once its terms are in their buckets: the postings are the
        // largest thing a build holds.
        var terms = [[(term: String, postings: [(section: Int, weight: Int)])]](repeating: [], count: buckets)
        for index in partitions.indices {
            for (term, list) in partitions[index] {
                terms[Int(Self.fnv1a(Self.shardKey(term)) % UInt32(buckets))].append((term, list))
            }
            partitions[index] = [:]
        }
        // Each bucket's shard and tail, then each fragment, encoded on all cores.
        let shards = terms.concurrentMap { terms -> (head: String?, tail: String?) in
            var heads: [String: String] = [:]
            var tails: [String: String] = [:]
            for (term, list) in terms {
                guard list.count > Self.headSize else {
                    heads[term] = PostingCode.encode(list)
                    continue
                }
                let best = Set(
                    list.indices.sorted { (list[$0].weight, -$0) > (list[$1].weight, -$1) }.prefix(Self.headSize))
                heads[term] =
                    PostingCode.encode(number: list.count)
                    + PostingCode.encode(list.indices.filter(best.contains).map { list[$0] })
                tails[term] = PostingCode.encode(list.indices.filter { !best.contains($0) }.map { list[$0] })
            }
            // Posting codes are made of characters that JSON strings take as they are.
            func json(_ codes: [String: String]) -> String? {
                codes.isEmpty ? nil : JSONText.object(codes.mapValues { "\"" + $0 + "\"" })
            }
            return (json(heads), json(tails))
        }
        var files: [(name: String, json: String)] = []
        for (bucket, shard) in shards.enumerated() {
            if let head = shard.head { files.append(("s/\(bucket)", head)) }
        }
        for (bucket, shard) in shards.enumerated() {
            if let tail = shard.tail { files.append(("t/\(bucket)", tail)) }
        }
        let fragmentTexts = fragments.concurrentMap { fragment in
            "["
                + fragment.map { section in
                    "["
                        + [
                            section.url, section.title, section.heading,
                            String(section.text.prefix(Self.storedTextLength)),
                        ]
                        .map(JSONText.string).joined(separator: ",") + "]"
                }.joined(separator: ",") + "]"
        }
        files += fragmentTexts.enumerated().map { ("f/\($0.offset)", $0.element) }
        let version = ContentHash.of(files.map { $0.name + "\n" + $0.json }.joined(separator: "\n"))
        let manifest = JSONText.object([
            "f": String(Self.sectionsPerFragment), "k": String(buckets), "v": JSONText.string(version),
        ])
        return (files + [("manifest", manifest)]).map { name, json in
            OutputFile(path: "search/\(name).js", contents: Data("__handbookSearch(\"\(name)\",\(json));\n".utf8))
        }
    }
}
