import Foundation

/// A Python HTTP server on 127.0.0.1 with a free port that responds to every request with one
/// fixed response, for running `directmail` against a server without checking signatures.
///
/// The server exits when its standard input closes, so it stops with the test process even
/// when a test never calls ``stop()``, and after 120 seconds at the latest.
final class CannedServer: Sendable {
    private static let script = """
        import base64, os, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        status = int(sys.argv[1])
        content_type = sys.argv[2]
        body = base64.b64decode(sys.argv[3])

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):
                pass

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = answer
            do_POST = answer

        def exit_when_stdin_closes():
            sys.stdin.read()
            os._exit(0)

        def exit_after_lifetime():
            time.sleep(120)
            os._exit(0)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
        threading.Thread(target=exit_after_lifetime, daemon=True).start()
        print("PORT %d" % server.server_address[1], flush=True)
        server.serve_forever()
        """

    let port: Int
    private let process: Process
    private let stdin: Pipe

    private init(process: Process, stdin: Pipe, port: Int) {
        self.process = process
        self.stdin = stdin
        self.port = port
    }

    /// The `--endpoint` value that sends to this server.
    var endpoint: String {
        "http://127.0.0.1:\(port)"
    }

    /// Starts a server that responds with `status`, `contentType` (none when empty) and `body`.
    static func start(status: Int, contentType: String, body: String) throws -> CannedServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", script, String(status), contentType,
            Data(body.utf8).base64EncodedString(),
        ]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()

        var text = ""
        while !text.contains("\n") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty {
                break
            }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("PORT "),
            let port = Int(line.dropFirst(5))
        else {
            process.terminate()
            process.waitUntilExit()
            throw CannedServerError(
                description: "the canned server printed no port; check that python3 is on PATH")
        }
        return CannedServer(process: process, stdin: stdin, port: port)
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// Starts a server, runs `body` with it and stops the server, even when `body` throws.
    static func with<Result>(
        status: Int, contentType: String = "application/json", body: String,
        _ run: (CannedServer) throws -> Result
    ) throws -> Result {
        let server = try start(status: status, contentType: contentType, body: body)
        defer { server.stop() }
        return try run(server)
    }
}

struct CannedServerError: Error, CustomStringConvertible {
    var description: String
}
