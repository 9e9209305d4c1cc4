/// Sends one HTTP request and returns the response, whatever its status.
///
/// A transport throws only when no complete response arrived: the connection failed, the
/// exchange timed out, or the body broke a size limit. A non-2xx status is a response, not an
/// error. Errors that a transport throws must not contain the request's URL, headers or body,
/// because they can contain secrets; ``HTTPTransportError`` follows that rule.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why a transport returned no response. Messages never contain the request's URL or body.
public enum HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No complete response arrived within the timeout, in seconds.
    case timedOut(seconds: Double)

    /// The response body is larger than the limit, in bytes.
    case responseTooLarge(limit: Int)

    /// The connection could not be opened or broke, with the reason and the system's code.
    case connectionFailed(reason: String, code: Int)

    /// The response is not an HTTP response.
    case notHTTP

    /// The calling task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .timedOut(let seconds):
            "the request timed out after \(seconds) seconds; raise the transport timeout if the"
                + " server is slow"
        case .responseTooLarge(let limit):
            "the response body exceeds the limit of \(limit) bytes; raise maxResponseBodyBytes"
                + " if the server is trusted"
        case .connectionFailed(let reason, let code):
            "the connection failed: \(reason) (URLError code \(code))"
        case .notHTTP:
            "the server's reply is not an HTTP response"
        case .cancelled:
            "the request was cancelled"
        }
    }
}
