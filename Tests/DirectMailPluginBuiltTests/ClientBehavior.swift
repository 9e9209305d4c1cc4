import APIGenRuntime
import APISpec
import Foundation

/// What one build of the DirectMail client does with a fixed set of inputs, as values that can
/// be compared across the two modules, which declare the same type names.
struct ClientBehavior: Equatable {
    var product: ProductDescriptor
    var actions: [String]
    var action: String
    var methods: [HTTPMethod]

    /// The outcome of decoding each response sample of the spec, by sample name.
    var samples: [String: DecodingOutcome]

    /// The outcome of `validate()` for each entry of ``ValidationCase/all``, in that order.
    var validations: [ValidationOutcome]

    /// The wire parameters of each entry of ``ValidationCase/all``, in that order.
    var wireParameters: [WireParameters]

    /// The HTTP status and meaning of each documented code and of an undocumented one.
    var errorCodes: [ErrorCodeSummary]
}

/// The fields of a decoded `ModifyPWByDomain.Response`, or the decoding error.
enum DecodingOutcome: Equatable {
    case decoded(code: String?, message: String?, requestId: String, success: Bool?)
    case failed(ResponseDecodingError)
}

enum ValidationOutcome: Equatable {
    case valid
    case invalid(ValidationError)
}

struct ErrorCodeSummary: Equatable {
    var wireValue: String
    var httpStatus: Int?
    var meaning: String?
}

/// A domain name and a password to validate.
struct ValidationCase {
    var domainName: String
    var password: String

    static let all = [
        ValidationCase(domainName: "example.com", password: "pwd"),
        ValidationCase(domainName: "example.com", password: "DM1mail1234"),
        ValidationCase(domainName: "example.com", password: "AAbb11cccc"),
        ValidationCase(domainName: "example.com", password: "aaaaaaaaaaaa"),
        ValidationCase(domainName: "bad domain!", password: "DM1mail1234"),
        ValidationCase(domainName: "", password: ""),
        ValidationCase(
            domainName: String(repeating: "a", count: 51), password: "DM1mail1234DM1mail1234"),
    ]
}

/// A response sample of ModifyPWByDomain, from the vendor metadata and the overlay in
/// `Specs/DirectMail`.
struct ResponseSample {
    var name: String
    var format: PayloadFormat
    var body: String

    /// Loads the package's DirectMail specs, as the generator does, and returns the action's
    /// samples.
    static func loadFromSpec() throws -> [ResponseSample] {
        let specs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../Specs")
            .standardizedFileURL
        let products = try SpecLoader.loadProducts(in: specs, displayPrefix: "Specs")
        let product = products.first { $0.module == "DirectMail" }
        let action = product?.actions.first { $0.name == "ModifyPWByDomain" }
        return (action?.samples ?? []).map { sample in
            ResponseSample(
                name: sample.name, format: sample.format == .xml ? .xml : .json, body: sample.body)
        }
    }
}

extension ClientBehavior {
    /// Runs the inputs through one module's types.
    ///
    /// - Parameters:
    ///   - makeRequest: Creates the module's request from a domain name and a password.
    ///   - summarize: Decodes a sample with the module's response type.
    static func observe<Request: ActionRequest>(
        _ requestType: Request.Type,
        product: ProductDescriptor,
        actions: [String],
        samples: [ResponseSample],
        makeRequest: (String, String) -> Request,
        summarize: (ResponseSample) -> DecodingOutcome
    ) -> ClientBehavior {
        var decoded: [String: DecodingOutcome] = [:]
        for sample in samples {
            decoded[sample.name] = summarize(sample)
        }

        var validations: [ValidationOutcome] = []
        var wireParameters: [WireParameters] = []
        for validationCase in ValidationCase.all {
            let request = makeRequest(validationCase.domainName, validationCase.password)
            do {
                try request.validate()
                validations.append(.valid)
            } catch {
                validations.append(.invalid(error))
            }
            wireParameters.append(request.wireParameters)
        }

        let codes = [
            "InvalidDomainPassword.Malformed", "InvalidDomainPassword.equalcurrent",
            "InvalidDomainName.Malformed", "InvalidDomain.NotFound",
            "InvalidDomainStatus.Malformed",
            "InvalidDomainId.Malformed", "Throttling.User",
        ]
        let errorCodes = codes.map { wireValue in
            let code = Request.ErrorCode(wireValue: wireValue)
            return ErrorCodeSummary(
                wireValue: code.wireValue, httpStatus: code.httpStatus, meaning: code.meaning)
        }

        return ClientBehavior(
            product: product,
            actions: actions,
            action: Request.action,
            methods: Request.methods,
            samples: decoded,
            validations: validations,
            wireParameters: wireParameters,
            errorCodes: errorCodes
        )
    }
}
