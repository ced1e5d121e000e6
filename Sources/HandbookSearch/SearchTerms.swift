/// How often a term occurs in one section's fields, in four bytes: an index holds one for every
/// term of every section.
struct TermCounts: Sendable, Equatable {
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
/// points, words by their number in a ``WordNumbers``. Counting terms thus makes no strings but
/// for words seen for the first time.
enum TermKey {
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

    /// The partition of a CJK term's key (a word's goes by its text, see ``WordNumbers``).
    static func partition(ofCJK key: UInt64, among count: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) % count
    }
}

/// Words by number and numbers by word, each word with the partition its postings go to.
struct WordNumbers: Sendable {
    let partitionCount: Int
    private(set) var words: [String] = []
    private(set) var partitions: [Int] = []
    private var numbers: [Substring: Int] = [:]
    /// The numbers of each word's suffixes, by word number, once worked out: a word recurs in
    /// section after section, and its suffixes cost a look-up each.
    private var suffixes: [[Int]?] = []

    init(partitionCount: Int) { self.partitionCount = partitionCount }

    /// The numbers of the suffixes of the word numbered `number` that are searched for, longest
    /// first (see ``SectionTerms``): none for words of two letters or fewer, for numbers, and
    /// for words longer than ``SearchIndexBuilder/longestSuffixedWord``.
    mutating func suffixNumbers(of number: Int) -> [Int] {
        if number < suffixes.count, let known = suffixes[number] { return known }
        let scalars = words[number].unicodeScalars
        let length = scalars.count
        var found: [Int] = []
        if length > 2, length <= SearchIndexBuilder.longestSuffixedWord,
            !scalars.allSatisfy({ $0.properties.numericType != nil })
        {
            var start = scalars.index(after: scalars.startIndex)
            for _ in 0..<(length - 2) {
                found.append(self.number(of: Substring(scalars[start...])))
                scalars.formIndex(after: &start)
            }
        }
        if suffixes.count <= number { suffixes += Array(repeating: nil, count: number + 1 - suffixes.count) }
        suffixes[number] = found
        return found
    }

    mutating func number(of word: Substring) -> Int {
        if let number = numbers[word] { return number }
        let text = String(word)
        numbers[Substring(text)] = words.count
        words.append(text)
        partitions.append(Int(SearchIndexBuilder.fnv1a(text) % UInt32(partitionCount)))
        return words.count - 1
    }

    /// The partition of a term's postings.
    func partition(of key: UInt64) -> Int {
        TermKey.wordNumber(key).map { partitions[$0] } ?? TermKey.partition(ofCJK: key, among: partitionCount)
    }
}

/// The terms of one section: each term's counts, and the section's length in terms.
struct SectionTerms: Sendable {
    var counts: [UInt64: TermCounts]
    /// Terms of the text, suffixes aside, for ranking.
    var length: Int

    /// Counts the terms of `section`, numbering new words in `words`: each term of its title
    /// (on a page's top section), heading and text, and the suffixes of its words (down to two
    /// letters; not of numbers, nor of words longer than
    /// ``SearchIndexBuilder/longestSuffixedWord``), so that a query starting inside a word still
    /// finds it; the client matches word terms by prefix, so `ustom` finds the suffix `ustomers`.
    init(_ section: SearchSection, words: inout WordNumbers) {
        // About one term per two bytes of Chinese (a character and a pair per three bytes) and
        // fewer in English: reserved at once rather than grown, and rehashed, step by step.
        counts = Dictionary(
            minimumCapacity: (section.title.utf8.count + section.heading.utf8.count + section.text.utf8.count) / 2)
        length = 0
        func terms(of text: String, _ note: (UInt64, _ isSuffix: Bool) -> Void) {
            SearchTokenizer.scan(
                SearchTokenizer.quicklyNormalized(text) ?? SearchTokenizer.normalize(text),
                cjk: { scalar, previous in
                    if let previous { note(TermKey.cjk(previous, scalar), false) }
                    note(TermKey.cjk(scalar), false)
                },
                word: { word in
                    let number = words.number(of: word)
                    note(TermKey.word(number), false)
                    // Numbers are looked up whole or by their start: no one quotes the middle of one.
                    for suffix in words.suffixNumbers(of: number) { note(TermKey.word(suffix), true) }
                })
        }
        func note(_ key: UInt64, isSuffix: Bool, _ update: (inout TermCounts) -> Void) {
            func apply(_ value: inout TermCounts) {
                update(&value)
                if !isSuffix { value.suffixOnly = false }
            }
            apply(&counts[key, default: TermCounts()])
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
        self.length = length
    }
}

/// A term's section while the index is built.
struct Occurrence: Sendable {
    let section: Int32
    let counts: TermCounts
}

/// The terms of a run of sections, counted by one thread with its own word numbers, and split
/// into the partitions of the whole index.
struct CountedChunk: Sendable {
    struct Posting: Sendable {
        let key: UInt64
        let section: Int32
        let counts: TermCounts
    }
    var words: WordNumbers
    /// Each partition's postings, by section ascending.
    var parts: [[Posting]]
    /// Each section's length.
    var lengths: [Int] = []

    /// Counts the terms of `sections`, numbered from `first`.
    init(_ sections: ArraySlice<SearchSection>, first: Int, partitions: Int) {
        words = WordNumbers(partitionCount: partitions)
        parts = Array(repeating: [], count: partitions)
        for (offset, section) in zip(sections.indices, sections) {
            let terms = SectionTerms(section, words: &words)
            lengths.append(terms.length)
            let number = Int32(first + offset - sections.startIndex)
            for (key, counts) in terms.counts {
                parts[words.partition(of: key)].append(Posting(key: key, section: number, counts: counts))
            }
        }
    }
}
