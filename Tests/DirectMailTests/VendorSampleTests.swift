import APIGenRuntime
import APISpec
import DirectMail
import Foundation
import Testing

/// Decodes every response sample of the DirectMail metadata and overlay with the generated
/// response types, so that a field type that disagrees with the vendor's samples fails here.
@Suite struct VendorSampleTests {
    /// The product folder in this checkout, found from this file's path.
    static let productFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Specs/DirectMail", isDirectory: true)

    static func loadProduct() throws -> (product: ProductSpec, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let product = try SpecLoader.loadImportedProduct(
            productFolder, display: "Specs/DirectMail", warnings: &warnings)
        return (product, warnings)
    }

    @Test func importHasNoWarnings() throws {
        let loaded = try Self.loadProduct()
        // A warning here means that the importer left out a parameter, a field or a sample.
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
        #expect(loaded.product.actions.count == 41)
    }

    @Test func generatedClientListsEveryAction() throws {
        let product = try Self.loadProduct().product
        #expect(DirectMailClient.actions == product.actions.map(\.name))
        #expect(Set(DirectMailClient.responseTypes.keys) == Set(product.actions.map(\.name)))
    }

    @Test func everySampleDecodes() throws {
        let product = try Self.loadProduct().product
        var decodedCount = 0
        for action in product.actions {
            #expect(!action.samples.isEmpty, "\(action.name) has no sample")
            let responseType = try #require(DirectMailClient.responseTypes[action.name])
            for sample in action.samples {
                let format: PayloadFormat = sample.format == .xml ? .xml : .json
                let body = Array(sample.body.utf8)
                do {
                    if (200..<300).contains(sample.httpStatus) {
                        _ = try responseType.init(body: body, format: format)
                    } else {
                        _ = try ServiceErrorBody.decode(body, format: format)
                    }
                    decodedCount += 1
                } catch {
                    Issue.record("\(action.name) sample \(sample.name) does not decode: \(error)")
                }
            }
        }
        #expect(decodedCount >= product.actions.count)
    }

    @Test func modifyPasswordSamplesDecode() throws {
        let product = try Self.loadProduct().product
        let action = try #require(product.actions.first { $0.name == "ModifyPWByDomain" })
        #expect(action.samples.map(\.name).sorted() == ["metadata-json", "page-json", "page-xml"])
        let xml = try #require(action.samples.first { $0.name == "page-xml" })
        let response = try ModifyPWByDomain.Response(xml: Array(xml.body.utf8))
        #expect(response.requestId == "02B2A890-CBD8-4806-9BCA-C93190CE7EF6")
        #expect(response.success == true)
    }
}

@Suite struct StructuredParameterTests {
    @Test func jsonStyleObjectIsOneParameter() {
        let request = UpdateUser.Request(user: .init(enableEventbridge: true))
        #expect(request.wireParameters.value(named: "User") == #"{"EnableEventbridge":true}"#)
    }

    @Test func absentObjectSendsNothing() {
        let request = UpdateUser.Request()
        #expect(request.wireParameters.value(named: "User") == nil)
        #expect(request.wireParameters.entries.map(\.name) == ["Action"])
    }
}
