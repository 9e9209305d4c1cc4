import APISpec

/// Renders an object type nested in a request, such as `RunInstances.Request.SystemDisk`: its
/// members, an initializer, and the ``WireValue`` that the `flat`, `repeatList` and `json`
/// styles send.
struct RequestObjectRenderer {
    let object: ObjectSpec

    /// Returns the object types that the types use directly, in order, each once.
    static func objects(in types: [TypeSpec]) -> [ObjectSpec] {
        var result: [ObjectSpec] = []
        for type in types {
            switch type {
            case .object(let object), .array(.object(let object)):
                if !result.contains(where: { $0.typeName == object.typeName }) {
                    result.append(object)
                }
            default:
                break
            }
        }
        return result
    }

    /// Returns the expression that turns a value of the type into a `WireValue`.
    static func wireValue(_ expression: String, of type: TypeSpec) -> String {
        switch type {
        case .string:
            return ".string(\(expression))"
        case .integer, .number, .boolean:
            return ".literal(String(\(expression)))"
        case .object:
            return "\(expression).wireValue"
        case .freeform:
            return "WireValue.map(\(expression))"
        case .array(.object):
            return "WireValue.list(\(expression).map(\\.wireValue))"
        case .array(let element):
            return "WireValue.list(\(expression).map { \(wireValue("$0", of: element)) })"
        }
    }

    private func propertyType(_ field: FieldSpec) -> String {
        let base = SwiftTypes.name(of: field.type)
        return field.isRequired ? base : base + "?"
    }

    func render(into writer: inout SwiftWriter) {
        let typeName = SwiftNaming.upperCamelCase(object.typeName)
        writer.doc(
            summary: "A structured value of the request, sent under its members' wire names.")
        writer.block("public struct \(typeName): WireValueConvertible, Hashable") { writer in
            for field in object.fields {
                let facts = MemberDocs.facts(
                    wireName: field.name, isRequired: field.isRequired, example: field.example,
                    isSecret: false)
                writer.doc(summary: SwiftLiteral.docText(field.description), [facts])
                writer.line("public var \(field.propertyName): \(propertyType(field))")
                writer.blank()
            }
            renderInitializer(into: &writer)
            writer.blank()
            renderWireValue(into: &writer)
            for nested in Self.objects(in: object.fields.map(\.type)) {
                writer.blank()
                RequestObjectRenderer(object: nested).render(into: &writer)
            }
        }
    }

    private func renderInitializer(into writer: inout SwiftWriter) {
        MemberwiseInitializer.render(
            fields: object.fields, summary: "Creates a value from its members.",
            propertyType: propertyType, into: &writer)
    }

    private func renderWireValue(into writer: inout SwiftWriter) {
        writer.doc(
            summary: "The members under their wire names; absent optional members are left out.")
        writer.block("public var wireValue: WireValue") { writer in
            if object.fields.isEmpty {
                writer.line(".object([])")
                return
            }
            writer.line("var members: [WireMember] = []")
            for field in object.fields {
                // Properties are read through `self.`, so a member named `members` cannot
                // shadow them.
                let property = "self.\(SwiftNaming.bare(field.propertyName))"
                let value = field.isRequired ? property : "value"
                let arguments = [
                    SwiftLiteral.string(field.name), Self.wireValue(value, of: field.type),
                ]
                if field.isRequired {
                    writer.call("members.append(", arguments: arguments)
                } else {
                    writer.block("if let value = \(property)") { writer in
                        writer.call("members.append(", arguments: arguments)
                    }
                }
            }
            writer.line("return .object(members)")
        }
    }
}
