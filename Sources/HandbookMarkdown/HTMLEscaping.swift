import HandbookModel

/// Escaping for text and attribute values in generated HTML.
package enum HTMLEscaping {
    /// `&`, `<`, `>` and `"` as entities, and `'` too with `apostrophes` (as Mustache does).
    package static func text(_ string: String, apostrophes: Bool = false) -> String {
        guard
            string.utf8.contains(where: {
                $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || (apostrophes && $0 == 0x27)
            })
        else { return string }
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophes: result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A URL for an `href` or `src` attribute, escaped exactly as cmark's `houdini_escape_href`
    /// does: bytes outside its safe set are percent-encoded (non-ASCII included), `&` and `'`
    /// become entities.
    package static func href(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if hrefSafe[Int(byte)] {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "&") {
                result += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                result += "&#x27;"
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// The bytes `houdini_escape_href` leaves as they are: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 128, let scalar = Unicode.Scalar(byte) else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }

    /// Whether a link may be followed in safe mode: like cmark, no `javascript:`, `vbscript:`,
    /// `file:` or `data:` addresses other than common image types.
    package static func isSafe(_ url: String) -> Bool {
        let lowered = url.lowercased().trimmingWhitespace()
        for prefix in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(prefix) { return false }
        if lowered.hasPrefix("data:") {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
                lowered.hasPrefix($0)
            }
        }
        return true
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
