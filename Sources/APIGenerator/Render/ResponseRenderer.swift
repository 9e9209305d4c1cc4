import APISpec

/// Renders an action's response type and any nested object types, each with a decoder that
/// reads a parsed XML or JSON payload.
struct ResponseRenderer {
    let action: ActionSpec
    let typeName: String

    func render(into writer: inout SwiftWriter) {
        writer.block("extension \(typeName)") { writer in
            writer.doc(
                summary: "The body of a successful `\(action.name)` call.",
                [
                    "Decoded from JSON or from XML with the root element `<\(action.response.xmlRoot)>`. Unknown fields are skipped."
                ])
            renderStruct(
                name: "Response", conformances: "ActionResponse, Hashable",
                fields: action.response.fields, isRoot: true,
                into: &writer)
        }
    }

    private func renderStruct(
        name: String, conformances: String, fields: [FieldSpec], isRoot: Bool = false,
        into writer: inout SwiftWriter
    ) {
        writer.block("public struct \(name): \(conformances)") { writer in
            if isRoot {
                writer.doc(summary: "The root element of the response in XML.")
                writer.line(
                    "public static let xmlRoot = \(SwiftLiteral.string(action.response.xmlRoot))")
                writer.blank()
            }
            for field in fields {
                renderProperty(field, into: &writer)
                writer.blank()
            }
            renderInitializer(fields, into: &writer)
            writer.blank()
            renderDecoder(fields, into: &writer)
            if isRoot, let flag = action.response.successFlag {
                let property = SwiftNaming.bare(SwiftNaming.lowerCamelCase(flag))
                writer.blank()
                writer.doc(summary: "Whether the body reports a failure: `\(flag)` is false.")
                writer.block("public var reportsFailure: Bool") { writer in
                    writer.line("self.\(property) == false")
                }
            }
            for object in nestedObjects(fields) {
                writer.blank()
                writer.doc(summary: "An element of `\(name)`.")
                renderStruct(
                    name: SwiftNaming.upperCamelCase(object.typeName),
                    conformances: "PayloadDecodable, Hashable",
                    fields: object.fields, into: &writer)
            }
        }
    }

    private func nestedObjects(_ fields: [FieldSpec]) -> [ObjectSpec] {
        fields.compactMap { field in
            switch field.type {
            case .object(let object), .array(.object(let object)): object
            default: nil
            }
        }
    }

    private func propertyType(_ field: FieldSpec) -> String {
        let base = SwiftTypes.name(of: field.type, inResponse: true)
        return field.isRequired ? base : base + "?"
    }

    private func renderProperty(_ field: FieldSpec, into writer: inout SwiftWriter) {
        var facts = MemberDocs.facts(
            wireName: field.name, isRequired: field.isRequired, example: field.example,
            isSecret: false)
        if let itemName = field.itemName {
            facts += " In XML each element is wrapped as `<\(itemName)>`."
        }
        writer.doc(summary: SwiftLiteral.docText(field.description), [facts])
        writer.line("public var \(field.propertyName): \(propertyType(field))")
    }

    private func renderInitializer(_ fields: [FieldSpec], into writer: inout SwiftWriter) {
        MemberwiseInitializer.render(
            fields: fields, summary: "Creates a value from its fields, as tests and previews do.",
            propertyType: propertyType, into: &writer)
    }

    private func renderDecoder(_ fields: [FieldSpec], into writer: inout SwiftWriter) {
        writer.doc(summary: "Decodes the value from a parsed XML or JSON payload.")
        writer.functionBlock(
            "public init(from payload: PayloadObject)", effects: "throws(ResponseDecodingError)"
        ) { writer in
            for field in fields {
                let name = SwiftNaming.bare(field.propertyName)
                let key = SwiftLiteral.string(field.name)
                let method: String
                var arguments: [String]
                var tail = ")"
                switch field.type {
                case .freeform:
                    method = "singleValue"
                    arguments = ["named: \(key)"]
                case .array(let element):
                    method = "decodeListIfPresent"
                    arguments = [
                        "of: \(SwiftTypes.name(of: element, inResponse: true)).self",
                        "forKey: \(key)",
                    ]
                    if let itemName = field.itemName {
                        arguments.append("itemName: \(SwiftLiteral.string(itemName))")
                    }
                    if field.isRequired {
                        tail = ") ?? []"
                    }
                default:
                    method = field.isRequired ? "decode" : "decodeIfPresent"
                    arguments = [
                        "\(SwiftTypes.name(of: field.type, inResponse: true)).self",
                        "forKey: \(key)",
                    ]
                }
                // `self.` keeps a field named `payload` apart from the parameter.
                writer.call(
                    "self.\(name) = try payload.\(method)(", arguments: arguments, tail: tail)
            }
        }
    }
}
