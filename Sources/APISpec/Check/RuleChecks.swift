import Foundation

/// The checks of one parameter rule: that it fits the parameter's type and that its bounds,
/// pattern and values are valid.
extension Checker {
    mutating func checkRule(_ rule: RuleSpec, of parameter: ParameterSpec, path: String) {
        let location = rule.location
        let elementType: TypeSpec
        if case .array(let element) = parameter.type {
            elementType = element
        } else {
            elementType = parameter.type
        }
        func requireType(_ allowed: Bool, _ what: String) {
            if !allowed {
                error(
                    location, "\(path).kind",
                    "a \"\(rule.kind.name)\" rule applies to \(what); \"\(parameter.name)\" is \(parameter.type.kindName)"
                )
            }
        }
        switch rule.kind {
        case .length(let min, let max):
            requireType(elementType == .string, "strings")
            checkBounds(min, max, location: location, path: path, names: ("min", "max"))
        case .characters(let allowed):
            requireType(elementType == .string, "strings")
            if allowed.members.isEmpty {
                error(
                    location, "\(path).allowed",
                    "the character class is empty; list at least one character or range")
            }
        case .minCount(let characterClass, let count):
            requireType(elementType == .string, "strings")
            if count < 1 {
                error(location, "\(path).count", "invalid count \(count); expected at least 1")
            }
            if characterClass.members.isEmpty {
                error(
                    location, "\(path).characters",
                    "the character class is empty; list at least one character or range")
            }
        case .notOneRepeatedCharacter:
            requireType(elementType == .string, "strings")
        case .noClassOfOneRepeatedCharacter(let classes):
            requireType(elementType == .string, "strings")
            if classes.isEmpty {
                error(location, "\(path).classes", "no character class; list at least one")
            }
        case .pattern(let pattern):
            requireType(elementType == .string, "strings")
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                error(
                    location, "\(path).pattern",
                    "invalid regular expression \"\(pattern)\"; write it in ICU syntax")
            }
        case .range(let minimum, let maximum):
            let isNumeric: Bool
            switch elementType {
            case .integer, .number: isNumeric = true
            default: isNumeric = false
            }
            requireType(isNumeric, "integers and numbers")
            if case .integer = elementType {
                for (name, text) in [("minimum", minimum), ("maximum", maximum)] {
                    if let text, Int64(text) == nil {
                        error(
                            location, "\(path).\(name)",
                            "invalid \(name) \(text) for an integer parameter; write a whole number"
                        )
                    }
                }
            }
            if let minimum, let maximum, let low = Double(minimum), let high = Double(maximum),
                low > high
            {
                error(
                    location, "\(path).minimum",
                    "the minimum \(minimum) is above the maximum \(maximum); swap them")
            }
            if minimum == nil && maximum == nil {
                error(location, path, "a \"range\" rule needs \"minimum\", \"maximum\" or both")
            }
        case .oneOf(let values):
            if values.isEmpty {
                error(location, "\(path).values", "no allowed value; list at least one")
            }
            for (index, value) in values.enumerated() where !fits(value, elementType) {
                error(
                    location, "\(path).values[\(index)]",
                    "the value \"\(value)\" is not \(describe(elementType)); fix it or the parameter's type"
                )
            }
            var seen = Set<String>()
            for (index, value) in values.enumerated() where !seen.insert(value).inserted {
                error(
                    location, "\(path).values[\(index)]",
                    "the value \"\(value)\" is listed twice; remove one")
            }
        case .itemCount(let min, let max):
            if case .array = parameter.type {
            } else {
                requireType(false, "lists")
            }
            checkBounds(min, max, location: location, path: path, names: ("min", "max"))
        case .described:
            break
        }
    }

    mutating func checkBounds(
        _ min: Int?,
        _ max: Int?,
        location: SourceLocation,
        path: String,
        names: (String, String)
    ) {
        if min == nil && max == nil {
            error(location, path, "the rule needs \"\(names.0)\", \"\(names.1)\" or both")
        }
        if let min, min < 0 {
            error(location, "\(path).\(names.0)", "invalid \(names.0) \(min); expected 0 or more")
        }
        if let max, max < 0 {
            error(location, "\(path).\(names.1)", "invalid \(names.1) \(max); expected 0 or more")
        }
        if let min, let max, min > max {
            error(
                location, "\(path).\(names.0)",
                "the \(names.0) \(min) is above the \(names.1) \(max); swap them")
        }
    }

    func fits(_ value: String, _ type: TypeSpec) -> Bool {
        switch type {
        case .string: true
        case .integer(.int32): Int32(value) != nil
        case .integer(.int64): Int64(value) != nil
        case .number: Double(value) != nil
        case .boolean: value == "true" || value == "false"
        case .array, .object, .freeform: false
        }
    }

    func describe(_ type: TypeSpec) -> String {
        switch type {
        case .string: "a string"
        case .integer(let format): "an \(format.rawValue) integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .array: "a list"
        case .object, .freeform: "an object"
        }
    }
}
