import APISpec

/// Renders a product's shared file: the client type with the product's endpoints and API
/// versions, and one method per action.
struct ClientRenderer {
    let product: ProductSpec

    var typeName: String {
        product.module + "Client"
    }

    func render() -> String {
        var writer = SwiftWriter()
        FileHeader.write(into: &writer, source: product.sourceFile)
        writer.line("import APIGenRuntime")
        writer.blank()
        writer.doc(
            summary: "A client of \(SwiftLiteral.docText(product.title))",
            [
                "Product `\(product.product)`, API version \(product.apiVersion), \(product.style) style."
            ])
        writer.block("public struct \(typeName): Sendable") { writer in
            writer.doc(
                summary: "Where the product is served and which API version each region speaks.")
            writer.line("public static let product = ProductDescriptor(")
            writer.line(
                SwiftWriter.indentUnit + "product: \(SwiftLiteral.string(product.product)),")
            writer.line(
                SwiftWriter.indentUnit + "apiVersion: \(SwiftLiteral.string(product.apiVersion)),")
            writer.line(
                SwiftWriter.indentUnit
                    + "defaultRegion: \(SwiftLiteral.string(product.defaultRegion)),")
            writer.line(SwiftWriter.indentUnit + "endpoints: [")
            for endpoint in product.endpoints {
                writer.line(
                    SwiftWriter.indentUnit + SwiftWriter.indentUnit
                        + "\(SwiftLiteral.string(endpoint.region)): \(SwiftLiteral.string(endpoint.host)),"
                )
            }
            if product.apiVersionOverrides.isEmpty {
                writer.line(SwiftWriter.indentUnit + "]")
            } else {
                writer.line(SwiftWriter.indentUnit + "],")
                writer.line(SwiftWriter.indentUnit + "apiVersionOverrides: [")
                for override in product.apiVersionOverrides {
                    writer.line(
                        SwiftWriter.indentUnit + SwiftWriter.indentUnit
                            + "\(SwiftLiteral.string(override.region)): \(SwiftLiteral.string(override.apiVersion)),"
                    )
                }
                writer.line(SwiftWriter.indentUnit + "]")
            }
            writer.line(")")
            writer.blank()
            writer.doc(summary: "The wire names of the product's actions, sorted.")
            writer.arrayLiteral(
                prefix: "public static let actions: [String] = ",
                elements: product.actions.map { SwiftLiteral.string($0.name) })
            writer.blank()
            writer.doc(summary: "Each action's response type, by the action's wire name.")
            let prefix = "public static let responseTypes: [String: any ActionResponse.Type] = "
            if product.actions.isEmpty {
                writer.line(prefix + "[:]")
            } else {
                writer.arrayLiteral(
                    prefix: prefix,
                    elements: product.actions.map {
                        "\(SwiftLiteral.string($0.name)): \(SwiftNaming.upperCamelCase($0.name)).Response.self"
                    })
            }
        }
        return writer.text
    }
}
