import Foundation

/// The checks behind every rule kind of the spec format, called by generated `validate()`
/// methods. Each returns whether the value obeys the rule.
///
/// Lengths and counts are in Unicode scalars, the unit of JSON Schema's `minLength` and
/// `maxLength`.
public enum Rules {
    /// Returns whether the value's length in Unicode scalars is within the bounds.
    @inlinable
    public static func hasLength(_ value: String, min: Int?, max: Int?) -> Bool {
        let count = value.unicodeScalars.count
        if let min, count < min {
            return false
        }
        if let max, count > max {
            return false
        }
        return true
    }

    /// Returns whether every character of the value is in the set.
    public static func containsOnly(_ value: String, _ allowed: ASCIICharacterSet) -> Bool {
        value.unicodeScalars.allSatisfy(allowed.contains)
    }

    /// Returns whether the value has at least `count` characters from the set.
    public static func containsAtLeast(
        _ count: Int, of members: ASCIICharacterSet, in value: String
    ) -> Bool {
        var found = 0
        for scalar in value.unicodeScalars where members.contains(scalar) {
            found += 1
            if found >= count {
                return true
            }
        }
        return count <= 0
    }

    /// Returns whether the value is one character repeated, such as `aaaa`.
    /// The empty string and a single character count as repetitions.
    public static func isOneRepeatedCharacter(_ value: String) -> Bool {
        var scalars = value.unicodeScalars.makeIterator()
        guard let first = scalars.next() else {
            return true
        }
        while let scalar = scalars.next() {
            if scalar != first {
                return false
            }
        }
        return true
    }

    /// Returns whether the characters of the value that fall in `members`, taken together,
    /// are one character repeated, such as the digits `11` of `AAbb11cccc`. A value with no
    /// such characters returns false, because there is nothing repeated.
    public static func membersAreOneRepeatedCharacter(
        _ value: String, of members: ASCIICharacterSet
    ) -> Bool {
        var first: Unicode.Scalar?
        for scalar in value.unicodeScalars where members.contains(scalar) {
            if let first, scalar != first {
                return false
            }
            first = first ?? scalar
        }
        return first != nil
    }

    /// Returns whether an integer is within the bounds.
    @inlinable
    public static func isInRange<Value: Comparable>(
        _ value: Value, minimum: Value?, maximum: Value?
    ) -> Bool {
        if let minimum, value < minimum {
            return false
        }
        if let maximum, value > maximum {
            return false
        }
        return true
    }

    /// Returns whether a list's element count is within the bounds.
    @inlinable
    public static func hasItemCount(_ count: Int, min: Int?, max: Int?) -> Bool {
        isInRange(count, minimum: min, maximum: max)
    }

    /// Returns whether the value is one of the allowed values.
    @inlinable
    public static func isOneOf<Value: Equatable>(_ value: Value, _ allowed: [Value]) -> Bool {
        allowed.contains(value)
    }
}

/// A regular expression rule, compiled once. As in JSON Schema, the pattern may match anywhere
/// in the value unless it is anchored with `^` and `$`.
public struct PatternRule: Sendable {
    /// The pattern as the spec gives it, in ICU syntax.
    public let pattern: String
    private let expression: NSRegularExpression?

    /// Compiles the pattern. The generator checks every pattern when it loads the spec, so a
    /// pattern that fails here can only come from hand-written code, and then every value
    /// fails the rule.
    public init(_ pattern: String) {
        self.pattern = pattern
        expression = try? NSRegularExpression(pattern: pattern)
    }

    /// Returns whether the pattern matches the value.
    public func matches(_ value: String) -> Bool {
        guard let expression else {
            return false
        }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, range: range) != nil
    }
}
