/// A position in a source file.
///
/// Lines and columns start at 1. Columns count Unicode scalars (characters as an editor shows
/// them), whichever parser found the position: Yams counts scalars, and cmark's byte columns are
/// converted before they reach a diagnostic.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The file's path relative to the content folder, such as `policies/targets.yaml`.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
