import Foundation

/// Turns the JSON Schema objects of vendor metadata into spec types, fields and rules.
///
/// Whatever the model cannot express, such as a `$ref` that does not resolve or a list of
/// lists, becomes a warning that names the product, the action and the parameter or field,
/// and the caller leaves that element out.
struct VendorSchemaConverter {
    /// Whether a schema describes a request parameter or a response field, which decides the
    /// reserved member names and what a freeform object becomes.
    enum Role {
        case parameter
        case response
    }

    let file: String
    let product: String
    let schemas: [String: LocatedJSON]
    var diagnostics: [Diagnostic] = []

    static let schemaReferencePrefix = "#/components/schemas/"
    private static let maxReferenceDepth = 32

    mutating func warning(_ location: SourceLocation, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, path: path, message))
    }

    /// Follows `$ref` to the schema it names; nil after a warning when it does not resolve.
    mutating func resolve(_ schema: LocatedJSON, path: String, subject: String) -> (
        schema: LocatedJSON, path: String
    )? {
        var current = schema
        var currentPath = path
        var depth = 0
        while let reference = current["$ref"] {
            let text = reference.stringValue ?? reference.preview
            let name =
                text.hasPrefix(Self.schemaReferencePrefix)
                ? String(text.dropFirst(Self.schemaReferencePrefix.count)) : nil
            guard let name, let target = schemas[name] else {
                warning(
                    reference.location, JSONPath.member("$ref", of: currentPath),
                    "\(subject): the reference \(reference.preview) does not name an entry of components.schemas; it is left out"
                )
                return nil
            }
            depth += 1
            if depth > Self.maxReferenceDepth {
                warning(
                    reference.location, JSONPath.member("$ref", of: currentPath),
                    "\(subject): more than \(Self.maxReferenceDepth) references in a row, which suggests a cycle; it is left out"
                )
                return nil
            }
            current = target
            currentPath = JSONPath.member(name, of: "$.components.schemas")
        }
        return (current, currentPath)
    }

    /// Returns the spec type of a schema, or nil after a warning.
    mutating func type(
        of schema: LocatedJSON, path: String, typeName: String, role: Role, subject: String
    ) -> TypeSpec? {
        guard let (schema, path) = resolve(schema, path: path, subject: subject) else {
            return nil
        }
        var kind = schema["type"]?.stringValue
        if kind == nil && schema["properties"] != nil {
            kind = "object"
        }
        let format = schema["format"]?.stringValue
        switch kind {
        case "string":
            return .string
        case "integer":
            return .integer(format == "int32" ? .int32 : .int64)
        case "number":
            return .number(format == "float" ? .float : .double)
        case "boolean":
            return .boolean
        case "array":
            guard let items = schema["items"] else {
                warning(
                    schema.location, path,
                    "\(subject): the array has no \"items\" schema; it is left out")
                return nil
            }
            let itemsPath = JSONPath.member("items", of: path)
            guard
                let element = type(
                    of: items, path: itemsPath, typeName: typeName, role: role, subject: subject)
            else {
                return nil
            }
            switch element {
            case .array:
                warning(
                    items.location, itemsPath,
                    "\(subject): lists of lists are not supported; it is left out")
                return nil
            case .freeform where role == .response:
                warning(
                    items.location, itemsPath,
                    "\(subject): lists of freeform objects are not supported; it is left out")
                return nil
            default:
                return .array(element)
            }
        case "object":
            guard let properties = schema["properties"]?.members, !properties.isEmpty else {
                return .freeform
            }
            let requiredNames = Set(schema["required"]?.elements?.compactMap(\.stringValue) ?? [])
            let fields = self.fields(
                properties, path: JSONPath.member("properties", of: path),
                requiredNames: requiredNames, role: role,
                subject: subject)
            return .object(ObjectSpec(typeName: typeName, fields: fields))
        default:
            let shown = schema["type"]?.preview ?? "no type"
            warning(
                schema.location, JSONPath.member("type", of: path),
                "\(subject): the type \(shown) is not one of string, integer, number, boolean, array or object; it is left out"
            )
            return nil
        }
    }

    /// Returns the fields of an object's `properties`, each with a Swift name and a nested
    /// type name that no sibling shares.
    mutating func fields(
        _ properties: [LocatedJSON.Member],
        path: String,
        requiredNames: Set<String>,
        role: Role,
        subject: String
    ) -> [FieldSpec] {
        var result: [FieldSpec] = []
        var identifiers = Self.reservedMembers(role)
        var typeNames = Self.reservedTypeNames
        for property in properties {
            let fieldPath = JSONPath.member(property.key, of: path)
            let fieldSubject = "\(subject), field \(property.key)"
            let typeName = Self.unique(SwiftNaming.upperCamelCase(property.key), in: &typeNames)
            guard
                var type = type(
                    of: property.value, path: fieldPath, typeName: typeName, role: role,
                    subject: fieldSubject)
            else {
                continue
            }
            if case .freeform = type, role == .parameter {
                // A freeform member inside a request object has no wire form in the flat style.
                warning(
                    property.value.location, fieldPath,
                    "\(fieldSubject): freeform objects are supported only as whole parameters; it is left out"
                )
                continue
            }
            if case .array(.freeform) = type {
                type = .freeform
            }
            let schema =
                resolve(property.value, path: fieldPath, subject: fieldSubject)?.schema
                ?? property.value
            var isRequired =
                schema["required"]?.boolValue == true || requiredNames.contains(property.key)
            if case .freeform = type {
                isRequired = false
            }
            var field = FieldSpec(
                name: property.key, type: type, isRequired: isRequired,
                description: schema["description"]?.stringValue ?? schema["title"]?.stringValue
                    ?? "",
                example: exampleText(schema["example"]), itemName: nil,
                sourceLocation: property.keyLocation)
            field.swiftName = Self.swiftName(for: property.key, in: &identifiers)
            result.append(field)
        }
        return result
    }

    /// The example as text: vendor metadata writes examples as strings, sometimes as numbers.
    func exampleText(_ json: LocatedJSON?) -> String? {
        guard let json else {
            return nil
        }
        switch json.value {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    // MARK: - Names

    /// Members that a generated request or response, or a nested request object, declares.
    static func reservedMembers(_ role: Role) -> Set<String> {
        role == .parameter
            ? SpecChecker.reservedMembers.union(["wireValue"]) : SpecChecker.reservedMembers
    }

    /// Type names that a nested type must not take, because the generated code refers to them
    /// from inside the enclosing types.
    static let reservedTypeNames: Set<String> = [
        "Request", "Response", "ErrorCode", "PayloadObject", "PayloadValue", "WireValue",
        "WireMember",
        "WireParameters", "WireEncoding", "Secret", "Rules", "PatternRule", "ASCIICharacterSet",
        "ValidationIssue", "ValidationError", "HTTPMethod", "ResponseDecodingError", "Int32",
        "Int64",
        "Double", "Float", "Array", "Set", "Dictionary", "Optional", "Never", "Void", "Character",
    ]

    /// Returns `base`, or `base` with the smallest number from 2 that makes it unused, and
    /// records it as used.
    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var name = used.contains(base) ? base + "Value" : base
        var counter = 2
        while used.contains(name) {
            name = "\(base)\(counter)"
            counter += 1
        }
        used.insert(name)
        return name
    }

    /// Returns nil when the wire name's derived identifier is free, or a free Swift name
    /// otherwise, and records the identifier as used.
    static func swiftName(for wireName: String, in used: inout Set<String>) -> String? {
        let derived = SwiftNaming.bare(SwiftNaming.lowerCamelCase(wireName))
        if !used.contains(derived) {
            used.insert(derived)
            return nil
        }
        return unique(derived, in: &used)
    }

    // MARK: - Rules

    /// Returns the client and server rules that the schema's keywords state: `minLength`,
    /// `maxLength`, `pattern`, `minimum`, `maximum`, `enum`, `minItems` and `maxItems`.
    ///
    /// Enum lists become server rules, because a vendor list that lags behind the server must
    /// not make the client reject a value the server accepts.
    mutating func rules(for schema: LocatedJSON, path: String, type: TypeSpec, subject: String)
        -> [RuleSpec]
    {
        var result: [RuleSpec] = []
        let location = schema.location
        func rule(_ kind: RuleKind, _ enforcement: RuleSpec.Enforcement = .client) -> RuleSpec {
            RuleSpec(
                kind: kind, errorCode: nil, enforcement: enforcement, notes: [], location: location)
        }
        if case .array(let element) = type {
            let minItems = integer(schema, "minItems", path: path, subject: subject)
            let maxItems = integer(schema, "maxItems", path: path, subject: subject)
            if minItems != nil || maxItems != nil {
                result.append(rule(.itemCount(min: minItems, max: maxItems)))
            }
            if element.isScalar, let items = schema["items"],
                let resolved = resolve(
                    items, path: JSONPath.member("items", of: path), subject: subject)
            {
                result += rules(
                    for: resolved.schema, path: resolved.path, type: element, subject: subject)
            }
            return result
        }
        switch type {
        case .string:
            let minLength = integer(schema, "minLength", path: path, subject: subject)
            let maxLength = integer(schema, "maxLength", path: path, subject: subject)
            if let minLength, let maxLength, minLength > maxLength {
                warning(
                    location, path,
                    "\(subject): minLength \(minLength) is above maxLength \(maxLength); the length rule is left out"
                )
            } else if minLength != nil || maxLength != nil {
                result.append(rule(.length(min: minLength, max: maxLength)))
            }
            if let pattern = schema["pattern"]?.stringValue {
                if (try? NSRegularExpression(pattern: pattern)) == nil {
                    warning(
                        location, JSONPath.member("pattern", of: path),
                        "\(subject): the pattern \"\(pattern)\" is not a valid ICU regular expression; the rule is left out"
                    )
                } else {
                    result.append(rule(.pattern(pattern)))
                }
            }
        case .integer, .number:
            let minimum = bound(schema, "minimum", type: type, path: path, subject: subject)
            let maximum = bound(schema, "maximum", type: type, path: path, subject: subject)
            if let minimum, let maximum, let low = Double(minimum), let high = Double(maximum),
                low > high
            {
                warning(
                    location, path,
                    "\(subject): the minimum \(minimum) is above the maximum \(maximum); the range rule is left out"
                )
            } else if minimum != nil || maximum != nil {
                result.append(rule(.range(minimum: minimum, maximum: maximum)))
            }
        default:
            break
        }
        if let values = schema["enum"]?.elements, type.isScalar, type != .boolean {
            var texts: [String] = []
            for value in values {
                guard let text = value.stringValue ?? value.numberText, Self.fits(text, type),
                    !texts.contains(text)
                else {
                    warning(
                        value.location, JSONPath.member("enum", of: path),
                        "\(subject): the enum value \(value.preview) is not a distinct \(type.kindName); it is left out"
                    )
                    continue
                }
                texts.append(text)
            }
            if !texts.isEmpty {
                result.append(rule(.oneOf(texts), .server))
            }
        }
        return result
    }

    private mutating func integer(
        _ schema: LocatedJSON, _ key: String, path: String, subject: String
    ) -> Int? {
        guard let json = schema[key] else {
            return nil
        }
        guard let text = json.numberText, let number = Int(text), number >= 0 else {
            warning(
                json.location, JSONPath.member(key, of: path),
                "\(subject): \(key) \(json.preview) is not a whole number of 0 or more; it is left out"
            )
            return nil
        }
        return number
    }

    private mutating func bound(
        _ schema: LocatedJSON, _ key: String, type: TypeSpec, path: String, subject: String
    ) -> String? {
        guard let json = schema[key] else {
            return nil
        }
        guard let text = json.numberText, Self.fits(text, type) else {
            warning(
                json.location, JSONPath.member(key, of: path),
                "\(subject): \(key) \(json.preview) is not a valid \(type.kindName) value; it is left out"
            )
            return nil
        }
        return text
    }

    /// Returns whether literal text is a valid value of a scalar type.
    static func fits(_ text: String, _ type: TypeSpec) -> Bool {
        switch type {
        case .string: true
        case .integer(.int32): Int32(text) != nil
        case .integer(.int64): Int64(text) != nil
        case .number: Double(text).map { $0.isFinite } ?? false
        case .boolean: text == "true" || text == "false"
        case .array, .object, .freeform: false
        }
    }
}
