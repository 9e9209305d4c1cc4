/// The wire format of a response body.
public enum PayloadFormat: String, Sendable, Hashable {
    case xml = "XML"
    case json = "JSON"
}

/// A parsed value of a response body, the same shape for XML and JSON.
///
/// XML maps onto it as follows: an element with child elements is an ``object(_:)``, any other
/// element is a ``string(_:)`` of its trimmed text, and repeated child elements stay repeated
/// fields of the object. JSON maps onto it one to one.
public enum PayloadValue: Sendable, Hashable {
    case object(PayloadObject)
    case array([PayloadValue])
    case string(String)
    /// A JSON number, kept as its literal text so that no precision is lost before a field's
    /// type is known.
    case number(String)
    case bool(Bool)
    case null

    /// The kind of value, as decoding errors name it.
    public var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a Boolean"
        case .null: "null"
        }
    }
}

/// One member of a ``PayloadObject``.
public struct PayloadField: Sendable, Hashable {
    public var name: String
    public var value: PayloadValue

    public init(name: String, value: PayloadValue) {
        self.name = name
        self.value = value
    }
}

/// An object of a response body: its fields in document order and where it sits.
public struct PayloadObject: Sendable, Hashable {
    /// The format the object was parsed from, which decides how scalars are read.
    public var format: PayloadFormat

    /// The object's path from the root, such as `ModifyPWByDomainResponse` or `Data.Item[0]`.
    public var path: String

    /// The fields in document order. XML may repeat a name; JSON never does.
    public var fields: [PayloadField]

    public init(format: PayloadFormat, path: String, fields: [PayloadField]) {
        self.format = format
        self.path = path
        self.fields = fields
    }

    /// Returns the path of a field of this object.
    public func path(of name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    /// Returns every value stored under a name, in document order.
    public func values(named name: String) -> [PayloadValue] {
        var result: [PayloadValue] = []
        for field in fields where field.name == name {
            result.append(field.value)
        }
        return result
    }
}
