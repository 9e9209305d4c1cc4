import APIGenRuntime
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One request that the loopback server received, and whether its signature verified.
///
/// Its description leaves out the query, headers and body, which contain secrets.
struct RecordedRequest: Decodable, Sendable, CustomStringConvertible {
    var method: String
    var path: String
    var query: String
    var headers: [String: String]
    var body: String
    var signatureVersion: String
    var verified: Bool
    var failure: String?

    var description: String {
        "\(method) \(path) signed with \(signatureVersion), verified: \(verified)"
            + (failure.map { ", failure: \($0)" } ?? "")
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
}

/// The Python server in `Server/signing_server.py`, started on 127.0.0.1 with a free port.
///
/// The server exits when its stdin closes, so it stops with the test process even when a
/// test never calls ``stop()``, and after 120 seconds at the latest.
final class TestServer: Sendable {
    /// How long ``start(credentials:)`` waits for the server to print its port, in seconds.
    static let startTimeout: Double = 10

    let port: Int
    private let process: Process
    private let stdin: Pipe

    private init(process: Process, stdin: Pipe, port: Int) {
        self.process = process
        self.stdin = stdin
        self.port = port
    }

    var endpoint: Endpoint {
        Endpoint(scheme: "http", host: "127.0.0.1", port: port)
    }

    static func start(credentials: Credentials) throws -> TestServer {
        guard
            let script = Bundle.module.url(
                forResource: "signing_server", withExtension: "py", subdirectory: "Server")
        else {
            throw TestServerError(
                description: "Server/signing_server.py is missing from the test bundle")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [
            "python3", script.path,
            "--access-key-id", credentials.accessKeyId,
            "--access-key-secret", credentials.accessKeySecret.revealed(),
        ]
        if let token = credentials.securityToken {
            arguments += ["--security-token", token.revealed()]
        }
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        // The server logs one line per request; the tests check records instead of reading them.
        process.standardError = FileHandle.nullDevice
        try process.run()

        let port = readPort(from: stdout.fileHandleForReading)
        guard let port else {
            process.terminate()
            process.waitUntilExit()
            throw TestServerError(
                description: "signing_server.py printed no port within \(startTimeout) seconds;"
                    + " check that python3 is on PATH")
        }
        return TestServer(process: process, stdin: stdin, port: port)
    }

    /// Reads the `PORT <n>` line, giving up after ``startTimeout``.
    private static func readPort(from handle: FileHandle) -> Int? {
        let result = PortLine()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var text = ""
            while !text.contains("\n") {
                let data = handle.availableData
                if data.isEmpty {
                    break
                }
                text += String(decoding: data, as: UTF8.self)
            }
            result.set(text)
            done.signal()
        }
        guard done.wait(timeout: .now() + startTimeout) == .success else {
            return nil
        }
        let line = result.get().split(separator: "\n").first ?? ""
        guard line.hasPrefix("PORT ") else {
            return nil
        }
        return Int(line.dropFirst(5))
    }

    /// Returns every request that the server has received, in arrival order.
    func records() async throws -> [RecordedRequest] {
        let url = URL(string: "http://127.0.0.1:\(port)/__records")!
        let (data, _) = try await URLSession.shared.data(for: URLRequest(url: url))
        return try JSONDecoder().decode([RecordedRequest].self, from: data)
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// Starts a server, runs `body` with it and stops the server, even when `body` throws.
    static func with<Result>(
        credentials: Credentials = TestSecrets.credentials,
        _ body: (TestServer) async throws -> Result
    ) async throws -> Result {
        let server = try start(credentials: credentials)
        defer { server.stop() }
        return try await body(server)
    }
}

private final class PortLine: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func set(_ value: String) {
        lock.withLock { text = value }
    }

    func get() -> String {
        lock.withLock { text }
    }
}
