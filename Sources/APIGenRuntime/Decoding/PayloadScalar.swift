/// A type that a response field of scalar kind decodes into.
///
/// The rule is the same for every action. XML carries only text, so an XML scalar is always
/// parsed from its trimmed text. A JSON field accepts its own JSON kind and, for Booleans and
/// numbers, also a string that contains the same text, because the vendor's documented samples
/// send `"Success": "true"`. A JSON number is never accepted for a string field.
public protocol PayloadScalar: Sendable {
    /// The type's name as decoding errors show it, such as `a Boolean`.
    static var expectedDescription: String { get }

    /// Decodes the value, throwing ``ResponseDecodingError`` naming `path` when it does not fit.
    /// The path is built only for an error, because most fields decode and building every
    /// field's path showed up in profiles.
    init(payload value: PayloadValue, path: @autoclosure () -> String) throws(ResponseDecodingError)
}

extension String: PayloadScalar {
    public static var expectedDescription: String { "a string" }

    public init(payload value: PayloadValue, path: @autoclosure () -> String)
        throws(ResponseDecodingError)
    {
        guard case .string(let text) = value else {
            throw .typeMismatch(
                path: path(), expected: Self.expectedDescription, found: value.kindName)
        }
        self = text
    }
}

extension Bool: PayloadScalar {
    /// Booleans accept `true` and `false`: a JSON Boolean, or that exact lower-case text.
    /// `1`, `0`, `"True"` and `"yes"` are rejected, because none of the vendor's documented
    /// payloads uses them and guessing could turn a failure into a success.
    public static var expectedDescription: String { "a Boolean (true or false)" }

    public init(payload value: PayloadValue, path: @autoclosure () -> String)
        throws(ResponseDecodingError)
    {
        switch value {
        case .bool(let flag):
            self = flag
        case .string("true"):
            self = true
        case .string("false"):
            self = false
        case .string(let text):
            throw .invalidValue(path: path(), expected: Self.expectedDescription, value: text)
        case .number(let text):
            throw .invalidValue(path: path(), expected: Self.expectedDescription, value: text)
        default:
            throw .typeMismatch(
                path: path(), expected: Self.expectedDescription, found: value.kindName)
        }
    }
}

/// Decodes a numeric field from its literal text, a JSON number or a string holding one,
/// with `parse`, which returns nil for text that is not a valid value of the type.
private func decodeNumber<Value: PayloadScalar>(
    _ value: PayloadValue,
    path: @autoclosure () -> String,
    parse: (String) -> Value?
) throws(ResponseDecodingError) -> Value {
    let text: String
    switch value {
    case .number(let literal), .string(let literal):
        text = literal
    default:
        throw .typeMismatch(
            path: path(), expected: Value.expectedDescription, found: value.kindName)
    }
    guard let number = parse(text) else {
        throw .invalidValue(path: path(), expected: Value.expectedDescription, value: text)
    }
    return number
}

extension Int32: PayloadScalar {
    public static var expectedDescription: String { "a 32-bit integer" }

    public init(payload value: PayloadValue, path: @autoclosure () -> String)
        throws(ResponseDecodingError)
    {
        self = try decodeNumber(value, path: path()) { Int32($0) }
    }
}

extension Int64: PayloadScalar {
    public static var expectedDescription: String { "a 64-bit integer" }

    public init(payload value: PayloadValue, path: @autoclosure () -> String)
        throws(ResponseDecodingError)
    {
        self = try decodeNumber(value, path: path()) { Int64($0) }
    }
}

extension Double: PayloadScalar {
    public static var expectedDescription: String { "a number" }

    public init(payload value: PayloadValue, path: @autoclosure () -> String)
        throws(ResponseDecodingError)
    {
        self = try decodeNumber(value, path: path()) { text in
            Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
    }
}

/// A type that a response field of object kind decodes into.
public protocol PayloadDecodable: Sendable {
    /// Decodes the type from a payload object.
    init(from payload: PayloadObject) throws(ResponseDecodingError)
}

extension PayloadObject {
    /// Returns the single value stored under `name`, nil when it is absent or null.
    ///
    /// A JSON object never repeats a key. An XML element that repeats a scalar child is
    /// rejected with ``ResponseDecodingError/repeatedField(path:)``, because silently keeping
    /// the first or the last copy could hide a proxy's or a server's mistake.
    public func singleValue(named name: String) throws(ResponseDecodingError) -> PayloadValue? {
        var found: PayloadValue?
        for field in fields where field.name == name {
            if found != nil {
                throw .repeatedField(path: path(of: name))
            }
            found = field.value
        }
        if case .null = found {
            return nil
        }
        return found
    }

    /// Decodes a required scalar field.
    public func decode<Value: PayloadScalar>(
        _ type: Value.Type,
        forKey name: String
    ) throws(ResponseDecodingError) -> Value {
        guard let value = try singleValue(named: name) else {
            throw .missingField(path: path(of: name))
        }
        return try Value(payload: value, path: path(of: name))
    }

    /// Decodes an optional scalar field: nil when it is absent or null.
    public func decodeIfPresent<Value: PayloadScalar>(
        _ type: Value.Type,
        forKey name: String
    ) throws(ResponseDecodingError) -> Value? {
        guard let value = try singleValue(named: name) else {
            return nil
        }
        return try Value(payload: value, path: path(of: name))
    }

    /// Decodes an optional object field: nil when it is absent or null.
    public func decodeIfPresent<Value: PayloadDecodable>(
        _ type: Value.Type,
        forKey name: String
    ) throws(ResponseDecodingError) -> Value? {
        guard let value = try singleValue(named: name) else {
            return nil
        }
        return try Value(from: object(value, path: path(of: name)))
    }

    /// Decodes a required object field.
    public func decode<Value: PayloadDecodable>(
        _ type: Value.Type,
        forKey name: String
    ) throws(ResponseDecodingError) -> Value {
        guard let value = try decodeIfPresent(type, forKey: name) else {
            throw .missingField(path: path(of: name))
        }
        return value
    }

    /// Returns the elements of a list field: nil when it is absent or null.
    ///
    /// JSON carries a list as an array. XML carries it as repeated elements, either directly
    /// (`<Tag>a</Tag><Tag>b</Tag>`) or inside a wrapper element named `name` whose children
    /// are all named `itemName` (`<Tags><Tag>a</Tag></Tags>`). The vendor's JSON does the
    /// same with a wrapper object, `{"Tags": {"Tag": [...]}}`, which is accepted too. An empty
    /// XML wrapper, `<Tags/>`, is an empty list.
    public func listElements(
        named name: String,
        itemName: String?
    ) throws(ResponseDecodingError) -> [(value: PayloadValue, path: String)]? {
        let fieldPath = path(of: name)
        let values = values(named: name).filter { $0 != .null }
        if values.isEmpty {
            return nil
        }
        if values.count == 1, let itemName {
            switch values[0] {
            case .object(let wrapper):
                return try wrapper.listElements(named: itemName, itemName: nil) ?? []
            case .string("") where format == .xml:
                return []
            default:
                break
            }
        }
        if values.count == 1, case .array(let items) = values[0] {
            return items.enumerated().map { ($0.element, "\(fieldPath)[\($0.offset)]") }
        }
        if format == .json {
            throw .typeMismatch(path: fieldPath, expected: "an array", found: values[0].kindName)
        }
        return values.enumerated().map { ($0.element, "\(fieldPath)[\($0.offset)]") }
    }

    /// Decodes an optional list of scalars.
    public func decodeListIfPresent<Value: PayloadScalar>(
        of type: Value.Type,
        forKey name: String,
        itemName: String? = nil
    ) throws(ResponseDecodingError) -> [Value]? {
        guard let elements = try listElements(named: name, itemName: itemName) else {
            return nil
        }
        var result: [Value] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try Value(payload: element.value, path: element.path))
        }
        return result
    }

    /// Decodes an optional list of objects.
    public func decodeListIfPresent<Value: PayloadDecodable>(
        of type: Value.Type,
        forKey name: String,
        itemName: String? = nil
    ) throws(ResponseDecodingError) -> [Value]? {
        guard let elements = try listElements(named: name, itemName: itemName) else {
            return nil
        }
        var result: [Value] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try Value(from: object(element.value, path: element.path)))
        }
        return result
    }

    /// Returns `value` as an object, treating an empty XML element as an object with no fields.
    private func object(
        _ value: PayloadValue,
        path: String
    ) throws(ResponseDecodingError) -> PayloadObject {
        switch value {
        case .object(var object):
            object.path = path
            return object
        case .string("") where format == .xml:
            return PayloadObject(format: .xml, path: path, fields: [])
        default:
            throw .typeMismatch(path: path, expected: "an object", found: value.kindName)
        }
    }
}
