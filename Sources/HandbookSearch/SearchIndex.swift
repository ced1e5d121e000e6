import Foundation
public import HandbookModel

/// The search index of one edition, kept from build to build so that a rebuild redoes only what
/// its changed sections reach (see ``SearchIndexBuilder`` for the files and the ranking).
///
/// ``update(_:)`` compares the new sections with the last ones. When they are the same pages'
/// sections in the same order (an edit of text, not of headings or pages), only the changed
/// sections are counted again, only their terms are weighed and encoded again, and only the shards
/// and fragments that hold them are written again; otherwise the index is built anew, on every
/// core. Either way the files are the same as a new index would write.
///
/// One build at a time uses an index.
public final class SearchIndex: @unchecked Sendable {
    private static let partitionCount = 64
    /// Changed sections beyond this many are rebuilt whole, on every core.
    private static let incrementalLimit = 64

    /// A term's encoded postings, and what places it in a shard.
    private struct EncodedTerm {
        let text: String
        let bucketHash: UInt32
        /// The shard's JSON value, quoted.
        let head: String
        let tail: String?
        /// Roughly the bytes the term takes in its shard, for sizing buckets.
        let headBytes: Int
    }

    /// One bucket: its terms' codes and its two files.
    private struct Shard: Sendable {
        var heads: [String: String] = [:]
        var tails: [String: String] = [:]
        var head: IndexFile?
        var tail: IndexFile?
    }

    /// A file of the index, with a hash of its contents for the index's version.
    private struct IndexFile: Sendable {
        let file: OutputFile
        let hash: String

        init(name: String, json: String) {
            file = OutputFile(
                path: "search/\(name).js", contents: Data("__handbookSearch(\"\(name)\",\(json));\n".utf8))
            hash = ContentHash.of(file.contents)
        }
    }

    /// The postings of the terms of one partition, filled by one thread at a time.
    private final class PartitionLists: @unchecked Sendable {
        var lists: [UInt64: [Occurrence]] = [:]
        var terms: [UInt64: EncodedTerm] = [:]
    }

    private var sections: [SearchSection] = []
    private var words = WordNumbers(partitionCount: SearchIndex.partitionCount)
    private var partitions = (0..<SearchIndex.partitionCount).map { _ in PartitionLists() }
    private var lengths: [Int] = []
    private var averageLength = 0.0
    private var headBytes = 0
    private var shards: [Shard] = []
    private var fragmentFiles: [IndexFile] = []

    public init() {}

    /// The sections of the fragment files, in order.
    package var fragments: [ArraySlice<SearchSection>] {
        stride(from: 0, to: sections.count, by: SearchIndexBuilder.sectionsPerFragment).map {
            sections[$0..<min(sections.count, $0 + SearchIndexBuilder.sectionsPerFragment)]
        }
    }

    /// Brings the index up to `pages` (the sections of each page, in page order) and returns
    /// every file of it, under `search/`.
    public func update(_ pages: [[SearchSection]]) -> [OutputFile] {
        let new = Array(pages.joined())
        let sameLayout =
            !sections.isEmpty && new.count == sections.count && zip(new, sections).allSatisfy { $0.url == $1.url }
        let changed = sameLayout ? new.indices.filter { new[$0] != sections[$0] } : nil
        if let changed, changed.count <= Self.incrementalLimit {
            update(changed, to: new)
        } else {
            rebuild(new)
        }
        return files()
    }

    /// Postings per term: section ids ascending, each with its weight.
    package func postings() -> [String: [(section: Int, weight: Int)]] {
        var postings: [String: [(section: Int, weight: Int)]] = [:]
        for partition in partitions {
            for (key, list) in partition.lists {
                postings[TermKey.text(key, words: words.words)] = weighted(list)
            }
        }
        return postings
    }

    // MARK: Building anew

    private func rebuild(_ new: [SearchSection]) {
        sections = new
        words = WordNumbers(partitionCount: Self.partitionCount)
        partitions = (0..<Self.partitionCount).map { _ in PartitionLists() }
        lengths = []
        lengths.reserveCapacity(new.count)
        // Counting terms is most of the work, and independent per section. Sections go in
        // groups of chunks, each chunk counted by one thread with its own word numbers; each
        // group is then merged into the partitions in parallel, its words renumbered for the
        // whole index in order, and let go.
        let chunkSize = 256
        let groupSize = 8 * chunkSize
        for group in stride(from: 0, to: new.count, by: groupSize) {
            let chunks = Array(stride(from: group, to: min(new.count, group + groupSize), by: chunkSize))
                .concurrentMap { first in
                    CountedChunk(
                        new[first..<min(new.count, first + chunkSize)], first: first, partitions: Self.partitionCount)
                }
            let renumbered = chunks.map { chunk in chunk.words.words.map { words.number(of: Substring($0)) } }
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
        averageLength = Self.averageLength(of: lengths)
        encodeAll()
        layOutShards()
        fragmentFiles = Array(fragments.enumerated()).concurrentMap { Self.fragmentFile(number: $0, $1) }
    }

    /// Every term's postings encoded again, on every core.
    private func encodeAll() {
        _ = partitions.concurrentMap { partition in
            partition.terms = partition.lists.reduce(into: [:]) { terms, entry in
                terms[entry.key] = encode(entry.key, entry.value)
            }
        }
        headBytes = partitions.reduce(0) { $0 + $1.terms.values.reduce(0) { $0 + $1.headBytes } }
    }

    /// Every term placed in its bucket, and every shard written again.
    private func layOutShards() {
        var shards = [Shard](repeating: Shard(), count: Self.bucketCount(headBytes: headBytes))
        for partition in partitions {
            for term in partition.terms.values {
                let bucket = Int(term.bucketHash % UInt32(shards.count))
                shards[bucket].heads[term.text] = term.head
                if let tail = term.tail { shards[bucket].tails[term.text] = tail }
            }
        }
        self.shards = Array(shards.enumerated()).concurrentMap { bucket, shard in
            Self.written(shard, bucket: bucket)
        }
    }

    // MARK: Updating

    private func update(_ changed: [Int], to new: [SearchSection]) {
        var affected: Set<UInt64> = []
        for section in changed {
            let old = SectionTerms(sections[section], words: &words)
            for key in old.counts.keys {
                let partition = partitions[words.partition(of: key)]
                guard var list = partition.lists[key] else { continue }
                if let position = Self.position(of: section, in: list), list[position].section == section {
                    list.remove(at: position)
                }
                partition.lists[key] = list.isEmpty ? nil : list
            }
            let fresh = SectionTerms(new[section], words: &words)
            for (key, counts) in fresh.counts {
                let partition = partitions[words.partition(of: key)]
                var list = partition.lists[key] ?? []
                list.insert(
                    Occurrence(section: Int32(section), counts: counts),
                    at: Self.position(of: section, in: list) ?? list.count)
                partition.lists[key] = list
            }
            lengths[section] = fresh.length
            affected.formUnion(old.counts.keys)
            affected.formUnion(fresh.counts.keys)
        }
        sections = new
        let average = Self.averageLength(of: lengths)
        if average != averageLength {
            // Every weight depends on the average length (rounded, so this is rare).
            averageLength = average
            encodeAll()
            layOutShards()
        } else {
            var replaced: [(old: EncodedTerm?, new: EncodedTerm?)] = []
            for key in affected {
                let partition = partitions[words.partition(of: key)]
                let encoded = partition.lists[key].map { encode(key, $0) }
                replaced.append((partition.terms[key], encoded))
                partition.terms[key] = encoded
                headBytes += (encoded?.headBytes ?? 0) - (replaced.last!.old?.headBytes ?? 0)
            }
            if Self.bucketCount(headBytes: headBytes) != shards.count {
                layOutShards()
            } else {
                var dirty: Set<Int> = []
                for (old, new) in replaced {
                    if let old {
                        let bucket = Int(old.bucketHash % UInt32(shards.count))
                        shards[bucket].heads[old.text] = nil
                        shards[bucket].tails[old.text] = nil
                        dirty.insert(bucket)
                    }
                    if let new {
                        let bucket = Int(new.bucketHash % UInt32(shards.count))
                        shards[bucket].heads[new.text] = new.head
                        shards[bucket].tails[new.text] = new.tail
                        dirty.insert(bucket)
                    }
                }
                for bucket in dirty { shards[bucket] = Self.written(shards[bucket], bucket: bucket) }
            }
        }
        let fragments = self.fragments
        for number in Set(changed.map { $0 / SearchIndexBuilder.sectionsPerFragment }) {
            fragmentFiles[number] = Self.fragmentFile(number: number, fragments[number])
        }
    }

    /// Where `section` is in `list`, or where it would go.
    private static func position(of section: Int, in list: [Occurrence]) -> Int? {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if Int(list[middle].section) < section { low = middle + 1 } else { high = middle }
        }
        return low < list.count ? low : nil
    }

    // MARK: Encoding

    /// The average section length, rounded, so that a small edit elsewhere does not change
    /// every weight and thereby every shard.
    private static func averageLength(of lengths: [Int]) -> Double {
        let count = Double(max(lengths.count, 1))
        return max(8, (Double(lengths.reduce(0, +)) / count / 8).rounded() * 8)
    }

    /// A term's postings with their weights: 320 when the term is in the page title (on the
    /// page's top section), 96 when in the section heading, plus its BM25 score in the section
    /// text on a logarithmic scale of at most 31; a match only inside words counts a quarter.
    private func weighted(_ list: [Occurrence]) -> [(section: Int, weight: Int)] {
        let count = Double(max(sections.count, 1))
        let frequency = Double(max(1, list.count { $0.counts.body > 0 }))
        let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
        return list.map { posting in
            let value = posting.counts
            let section = Int(posting.section)
            var weight =
                (value.title ? SearchIndexBuilder.titleWeight : 0)
                + (value.heading ? SearchIndexBuilder.headingWeight : 0)
            if value.body > 0 {
                let tf = Double(value.body)
                let norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(lengths[section]) / averageLength))
                // On a logarithmic scale, so that common terms (low idf) still differ.
                let score = log2(1 + idf * norm * 8) * 4.4
                weight += min(SearchIndexBuilder.bodyWeight, max(1, Int(score.rounded())))
            }
            if value.suffixOnly { weight = max(1, weight / 4) }
            return (section, weight)
        }
    }

    /// A term's shard entry: all its postings, or, beyond ``SearchIndexBuilder/headSize``, its
    /// number of sections and its best-weighted postings, with the others for the tail.
    private func encode(_ key: UInt64, _ list: [Occurrence]) -> EncodedTerm {
        let text = TermKey.text(key, words: words.words)
        let postings = weighted(list)
        let head: String
        var tail: String?
        if postings.count <= SearchIndexBuilder.headSize {
            head = PostingCode.encode(postings)
        } else {
            let best = Self.best(SearchIndexBuilder.headSize, of: postings)
            head =
                PostingCode.encode(number: postings.count)
                + PostingCode.encode(postings.indices.filter { best[$0] }.map { postings[$0] })
            tail = PostingCode.encode(postings.indices.filter { !best[$0] }.map { postings[$0] })
        }
        // Posting codes are made of characters that JSON strings take as they are.
        return EncodedTerm(
            text: text, bucketHash: SearchIndexBuilder.fnv1a(SearchIndexBuilder.shardKey(text)),
            head: "\"" + head + "\"", tail: tail.map { "\"" + $0 + "\"" },
            headBytes: text.utf8.count + 6 + min(postings.count, SearchIndexBuilder.headSize) * 4)
    }

    /// Which of `postings` are the `count` best-weighted, the earlier first among equal weights:
    /// those above the weight where the count runs out, then the first ones at that weight.
    /// Weights are small numbers, so they are counted rather than sorted.
    private static func best(_ count: Int, of postings: [(section: Int, weight: Int)]) -> [Bool] {
        var perWeight = [Int](repeating: 0, count: (postings.map(\.weight).max() ?? 0) + 1)
        for posting in postings { perWeight[posting.weight] += 1 }
        var threshold = perWeight.count - 1
        var above = 0
        while threshold > 0, above + perWeight[threshold] < count {
            above += perWeight[threshold]
            threshold -= 1
        }
        var atThreshold = count - above
        return postings.map { posting in
            if posting.weight > threshold { return true }
            guard posting.weight == threshold, atThreshold > 0 else { return false }
            atThreshold -= 1
            return true
        }
    }

    /// Buckets enough for a query to fetch about ``SearchIndexBuilder/shardBytes`` per term.
    private static func bucketCount(headBytes: Int) -> Int {
        var buckets = 8
        while buckets < 4096, headBytes / buckets > SearchIndexBuilder.shardBytes { buckets *= 2 }
        return buckets
    }

    private static func written(_ shard: Shard, bucket: Int) -> Shard {
        var shard = shard
        shard.head = shard.heads.isEmpty ? nil : IndexFile(name: "s/\(bucket)", json: JSONText.object(shard.heads))
        shard.tail = shard.tails.isEmpty ? nil : IndexFile(name: "t/\(bucket)", json: JSONText.object(shard.tails))
        return shard
    }

    private static func fragmentFile(number: Int, _ sections: ArraySlice<SearchSection>) -> IndexFile {
        let json =
            "["
            + sections.map { section in
                // A prefix of Characters; most texts are shorter than that in bytes already.
                let text =
                    section.text.utf8.count <= SearchIndexBuilder.storedTextLength
                    ? section.text : String(section.text.prefix(SearchIndexBuilder.storedTextLength))
                return "["
                    + [section.url, section.title, section.heading, text].map(JSONText.string)
                    .joined(separator: ",") + "]"
            }.joined(separator: ",") + "]"
        return IndexFile(name: "f/\(number)", json: json)
    }

    /// Every file, with a manifest whose version is a hash of all the others.
    private func files() -> [OutputFile] {
        let files = shards.compactMap(\.head) + shards.compactMap(\.tail) + fragmentFiles
        let version = ContentHash.of(files.map { $0.file.path + " " + $0.hash }.joined(separator: "\n"))
        let manifest = JSONText.object([
            "f": String(SearchIndexBuilder.sectionsPerFragment), "k": String(shards.count),
            "v": JSONText.string(version),
        ])
        return files.map(\.file) + [IndexFile(name: "manifest", json: manifest).file]
    }
}
