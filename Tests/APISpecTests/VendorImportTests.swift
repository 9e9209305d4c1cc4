import Foundation
import Testing

@testable import APISpec

/// Imports small metadata files written here, one construct at a time.
@Suite struct VendorImportTests {
    /// Returns metadata with the given `apis` entries and `components.schemas`.
    static func metadata(apis: String, schemas: String = "{}", style: String = "RPC") -> String {
        """
        {"version": "1.0", "info": {"style": "\(style)", "product": "Demo", "version": "2020-01-01"},
         "components": {"schemas": \(schemas)},
         "endpoints": [{"regionId": "cn-hangzhou", "endpoint": "demo.aliyuncs.com"}],
         "apis": \(apis)}
        """
    }

    static func action(
        _ name: String, parameters: String = "[]",
        response: String = #"{"type": "object", "properties": {"RequestId": {"type": "string"}}}"#
    ) -> String {
        #""\#(name)": {"methods": ["post", "get"], "parameters": \#(parameters), "responses": {"200": {"schema": \#(response)}}}"#
    }

    static func importProduct(_ text: String) -> VendorMetadataImporter.Result {
        VendorMetadataImporter.importProduct(text: text, file: "demo.json", module: nil)
    }

    @Test func stylesAndLocations() throws {
        let parameters = """
            [{"name": "Tag", "in": "query", "style": "repeatList", "schema": {"type": "array", "maxItems": 20,
               "items": {"type": "object", "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}}}}},
             {"name": "Disk", "in": "formData", "style": "flat", "schema": {"type": "object",
               "properties": {"Size": {"type": "integer", "format": "int32", "minimum": "20", "maximum": "500"}}}},
             {"name": "Options", "in": "query", "style": "json", "schema": {"type": "object"}},
             {"name": "Ids", "in": "query", "style": "simple", "schema": {"type": "array", "items": {"type": "string"}}}]
            """
        let result = Self.importProduct(
            Self.metadata(apis: "{\(Self.action("Create", parameters: parameters))}"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let action = try #require(result.product?.actions.first)
        #expect(action.parameters.map(\.style) == [.repeatList, .flat, .json, .simple])
        #expect(action.parameters[1].location == .formData)
        #expect(action.parameters[2].type == .freeform)
        guard case .array(.object(let tag)) = action.parameters[0].type else {
            Issue.record("Tag is not a list of objects: \(action.parameters[0].type)")
            return
        }
        #expect(tag.fields.map(\.name) == ["Key", "Value"])
        #expect(action.parameters[0].rules.map(\.kind) == [.itemCount(min: nil, max: 20)])
        #expect(
            SpecChecker.check(try #require(result.product)).filter { $0.severity == .error }.isEmpty
        )
    }

    @Test func scalarRulesFromSchema() throws {
        let parameters = """
            [{"name": "Name", "in": "query", "schema": {"type": "string", "required": true, "maxLength": 64,
               "pattern": "^[a-z]+$", "enum": ["a", "b"]}},
             {"name": "Size", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": "1", "maximum": "99999999999"}}]
            """
        let result = Self.importProduct(
            Self.metadata(apis: "{\(Self.action("Create", parameters: parameters))}"))
        let action = try #require(result.product?.actions.first)
        #expect(action.parameters[0].isRequired)
        #expect(
            action.parameters[0].rules.map(\.kind) == [
                .length(min: nil, max: 64), .pattern("^[a-z]+$"), .oneOf(["a", "b"]),
            ])
        #expect(action.parameters[0].rules.last?.enforcement == .server)
        // The maximum does not fit an int32, so it is left out with a warning.
        #expect(action.parameters[1].rules.map(\.kind) == [.range(minimum: "1", maximum: nil)])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func referenceResolves() throws {
        let schemas = #"{"Disk": {"type": "object", "properties": {"Size": {"type": "integer"}}}}"#
        let parameters =
            ##"[{"name": "Disk", "in": "query", "style": "flat", "schema": {"$ref": "#/components/schemas/Disk"}}]"##
        let result = Self.importProduct(
            Self.metadata(
                apis: "{\(Self.action("Create", parameters: parameters))}", schemas: schemas))
        let action = try #require(result.product?.actions.first)
        guard case .object(let disk) = action.parameters[0].type else {
            Issue.record("Disk is not an object")
            return
        }
        #expect(disk.fields.map(\.name) == ["Size"])
    }

    @Test func unresolvedReferenceLeavesActionOut() throws {
        let parameters =
            ##"[{"name": "Disk", "in": "query", "schema": {"$ref": "#/components/schemas/Missing"}}]"##
        let apis = "{\(Self.action("Broken", parameters: parameters)), \(Self.action("Fine"))}"
        let result = Self.importProduct(Self.metadata(apis: apis))
        #expect(result.product?.actions.map(\.name) == ["Fine"])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("Demo action Broken, parameter Disk"))
        #expect(warning.location.line == 4)
    }

    @Test func unsupportedLocationLeavesActionOut() {
        let parameters = #"[{"name": "Id", "in": "path", "schema": {"type": "string"}}]"#
        let result = Self.importProduct(
            Self.metadata(apis: "{\(Self.action("Get", parameters: parameters))}"))
        #expect(result.product?.actions.isEmpty == true)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func otherStyleIsAnError() {
        let result = Self.importProduct(Self.metadata(apis: "{}", style: "ROA"))
        #expect(result.product == nil)
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.diagnostics.first?.path == "$.info.style")
    }

    @Test func collidingNamesGetSwiftNames() throws {
        let response = """
            {"type": "object", "properties": {"RequestId": {"type": "string"}, "requestId": {"type": "string"},
             "Description": {"type": "string"}}}
            """
        let result = Self.importProduct(
            Self.metadata(apis: "{\(Self.action("Get", response: response))}"))
        let fields = try #require(result.product?.actions.first?.response.fields)
        #expect(fields.map(\.propertyName) == ["requestId", "requestIdValue", "descriptionValue"])
        #expect(
            SpecChecker.check(try #require(result.product)).filter { $0.severity == .error }.isEmpty
        )
    }

    @Test func errorCodesAndSamples() throws {
        let entry = #"""
            "Get": {"methods": ["post"], "parameters": [],
             "responses": {"200": {"schema": {"type": "object", "properties": {"RequestId": {"type": "string"}}}}},
             "errorCodes": {"404": [{"errorCode": "Demo.NotFound", "errorMessage": "Not found."}]},
             "responseDemo": "[{\"type\":\"json\",\"example\":\"{\\\"RequestId\\\":\\\"r\\\"}\",\"errorExample\":\"{\\\"Code\\\":\\\"Demo.NotFound\\\"}\"}]"}
            """#
        let result = Self.importProduct(Self.metadata(apis: "{\(entry)}"))
        let action = try #require(result.product?.actions.first)
        #expect(action.errors.map(\.code) == ["Demo.NotFound"])
        #expect(action.errors.first?.httpStatus == 404)
        #expect(action.samples.map(\.name) == ["metadata-json", "metadata-error-json"])
        #expect(action.samples.map(\.httpStatus) == [200, 404])
    }
}

/// Loads product folders written to a temporary folder, to check how overlays merge.
@Suite struct OverlayTests {
    static let vendor = VendorImportTests.metadata(
        apis:
            "{\(VendorImportTests.action("Get", parameters: #"[{"name": "Id", "in": "query", "schema": {"type": "string"}}]"#))}"
    )

    static func load(overlay: String) throws(SpecError) -> ProductSpec {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("apigen-overlay-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let product =
            #"{"specFormat": 1, "module": "Demo", "vendorMetadata": "demo.json", "overlay": "overlay.json"}"#
        try? Data(product.utf8).write(to: folder.appendingPathComponent("product.json"))
        try? Data(vendor.utf8).write(to: folder.appendingPathComponent("demo.json"))
        try? Data(overlay.utf8).write(to: folder.appendingPathComponent("overlay.json"))
        var warnings: [Diagnostic] = []
        return try SpecLoader.loadImportedProduct(folder, display: "Demo", warnings: &warnings)
    }

    @Test func overlayCorrectsParameter() throws {
        let product = try Self.load(
            overlay: """
                {"overlayFormat": 1, "product": {"endpoints": {"ap-southeast-2": "demo.ap-southeast-2.aliyuncs.com"}},
                 "actions": {"Get": {"parameters": {"Id": {"required": true, "secret": true}},
                                     "fields": {"RequestId": {"required": true}},
                                     "errors": {"Demo.Busy": {"httpStatus": 503, "meaning": "Busy."}}}}}
                """)
        let action = try #require(product.actions.first)
        #expect(action.parameters[0].isRequired)
        #expect(action.parameters[0].isSecret)
        #expect(action.response.fields[0].isRequired)
        #expect(action.errors.map(\.code) == ["Demo.Busy"])
        #expect(product.endpoints.map(\.region) == ["cn-hangzhou", "ap-southeast-2"])
    }

    @Test func unknownActionIsLocatedError() {
        #expect {
            try Self.load(overlay: "{\"overlayFormat\": 1,\n \"actions\": {\"Gett\": {}}}")
        } throws: { error in
            let diagnostic = (error as? SpecError)?.diagnostics.first
            return diagnostic?.description
                == "Demo/overlay.json:2:14: error: $.actions.Gett: the action \"Gett\" is not in the vendor metadata; fix the name or remove the entry; did you mean \"Get\"?"
        }
    }

    @Test func unknownParameterIsError() {
        #expect(throws: SpecError.self) {
            try Self.load(
                overlay: #"{"overlayFormat": 1, "actions": {"Get": {"parameters": {"Name": {}}}}}"#)
        }
    }

    @Test func unknownFieldIsError() {
        #expect(throws: SpecError.self) {
            try Self.load(
                overlay:
                    #"{"overlayFormat": 1, "actions": {"Get": {"fields": {"Data.Items": {}}}}}"#)
        }
    }

    @Test func unknownKeyIsError() {
        #expect(throws: SpecError.self) {
            try Self.load(overlay: #"{"overlayFormat": 1, "actions": {"Get": {"summry": "x"}}}"#)
        }
    }
}
