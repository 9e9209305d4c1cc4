/// A product's overlay: what the vendor metadata lacks or gets wrong, kept in its own file so
/// that importing a newer metadata file keeps every correction. `Docs/Import.md` describes
/// the format.
struct ProductOverlay {
    struct Action {
        var name: String
        var location: SourceLocation
        var path: String
        var summary: String?
        var description: String?
        var isWrite: Bool?
        var deprecated: Bool?
        var methods: [String]?
        var notes: [String]?
        var xmlRoot: String?
        var successFlag: String?
        var parameters: [Parameter] = []
        var fields: [Field] = []
        var errors: [Error] = []
        var samples: [SamplePayload] = []
    }

    struct Parameter {
        var name: String
        var location: SourceLocation
        var path: String
        var description: String?
        var example: String?
        var swiftName: String?
        var isRequired: Bool?
        var isSecret: Bool?
        var deprecated: Bool?
        var rules: [RuleSpec]?
        var notes: [String]?
    }

    /// A response field, named by its path of wire names from the response, such as
    /// `Data.Items`.
    struct Field {
        var names: [String]
        var location: SourceLocation
        var path: String
        var description: String?
        var example: String?
        var swiftName: String?
        var itemName: String?
        var isRequired: Bool?
    }

    struct Error {
        var code: String
        var location: SourceLocation
        var path: String
        var httpStatus: Int?
        var meaning: String?
        var notes: [String]?
    }

    var title: String?
    var defaultRegion: String?
    var endpoints: [(key: String, value: String, location: SourceLocation)] = []
    var apiVersionOverrides: [(key: String, value: String, location: SourceLocation)] = []
    var notes: [String] = []
    var actions: [Action] = []
}

extension SpecDecoder {
    mutating func decodeOverlay(_ json: LocatedJSON) -> ProductOverlay? {
        guard var reader = ObjectReader(json, path: "$", diagnostics: &diagnostics) else {
            return nil
        }
        defer {
            reader.finish()
            diagnostics += reader.diagnostics
        }
        if let version = reader.integer("overlayFormat", required: true), version != 1 {
            reader.error(
                "unsupported overlayFormat \(version); this generator reads overlayFormat 1",
                at: reader.location,
                path: reader.memberPath("overlayFormat"))
        }
        var overlay = ProductOverlay()
        if let productJSON = reader.value("product"),
            var productReader = ObjectReader(
                productJSON, path: reader.memberPath("product"), diagnostics: &diagnostics)
        {
            overlay.title = productReader.string("title", required: false)
            overlay.defaultRegion = productReader.string("defaultRegion", required: false)
            overlay.endpoints = productReader.stringMap("endpoints", required: false) ?? []
            overlay.apiVersionOverrides =
                productReader.stringMap("apiVersionOverrides", required: false) ?? []
            overlay.notes = productReader.strings("notes") ?? []
            productReader.finish()
            diagnostics += productReader.diagnostics
        }
        for member in reader.members("actions") ?? [] {
            if let action = decodeActionOverlay(
                member, path: JSONPath.member(member.key, of: reader.memberPath("actions")))
            {
                overlay.actions.append(action)
            }
        }
        return overlay
    }

    private mutating func decodeActionOverlay(_ member: LocatedJSON.Member, path: String)
        -> ProductOverlay.Action?
    {
        guard var reader = ObjectReader(member.value, path: path, diagnostics: &diagnostics) else {
            return nil
        }
        defer {
            reader.finish()
            diagnostics += reader.diagnostics
        }
        var action = ProductOverlay.Action(
            name: member.key, location: member.keyLocation, path: path)
        action.summary = reader.string("summary", required: false)
        action.description = reader.string("description", required: false)
        action.isWrite = reader.optionalBool("write")
        action.deprecated = reader.optionalBool("deprecated")
        action.methods = reader.strings("methods")
        action.notes = reader.strings("notes")
        action.xmlRoot = reader.string("xmlRoot", required: false)
        action.successFlag = reader.string("successFlag", required: false)
        for parameter in reader.members("parameters") ?? [] {
            let parameterPath = JSONPath.member(parameter.key, of: reader.memberPath("parameters"))
            guard
                var parameterReader = ObjectReader(
                    parameter.value, path: parameterPath, diagnostics: &diagnostics)
            else {
                continue
            }
            var entry = ProductOverlay.Parameter(
                name: parameter.key, location: parameter.keyLocation, path: parameterPath)
            entry.description = parameterReader.string("description", required: false)
            entry.example = parameterReader.string("example", required: false)
            entry.swiftName = parameterReader.string("swiftName", required: false)
            entry.isRequired = parameterReader.optionalBool("required")
            entry.isSecret = parameterReader.optionalBool("secret")
            entry.deprecated = parameterReader.optionalBool("deprecated")
            entry.notes = parameterReader.strings("notes")
            if let rules = parameterReader.array("rules", required: false) {
                let rulesPath = parameterReader.memberPath("rules")
                entry.rules = rules.enumerated().compactMap {
                    decodeRule($0.element, path: JSONPath.element($0.offset, of: rulesPath))
                }
            }
            parameterReader.finish()
            diagnostics += parameterReader.diagnostics
            action.parameters.append(entry)
        }
        for field in reader.members("fields") ?? [] {
            let fieldPath = JSONPath.member(field.key, of: reader.memberPath("fields"))
            guard
                var fieldReader = ObjectReader(
                    field.value, path: fieldPath, diagnostics: &diagnostics)
            else {
                continue
            }
            let names = field.key.split(separator: ".", omittingEmptySubsequences: false).map(
                String.init)
            var entry = ProductOverlay.Field(
                names: names, location: field.keyLocation, path: fieldPath)
            entry.description = fieldReader.string("description", required: false)
            entry.example = fieldReader.string("example", required: false)
            entry.swiftName = fieldReader.string("swiftName", required: false)
            entry.itemName = fieldReader.string("itemName", required: false)
            entry.isRequired = fieldReader.optionalBool("required")
            fieldReader.finish()
            diagnostics += fieldReader.diagnostics
            action.fields.append(entry)
        }
        for error in reader.members("errors") ?? [] {
            let errorPath = JSONPath.member(error.key, of: reader.memberPath("errors"))
            guard
                var errorReader = ObjectReader(
                    error.value, path: errorPath, diagnostics: &diagnostics)
            else {
                continue
            }
            var entry = ProductOverlay.Error(
                code: error.key, location: error.keyLocation, path: errorPath)
            entry.httpStatus = errorReader.integer("httpStatus")
            entry.meaning = errorReader.string("meaning", required: false)
            entry.notes = errorReader.strings("notes")
            if let status = entry.httpStatus, !(100...599).contains(status),
                let statusJSON = errorReader.value("httpStatus")
            {
                errorReader.error(
                    "invalid HTTP status \(status); expected 100 to 599", at: statusJSON.location,
                    path: errorReader.memberPath("httpStatus"))
            }
            errorReader.finish()
            diagnostics += errorReader.diagnostics
            action.errors.append(entry)
        }
        let samplesPath = reader.memberPath("samples")
        action.samples = (reader.array("samples", required: false) ?? []).enumerated().compactMap {
            decodeSample($0.element, path: JSONPath.element($0.offset, of: samplesPath))
        }
        return action
    }
}
