import APIGenRuntime

/// The fields of the ModifyPWByDomain response, decoded the way generated code decodes them.
struct DomainPasswordResponse: PayloadDecodable, Equatable {
    var requestId: String
    var code: String?
    var message: String?
    var success: Bool?

    init(requestId: String, code: String? = nil, message: String? = nil, success: Bool? = nil) {
        self.requestId = requestId
        self.code = code
        self.message = message
        self.success = success
    }

    init(from payload: PayloadObject) throws(ResponseDecodingError) {
        requestId = try payload.decode(String.self, forKey: "RequestId")
        code = try payload.decodeIfPresent(String.self, forKey: "Code")
        message = try payload.decodeIfPresent(String.self, forKey: "Message")
        success = try payload.decodeIfPresent(Bool.self, forKey: "Success")
    }

    /// Parses `body` in `format` and decodes the response from it.
    static func decode(
        _ body: [UInt8],
        format: PayloadFormat,
        limits: DecodingLimits = .default
    ) throws(ResponseDecodingError) -> DomainPasswordResponse {
        let payload: PayloadObject
        switch format {
        case .xml:
            payload = try XMLPayloadParser.parse(body, limits: limits)
        case .json:
            payload = try JSONPayloadParser.parse(body, limits: limits)
        }
        return try DomainPasswordResponse(from: payload)
    }
}

extension ResponseDecodingError {
    /// The case's name, as the corpus manifest spells it.
    var caseName: String {
        switch self {
        case .malformed: "malformed"
        case .limitExceeded: "limitExceeded"
        case .documentTypeDeclaration: "documentTypeDeclaration"
        case .topLevelNotObject: "topLevelNotObject"
        case .duplicateKey: "duplicateKey"
        case .missingField: "missingField"
        case .typeMismatch: "typeMismatch"
        case .invalidValue: "invalidValue"
        case .repeatedField: "repeatedField"
        case .unexpectedRoot: "unexpectedRoot"
        }
    }

    /// The field path the case carries, if any.
    var path: String? {
        switch self {
        case .duplicateKey(let path), .missingField(let path), .repeatedField(let path):
            path
        case .typeMismatch(let path, _, _), .invalidValue(let path, _, _):
            path
        default:
            nil
        }
    }

    /// The line and column the case carries, if any.
    var position: (line: Int, column: Int)? {
        switch self {
        case .malformed(_, let line, let column, _), .documentTypeDeclaration(let line, let column):
            (line, column)
        default:
            nil
        }
    }
}
