import Foundation

/// Reads Alibaba Cloud's OpenAPI metadata, an `api-docs.json` file of format version 1.0, into
/// the same model that spec files load into.
///
/// Only RPC-style products are supported. Anything the model cannot express becomes a warning
/// that names the product, the action and the parameter or field, and the importer leaves out
/// the smallest part that contains it: a response field, or the whole action when a request
/// parameter cannot be sent. The rest of the product is still imported.
public enum VendorMetadataImporter {
    /// The outcome of an import: the product, unless an error stopped it, and every
    /// diagnostic, errors and warnings.
    public struct Result: Sendable {
        public var product: ProductSpec?
        public var diagnostics: [Diagnostic]
    }

    /// Imports the metadata in `text`, naming `file` in diagnostics. The product gets the
    /// Swift module `module`, or the vendor's product code when it is nil.
    public static func importProduct(text: String, file: String, module: String?) -> Result {
        let json: LocatedJSON
        do {
            json = try LocatedJSONParser.parse(text, file: file)
        } catch {
            return Result(product: nil, diagnostics: error.diagnostics)
        }
        return importProduct(json: json, file: file, module: module)
    }

    /// Removes each sample from `file` that does not decode with its action's response fields,
    /// returning a warning for each. Run it after the overlay is merged, because the overlay
    /// may correct a field or replace a sample. Samples from other files are kept, so that the
    /// checks report them as errors.
    public static func removeUndecodableSamples(from product: inout ProductSpec, file: String)
        -> [Diagnostic]
    {
        var warnings: [Diagnostic] = []
        for index in product.actions.indices {
            let action = product.actions[index]
            product.actions[index].samples = action.samples.filter { sample in
                guard sample.location.file == file else {
                    return true
                }
                var single = action
                single.samples = [sample]
                var checker = Checker()
                SampleChecker.check(single, into: &checker)
                let problems = checker.diagnostics.filter { $0.severity == .error }
                for problem in problems {
                    warnings.append(
                        Diagnostic(
                            .warning, at: sample.location,
                            path: JSONPath.member(
                                "responseDemo", of: JSONPath.member(action.name, of: "$.apis")),
                            "\(product.product) action \(action.name): \(problem.message); the sample is left out"
                        ))
                }
                return problems.isEmpty
            }
        }
        return warnings
    }

    static func importProduct(json: LocatedJSON, file: String, module: String?) -> Result {
        var diagnostics: [Diagnostic] = []
        func error(_ location: SourceLocation, _ path: String, _ message: String) {
            diagnostics.append(Diagnostic(.error, at: location, path: path, message))
        }
        guard json.members != nil else {
            error(
                json.location, "$",
                "expected the metadata object, found \(json.kindName) \(json.preview)")
            return Result(product: nil, diagnostics: diagnostics)
        }
        let info = json["info"]
        let productCode = info?["product"]?.stringValue
        let version = info?["version"]?.stringValue
        let style = info?["style"]?.stringValue
        if productCode == nil {
            error(
                info?.location ?? json.location, "$.info.product",
                "missing the product code (a string such as \"Dm\")")
        }
        if version == nil {
            error(
                info?.location ?? json.location, "$.info.version",
                "missing the API version (a string such as \"2015-11-23\")")
        }
        if let style, style != "RPC" {
            error(
                info?["style"]?.location ?? json.location, "$.info.style",
                "\(productCode ?? "the product"): unsupported style \"\(style)\"; this generator imports RPC-style products only"
            )
        }
        guard let apis = json["apis"]?.members else {
            error(json.location, "$.apis", "missing \"apis\", the object of actions by name")
            return Result(product: nil, diagnostics: diagnostics)
        }
        guard let productCode, let version, style == nil || style == "RPC" else {
            return Result(product: nil, diagnostics: diagnostics)
        }
        var schemas: [String: LocatedJSON] = [:]
        for member in json["components"]?["schemas"]?.members ?? [] {
            schemas[member.key] = member.value
        }
        var endpoints: [Endpoint] = []
        for (index, entry) in (json["endpoints"]?.elements ?? []).enumerated() {
            guard let region = entry["regionId"]?.stringValue,
                let host = entry["endpoint"]?.stringValue
            else {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: entry.location, path: "$.endpoints[\(index)]",
                        "\(productCode): the endpoint has no \"regionId\" or \"endpoint\" string; it is left out"
                    ))
                continue
            }
            endpoints.append(Endpoint(region: region, host: host, location: entry.location))
        }
        var converter = VendorSchemaConverter(file: file, product: productCode, schemas: schemas)
        var actions: [ActionSpec] = []
        var omitted: [String] = []
        for api in apis {
            let path = JSONPath.member(api.key, of: "$.apis")
            var reader = VendorActionReader(
                name: api.key, json: api.value, path: path, file: file, product: productCode)
            if let action = reader.read(converter: &converter) {
                actions.append(action)
            } else {
                omitted.append(api.key)
            }
        }
        diagnostics += converter.diagnostics
        let moduleName = module ?? SwiftNaming.upperCamelCase(productCode)
        var product = ProductSpec(
            product: productCode, module: moduleName,
            title: "Alibaba Cloud \(productCode) API \(version).",
            apiVersion: version, style: "RPC",
            defaultRegion: endpoints.first?.region ?? "cn-hangzhou",
            endpoints: endpoints, apiVersionOverrides: [], notes: [],
            actions: actions.sorted { $0.name < $1.name },
            sourceFile: file, location: json.location)
        product.omittedActions = omitted.sorted()
        return Result(product: product, diagnostics: diagnostics)
    }
}

/// Reads one entry of `apis` into an action.
struct VendorActionReader {
    let name: String
    let json: LocatedJSON
    let path: String
    let file: String
    let product: String

    private var subject: String {
        "\(product) action \(name)"
    }

    mutating func read(converter: inout VendorSchemaConverter) -> ActionSpec? {
        var methods: [String] = []
        for method in json["methods"]?.elements?.compactMap(\.stringValue) ?? [] {
            let upper = method.uppercased()
            if ["POST", "GET"].contains(upper) && !methods.contains(upper) {
                methods.append(upper)
            }
        }
        if methods.isEmpty {
            converter.warning(
                json.location, JSONPath.member("methods", of: path),
                "\(subject): no GET or POST method; the action is left out")
            return nil
        }
        var parameters: [ParameterSpec] = []
        var identifiers = VendorSchemaConverter.reservedMembers(.parameter)
        var typeNames = VendorSchemaConverter.reservedTypeNames
        for (index, entry) in (json["parameters"]?.elements ?? []).enumerated() {
            let parameterPath = JSONPath.element(index, of: JSONPath.member("parameters", of: path))
            guard
                var parameter = readParameter(
                    entry, path: parameterPath, typeNames: &typeNames, converter: &converter)
            else {
                return nil
            }
            if parameters.contains(where: { $0.name == parameter.name }) {
                converter.warning(
                    entry.location, parameterPath,
                    "\(subject): the parameter \(parameter.name) is listed twice; the first entry is kept"
                )
                continue
            }
            parameter.swiftName = VendorSchemaConverter.swiftName(
                for: parameter.name, in: &identifiers)
            parameters.append(parameter)
        }
        let response = readResponse(converter: &converter)
        let errors = readErrors(converter: &converter)
        let summary =
            json["summary"]?.stringValue ?? json["title"]?.stringValue ?? "The \(name) action."
        var action = ActionSpec(
            name: name, summary: summary, description: json["description"]?.stringValue,
            methods: methods,
            isWrite: isWrite(), deprecated: json["deprecated"]?.boolValue ?? false,
            parameters: parameters,
            response: response, errors: errors, samples: [], notes: [], sourceFile: file,
            location: json.location)
        action.samples = readSamples(for: action, converter: &converter)
        return action
    }

    /// Whether the action changes state. Metadata without `operationType` is read from
    /// `systemTags`, and an action that neither marks as a read counts as a write, which is
    /// the safe side because writes are never retried automatically.
    private func isWrite() -> Bool {
        if let operation = json["operationType"]?.stringValue {
            return operation != "read"
        }
        let tag = json["systemTags"]?["operationType"]?.stringValue ?? ""
        return !["get", "list", "query", "read", "describe"].contains(tag)
    }

    // MARK: - Parameters

    private func readParameter(
        _ entry: LocatedJSON,
        path: String,
        typeNames: inout Set<String>,
        converter: inout VendorSchemaConverter
    ) -> ParameterSpec? {
        guard let name = entry["name"]?.stringValue, let schema = entry["schema"] else {
            converter.warning(
                entry.location, path,
                "\(subject): a parameter has no \"name\" or \"schema\"; the action is left out")
            return nil
        }
        let parameterSubject = "\(subject), parameter \(name)"
        let locationText = entry["in"]?.stringValue ?? "query"
        guard let location = ParameterLocation(rawValue: locationText) else {
            converter.warning(
                entry["in"]?.location ?? entry.location, JSONPath.member("in", of: path),
                "\(parameterSubject): unknown location \"\(locationText)\"; the action is left out")
            return nil
        }
        guard [.query, .formData, .body].contains(location) else {
            converter.warning(
                entry["in"]?.location ?? entry.location, JSONPath.member("in", of: path),
                "\(parameterSubject): parameters in \"\(locationText)\" are not supported for RPC actions; the action is left out"
            )
            return nil
        }
        var style: ParameterStyle?
        if let styleText = entry["style"]?.stringValue {
            guard let known = ParameterStyle(rawValue: styleText) else {
                converter.warning(
                    entry["style"]!.location, JSONPath.member("style", of: path),
                    "\(parameterSubject): unknown style \"\(styleText)\"; the action is left out")
                return nil
            }
            style = known
        }
        let schemaPath = JSONPath.member("schema", of: path)
        let typeName = VendorSchemaConverter.unique(
            SwiftNaming.upperCamelCase(name), in: &typeNames)
        guard
            let type = converter.type(
                of: schema, path: schemaPath, typeName: typeName, role: .parameter,
                subject: parameterSubject),
            let resolved = converter.resolve(schema, path: schemaPath, subject: parameterSubject)
        else {
            converter.warning(
                entry.location, path,
                "\(parameterSubject): the parameter cannot be expressed; the action is left out")
            return nil
        }
        switch type {
        case .array(let element):
            if style == nil || (style == .simple && !element.isScalar) {
                style = .repeatList
            }
        case .object, .freeform:
            if style != .json {
                style = .flat
            }
        default:
            style = nil
        }
        let rules = converter.rules(
            for: resolved.schema, path: resolved.path, type: type, subject: parameterSubject)
        return ParameterSpec(
            name: name, type: type, location: location, style: style,
            isRequired: resolved.schema["required"]?.boolValue ?? false, isSecret: false,
            deprecated: resolved.schema["deprecated"]?.boolValue ?? false,
            description: resolved.schema["description"]?.stringValue ?? resolved.schema["title"]?
                .stringValue ?? "",
            example: converter.exampleText(resolved.schema["example"]), rules: rules, notes: [],
            sourceLocation: entry.location)
    }

    // MARK: - Response

    /// Reads the schema of the first 2xx response that has one, `200` in practice.
    private func readResponse(converter: inout VendorSchemaConverter) -> ResponseSpec {
        let xmlRoot = "\(name)Response"
        let responses = json["responses"]?.members ?? []
        let success = responses.filter { $0.key.hasPrefix("2") && $0.value["schema"] != nil }.min {
            $0.key < $1.key
        }
        guard let success, let schema = success.value["schema"] else {
            return ResponseSpec(xmlRoot: xmlRoot, fields: [])
        }
        let schemaPath = JSONPath.member(
            "schema", of: JSONPath.member(success.key, of: JSONPath.member("responses", of: path)))
        guard
            let resolved = converter.resolve(
                schema, path: schemaPath, subject: "\(subject), response")
        else {
            return ResponseSpec(xmlRoot: xmlRoot, fields: [])
        }
        let properties = resolved.schema["properties"]?.members ?? []
        let requiredNames = Set(
            resolved.schema["required"]?.elements?.compactMap(\.stringValue) ?? [])
        let fields = converter.fields(
            properties, path: JSONPath.member("properties", of: resolved.path),
            requiredNames: requiredNames,
            role: .response, subject: "\(subject), response")
        return ResponseSpec(xmlRoot: xmlRoot, fields: fields)
    }

    // MARK: - Errors

    /// Reads `errorCodes`, an object keyed by HTTP status whose values list
    /// `{errorCode, errorMessage}`. A code listed under two statuses keeps the first.
    private func readErrors(converter: inout VendorSchemaConverter) -> [ErrorSpec] {
        var result: [ErrorSpec] = []
        let errorsPath = JSONPath.member("errorCodes", of: path)
        for group in json["errorCodes"]?.members ?? [] {
            let groupPath = JSONPath.member(group.key, of: errorsPath)
            guard let status = Int(group.key), (100...599).contains(status) else {
                converter.warning(
                    group.keyLocation, groupPath,
                    "\(subject): the error status \"\(group.key)\" is not an HTTP status; its codes are left out"
                )
                continue
            }
            for (index, entry) in (group.value.elements ?? []).enumerated() {
                guard let code = entry["errorCode"]?.stringValue, !code.isEmpty else {
                    converter.warning(
                        entry.location, JSONPath.element(index, of: groupPath),
                        "\(subject): an error entry has no \"errorCode\"; it is left out")
                    continue
                }
                if result.contains(where: { $0.code == code }) {
                    continue
                }
                let meaning =
                    entry["errorMessage"]?.stringValue ?? entry["description"]?.stringValue ?? ""
                result.append(
                    ErrorSpec(
                        code: code, httpStatus: status, meaning: meaning, notes: [],
                        location: entry.location))
            }
        }
        var identifiers: Set<String> = ["undocumented"]
        return result.filter { entry in
            let identifier = SwiftNaming.bare(SwiftNaming.lowerCamelCase(entry.code))
            guard identifiers.insert(identifier).inserted else {
                converter.warning(
                    entry.location, errorsPath,
                    "\(subject): the error code \"\(entry.code)\" becomes the Swift case \(identifier), as another code or the undocumented case does; it is left out"
                )
                return false
            }
            return true
        }
    }

    // MARK: - Samples

    /// Reads `responseDemo`, a JSON-encoded string that holds an array of
    /// `{type, example, errorExample}`.
    private func readSamples(for action: ActionSpec, converter: inout VendorSchemaConverter)
        -> [SamplePayload]
    {
        guard let demo = json["responseDemo"], let text = demo.stringValue, !text.isEmpty else {
            return []
        }
        let demoPath = JSONPath.member("responseDemo", of: path)
        guard let parsed = try? LocatedJSONParser.parse(text, file: file),
            let entries = parsed.elements
        else {
            converter.warning(
                demo.location, demoPath,
                "\(subject): responseDemo does not hold a JSON array; its samples are left out")
            return []
        }
        var samples: [SamplePayload] = []
        for entry in entries {
            guard let typeText = entry["type"]?.stringValue,
                let format = SamplePayload.Format(rawValue: typeText)
            else {
                continue
            }
            if let body = entry["example"]?.stringValue, !body.isEmpty {
                samples.append(
                    SamplePayload(
                        name: sampleName("metadata-\(typeText)", samples), format: format,
                        httpStatus: 200, body: body, notes: [], location: demo.location))
            }
            if let body = entry["errorExample"]?.stringValue, !body.isEmpty {
                let code = Self.errorCode(in: body, format: format)
                let status = action.errors.first { $0.code == code }?.httpStatus ?? 400
                samples.append(
                    SamplePayload(
                        name: sampleName("metadata-error-\(typeText)", samples), format: format,
                        httpStatus: status, body: body, notes: [],
                        location: demo.location))
            }
        }
        return samples
    }

    private func sampleName(_ base: String, _ existing: [SamplePayload]) -> String {
        var name = base
        var counter = 2
        while existing.contains(where: { $0.name == name }) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        return name
    }

    /// Returns the `Code` of an error body, read loosely: only to pick the sample's status.
    static func errorCode(in body: String, format: SamplePayload.Format) -> String? {
        switch format {
        case .json:
            return (try? LocatedJSONParser.parse(body, file: "sample"))?["Code"]?.stringValue
        case .xml:
            guard let start = body.range(of: "<Code>"),
                let end = body.range(of: "</Code>", range: start.upperBound..<body.endIndex)
            else {
                return nil
            }
            return String(body[start.upperBound..<end.lowerBound]).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
    }
}
