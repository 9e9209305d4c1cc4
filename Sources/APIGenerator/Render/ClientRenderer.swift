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
            writer.blank()
            renderInitializers(into: &writer)
        }
        for action in product.actions {
            writer.blank()
            renderMethod(for: action, into: &writer)
        }
        return writer.text
    }

    private func renderInitializers(into writer: inout SwiftWriter) {
        writer.doc(summary: "The client that validates, signs and sends each call.")
        writer.line("public let rpc: RPCClient")
        writer.blank()
        writer.doc(summary: "Creates a client that sends every call through `rpc`.")
        writer.block("public init(rpc: RPCClient)") { writer in
            writer.line("self.rpc = rpc")
        }
        writer.blank()
        writer.doc([
            "Creates a client for one region.",
            "",
            "- Parameters:",
            "  - region: The region whose endpoint receives the calls.",
            "  - credentials: The access key that signs each call.",
            "  - transport: What sends the HTTP requests.",
            "  - options: The signature version, format, method, endpoint and limits.",
        ])
        writer.line("public init(")
        writer.indented { writer in
            writer.line("region: String = product.defaultRegion,")
            writer.line("credentials: Credentials,")
            writer.line("transport: any HTTPTransport = URLSessionTransport(),")
            writer.line("options: RPCClientOptions = RPCClientOptions()")
        }
        writer.block(")") { writer in
            writer.line("rpc = RPCClient(")
            writer.indented { writer in
                writer.line("product: Self.product,")
                writer.line("region: region,")
                writer.line("credentials: credentials,")
                writer.line("transport: transport,")
                writer.line("options: options")
            }
            writer.line(")")
        }
    }

    private func renderMethod(for action: ActionSpec, into writer: inout SwiftWriter) {
        let typeName = SwiftNaming.upperCamelCase(action.name)
        writer.block("extension \(self.typeName)") { writer in
            var notes = [
                "Validates the request first and sends nothing when a rule is broken."
            ]
            if action.isWrite {
                notes.append("The call changes state and is sent once, never retried.")
            }
            notes.append(
                "- Throws: `CallError` with the broken rules, the service's typed error, an unexpected"
                    + " response or a transport failure.")
            writer.doc(summary: SwiftLiteral.docText(action.summary), notes)
            if action.deprecated {
                writer.line(
                    "@available(*, deprecated, message: \"The vendor marks this action as deprecated.\")"
                )
            }
            writer.line("public func \(SwiftNaming.lowerCamelCase(action.name))(")
            writer.indented { writer in
                writer.line("_ request: \(typeName).Request")
            }
            let effects = ") async throws(CallError<\(typeName).ErrorCode>)"
            let result = "-> \(typeName).Response"
            let body: (inout SwiftWriter) -> Void = { writer in
                writer.line("try await rpc.send(request)")
            }
            // The formatter's layout: the whole line with the brace when it fits, then the
            // line with the brace moved down, then the result on a line of its own.
            let signature = effects + " " + result
            if writer.indentation.count + signature.count + 2 <= SwiftWriter.lineLength {
                writer.block(signature, body)
            } else if writer.indentation.count + signature.count <= SwiftWriter.lineLength {
                writer.line(signature)
                writer.block("", body)
            } else {
                writer.line(effects)
                writer.line(SwiftWriter.indentUnit + result)
                writer.block("", body)
            }
        }
    }
}
