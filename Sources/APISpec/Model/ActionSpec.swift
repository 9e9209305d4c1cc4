/// One API action: its request parameters, its response, its errors and its samples.
public struct ActionSpec: Sendable, Hashable, KeyLocated {
    /// The wire name, sent as the `Action` parameter, such as `ModifyPWByDomain`.
    public var name: String

    /// A one-line summary for doc comments.
    public var summary: String

    /// A longer description, possibly several paragraphs.
    public var description: String?

    /// The HTTP methods the action accepts, the preferred one first.
    public var methods: [String]

    /// Whether the action changes state. Writes are never retried automatically.
    public var isWrite: Bool

    public var deprecated: Bool

    public var parameters: [ParameterSpec]
    public var response: ResponseSpec
    public var errors: [ErrorSpec]
    public var samples: [SamplePayload]

    /// Decisions and corrections recorded in the spec.
    public var notes: [String]

    /// The spec file the action came from, relative to the specs folder.
    public var sourceFile: String

    public var location: SourceLocation

    /// Where each top-level key of the spec file starts, so that a diagnostic about a whole
    /// value, such as `methods`, points at its key.
    public var keyLocations: [String: SourceLocation] = [:]

    public init(
        name: String, summary: String, description: String?, methods: [String], isWrite: Bool,
        deprecated: Bool, parameters: [ParameterSpec], response: ResponseSpec, errors: [ErrorSpec],
        samples: [SamplePayload], notes: [String], sourceFile: String, location: SourceLocation
    ) {
        self.name = name
        self.summary = summary
        self.description = description
        self.methods = methods
        self.isWrite = isWrite
        self.deprecated = deprecated
        self.parameters = parameters
        self.response = response
        self.errors = errors
        self.samples = samples
        self.notes = notes
        self.sourceFile = sourceFile
        self.location = location
    }
}

/// The shape of a value: a scalar, a list or an object with fields.
public indirect enum TypeSpec: Sendable, Hashable {
    case string
    case integer(IntegerFormat)
    case number(NumberFormat)
    case boolean
    case array(TypeSpec)
    case object(ObjectSpec)
    /// An object whose members the spec does not list. A request sends it as a map of strings;
    /// a response keeps it as the parsed payload value.
    case freeform

    public enum IntegerFormat: String, Sendable, Hashable, CaseIterable {
        case int32
        case int64
    }

    public enum NumberFormat: String, Sendable, Hashable, CaseIterable {
        case float
        case double
    }

    /// The type's name in the spec format, such as `integer` or `array`.
    public var kindName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .array: "array"
        case .object: "object"
        case .freeform: "freeform object"
        }
    }

    public var isScalar: Bool {
        switch self {
        case .string, .integer, .number, .boolean: true
        case .array, .object, .freeform: false
        }
    }
}

/// An object type: its Swift type name and its fields.
public struct ObjectSpec: Sendable, Hashable {
    /// The generated Swift type's name, such as `Item`.
    public var typeName: String
    public var fields: [FieldSpec]

    public init(typeName: String, fields: [FieldSpec]) {
        self.typeName = typeName
        self.fields = fields
    }
}

/// The place of a request parameter in the request.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case query
    case formData
    case body
    case host
    case path
    case header
}

/// The flattening of a list or object parameter into wire parameters.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    /// `Name.1=a&Name.2=b`.
    case repeatList
    /// `Name.Key=value`, nested keys joined with dots.
    case flat
    /// One parameter whose value is the JSON encoding of the list or object.
    case json
    /// One parameter whose value is the list joined with commas.
    case simple
}

/// A request parameter.
public struct ParameterSpec: Sendable, Hashable {
    /// The wire name, such as `DomainName`.
    public var name: String
    public var type: TypeSpec
    public var location: ParameterLocation
    public var style: ParameterStyle?
    public var isRequired: Bool

    /// Whether the value is a secret, such as a password, that must never be printed.
    public var isSecret: Bool

    public var deprecated: Bool
    public var description: String
    public var example: String?
    public var rules: [RuleSpec]
    public var notes: [String]
    public var sourceLocation: SourceLocation

    /// The Swift property name to use in place of the one derived from ``name``, so that two
    /// wire names that derive the same identifier can both be kept.
    public var swiftName: String?

    public init(
        name: String, type: TypeSpec, location: ParameterLocation, style: ParameterStyle?,
        isRequired: Bool, isSecret: Bool, deprecated: Bool, description: String, example: String?,
        rules: [RuleSpec], notes: [String], sourceLocation: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.location = location
        self.style = style
        self.isRequired = isRequired
        self.isSecret = isSecret
        self.deprecated = deprecated
        self.description = description
        self.example = example
        self.rules = rules
        self.notes = notes
        self.sourceLocation = sourceLocation
    }
}

/// A field of a response or of a nested response object.
public struct FieldSpec: Sendable, Hashable {
    /// The wire name, such as `RequestId`.
    public var name: String
    public var type: TypeSpec
    public var isRequired: Bool
    public var description: String
    public var example: String?

    /// For a list field in XML, the name of each element inside the wrapper, such as `Item`.
    public var itemName: String?

    public var sourceLocation: SourceLocation

    /// The Swift property name to use in place of the one derived from ``name``, so that two
    /// wire names that derive the same identifier can both be kept.
    public var swiftName: String?

    public init(
        name: String, type: TypeSpec, isRequired: Bool, description: String, example: String?,
        itemName: String?, sourceLocation: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.description = description
        self.example = example
        self.itemName = itemName
        self.sourceLocation = sourceLocation
    }
}

/// The body of a successful call.
public struct ResponseSpec: Sendable, Hashable {
    /// The XML root element, such as `ModifyPWByDomainResponse`.
    public var xmlRoot: String
    public var fields: [FieldSpec]

    /// A Boolean field, such as `Success`, whose value false means that the call failed even
    /// though the server responded with a 2xx status.
    public var successFlag: String?

    public init(xmlRoot: String, fields: [FieldSpec], successFlag: String? = nil) {
        self.xmlRoot = xmlRoot
        self.fields = fields
        self.successFlag = successFlag
    }
}

/// A documented error code of an action.
public struct ErrorSpec: Sendable, Hashable {
    /// The code as the server sends it, such as `InvalidDomainPassword.Malformed`.
    public var code: String
    public var httpStatus: Int

    /// The code's meaning.
    public var meaning: String

    /// The places where the spec departs from the vendor's page, and why.
    public var notes: [String]
    public var location: SourceLocation

    public init(
        code: String, httpStatus: Int, meaning: String, notes: [String], location: SourceLocation
    ) {
        self.code = code
        self.httpStatus = httpStatus
        self.meaning = meaning
        self.notes = notes
        self.location = location
    }
}

/// A response body from the vendor's documentation, kept to test the generated decoders.
public struct SamplePayload: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case xml
        case json
    }

    /// A short name that identifies the sample in tests, such as `page-xml`.
    public var name: String
    public var format: Format

    /// The HTTP status of the sample's response: 2xx for the success body, otherwise an
    /// error body.
    public var httpStatus: Int
    public var body: String
    public var notes: [String]
    public var location: SourceLocation

    public init(
        name: String, format: Format, httpStatus: Int, body: String, notes: [String],
        location: SourceLocation
    ) {
        self.name = name
        self.format = format
        self.httpStatus = httpStatus
        self.body = body
        self.notes = notes
        self.location = location
    }
}

extension ParameterSpec {
    /// The Swift property name, such as `domainName`, with backticks when it is a keyword.
    public var propertyName: String {
        SwiftNaming.lowerCamelCase(swiftName ?? name)
    }
}

extension FieldSpec {
    /// The Swift property name, such as `requestId`, with backticks when it is a keyword.
    public var propertyName: String {
        SwiftNaming.lowerCamelCase(swiftName ?? name)
    }
}
