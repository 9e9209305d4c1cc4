import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport: one ephemeral `URLSession` per request, no cookies, no cache and no
/// redirects.
///
/// A redirect is returned as the 3xx response it is, never followed, so a signed body is
/// never sent on to another host. The `Host` header of the request is not passed on, because
/// URLSession sets it from the URL to the same value.
public struct URLSessionTransport: HTTPTransport {
    /// The default ``timeout``: 30 seconds.
    public static let defaultTimeout: Double = 30

    /// The default ``maxResponseBodyBytes``: 8 MiB, the same as `DecodingLimits.maxBodyBytes`.
    public static let defaultMaxResponseBodyBytes = 8 * 1024 * 1024

    /// The largest ``timeout``: 604,800 seconds (7 days).
    ///
    /// A larger value is lowered to it, and NaN becomes ``defaultTimeout``. URLSession on Linux
    /// (swift-corelibs-foundation, Swift 6.3) converts the timeout to an integer when a task
    /// starts and traps for a huge value such as 1e18 seconds.
    public static let maxTimeout: Double = 604_800

    /// The maximum time for the whole exchange, from connecting to the last body byte, in
    /// seconds, at most ``maxTimeout``. It is set as both the request (idle) and the resource
    /// timeout of URLSession.
    public var timeout: Double {
        didSet { timeout = Self.bounded(timeout) }
    }

    /// The largest response body accepted, in bytes. A larger body stops the transfer and
    /// throws ``HTTPTransportError/responseTooLarge(limit:)``.
    public var maxResponseBodyBytes: Int

    public init(
        timeout: Double = URLSessionTransport.defaultTimeout,
        maxResponseBodyBytes: Int = URLSessionTransport.defaultMaxResponseBodyBytes
    ) {
        self.timeout = Self.bounded(timeout)
        self.maxResponseBodyBytes = maxResponseBodyBytes
    }

    /// Returns `timeout` lowered to ``maxTimeout``, or ``defaultTimeout`` for NaN.
    private static func bounded(_ timeout: Double) -> Double {
        timeout.isNaN ? defaultTimeout : min(timeout, maxTimeout)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method.rawValue
        for header in request.headers where header.name.lowercased() != "host" {
            urlRequest.setValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = request.body
        }

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let collector = ResponseCollector(maxBodyBytes: maxResponseBodyBytes, timeout: timeout)
        let session = URLSession(
            configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        let task = session.dataTask(with: urlRequest)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                collector.start(task, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// The session delegate that gathers one response and enforces the body limit.
///
/// A lock guards the state, because URLSession calls the delegate on its own queue while the
/// continuation is stored from the calling task. The continuation is cleared when it is
/// resumed, so it is resumed at most once.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let maxBodyBytes: Int
    private let timeout: Double
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var response: HTTPURLResponse?
    private var body = Data()
    private var failure: HTTPTransportError?

    init(maxBodyBytes: Int, timeout: Double) {
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
    }

    func start(
        _ task: URLSessionDataTask,
        continuation: CheckedContinuation<HTTPResponse, any Error>
    ) {
        lock.withLock { self.continuation = continuation }
        task.resume()
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            lock.withLock { failure = .notHTTP }
            completionHandler(.cancel)
            return
        }
        if http.expectedContentLength > Int64(maxBodyBytes) {
            lock.withLock { failure = .responseTooLarge(limit: maxBodyBytes) }
            completionHandler(.cancel)
            return
        }
        lock.withLock { self.response = http }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock {
            guard failure == nil else { return false }
            if body.count + data.count > maxBodyBytes {
                failure = .responseTooLarge(limit: maxBodyBytes)
                return true
            }
            body.append(data)
            return false
        }
        if tooLarge {
            dataTask.cancel()
        }
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
    ) {
        let (continuation, result) = lock.withLock {
            let pending = self.continuation
            self.continuation = nil
            return (pending, outcome(error))
        }
        continuation?.resume(with: result)
    }

    /// Decides the outcome; called with the lock held.
    private func outcome(_ error: (any Error)?) -> Result<HTTPResponse, any Error> {
        if let failure {
            return .failure(failure)
        }
        if let error {
            return .failure(Self.transportError(for: error, timeout: timeout))
        }
        guard let response else {
            return .failure(HTTPTransportError.notHTTP)
        }
        var headers: [HTTPHeader] = []
        for (name, value) in response.allHeaderFields {
            headers.append(HTTPHeader(name: "\(name)", value: "\(value)"))
        }
        headers.sort { $0.name.lowercased() < $1.name.lowercased() }
        return .success(HTTPResponse(status: response.statusCode, headers: headers, body: body))
    }

    /// Maps a URLSession error to one whose message has no URL, because `URLError`'s user
    /// info carries the failing URL, which contains every parameter of a GET request.
    private static func transportError(for error: any Error, timeout: Double) -> HTTPTransportError
    {
        guard let urlError = error as? URLError else {
            return .connectionFailed(reason: "unknown error of type \(type(of: error))", code: 0)
        }
        switch urlError.code {
        case .timedOut:
            return .timedOut(seconds: timeout)
        case .cancelled:
            return .cancelled
        case .cannotConnectToHost:
            return .connectionFailed(
                reason: "the server refused the connection", code: urlError.code.rawValue)
        case .cannotFindHost, .dnsLookupFailed:
            return .connectionFailed(
                reason: "the host name could not be resolved", code: urlError.code.rawValue)
        case .networkConnectionLost:
            return .connectionFailed(
                reason: "the connection was lost", code: urlError.code.rawValue)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .connectionFailed(
                reason: "the TLS connection failed", code: urlError.code.rawValue)
        case .badServerResponse:
            return .connectionFailed(
                reason: "the server's response is malformed", code: urlError.code.rawValue)
        default:
            return .connectionFailed(reason: "URLSession failed", code: urlError.code.rawValue)
        }
    }
}
