/// Line splitting shared by every reader, for files with `\n` or `\r\n` line ends.
///
/// `String.split(separator: "\n")` would not split `\r\n` files at all: Swift treats `\r\n`
/// as a single character.
package enum SourceText {
    /// The lines of `text`, without their line breaks.
    package static func lines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            if line.last == "\r" { line.removeLast() }
            return Substring(line)
        }
    }
}
