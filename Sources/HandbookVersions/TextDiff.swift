import HandbookSearch

/// A readable difference of two texts: word by word for Latin text, character by character
/// for Chinese, with spaces and punctuation as their own pieces.
public enum TextDiff {
    public enum Piece: Sendable, Equatable {
        case same(String)
        case inserted(String)
        case deleted(String)
    }

    /// Beyond this many tokens on both sides, the texts are shown as replaced whole.
    static let tokenLimit = 20_000

    /// The pieces that turn `old` into `new`, adjacent pieces of one kind merged.
    public static func diff(_ old: String, _ new: String) -> [Piece] {
        let before = tokens(old)
        let after = tokens(new)
        guard before.count + after.count <= tokenLimit else {
            return merge(
                [.deleted(old), .inserted(new)].filter { piece in
                    if case .deleted(let text) = piece { return !text.isEmpty }
                    if case .inserted(let text) = piece { return !text.isEmpty }
                    return true
                })
        }
        let difference = after.difference(from: before)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var pieces: [Piece] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < before.count || newIndex < after.count {
            if oldIndex < before.count, removed.contains(oldIndex) {
                pieces.append(.deleted(before[oldIndex]))
                oldIndex += 1
            } else if newIndex < after.count, inserted.contains(newIndex) {
                pieces.append(.inserted(after[newIndex]))
                newIndex += 1
            } else {
                pieces.append(.same(after[newIndex]))
                oldIndex += 1
                newIndex += 1
            }
        }
        return merge(pieces)
    }

    /// Splits text into CJK characters, runs of letters and digits, runs of white space, and
    /// single other characters.
    static func tokens(_ text: String) -> [String] {
        enum Class { case cjk, word, space, other }
        func classify(_ scalar: Unicode.Scalar) -> Class {
            if SearchTokenizer.isCJKScalar(scalar) { return .cjk }
            if SearchTokenizer.isWordScalar(scalar) { return .word }
            if scalar.properties.isWhitespace { return .space }
            return .other
        }
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var currentClass: Class?
        for scalar in text.unicodeScalars {
            let kind = classify(scalar)
            if kind == currentClass, kind == .word || kind == .space {
                current.append(scalar)
                continue
            }
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView([scalar])
            currentClass = kind
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    private static func merge(_ pieces: [Piece]) -> [Piece] {
        var merged: [Piece] = []
        for piece in pieces {
            switch (merged.last, piece) {
            case (.same(let a)?, .same(let b)): merged[merged.count - 1] = .same(a + b)
            case (.inserted(let a)?, .inserted(let b)): merged[merged.count - 1] = .inserted(a + b)
            case (.deleted(let a)?, .deleted(let b)): merged[merged.count - 1] = .deleted(a + b)
            default: merged.append(piece)
            }
        }
        return merged
    }
}
