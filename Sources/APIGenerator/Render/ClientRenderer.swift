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
            let endpoints = product.endpoints.map {
                "\(SwiftLiteral.string($0.region)): \(SwiftLiteral.string($0.host))"
            }
            let overrides = product.apiVersionOverrides.map {
                "\(SwiftLiteral.string($0.region)): \(SwiftLiteral.string($0.apiVersion))"
            }
            writer.indented { writer in
                writer.arrayLiteral(
                    prefix: "endpoints: ", elements: endpoints, suffix: overrides.isEmpty ? "" : ","
                )
                if !overrides.isEmpty {
                    writer.arrayLiteral(prefix: "apiVersionOverrides: ", elements: overrides)
                }
            }
            writer.line(")")
            writer.blank()
            writer.doc(summary: "The wire names of the product's actions, sorted.")
            writer.arrayLiteral(
                prefix: "public static let actions: [String] = ",
                elements: product.actions.map { SwiftLiteral.string($0.name) })
        }
        return writer.text
    }
}
