public import Foundation

/// A file of the built site, held in memory until the whole site is ready.
public struct OutputFile: Sendable {
    /// The path relative to the output folder.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}
