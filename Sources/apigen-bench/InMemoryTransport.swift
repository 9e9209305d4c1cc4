import APIGenRuntime
import Foundation

/// A transport that never opens a connection: it checks that the request is aimed at
/// ``host`` and returns the same canned response to every request.
struct InMemoryTransport: HTTPTransport {
    /// A host in the `.invalid` top-level domain, which RFC 2606 reserves so that it never
    /// resolves. The benchmark's clients send to it, so a request that escaped this transport
    /// could reach no server.
    static let host = "apigen-bench.invalid"

    var response: HTTPResponse

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.url.host == Self.host else {
            throw HTTPTransportError.connectionFailed(
                reason: "the benchmark transport only serves \(Self.host)", code: 0)
        }
        return response
    }
}
