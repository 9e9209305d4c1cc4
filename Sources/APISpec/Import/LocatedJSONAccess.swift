/// Lenient accessors for reading vendor metadata, whose files carry many keys this generator
/// does not use. Spec files are read with ``ObjectReader`` instead, which rejects unknown keys.
extension LocatedJSON {
    /// Returns the value of an object's member, or nil when this is not an object or the key
    /// is absent.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members) = value else {
            return nil
        }
        return members.first { $0.key == key }?.value
    }

    var members: [Member]? {
        if case .object(let members) = value {
            return members
        }
        return nil
    }

    var elements: [LocatedJSON]? {
        if case .array(let elements) = value {
            return elements
        }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = value {
            return text
        }
        return nil
    }

    /// A Boolean given as JSON `true` or `false` or as the strings `"true"` and `"false"`.
    var boolValue: Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    /// A number's literal text, given as a JSON number or, as vendor metadata writes
    /// `minimum` and `maximum`, as a string holding one.
    var numberText: String? {
        switch value {
        case .number(let text): return text
        case .string(let text) where Double(text) != nil: return text
        default: return nil
        }
    }
}
