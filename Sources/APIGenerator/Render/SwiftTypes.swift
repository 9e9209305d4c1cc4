import APISpec

/// The Swift spelling of spec types.
enum SwiftTypes {
    /// Returns the Swift type of a value, such as `String`, `Int64` or `[Item]`. A freeform
    /// object is a map of strings in a request and the parsed value in a response.
    static func name(of type: TypeSpec, isSecret: Bool = false, inResponse: Bool = false) -> String
    {
        switch type {
        case .string: isSecret ? "Secret" : "String"
        case .integer(.int32): "Int32"
        case .integer(.int64): "Int64"
        // Both number formats become Double, which represents every float exactly.
        case .number: "Double"
        case .boolean: "Bool"
        case .array(let element): "[\(name(of: element, inResponse: inResponse))]"
        case .object(let object): SwiftNaming.upperCamelCase(object.typeName)
        case .freeform: inResponse ? "PayloadValue" : "[String: String]"
        }
    }

    /// Returns a literal of the type written from the spec's literal text, such as `"a"` or `10`.
    static func literal(_ text: String, of type: TypeSpec) -> String {
        switch type {
        case .string: SwiftLiteral.string(text)
        case .number where !text.contains(".") && !text.contains("e") && !text.contains("E"):
            text + ".0"
        default: text
        }
    }

    /// Returns the expression that turns a value into its wire text.
    static func wireText(_ expression: String, of type: TypeSpec, isSecret: Bool) -> String {
        switch type {
        case .string: isSecret ? "\(expression).revealed()" : expression
        case .integer, .number: "String(\(expression))"
        case .boolean: "\(expression) ? \"true\" : \"false\""
        case .array, .object, .freeform: expression
        }
    }
}
