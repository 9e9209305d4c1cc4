/// Turns the located JSON of spec files into the model, collecting every diagnostic instead
/// of stopping at the first.
struct SpecDecoder {
    var diagnostics: [Diagnostic] = []

    private mutating func finish(_ reader: inout ObjectReader) {
        reader.finish()
        diagnostics += reader.diagnostics
    }

    // MARK: - Product

    mutating func decodeProduct(_ json: LocatedJSON, file: String) -> ProductSpec? {
        guard var reader = ObjectReader(json, path: "$", diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        if let version = reader.integer("specFormat", required: true), version != 1 {
            reader.error(
                "unsupported specFormat \(version); this generator reads specFormat 1",
                at: reader.location,
                path: reader.memberPath("specFormat"))
        }
        let product = reader.string("product", required: true)
        let module = reader.string("module", required: true)
        let title = reader.string("title", required: true)
        let apiVersion = reader.string("apiVersion", required: true)
        let style = reader.string("style", required: true)
        let defaultRegion = reader.string("defaultRegion", required: true)
        let endpoints = reader.stringMap("endpoints", required: true) ?? []
        let overrides = reader.stringMap("apiVersionOverrides", required: false) ?? []
        let notes = reader.strings("notes") ?? []
        guard let product, let module, let title, let apiVersion, let style, let defaultRegion
        else {
            return nil
        }
        var spec = ProductSpec(
            product: product, module: module, title: title, apiVersion: apiVersion, style: style,
            defaultRegion: defaultRegion,
            endpoints: endpoints.map {
                Endpoint(region: $0.key, host: $0.value, location: $0.location)
            },
            apiVersionOverrides: overrides.map {
                APIVersionOverride(region: $0.key, apiVersion: $0.value, location: $0.location)
            },
            notes: notes, actions: [], sourceFile: file, location: json.location)
        spec.keyLocations = reader.keyLocations
        return spec
    }

    // MARK: - Action

    mutating func decodeAction(_ json: LocatedJSON, file: String) -> ActionSpec? {
        guard var reader = ObjectReader(json, path: "$", diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let name = reader.string("action", required: true)
        let summary = reader.string("summary", required: true)
        let description = reader.string("description", required: false)
        let methods = reader.strings("methods", required: true) ?? []
        let isWrite = reader.bool("write", default: false)
        let deprecated = reader.bool("deprecated", default: false)
        let parameters = (reader.array("parameters", required: true) ?? []).enumerated().compactMap
        {
            decodeParameter(
                $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("parameters")))
        }
        let response = reader.value("response").flatMap {
            decodeResponse($0, path: reader.memberPath("response"), action: name ?? "")
        }
        if reader.value("response") == nil {
            reader.error(
                "missing required key \"response\" (an object)", at: reader.location, path: "$")
        }
        let errors = (reader.array("errors", required: true) ?? []).enumerated().compactMap {
            decodeError(
                $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("errors")))
        }
        let samples = (reader.array("samples", required: false) ?? []).enumerated().compactMap {
            decodeSample(
                $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("samples")))
        }
        let notes = reader.strings("notes") ?? []
        guard let name, let summary, let response else {
            return nil
        }
        var action = ActionSpec(
            name: name, summary: summary, description: description, methods: methods,
            isWrite: isWrite,
            deprecated: deprecated, parameters: parameters, response: response, errors: errors,
            samples: samples, notes: notes, sourceFile: file, location: json.location)
        action.keyLocations = reader.keyLocations
        return action
    }

    // MARK: - Types

    /// Reads `type`, `format`, `items`, `typeName` and `fields` from the reader's object.
    private mutating func decodeType(_ reader: inout ObjectReader, defaultTypeName: String)
        -> TypeSpec?
    {
        guard let kind = reader.string("type", required: true) else {
            return nil
        }
        let formatJSON = reader.value("format")
        var format: String?
        if let formatJSON {
            if case .string(let text) = formatJSON.value {
                format = text
            } else {
                reader.error(
                    "expected a string, found \(formatJSON.kindName) \(formatJSON.preview)",
                    at: formatJSON.location, path: reader.memberPath("format"))
            }
        }
        func rejectFormat(_ reader: inout ObjectReader, allowed: [String]) {
            guard let format, let formatJSON, !allowed.contains(format) else { return }
            let expected =
                allowed.isEmpty
                ? "remove \"format\", which type \"\(kind)\" does not take"
                : "expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.error(
                "invalid format \"\(format)\" for type \"\(kind)\"; \(expected)",
                at: formatJSON.location, path: reader.memberPath("format"))
        }
        switch kind {
        case "string":
            // Vendor metadata tags strings with formats such as `date-time`, which change
            // nothing about the Swift type.
            return .string
        case "integer":
            rejectFormat(&reader, allowed: TypeSpec.IntegerFormat.allCases.map(\.rawValue))
            return .integer(format.flatMap(TypeSpec.IntegerFormat.init(rawValue:)) ?? .int64)
        case "number":
            rejectFormat(&reader, allowed: TypeSpec.NumberFormat.allCases.map(\.rawValue))
            return .number(format.flatMap(TypeSpec.NumberFormat.init(rawValue:)) ?? .double)
        case "boolean":
            rejectFormat(&reader, allowed: [])
            return .boolean
        case "array":
            rejectFormat(&reader, allowed: [])
            guard let itemsJSON = reader.value("items") else {
                reader.error(
                    "an array needs \"items\", the type of its elements", at: reader.location,
                    path: reader.path)
                return nil
            }
            let itemsPath = reader.memberPath("items")
            guard
                var itemsReader = ObjectReader(
                    itemsJSON, path: itemsPath, diagnostics: &diagnostics)
            else {
                return nil
            }
            defer { finish(&itemsReader) }
            guard let element = decodeType(&itemsReader, defaultTypeName: defaultTypeName + "Item")
            else {
                return nil
            }
            return .array(element)
        case "object":
            rejectFormat(&reader, allowed: [])
            let typeName = reader.string("typeName", required: false) ?? defaultTypeName
            let fields = (reader.array("fields", required: true) ?? []).enumerated().compactMap {
                decodeField(
                    $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("fields")))
            }
            return .object(ObjectSpec(typeName: typeName, fields: fields))
        default:
            let json = reader.value("type")!
            reader.error(
                "unknown type \"\(kind)\"; expected \"string\", \"integer\", \"number\", \"boolean\", \"array\" or \"object\"",
                at: json.location, path: reader.memberPath("type"))
            return nil
        }
    }

    // MARK: - Parameters and fields

    private mutating func decodeParameter(_ json: LocatedJSON, path: String) -> ParameterSpec? {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let name = reader.string("name", required: true)
        let type = decodeType(&reader, defaultTypeName: name ?? "Value")
        let location = reader.choice("in", as: ParameterLocation.self, default: .query) ?? .query
        let style = reader.choice("style", as: ParameterStyle.self, default: nil)
        let isRequired = reader.bool("required", default: false)
        let isSecret = reader.bool("secret", default: false)
        let deprecated = reader.bool("deprecated", default: false)
        let description = reader.string("description", required: true)
        let example = reader.string("example", required: false)
        let rules = (reader.array("rules", required: false) ?? []).enumerated().compactMap {
            decodeRule(
                $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("rules")))
        }
        let notes = reader.strings("notes") ?? []
        guard let name, let type, let description else {
            return nil
        }
        return ParameterSpec(
            name: name, type: type, location: location, style: style, isRequired: isRequired,
            isSecret: isSecret, deprecated: deprecated, description: description, example: example,
            rules: rules, notes: notes, sourceLocation: json.location)
    }

    private mutating func decodeField(_ json: LocatedJSON, path: String) -> FieldSpec? {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let name = reader.string("name", required: true)
        let type = decodeType(&reader, defaultTypeName: name ?? "Value")
        let isRequired = reader.bool("required", default: false)
        let description = reader.string("description", required: true)
        let example = reader.string("example", required: false)
        let itemName = reader.string("itemName", required: false)
        guard let name, let type, let description else {
            return nil
        }
        return FieldSpec(
            name: name, type: type, isRequired: isRequired, description: description,
            example: example,
            itemName: itemName, sourceLocation: json.location)
    }

    private mutating func decodeResponse(_ json: LocatedJSON, path: String, action: String)
        -> ResponseSpec?
    {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let xmlRoot = reader.string("xmlRoot", required: false) ?? "\(action)Response"
        let fields = (reader.array("fields", required: true) ?? []).enumerated().compactMap {
            decodeField(
                $0.element, path: JSONPath.element($0.offset, of: reader.memberPath("fields")))
        }
        let successFlag = reader.string("successFlag", required: false)
        return ResponseSpec(xmlRoot: xmlRoot, fields: fields, successFlag: successFlag)
    }

    // MARK: - Errors and samples

    mutating func decodeError(_ json: LocatedJSON, path: String) -> ErrorSpec? {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let code = reader.string("code", required: true)
        let status = reader.integer("httpStatus", required: true)
        let meaning = reader.string("meaning", required: true)
        let notes = reader.strings("notes") ?? []
        if let status, !(100...599).contains(status), let statusJSON = reader.value("httpStatus") {
            reader.error(
                "invalid HTTP status \(status); expected 100 to 599", at: statusJSON.location,
                path: reader.memberPath("httpStatus"))
        }
        guard let code, let status, let meaning else {
            return nil
        }
        return ErrorSpec(
            code: code, httpStatus: status, meaning: meaning, notes: notes, location: json.location)
    }

    mutating func decodeSample(_ json: LocatedJSON, path: String) -> SamplePayload? {
        guard var reader = ObjectReader(json, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer { finish(&reader) }
        let name = reader.string("name", required: true)
        let format = reader.choice("format", as: SamplePayload.Format.self, default: nil)
        if reader.value("format") == nil {
            reader.error(
                "missing required key \"format\" (\"xml\" or \"json\")", at: reader.location,
                path: path)
        }
        let status = reader.integer("httpStatus", required: false) ?? 200
        let body = reader.string("body", required: true)
        let notes = reader.strings("notes") ?? []
        guard let name, let format, let body else {
            return nil
        }
        return SamplePayload(
            name: name, format: format, httpStatus: status, body: body, notes: notes,
            location: json.location)
    }
}
