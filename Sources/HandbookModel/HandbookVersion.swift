/// The version of `handbook`: what `handbook --version` prints and each page's
/// `<meta name="generator">` names.
public enum HandbookVersion {
    public static let current = "0.3.0"

    /// `handbook 0.3.0`, for generator fields.
    public static var generator: String { "handbook \(current)" }
}
