import APISpec

/// Renders the public memberwise initializer of a generated struct of fields, shared by
/// response types and object parameters.
enum MemberwiseInitializer {
    static func render(
        fields: [FieldSpec],
        summary: String,
        propertyType: (FieldSpec) -> String,
        into writer: inout SwiftWriter
    ) {
        writer.doc(summary: summary)
        if fields.isEmpty {
            writer.line("public init() {}")
            return
        }
        // Labels keep their backticks, so that a keyword such as `default` stays valid.
        let arguments = fields.map { field in
            "\(field.propertyName): \(propertyType(field))\(field.isRequired ? "" : " = nil")"
        }
        let body: (inout SwiftWriter) -> Void = { writer in
            for field in fields {
                writer.assignment(
                    "self.\(SwiftNaming.bare(field.propertyName))", field.propertyName)
            }
        }
        let signature = "public init(\(arguments.joined(separator: ", ")))"
        if writer.indentation.count + signature.count + 2 <= SwiftWriter.lineLength {
            writer.block(signature, body)
        } else {
            writer.line("public init(")
            for (index, argument) in arguments.enumerated() {
                writer.line(
                    SwiftWriter.indentUnit + argument + (index == arguments.count - 1 ? "" : ","))
            }
            writer.block(")", body)
        }
    }
}
