import APIGenRuntime
import Foundation

/// A transport that records each request and returns a fixed reply, for tests that need no
/// server.
final class StubTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private let reply: @Sendable (HTTPRequest) throws -> HTTPResponse

    init(reply: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.reply = reply
    }

    convenience init(status: Int, contentType: String?, body: String, headers: [HTTPHeader] = []) {
        var allHeaders = headers
        if let contentType {
            allHeaders.append(HTTPHeader(name: "Content-Type", value: contentType))
        }
        let response = HTTPResponse(status: status, headers: allHeaders, body: Data(body.utf8))
        self.init { _ in response }
    }

    var requests: [HTTPRequest] {
        lock.withLock { sent }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return try reply(request)
    }
}
