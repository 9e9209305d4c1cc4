import APISpec

/// Renders an action's request type: its stored parameters, initializer, wire encoding and
/// redacting descriptions.
struct RequestRenderer {
    let action: ActionSpec
    let typeName: String

    private func propertyName(_ parameter: ParameterSpec) -> String {
        parameter.propertyName
    }

    private func propertyType(_ parameter: ParameterSpec) -> String {
        let base = SwiftTypes.name(of: parameter.type, isSecret: parameter.isSecret)
        return parameter.isRequired ? base : base + "?"
    }

    func render(into writer: inout SwiftWriter) {
        writer.block("extension \(typeName)") { writer in
            writer.doc(
                summary: "The parameters of a `\(action.name)` call.",
                [
                    "Call `validate()` to check every rule the client can check before sending."
                ])
            writer.block("public struct Request: ActionRequest, Hashable") { writer in
                writer.line("public typealias Response = \(typeName).Response")
                writer.line("public typealias ErrorCode = \(typeName).ErrorCode")
                writer.blank()
                writer.doc(summary: "The action's wire name.")
                writer.line("public static let action = \(SwiftLiteral.string(action.name))")
                writer.blank()
                writer.doc(summary: "The HTTP methods the action accepts, the preferred one first.")
                let methods = action.methods.map { ".\($0.lowercased())" }.joined(separator: ", ")
                writer.line("public static let methods: [HTTPMethod] = [\(methods)]")
                for parameter in action.parameters {
                    writer.blank()
                    renderProperty(parameter, into: &writer)
                }
                writer.blank()
                renderInitializer(into: &writer)
                for object in RequestObjectRenderer.objects(in: action.parameters.map(\.type)) {
                    writer.blank()
                    RequestObjectRenderer(object: object).render(into: &writer)
                }
            }
        }
        writer.blank()
        renderWireParameters(into: &writer)
        writer.blank()
        renderDescriptions(into: &writer)
    }

    private func renderProperty(_ parameter: ParameterSpec, into writer: inout SwiftWriter) {
        var paragraphs = [
            MemberDocs.facts(
                wireName: parameter.name, isRequired: parameter.isRequired,
                example: parameter.example,
                isSecret: parameter.isSecret)
        ]
        if let style = parameter.style {
            paragraphs.append("Sent in the `\(style.rawValue)` style.")
        }
        writer.doc(summary: SwiftLiteral.docText(parameter.description), paragraphs)
        let clientRules = parameter.rules.filter { $0.enforcement == .client }
        let serverRules = parameter.rules.filter { $0.enforcement == .server }
        if !clientRules.isEmpty {
            writer.doc(["", "Rules that `validate()` checks:"])
            writer.docList(clientRules.map(ruleDoc))
        }
        if !serverRules.isEmpty {
            writer.doc(["", "Rules that only the server checks:"])
            writer.docList(serverRules.map(ruleDoc))
        }
        if parameter.deprecated {
            // NOTE: no `@available` attribute, because the generated encoding and description
            // read the property and would warn.
            writer.doc(["", "Deprecated: the vendor marks this parameter as deprecated."])
        }
        writer.line("public var \(propertyName(parameter)): \(propertyType(parameter))")
    }

    private func ruleDoc(_ rule: RuleSpec) -> String {
        var text = SwiftLiteral.docText(rule.kind.summary)
        text = text.prefix(1).uppercased() + text.dropFirst()
        if !text.hasSuffix(".") {
            text += "."
        }
        if let code = rule.errorCode {
            text += " Server error `\(code)`."
        }
        return text
    }

    private func renderInitializer(into writer: inout SwiftWriter) {
        writer.doc(summary: "Creates a request; nothing is checked until `validate()` is called.")
        if action.deprecated {
            writer.line(
                "@available(*, deprecated, message: \"The vendor marks this action as deprecated.\")"
            )
        }
        let arguments = action.parameters.map { parameter in
            let name = propertyName(parameter)
            let defaultValue = parameter.isRequired ? "" : " = nil"
            return "\(name): \(propertyType(parameter))\(defaultValue)"
        }
        let signature = "public init(\(arguments.joined(separator: ", ")))"
        let body: (inout SwiftWriter) -> Void = { writer in
            for parameter in action.parameters {
                let name = propertyName(parameter)
                writer.assignment("self.\(SwiftNaming.bare(name))", name)
            }
        }
        if arguments.isEmpty {
            writer.line("public init() {}")
        } else if writer.indentation.count + signature.count + 2 <= SwiftWriter.lineLength {
            writer.block(signature, body)
        } else {
            writer.line("public init(")
            for (index, argument) in arguments.enumerated() {
                let separator = index == arguments.count - 1 ? "" : ","
                writer.line(SwiftWriter.indentUnit + argument + separator)
            }
            writer.block(")", body)
        }
    }

    private func renderWireParameters(into writer: inout SwiftWriter) {
        writer.block("extension \(typeName).Request") { writer in
            writer.doc(
                summary: "The parameters as they are sent, `Action` first, before percent-encoding."
            )
            writer.block("public var wireParameters: WireParameters") { writer in
                writer.line("var parameters = WireParameters()")
                writer.line("parameters.set(\"Action\", to: Self.action)")
                for parameter in action.parameters {
                    renderWireParameter(parameter, into: &writer)
                }
                writer.line("return parameters")
            }
        }
    }

    private func renderWireParameter(_ parameter: ParameterSpec, into writer: inout SwiftWriter) {
        let name = propertyName(parameter)
        let wireName = SwiftLiteral.string(parameter.name)
        let secret = parameter.isSecret ? ", isSecret: true" : ""
        let emit: (inout SwiftWriter, String) -> Void = { writer, value in
            switch parameter.type {
            case .array(let element) where element.isScalar:
                renderListParameter(parameter, element: element, value: value, into: &writer)
            case .array, .object, .freeform:
                let structured = RequestObjectRenderer.wireValue(value, of: parameter.type)
                if parameter.style == .json {
                    writer.call(
                        "parameters.set(", arguments: [wireName, "to: \(structured).jsonText"])
                } else {
                    writer.call(
                        "parameters.set(", arguments: [wireName, "flattening: \(structured)"])
                }
            default:
                let text = SwiftTypes.wireText(
                    value, of: parameter.type, isSecret: parameter.isSecret)
                writer.call("parameters.set(", arguments: [wireName, "to: \(text)\(secret)"])
            }
        }
        // Properties are read through `self.` so that a parameter named like a local, such
        // as `parameters`, cannot shadow it.
        let property = "self.\(SwiftNaming.bare(name))"
        if parameter.isRequired {
            emit(&writer, property)
        } else {
            writer.block("if let value = \(property)") { writer in
                emit(&writer, "value")
            }
        }
    }

    private func renderListParameter(
        _ parameter: ParameterSpec,
        element: TypeSpec,
        value: String,
        into writer: inout SwiftWriter
    ) {
        let wireName = String(SwiftLiteral.string(parameter.name).dropFirst().dropLast())
        let itemText = SwiftTypes.wireText("item", of: element, isSecret: false)
        switch parameter.style ?? .repeatList {
        case .repeatList, .flat:
            writer.block("for (index, item) in \(value).enumerated()") { writer in
                writer.line("parameters.set(\"\(wireName).\\(index + 1)\", to: \(itemText))")
            }
        case .simple:
            writer.line(
                "parameters.set(\(SwiftLiteral.string(wireName)), to: \(value).map { \(SwiftTypes.wireText("$0", of: element, isSecret: false)) }.joined(separator: \",\"))"
            )
        case .json:
            writer.line(
                "parameters.set(\(SwiftLiteral.string(wireName)), to: WireEncoding.jsonArray(\(value)))"
            )
        }
    }

    private func renderDescriptions(into writer: inout SwiftWriter) {
        writer.typeBlock(
            "extension \(typeName).Request: CustomStringConvertible, CustomDebugStringConvertible"
        ) { writer in
            writer.doc(summary: "The request with every secret parameter shown as `<redacted>`.")
            writer.block("public var description: String") { writer in
                if action.parameters.isEmpty {
                    writer.line("\"\(typeName).Request()\"")
                    return
                }
                writer.line("var fields: [String] = []")
                for parameter in action.parameters {
                    let label = SwiftNaming.bare(propertyName(parameter))
                    let value = parameter.isRequired ? "self.\(label)" : "value"
                    let shown =
                        parameter.isSecret
                        ? "\\(Secret.redactedText)" : "\\(String(reflecting: \(value)))"
                    if parameter.isRequired {
                        appendField(
                            label: label, value: value, shown: shown, isSecret: parameter.isSecret,
                            into: &writer)
                    } else {
                        let condition =
                            parameter.isSecret
                            ? "self.\(label) != nil" : "let value = self.\(label)"
                        writer.block("if \(condition)") { writer in
                            appendField(
                                label: label, value: value, shown: shown,
                                isSecret: parameter.isSecret, into: &writer)
                        }
                    }
                }
                let joined = "return \"\(typeName).Request(\\(fields.joined(separator: \", \")))\""
                if writer.indentation.count + joined.count <= SwiftWriter.lineLength {
                    writer.line(joined)
                } else {
                    // A string literal cannot be broken, so the join moves out of it.
                    writer.line("let joined = fields.joined(separator: \", \")")
                    writer.line("return \"\(typeName).Request(\\(joined))\"")
                }
            }
            writer.blank()
            writer.block("public var debugDescription: String") { writer in
                writer.line("description")
            }
        }
    }

    /// Writes `fields.append("label: \(shown)")`, or, when that line is too long, the same text
    /// built with `+`, which the formatter can break after the opening parenthesis.
    private func appendField(
        label: String, value: String, shown: String, isSecret: Bool, into writer: inout SwiftWriter
    ) {
        let line = "fields.append(\"\(label): \(shown)\")"
        if isSecret || writer.indentation.count + line.count <= SwiftWriter.lineLength {
            writer.line(line)
        } else {
            let argument = "\"\(label): \" + String(reflecting: \(value))"
            let called = SwiftWriter.indentUnit + argument + ")"
            if writer.indentation.count + called.count <= SwiftWriter.lineLength {
                writer.call("fields.append(", arguments: [argument])
            } else {
                // The formatter breaks the argument before its `+`.
                writer.line("fields.append(")
                writer.line(SwiftWriter.indentUnit + "\"\(label): \"")
                writer.line(
                    SwiftWriter.indentUnit + SwiftWriter.indentUnit
                        + "+ String(reflecting: \(value)))")
            }
        }
    }
}
