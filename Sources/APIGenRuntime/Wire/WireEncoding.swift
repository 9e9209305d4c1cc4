/// Encodings of list parameters that the `json` style needs.
public enum WireEncoding {
    /// Returns the JSON array of the strings, such as `["a","b"]`.
    public static func jsonArray(_ values: [String]) -> String {
        "[" + values.map(jsonString).joined(separator: ",") + "]"
    }

    /// Returns the JSON array of the numbers or Booleans, written as Swift prints them.
    public static func jsonArray<Value: LosslessStringConvertible>(_ values: [Value]) -> String {
        "[" + values.map(\.description).joined(separator: ",") + "]"
    }

    /// Returns a JSON string literal, escaping quotes, backslashes and control characters.
    public static func jsonString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
