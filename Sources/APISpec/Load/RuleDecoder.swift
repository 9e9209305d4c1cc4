extension SpecDecoder {
    /// Reads a `{"characters": [...], "label": "..."}` pair from the reader's object.
    private mutating func decodeCharacterClass(
        _ reader: inout ObjectReader,
        key: String
    ) -> CharacterClass? {
        guard let entries = reader.strings(key, required: true) else {
            return nil
        }
        let label = reader.string("label", required: true)
        var valid = true
        for (index, entry) in entries.enumerated() where !isValidCharacterEntry(entry) {
            valid = false
            let location = reader.value(key).map(\.location) ?? reader.location
            reader.error(
                "invalid character entry \"\(entry)\"; write one ASCII character such as \".\" or an"
                    + " ascending range such as \"0-9\"",
                at: location, path: JSONPath.element(index, of: reader.memberPath(key)))
        }
        guard valid, let label else {
            return nil
        }
        return CharacterClass(entries: entries, label: label)
    }

    private func isValidCharacterEntry(_ entry: String) -> Bool {
        let scalars = Array(entry.unicodeScalars)
        guard scalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) else {
            return false
        }
        if scalars.count == 1 {
            return true
        }
        return scalars.count == 3 && scalars[1] == "-" && scalars[0].value <= scalars[2].value
    }

    mutating func decodeRule(_ json: LocatedJSON, path: String) -> RuleSpec? {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer {
            reader.finish()
            diagnostics += reader.diagnostics
        }
        let errorCode = reader.string("errorCode", required: false)
        let enforcement =
            reader.choice("enforcement", as: RuleSpec.Enforcement.self, default: .client) ?? .client
        let notes = reader.strings("notes") ?? []
        guard let kindName = reader.string("kind", required: true) else {
            return nil
        }
        let kind: RuleKind?
        switch kindName {
        case "length":
            kind = .length(min: reader.integer("min"), max: reader.integer("max"))
        case "characters":
            kind = decodeCharacterClass(&reader, key: "allowed").map { .characters(allowed: $0) }
        case "minCount":
            let count = reader.integer("count", required: true)
            let characterClass = decodeCharacterClass(&reader, key: "characters")
            if let count, let characterClass {
                kind = .minCount(characterClass, count: count)
            } else {
                kind = nil
            }
        case "notOneRepeatedCharacter":
            kind = .notOneRepeatedCharacter
        case "noClassOfOneRepeatedCharacter":
            var classes: [CharacterClass] = []
            for (index, item) in (reader.array("classes", required: true) ?? []).enumerated() {
                let itemPath = JSONPath.element(index, of: reader.memberPath("classes"))
                guard
                    var classReader = ObjectReader(item, path: itemPath, diagnostics: &diagnostics)
                else {
                    continue
                }
                if let characterClass = decodeCharacterClass(&classReader, key: "characters") {
                    classes.append(characterClass)
                }
                classReader.finish()
                diagnostics += classReader.diagnostics
            }
            kind = .noClassOfOneRepeatedCharacter(classes)
        case "pattern":
            kind = reader.string("pattern", required: true).map { .pattern($0) }
        case "range":
            kind = .range(
                minimum: reader.numberText("minimum"), maximum: reader.numberText("maximum"))
        case "enum":
            kind = decodeEnumValues(&reader).map { .oneOf($0) }
        case "itemCount":
            kind = .itemCount(min: reader.integer("min"), max: reader.integer("max"))
        case "described":
            kind = reader.string("text", required: true).map { .described($0) }
        default:
            let known = [
                "length", "characters", "minCount", "notOneRepeatedCharacter",
                "noClassOfOneRepeatedCharacter", "pattern", "range", "enum", "itemCount",
                "described",
            ]
            let suggestion = known.min { editDistance($0, kindName) < editDistance($1, kindName) }!
            let hint =
                editDistance(suggestion, kindName) <= 3
                ? "did you mean \"\(suggestion)\"?"
                : "expected one of " + known.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.error(
                "unknown rule kind \"\(kindName)\"; \(hint)", at: reader.value("kind")!.location,
                path: reader.memberPath("kind"))
            // Mark the keys of the unknown kind as read, so that only the kind is reported.
            for key in [
                "min", "max", "allowed", "characters", "label", "count", "classes", "pattern",
                "minimum", "maximum", "values", "text",
            ] {
                _ = reader.value(key)
            }
            return nil
        }
        guard let kind else {
            return nil
        }
        if case .described = kind, enforcement == .client {
            reader.error(
                "a \"described\" rule cannot be checked by the client; set \"enforcement\": \"server\"",
                at: reader.location, path: reader.memberPath("enforcement"))
        }
        return RuleSpec(
            kind: kind, errorCode: errorCode, enforcement: enforcement, notes: notes,
            location: json.location)
    }

    /// Reads `values`, whose elements may be strings or numbers, as their literal text.
    private func decodeEnumValues(_ reader: inout ObjectReader) -> [String]? {
        guard let items = reader.array("values", required: true) else {
            return nil
        }
        var values: [String] = []
        for (index, item) in items.enumerated() {
            switch item.value {
            case .string(let text), .number(let text):
                values.append(text)
            default:
                reader.error(
                    "expected a string or a number, found \(item.kindName) \(item.preview)",
                    at: item.location,
                    path: JSONPath.element(index, of: reader.memberPath("values")))
            }
        }
        return values
    }
}
