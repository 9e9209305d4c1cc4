/// An error that kept a call from returning its response value. Every description names what
/// failed and never contains a password, an access key secret, a security token or a signature.
public enum CallError<Code: ServiceErrorCode>: Error, Sendable, Hashable {
    /// The request broke rules of its spec, so nothing was sent.
    case invalidRequest(ValidationError)

    /// The service returned an error body, with a code documented for the action or not.
    case service(ServiceError<Code>)

    /// The response is neither a decodable success nor a decodable error body.
    case unexpectedResponse(UnexpectedResponse)

    /// No response arrived: the connection failed, timed out or broke a transport limit.
    /// The description is the transport's, with any secret of the request replaced.
    case transport(String)

    /// The client cannot build the request, so nothing was sent.
    case configuration(ClientConfigurationError)
}

extension CallError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidRequest(let error):
            "\(error)"
        case .service(let error):
            // Server text is escaped, because a caller may print the description.
            ControlCharacterEscaping.escape("\(error)")
        case .unexpectedResponse(let response):
            "\(response)"
        case .transport(let reason):
            "the request was not answered: \(ControlCharacterEscaping.escape(reason))"
        case .configuration(let error):
            "the client is misconfigured: \(error)"
        }
    }
}

/// A response that the client could not decode, kept with what is needed to report it.
public struct UnexpectedResponse: Sendable, Hashable {
    /// The number of body bytes that ``bodyPrefix`` keeps: 512.
    public static let bodyPrefixByteLimit = 512

    /// The ``bodyPrefix`` of a body that contains a secret of the request in an encoding that
    /// cannot be replaced within the text, such as XML character references.
    public static let withheldBodyPrefix = "<body withheld: it contains a secret from the request>"

    /// The HTTP status of the response.
    public var httpStatus: Int

    /// The `Content-Type` header, or nil when the response has none.
    public var contentType: String?

    /// The request ID from the body or, failing that, the `x-acs-request-id` header.
    public var requestId: String?

    /// The first ``bodyPrefixByteLimit`` bytes of the body as UTF-8, invalid bytes replaced by
    /// U+FFFD and any secret of the request replaced by `<redacted>`, or
    /// ``withheldBodyPrefix`` when the body contains a secret in another encoding.
    public var bodyPrefix: String

    /// The full body length, in bytes.
    public var bodyByteCount: Int

    /// The reason the body could not be decoded.
    public var reason: String

    public init(
        httpStatus: Int,
        contentType: String?,
        requestId: String?,
        bodyPrefix: String,
        bodyByteCount: Int,
        reason: String
    ) {
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.requestId = requestId
        self.bodyPrefix = bodyPrefix
        self.bodyByteCount = bodyByteCount
        self.reason = reason
    }
}

extension UnexpectedResponse: CustomStringConvertible {
    /// One line, with control characters in the server's text escaped as `\u{1B}`.
    public var description: String {
        let escape = ControlCharacterEscaping.escape
        var text = "unexpected response: HTTP \(httpStatus), content type"
        text += " \(contentType.map(escape) ?? "none"), \(bodyByteCount) body bytes"
        if let requestId {
            text += " [request ID \(escape(requestId))]"
        }
        text += ": \(escape(reason))"
        if !bodyPrefix.isEmpty {
            text += ". The body starts with: \(escape(bodyPrefix))"
        }
        return text
    }
}

/// A client setting that keeps a request from being built.
public enum ClientConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The product has no endpoint for the region and no endpoint override is set.
    case unknownRegion(String, knownRegions: [String])

    /// The endpoint override cannot form a URL, for the reason given.
    case invalidEndpoint(Endpoint, reason: String)

    /// The method override is one that the action does not accept.
    case methodNotAccepted(HTTPMethod, action: String, accepted: [HTTPMethod])

    public var description: String {
        switch self {
        case .unknownRegion(let region, let knownRegions):
            "no endpoint is known for the region '\(region)'; known regions:"
                + " \(knownRegions.isEmpty ? "none" : knownRegions.joined(separator: ", "))."
                + " Pick one of them or set RPCClientOptions.endpoint"
        case .invalidEndpoint(let endpoint, let reason):
            "the endpoint \(endpoint) is invalid: \(reason)"
        case .methodNotAccepted(let method, let action, let accepted):
            "the action \(action) does not accept \(method.rawValue); it accepts"
                + " \(accepted.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
