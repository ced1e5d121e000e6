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

    /// A term while the index is built, as a number: CJK characters and bigrams by their code
    /// points, words by their number in a word list. Tokenising thus makes no strings but for
    /// words new to its chunk of sections.
    private enum TermKey {
        private static let character: UInt64 = 1 << 62
        private static let bigram: UInt64 = 2 << 62
        private static let word: UInt64 = 3 << 62

        static func cjk(_ scalar: Unicode.Scalar) -> UInt64 { character | UInt64(scalar.value) }
        static func cjk(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
            bigram | UInt64(first.value) << 21 | UInt64(second.value)
        }
        static func word(_ number: Int) -> UInt64 { word | UInt64(number) }
        /// The word's number, for a word's key.
        static func wordNumber(_ key: UInt64) -> Int? { key & word == word ? Int(key & ~word) : nil }

        static func text(_ key: UInt64, words: [String]) -> String {
            if let number = wordNumber(key) { return words[number] }
            var scalars = String.UnicodeScalarView()
            if key & word == bigram, let first = Unicode.Scalar(UInt32(key >> 21 & 0x1F_FFFF)) { scalars.append(first) }
            if let last = Unicode.Scalar(UInt32(key & 0x1F_FFFF)) { scalars.append(last) }
            return String(scalars)
        }
    }

    /// Words of a suffix term's length at most this: the inside of a longer run of letters (a
    /// hash, a run-together identifier) is not looked for, and indexing its suffixes would take
    /// time and space quadratic in its length.
    static let longestSuffixedWord = 32

    /// The terms of a chunk of sections, counted by one thread, keyed by ``TermKey``, its words
    /// numbered in the chunk's own ``words``.
    private struct CountedChunk: Sendable {
        struct Posting: Sendable {
            let key: UInt64
            let section: Int32
            let counts: Counts
        }
        /// The chunk's words, by number.
        var words: [String] = []
        /// The partition of each word.
        var wordPartitions: [Int] = []
        /// Each partition's postings, by section ascending.
        var parts: [[Posting]]
        /// Each section's number of terms (suffixes aside), for ranking.
        var lengths: [Int] = []

        init(partitions: Int) { parts = Array(repeating: [], count: partitions) }

        /// Counts the terms of `sections`, numbered from `first`.
        mutating func count(_ sections: ArraySlice<SearchSection>, first: Int) {
            var vocabulary: [Substring: Int] = [:]
            var counts: [UInt64: Counts] = [:]
            let partitionCount = parts.count
            func key(of word: Substring) -> UInt64 {
                if let number = vocabulary[word] { return TermKey.word(number) }
                let text = String(word)
                vocabulary[word] = words.count
                words.append(text)
                wordPartitions.append(Int(SearchIndexBuilder.fnv1a(text) % UInt32(partitionCount)))
                return TermKey.word(words.count - 1)
            }
            /// Calls `note` with each term of `text` and whether it is only a word's suffix.
            func terms(of text: String, _ note: (UInt64, _ isSuffix: Bool) -> Void) {
                SearchTokenizer.scan(
                    SearchTokenizer.quicklyNormalized(text) ?? SearchTokenizer.normalize(text),
                    cjk: { scalar, previous in
                        if let previous { note(TermKey.cjk(previous, scalar), false) }
                        note(TermKey.cjk(scalar), false)
                    },
                    word: { word in
                        note(key(of: word), false)
                        // Numbers are looked up whole or by their start: no one quotes the middle of one.
                        let scalars = word.unicodeScalars
                        let length = scalars.count
                        guard length > 2, length <= SearchIndexBuilder.longestSuffixedWord,
                            !scalars.allSatisfy({ $0.properties.numericType != nil })
                        else { return }
                        var start = scalars.index(after: scalars.startIndex)
                        for _ in 0..<(length - 2) {
                            note(key(of: Substring(scalars[start...])), true)
                            scalars.formIndex(after: &start)
                        }
                    })
            }
            for (offset, section) in zip(sections.indices, sections) {
                counts.removeAll(keepingCapacity: true)
                func note(_ key: UInt64, isSuffix: Bool, _ update: (inout Counts) -> Void) {
                    update(&counts[key, default: Counts()])
                    if !isSuffix { counts[key]!.suffixOnly = false }
                }
                if section.isPageTop {
                    terms(of: section.title) { note($0, isSuffix: $1) { $0.title = true } }
                }
                terms(of: section.heading) { note($0, isSuffix: $1) { $0.heading = true } }
                var length = 0
                terms(of: section.text) { key, isSuffix in
                    note(key, isSuffix: isSuffix) { $0.body += 1 }
                    if !isSuffix { length += 1 }
                }
                lengths.append(length)
                let number = Int32(first + offset - sections.startIndex)
                for (key, value) in counts {
                    let partition =
                        TermKey.wordNumber(key).map { wordPartitions[$0] }
                        ?? Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) % partitionCount
                    parts[partition].append(Posting(key: key, section: number, counts: value))
                }
            }
        }
    }

    /// A term's sections so far, while the index is built.
    private struct Occurrence: Sendable {
        let section: Int32
        let counts: Counts
    }

    /// The postings of the terms of one partition, filled by one thread at a time.
    private final class PartitionLists: @unchecked Sendable {
        var lists: [UInt64: [Occurrence]] = [:]
    }

    /// Postings per term: section ids ascending, each with its weight.
    public func postings() -> [String: [(section: Int, weight: Int)]] {
        var postings: [String: [(section: Int, weight: Int)]] = [:]
        for part in partitionedPostings() { postings.merge(part) { first, _ in first } }
        return postings
    }

    /// ``postings()`` in parts by a hash of the term, as they are computed.
    private func partitionedPostings() -> [[String: [(section: Int, weight: Int)]]] {
        // Tokenising is most of the work, and independent per section. Sections go in groups of
        // chunks, each chunk counted by one thread; each group is then merged into the partitions
        // in parallel and let go. Words are numbered per chunk, and renumbered for the whole
        // index as chunks are merged, in order.
        let partitions = (0..<64).map { _ in PartitionLists() }
        var words: [String] = []
        var wordNumbers: [String: Int] = [:]
        var lengths: [Int] = []
        lengths.reserveCapacity(sections.count)
        let chunkSize = 256
        let groupSize = 8 * chunkSize
        for group in stride(from: 0, to: sections.count, by: groupSize) {
            let chunks = Array(stride(from: group, to: min(sections.count, group + groupSize), by: chunkSize))
                .concurrentMap { first in
                    var chunk = CountedChunk(partitions: partitions.count)
                    chunk.count(sections[first..<min(sections.count, first + chunkSize)], first: first)
                    return chunk
                }
            let renumbered = chunks.map { chunk in
                chunk.words.map { word in
                    if let number = wordNumbers[word] { return number }
                    wordNumbers[word] = words.count
                    words.append(word)
                    return words.count - 1
                }
            }
            _ = Array(partitions.enumerated()).concurrentMap { partition, target in
                for (chunk, numbers) in zip(chunks, renumbered) {
                    for posting in chunk.parts[partition] {
                        let key = TermKey.wordNumber(posting.key).map { TermKey.word(numbers[$0]) } ?? posting.key
                        target.lists[key, default: []].append(
                            Occurrence(section: posting.section, counts: posting.counts))
                    }
                }
            }
            for chunk in chunks { lengths += chunk.lengths }
        }
        let sectionLengths = lengths
        let allWords = words
        let count = Double(max(lengths.count, 1))
        // Rounded, so that a small edit elsewhere does not change every weight and thereby the
        // name of every shard.
        let averageLength = max(8, (Double(sectionLengths.reduce(0, +)) / count / 8).rounded() * 8)
        let merged = partitions.concurrentMap { partition -> [String: [(section: Int, weight: Int)]] in
            let lists = partition.lists
            partition.lists = [:]
            var postings: [String: [(section: Int, weight: Int)]] = [:]
            postings.reserveCapacity(lists.count)
            for (key, list) in lists {
                let frequency = Double(max(1, list.count { $0.counts.body > 0 }))
                let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
                postings[TermKey.text(key, words: allWords)] = list.map { posting in
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
            return postings
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
