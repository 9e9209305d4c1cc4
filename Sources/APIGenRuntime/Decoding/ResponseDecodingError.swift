/// A response body that could not be decoded into the action's response type.
///
/// Messages name the field's path and the offending value. Response fields are never secret,
/// so showing their values is safe.
public enum ResponseDecodingError: Error, Sendable, Hashable {
    /// The body is not well-formed XML or JSON. Line and column are 1-based, 0 when unknown.
    case malformed(format: PayloadFormat, line: Int, column: Int, reason: String)

    /// The body broke one of the ``DecodingLimits``.
    case limitExceeded(limit: String, value: Int)

    /// The XML body has a document type declaration, which is never accepted because it can
    /// declare external or recursive entities.
    case documentTypeDeclaration(line: Int, column: Int)

    /// The JSON body's top level is not an object.
    case topLevelNotObject(found: String)

    /// A JSON object names the same key twice.
    case duplicateKey(path: String)

    /// A required field is absent or null.
    case missingField(path: String)

    /// A field contains a value of the wrong kind, such as an object where a string belongs.
    case typeMismatch(path: String, expected: String, found: String)

    /// A field contains a scalar of the right kind that is not a valid value for its type.
    case invalidValue(path: String, expected: String, value: String)

    /// A scalar field appears more than once in an XML element.
    case repeatedField(path: String)

    /// The XML body's root element is not the one the action's spec names.
    case unexpectedRoot(expected: String, found: String)
}

extension ResponseDecodingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let format, let line, let column, let reason):
            let position = line > 0 ? " at line \(line), column \(column)" : ""
            return "malformed \(format.rawValue) response\(position): \(reason)"
        case .limitExceeded(let limit, let value):
            return "the response exceeds the \(limit) limit of \(value); raise it in DecodingLimits"
                + " if the body is trusted"
        case .documentTypeDeclaration(let line, let column):
            return "the XML response has a document type declaration at line \(line), column"
                + " \(column), which is rejected because it can declare external entities"
        case .topLevelNotObject(let found):
            return "the JSON response's top level is \(found), expected an object"
        case .duplicateKey(let path):
            return "the JSON response has the key '\(path)' more than once"
        case .missingField(let path):
            return "the response is missing the required field '\(path)'"
        case .typeMismatch(let path, let expected, let found):
            return "the response field '\(path)' is \(found), expected \(expected)"
        case .invalidValue(let path, let expected, let value):
            return
                "the response field '\(path)' has the value \(quoted(value)), expected \(expected)"
        case .repeatedField(let path):
            return "the response field '\(path)' appears more than once, expected one value"
        case .unexpectedRoot(let expected, let found):
            return "the XML response's root element is <\(found)>, expected <\(expected)>"
        }
    }
}

/// Quotes a value for a message, cut to 100 characters so that a huge body stays readable.
func quoted(_ value: String) -> String {
    let limit = 100
    if value.count <= limit {
        return "\"\(value)\""
    }
    return "\"\(value.prefix(limit))…\" (\(value.count) characters)"
}
