import Foundation

/// Signs and sends the actions of one product to one region.
///
/// A call validates the request first and sends nothing when a rule is broken. It then signs
/// the request with ``RPCClientOptions/signatureVersion``, sends it through the transport and
/// decodes the response:
///
/// - A 2xx status is a success, decoded into `Request.Response` in the requested format. The
///   presence of a `Code` field alone decides nothing, because the success body carries
///   `Code: OK`. Reporting success for a call that the server reports as failed could leave a
///   caller believing that a password was changed, so these 2xx bodies are errors:
///   - A `Code` that the action documents (`Request.ErrorCode(wireValue:).meaning != nil`) is
///     thrown as ``CallError/service(_:)``.
///   - A body whose ``ActionResponse/reportsFailure`` is true, such as `"Success": false`, or
///     that does not decode as the response, is thrown as ``CallError/service(_:)`` when it
///     has a `Code` other than `OK`, and as ``CallError/unexpectedResponse(_:)`` otherwise.
///   - In XML, an `<Error>` root is thrown as ``CallError/service(_:)`` and any root other
///     than ``ActionResponse/xmlRoot`` as ``CallError/unexpectedResponse(_:)``.
/// - Any other status is decoded as the vendor's error body, XML or JSON by `Content-Type` or,
///   failing that, by its first character. A body that is not one (empty, or an HTML page from
///   a proxy) is thrown as ``CallError/unexpectedResponse(_:)``, which keeps the status.
///
/// Retry policy: the client sends each call exactly once and never retries, neither after a
/// transport error nor after a 5xx. A write cannot be retried safely when its reply was lost:
/// a repeated `ModifyPWByDomain` would be answered `InvalidDomainPassword.equalcurrent`
/// although the first attempt succeeded. A caller that retries should do so only for reads,
/// or after checking the state that the write was meant to change.
public struct RPCClient: Sendable {
    public let product: ProductDescriptor
    public let region: String
    public let credentials: Credentials
    public let transport: any HTTPTransport
    public let options: RPCClientOptions

    public init(
        product: ProductDescriptor,
        region: String,
        credentials: Credentials,
        transport: any HTTPTransport = URLSessionTransport(),
        options: RPCClientOptions = .init()
    ) {
        self.product = product
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.options = options
    }

    /// Validates, signs and sends `request`, then decodes the response.
    ///
    /// - Throws: ``CallError/invalidRequest(_:)`` or ``CallError/configuration(_:)`` before
    ///   anything is sent, ``CallError/transport(_:)`` when no response arrived, and
    ///   ``CallError/service(_:)`` or ``CallError/unexpectedResponse(_:)`` for an error
    ///   response.
    public func send<Request: ActionRequest>(
        _ request: Request
    ) async throws(CallError<Request.ErrorCode>) -> Request.Response {
        let prepared = try prepare(request)
        let response: HTTPResponse
        do {
            response = try await transport.send(prepared.request)
        } catch {
            throw .transport(prepared.scrubber.scrub(Self.describeTransportError(error)))
        }
        return try interpret(response, for: Request.self, scrubber: prepared.scrubber)
    }

    /// Validates and signs `request` without sending it, so that a tool can show it.
    ///
    /// The result's `description` hides every secret. Sending the result later may be rejected
    /// by the server, because the timestamp ages and each nonce is accepted once.
    public func preparedRequest<Request: ActionRequest>(
        for request: Request
    ) throws(CallError<Request.ErrorCode>) -> HTTPRequest {
        try prepare(request).request
    }

    private static func describeTransportError(_ error: any Error) -> String {
        if let error = error as? HTTPTransportError {
            return error.description
        }
        if error is CancellationError {
            return HTTPTransportError.cancelled.description
        }
        return String(describing: error)
    }
}
