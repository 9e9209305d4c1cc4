import APISpec

/// Renders `validate()`: one check per client-enforced rule, each appending a
/// `ValidationIssue` that names the parameter, the rule and the server's error code.
struct ValidationRenderer {
    let action: ActionSpec
    let typeName: String

    /// A character set or pattern that the checks share, declared once as a static property.
    private struct StaticRule {
        var name: String
        /// The initializer call before its array argument, or the whole value when it has none.
        var head: String
        var elements: [String]?
    }

    func render(into writer: inout SwiftWriter) {
        var statics: [StaticRule] = []
        var usedNames = Set<String>()
        var checks: [(parameter: ParameterSpec, rules: [(RuleSpec, String?)])] = []
        for parameter in action.parameters {
            var rules: [(RuleSpec, String?)] = []
            for rule in parameter.rules where rule.enforcement == .client {
                let shared = staticRule(for: rule, parameter: parameter, usedNames: &usedNames)
                if let shared {
                    statics.append(shared)
                }
                rules.append((rule, shared?.name))
            }
            if !rules.isEmpty {
                checks.append((parameter, rules))
            }
        }
        writer.block("extension \(typeName).Request") { writer in
            for shared in statics {
                let prefix = "private static let \(shared.name) = \(shared.head)"
                if let elements = shared.elements {
                    writer.arrayLiteral(
                        prefix: prefix, elements: elements, suffix: shared.head.isEmpty ? "" : ")")
                } else {
                    writer.line(prefix)
                }
            }
            if !statics.isEmpty {
                writer.blank()
            }
            writer.doc(
                summary: "Checks every rule that the client can check.",
                [
                    "Rules that only the server can check are listed in each parameter's documentation.",
                    "- Throws: `ValidationError` with every broken rule, in parameter order.",
                ])
            writer.block("public func validate() throws(ValidationError)") { writer in
                if checks.isEmpty {
                    return
                }
                writer.line("var issues: [ValidationIssue] = []")
                for check in checks {
                    writer.blank()
                    renderChecks(for: check.parameter, rules: check.rules, into: &writer)
                }
                writer.blank()
                writer.block("if !issues.isEmpty") { writer in
                    writer.line("throw ValidationError(issues: issues)")
                }
            }
        }
    }

    private func staticRule(
        for rule: RuleSpec, parameter: ParameterSpec, usedNames: inout Set<String>
    ) -> StaticRule? {
        let base = SwiftNaming.bare(parameter.propertyName)
        func unique(_ suffix: String) -> String {
            var name = SwiftNaming.bare(SwiftNaming.lowerCamelCase(base + " " + suffix))
            var counter = 2
            while usedNames.contains(name) {
                name = SwiftNaming.bare(SwiftNaming.lowerCamelCase("\(base) \(suffix) \(counter)"))
                counter += 1
            }
            usedNames.insert(name)
            return name
        }
        func characterSet(_ characterClass: CharacterClass) -> String {
            let entries = characterClass.entries.map(SwiftLiteral.string).joined(separator: ", ")
            return "ASCIICharacterSet(ranges: [\(entries)])"
        }
        func characterSetRule(_ suffix: String, _ characterClass: CharacterClass) -> StaticRule {
            StaticRule(
                name: unique(suffix), head: "ASCIICharacterSet(ranges: ",
                elements: characterClass.entries.map(SwiftLiteral.string))
        }
        switch rule.kind {
        case .characters(let allowed):
            return characterSetRule("allowed characters", allowed)
        case .minCount(let characterClass, _):
            return characterSetRule(characterClass.label, characterClass)
        case .noClassOfOneRepeatedCharacter(let classes):
            return StaticRule(
                name: unique("character classes"), head: "", elements: classes.map(characterSet))
        case .pattern(let pattern):
            return StaticRule(
                name: unique("pattern"), head: "PatternRule(\(SwiftLiteral.string(pattern)))",
                elements: nil)
        default:
            return nil
        }
    }

    private func renderChecks(
        for parameter: ParameterSpec, rules: [(RuleSpec, String?)], into writer: inout SwiftWriter
    ) {
        // Properties are read through `self.` so that a parameter named like a local, such as
        // `issues`, cannot shadow it.
        let property = "self.\(SwiftNaming.bare(parameter.propertyName))"
        let listRules = rules.filter {
            if case .itemCount = $0.0.kind { return true } else { return false }
        }
        let valueRules = rules.filter {
            if case .itemCount = $0.0.kind { return false } else { return true }
        }
        let body: (inout SwiftWriter, String) -> Void = { writer, value in
            if case .array(let element) = parameter.type {
                for (rule, _) in listRules {
                    renderCheck(
                        rule, staticName: nil, parameter: parameter, valueType: parameter.type,
                        value: value, into: &writer)
                }
                if !valueRules.isEmpty {
                    writer.block("for item in \(value)") { writer in
                        for (rule, staticName) in valueRules {
                            renderCheck(
                                rule, staticName: staticName, parameter: parameter,
                                valueType: element, value: "item", into: &writer)
                        }
                    }
                }
            } else {
                var value = value
                if parameter.isSecret {
                    let revealed = "revealed" + SwiftNaming.upperCamelCase(parameter.name)
                    writer.line("let \(revealed) = \(value).revealed()")
                    value = revealed
                }
                for (rule, staticName) in valueRules {
                    renderCheck(
                        rule, staticName: staticName, parameter: parameter,
                        valueType: parameter.type, value: value, into: &writer)
                }
            }
        }
        if parameter.isRequired {
            body(&writer, property)
        } else {
            writer.block("if let value = \(property)") { writer in
                body(&writer, "value")
            }
        }
    }

    private func renderCheck(
        _ rule: RuleSpec,
        staticName: String?,
        parameter: ParameterSpec,
        valueType: TypeSpec,
        value: String,
        into writer: inout SwiftWriter
    ) {
        let (condition, message) = conditionAndMessage(
            rule, staticName: staticName, valueType: valueType, value: value)
        var shownMessage = message
        if !parameter.isSecret {
            switch (rule.kind, valueType) {
            case (.itemCount, _):
                shownMessage += ", got \\(\(value).count)"
            case (_, .string):
                shownMessage += ", got \\(String(reflecting: \(value)))"
            default:
                shownMessage += ", got \\(\(value))"
            }
        }
        writer.block("if \(condition)") { writer in
            writer.line("issues.append(")
            writer.line(SwiftWriter.indentUnit + "ValidationIssue(")
            let arguments = [
                "parameter: \(SwiftLiteral.string(parameter.name)),",
                "rule: \(SwiftLiteral.string(rule.kind.name)),",
                "errorCode: \(rule.errorCode.map(SwiftLiteral.string) ?? "nil"),",
            ]
            let argumentIndent = SwiftWriter.indentUnit + SwiftWriter.indentUnit
            for argument in arguments {
                writer.line(argumentIndent + argument)
            }
            writer.indented(2) { writer in
                writer.stringExpression(prefix: "message: ", contents: shownMessage)
            }
            writer.line(SwiftWriter.indentUnit + ")")
            writer.line(")")
        }
    }

    /// Returns the Swift condition that is true when the rule is broken, and the message
    /// (already escaped for a string literal) that states what the rule requires.
    private func conditionAndMessage(
        _ rule: RuleSpec,
        staticName: String?,
        valueType: TypeSpec,
        value: String
    ) -> (String, String) {
        let shared = "Self.\(staticName ?? "")"
        let summary = escapeForLiteral(rule.kind.summary)
        func optional(_ number: Int?) -> String {
            number.map(String.init) ?? "nil"
        }
        func optionalLiteral(_ text: String?) -> String {
            text.map { SwiftTypes.literal($0, of: valueType) } ?? "nil"
        }
        switch rule.kind {
        case .length(let min, let max):
            return (
                "!Rules.hasLength(\(value), min: \(optional(min)), max: \(optional(max)))",
                "must be \(summary)"
            )
        case .characters:
            return ("!Rules.containsOnly(\(value), \(shared))", "must contain \(summary)")
        case .minCount(_, let count):
            return (
                "!Rules.containsAtLeast(\(count), of: \(shared), in: \(value))",
                "must contain \(summary)"
            )
        case .notOneRepeatedCharacter:
            return ("Rules.isOneRepeatedCharacter(\(value))", "must not be one character repeated")
        case .noClassOfOneRepeatedCharacter(let classes):
            let labels = escapeForLiteral(classes.map(\.label).joined(separator: " or "))
            return (
                "Rules.anyClassIsOneRepeatedCharacter(\(value), \(shared))",
                "must not have \(labels) that are one character repeated"
            )
        case .pattern(let pattern):
            return (
                "!\(shared).matches(\(value))",
                "must match the pattern `\(escapeForLiteral(pattern))`"
            )
        case .range(let minimum, let maximum):
            return (
                "!Rules.isInRange(\(value), minimum: \(optionalLiteral(minimum)), maximum: \(optionalLiteral(maximum)))",
                "must be \(summary)"
            )
        case .oneOf(let values):
            let list = values.map { SwiftTypes.literal($0, of: valueType) }.joined(separator: ", ")
            return ("!Rules.isOneOf(\(value), [\(list)])", "must be \(summary)")
        case .itemCount(let min, let max):
            return (
                "!Rules.hasItemCount(\(value).count, min: \(optional(min)), max: \(optional(max)))",
                "must have \(summary)"
            )
        case .described:
            return ("false", summary)
        }
    }

    private func escapeForLiteral(_ text: String) -> String {
        String(SwiftLiteral.string(text).dropFirst().dropLast())
    }
}
