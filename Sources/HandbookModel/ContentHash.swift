package import Foundation

/// Short, stable names for contents: search shards, cache keys, feed entry ids.
package enum ContentHash {
    /// Ten hex digits of a 64-bit FNV-1a hash of the UTF-8 bytes: enough to tell versions of
    /// a file apart, not a cryptographic hash.
    package static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { short(fnv1a($0)) }
    }

    /// Ten hex digits of the hash of `bytes`.
    package static func of(_ bytes: some Sequence<UInt8>) -> String {
        if let hash = bytes.withContiguousStorageIfAvailable({ fnv1a($0) }) { return short(hash) }
        return short(fnv1a(Array(bytes)))
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { fnv1a($0) }
    }

    private static func short(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}

extension String {
    /// Whether the two strings have the same UTF-8 bytes, compared as memory (`==` compares
    /// Unicode canonical equivalence, and `utf8.elementsEqual` byte by byte through an iterator).
    package func hasSameBytes(as other: String) -> Bool {
        var (one, two) = (self, other)
        return one.withUTF8 { first in
            two.withUTF8 { second in
                first.count == second.count
                    && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }
}
