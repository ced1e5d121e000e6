/// A value read from a source file, with where it was written.
///
/// References (to roles, policies, areas) keep their location so that validation can point at
/// the exact place a wrong id was typed.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
