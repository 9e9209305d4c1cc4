/// The fields of the vendor's error body, in either wire format.
///
/// XML: `<Error><RequestId/><HostId/><Code/><Message/></Error>`. JSON: an object with the
/// same keys plus `Recommend`, a link to the vendor's diagnosis page. Some services spell the
/// request ID `RequestID`; both spellings are read.
public struct ServiceErrorBody: Sendable, Hashable {
    public var code: String
    public var message: String?
    public var requestId: String?
    public var hostId: String?
    public var recommend: String?

    public init(
        code: String,
        message: String? = nil,
        requestId: String? = nil,
        hostId: String? = nil,
        recommend: String? = nil
    ) {
        self.code = code
        self.message = message
        self.requestId = requestId
        self.hostId = hostId
        self.recommend = recommend
    }

    /// Decodes an error body, throwing when it is not one: malformed, or without a non-empty
    /// `Code`.
    public static func decode(
        _ body: some Collection<UInt8>,
        format: PayloadFormat,
        limits: DecodingLimits = .default
    ) throws(ResponseDecodingError) -> ServiceErrorBody {
        let object: PayloadObject
        switch format {
        case .xml:
            object = try XMLPayloadParser.parse(body, limits: limits)
        case .json:
            object = try JSONPayloadParser.parse(body, limits: limits)
        }
        return try ServiceErrorBody(from: object)
    }
}

extension ServiceErrorBody: PayloadDecodable {
    /// Decodes the fields of an error body. An empty `Code`, as `<Code/>` gives, is rejected
    /// with ``ResponseDecodingError/invalidValue(path:expected:value:)``, because a caller
    /// could not tell such an error from any other. When both `RequestId` and `RequestID`
    /// are present, `RequestId` wins.
    public init(from payload: PayloadObject) throws(ResponseDecodingError) {
        code = try payload.decode(String.self, forKey: "Code")
        guard !code.isEmpty else {
            throw .invalidValue(
                path: payload.path(of: "Code"), expected: "a non-empty error code", value: code)
        }
        message = try payload.decodeIfPresent(String.self, forKey: "Message")
        if let requestId = try payload.decodeIfPresent(String.self, forKey: "RequestId") {
            self.requestId = requestId
        } else {
            requestId = try payload.decodeIfPresent(String.self, forKey: "RequestID")
        }
        hostId = try payload.decodeIfPresent(String.self, forKey: "HostId")
        recommend = try payload.decodeIfPresent(String.self, forKey: "Recommend")
    }
}

/// An error that the service returned for a call, with its code typed by the action's spec.
public struct ServiceError<Code: ServiceErrorCode>: Error, Sendable, Hashable {
    /// The error code; undocumented codes are kept as they were sent.
    public var code: Code

    /// The server's message, as sent.
    public var message: String?

    /// The request ID, which the vendor's support asks for.
    public var requestId: String?

    /// The server that responded, as the vendor reports it.
    public var hostId: String?

    /// The vendor's diagnosis link, sent in JSON error bodies only.
    public var recommend: String?

    /// The HTTP status of the response.
    public var httpStatus: Int

    public init(body: ServiceErrorBody, httpStatus: Int) {
        code = Code(wireValue: body.code)
        message = body.message
        requestId = body.requestId
        hostId = body.hostId
        recommend = body.recommend
        self.httpStatus = httpStatus
    }
}

extension ServiceError: CustomStringConvertible {
    public var description: String {
        var text = "service error \(code.wireValue) (HTTP \(httpStatus))"
        if let meaning = code.meaning {
            text += ": \(meaning)"
        }
        if let message, !message.isEmpty {
            text += " Server message: \(message)"
        }
        if let requestId {
            text += " [request ID \(requestId)]"
        }
        return text
    }
}
