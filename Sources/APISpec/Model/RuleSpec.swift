/// A constraint on a request parameter.
public struct RuleSpec: Sendable, Hashable {
    /// The side that checks the rule.
    public enum Enforcement: String, Sendable, Hashable, CaseIterable {
        /// The generated `validate()` checks it, and so does the server.
        case client
        /// Only the server can check it, such as "differs from the current password". The
        /// generated code documents it but does not check it.
        case server
    }

    public var kind: RuleKind

    /// The error code the server returns when the rule is broken.
    public var errorCode: String?
    public var enforcement: Enforcement

    /// Decisions about the rule, such as which of two vendor texts it follows and why.
    public var notes: [String]
    public var location: SourceLocation

    public init(
        kind: RuleKind, errorCode: String?, enforcement: Enforcement, notes: [String],
        location: SourceLocation
    ) {
        self.kind = kind
        self.errorCode = errorCode
        self.enforcement = enforcement
        self.notes = notes
        self.location = location
    }
}

/// A named set of ASCII characters, written in the spec as ranges such as `0-9` and single
/// characters such as `.`.
public struct CharacterClass: Sendable, Hashable {
    /// The entries as the spec gives them, such as `["0-9", "A-Z", "."]`.
    public var entries: [String]

    /// A plural noun for messages, such as `digits`.
    public var label: String

    public init(entries: [String], label: String) {
        self.entries = entries
        self.label = label
    }

    /// Every member, in ascending order, each once.
    public var members: [Unicode.Scalar] {
        var values = Set<UInt32>()
        for entry in entries {
            let scalars = Array(entry.unicodeScalars)
            if scalars.count == 3 && scalars[1] == "-" {
                for value in scalars[0].value...max(scalars[0].value, scalars[2].value) {
                    values.insert(value)
                }
            } else if let scalar = scalars.first, scalars.count == 1 {
                values.insert(scalar.value)
            }
        }
        return values.sorted().compactMap(Unicode.Scalar.init)
    }

    /// The entries joined for a message, such as `0-9, A-Z, a-z, '.' and '-'`.
    public var summary: String {
        let parts = entries.map { $0.unicodeScalars.count == 1 ? "'\($0)'" : $0 }
        guard parts.count > 1 else {
            return parts.first ?? ""
        }
        return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}

/// The requirement of a rule. Lengths and counts are in Unicode scalars.
public enum RuleKind: Sendable, Hashable {
    /// A string's length is within the bounds.
    case length(min: Int?, max: Int?)

    /// Every character of a string is in the class.
    case characters(allowed: CharacterClass)

    /// A string has at least `count` characters of the class.
    case minCount(CharacterClass, count: Int)

    /// A string is not one character repeated, such as `aaaaaaaaaa`.
    case notOneRepeatedCharacter

    /// No class of characters in a string, taken alone, is one character repeated, such as
    /// the digits `11` of `AAbb11cccc`.
    case noClassOfOneRepeatedCharacter([CharacterClass])

    /// A string matches the regular expression (ICU syntax, unanchored as in JSON Schema).
    case pattern(String)

    /// A number is within the bounds, given as the spec's literal text.
    case range(minimum: String?, maximum: String?)

    /// A value is one of the listed values, given as the spec's literal text.
    case oneOf([String])

    /// A list's element count is within the bounds.
    case itemCount(min: Int?, max: Int?)

    /// A rule the spec can only describe in words; it is always enforced by the server.
    case described(String)

    /// The kind's name in the spec format, such as `length`.
    public var name: String {
        switch self {
        case .length: "length"
        case .characters: "characters"
        case .minCount: "minCount"
        case .notOneRepeatedCharacter: "notOneRepeatedCharacter"
        case .noClassOfOneRepeatedCharacter: "noClassOfOneRepeatedCharacter"
        case .pattern: "pattern"
        case .range: "range"
        case .oneOf: "enum"
        case .itemCount: "itemCount"
        case .described: "described"
        }
    }

    /// The rule as a sentence fragment for doc comments and messages, such as
    /// `1 to 50 characters long`.
    public var summary: String {
        switch self {
        case .length(let min?, let max?) where min == max:
            return "exactly \(min) characters long"
        case .length(let min?, let max?):
            return "\(min) to \(max) characters long"
        case .length(let min?, nil):
            return "at least \(min) characters long"
        case .length(nil, let max?):
            return "at most \(max) characters long"
        case .length(nil, nil):
            return "of any length"
        case .characters(let allowed):
            return "only \(allowed.label) (\(allowed.summary))"
        case .minCount(let characterClass, let count):
            return "at least \(count) \(characterClass.label) (\(characterClass.summary))"
        case .notOneRepeatedCharacter:
            return "not one character repeated"
        case .noClassOfOneRepeatedCharacter(let classes):
            let labels = classes.map(\.label).joined(separator: ", ")
            return "none of its \(labels), taken alone, one character repeated"
        case .pattern(let pattern):
            return "matching the pattern `\(pattern)`"
        case .range(let minimum?, let maximum?):
            return "from \(minimum) to \(maximum)"
        case .range(let minimum?, nil):
            return "at least \(minimum)"
        case .range(nil, let maximum?):
            return "at most \(maximum)"
        case .range(nil, nil):
            return "any number"
        case .oneOf(let values):
            return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .itemCount(let min?, let max?):
            return "\(min) to \(max) elements"
        case .itemCount(let min?, nil):
            return "at least \(min) elements"
        case .itemCount(nil, let max?):
            return "at most \(max) elements"
        case .itemCount(nil, nil):
            return "any number of elements"
        case .described(let text):
            return text
        }
    }
}
