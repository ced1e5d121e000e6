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
///
/// This type builds a new ``SearchIndex`` of a set of pages at once, for a build that keeps
/// none, and holds the numbers both use.
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

    /// Words longer than this get no suffix terms: the inside of a long run of letters (a hash,
    /// a run-together identifier) is not looked for, and its suffixes would take time and space
    /// quadratic in its length.
    public static let longestSuffixedWord = 32

    private let index = SearchIndex()
    private let indexFiles: [OutputFile]

    /// - Parameter pages: The sections of each page, in page order.
    public init(pages: [[SearchSection]]) {
        indexFiles = index.update(pages)
    }

    /// Every file of the index, under `search/`.
    public func files() -> [OutputFile] { indexFiles }

    /// Postings per term: section ids ascending, each with its weight.
    public func postings() -> [String: [(section: Int, weight: Int)]] { index.postings() }

    /// The fragment files' sections, in order.
    package var fragments: [ArraySlice<SearchSection>] { index.fragments }

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
}
