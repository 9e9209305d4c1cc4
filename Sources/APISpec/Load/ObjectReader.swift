/// Reads the members of one JSON object of a spec, recording a diagnostic for every wrong
/// type and, once ``finish()`` is called, for every key that nothing read.
///
/// Unknown keys are errors, never ignored, because a misspelt optional key such as
/// `"requird"` would otherwise silently take its default.
struct ObjectReader {
    let path: String
    let location: SourceLocation
    private let members: [LocatedJSON.Member]
    private var readKeys: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Creates a reader, or records a diagnostic and returns nil when `json` is not an object.
    init?(_ json: LocatedJSON, path: String, diagnostics: inout [Diagnostic]) {
        guard case .object(let members) = json.value else {
            diagnostics.append(
                Diagnostic(
                    .error, at: json.location, path: path,
                    "expected an object, found \(json.kindName) \(json.preview)"))
            return nil
        }
        self.path = path
        self.location = json.location
        self.members = members
    }

    mutating func error(_ message: String, at location: SourceLocation, path: String) {
        diagnostics.append(Diagnostic(.error, at: location, path: path, message))
    }

    /// Where each key of the object starts, for diagnostics about a value as a whole.
    var keyLocations: [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for member in members {
            result[member.key] = member.keyLocation
        }
        return result
    }

    /// Returns the member's value and marks the key as read.
    mutating func value(_ key: String) -> LocatedJSON? {
        readKeys.insert(key)
        return members.first { $0.key == key }?.value
    }

    func memberPath(_ key: String) -> String {
        JSONPath.member(key, of: path)
    }

    mutating func string(_ key: String, required: Bool) -> String? {
        guard let json = value(key) else {
            if required {
                error("missing required key \"\(key)\" (a string)", at: location, path: path)
            }
            return nil
        }
        guard case .string(let text) = json.value else {
            error(
                "expected a string, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let json = value(key) else {
            return defaultValue
        }
        guard case .bool(let flag) = json.value else {
            error(
                "expected true or false, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return defaultValue
        }
        return flag
    }

    /// Reads a Boolean that may be absent, which is nil then.
    mutating func optionalBool(_ key: String) -> Bool? {
        guard value(key) != nil else {
            return nil
        }
        return bool(key, default: false)
    }

    /// Reads an object's members, each to be read by the caller with its own reader.
    mutating func members(_ key: String) -> [LocatedJSON.Member]? {
        guard let json = value(key) else {
            return nil
        }
        guard case .object(let members) = json.value else {
            error(
                "expected an object, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
        return members
    }

    mutating func integer(_ key: String, required: Bool = false) -> Int? {
        guard let json = value(key) else {
            if required {
                error("missing required key \"\(key)\" (an integer)", at: location, path: path)
            }
            return nil
        }
        if case .number(let text) = json.value, Int(text) == nil,
            Double(text).map({ $0 == $0.rounded() }) == true
        {
            error(
                "the integer \(text) is out of range; expected a whole number from \(Int.min) to \(Int.max)",
                at: json.location, path: memberPath(key))
            return nil
        }
        guard case .number(let text) = json.value, let number = Int(text) else {
            error(
                "expected an integer, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
        return number
    }

    /// Reads a number given either as a JSON number or as a string containing one, as vendor
    /// metadata writes `minimum` and `maximum`; returns its literal text.
    mutating func numberText(_ key: String) -> String? {
        guard let json = value(key) else {
            return nil
        }
        switch json.value {
        case .number(let text):
            return text
        case .string(let text) where Double(text) != nil:
            return text
        default:
            error(
                "expected a number, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
    }

    mutating func array(_ key: String, required: Bool) -> [LocatedJSON]? {
        guard let json = value(key) else {
            if required {
                error("missing required key \"\(key)\" (an array)", at: location, path: path)
            }
            return nil
        }
        guard case .array(let items) = json.value else {
            error(
                "expected an array, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
        return items
    }

    mutating func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let items = array(key, required: required) else {
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item.value else {
                error(
                    "expected a string, found \(item.kindName) \(item.preview)", at: item.location,
                    path: JSONPath.element(index, of: memberPath(key)))
                continue
            }
            result.append(text)
        }
        return result
    }

    /// Reads an object whose values are all strings, keeping the order of its keys.
    mutating func stringMap(_ key: String, required: Bool) -> [(
        key: String, value: String, location: SourceLocation
    )]? {
        guard let json = value(key) else {
            if required {
                error(
                    "missing required key \"\(key)\" (an object of strings)", at: location,
                    path: path)
            }
            return nil
        }
        guard case .object(let members) = json.value else {
            error(
                "expected an object, found \(json.kindName) \(json.preview)", at: json.location,
                path: memberPath(key))
            return nil
        }
        var result: [(key: String, value: String, location: SourceLocation)] = []
        for member in members {
            guard case .string(let text) = member.value.value else {
                error(
                    "expected a string, found \(member.value.kindName) \(member.value.preview)",
                    at: member.value.location,
                    path: JSONPath.member(member.key, of: memberPath(key)))
                continue
            }
            result.append((member.key, text, member.keyLocation))
        }
        return result
    }

    /// Reads a string that must be one of `allowed`.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String,
        as type: Choice.Type,
        default defaultValue: Choice?
    ) -> Choice? where Choice.RawValue == String {
        guard let json = value(key) else {
            return defaultValue
        }
        let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = json.value, let choice = Choice(rawValue: text) else {
            error(
                "invalid value \(json.preview); expected one of \(names)", at: json.location,
                path: memberPath(key))
            return defaultValue
        }
        return choice
    }

    /// Records an error for every key that was not read, suggesting the closest known key.
    mutating func finish() {
        for member in members where !readKeys.contains(member.key) {
            var message = "unknown key \"\(member.key)\""
            if let suggestion = closestKey(to: member.key) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                let known = readKeys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                message += "; the keys allowed here are \(known)"
            }
            error(message, at: member.keyLocation, path: memberPath(member.key))
        }
    }

    private func closestKey(to key: String) -> String? {
        let candidates = readKeys.map { ($0, editDistance($0.lowercased(), key.lowercased())) }
        guard let best = candidates.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else {
            return nil
        }
        return best.1 <= max(2, key.count / 3) ? best.0 : nil
    }
}

/// Returns the Levenshtein distance between two strings.
func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first.unicodeScalars)
    let b = Array(second.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
