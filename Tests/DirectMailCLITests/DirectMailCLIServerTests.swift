import Foundation
import Testing

private let credentials = [
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "test-id",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-secret-value",
]

/// Runs `directmail` against `server` with test credentials.
private func runAgainst(_ server: CannedServer, format: String = "json") throws -> CommandResult {
    try runDirectMail(
        [
            "modify-smtp-password", "--domain", "example.com", "--endpoint", server.endpoint,
            "--format", format, "--timeout", "10",
        ],
        input: DirectMailCLITests.password + "\n", environment: credentials)
}

@Suite("directmail against a loopback server", .timeLimit(.minutes(1)))
struct DirectMailCLIServerTests {
    @Test("success body exits 0 and reports the password set")
    func success() throws {
        let body = #"{"RequestId":"r-1","Code":"OK","Success":true}"#
        let result = try CannedServer.with(status: 200, body: body) { try runAgainst($0) }
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("was set"))
        #expect(result.standardOutput.contains("Request ID: r-1"))
    }

    @Test("2xx body with Success false and a code exits 1")
    func successFalseWithCode() throws {
        let body =
            #"{"RequestId":"r-2","Code":"Throttling.User","Message":"slow down","Success":false}"#
        let result = try CannedServer.with(status: 200, body: body) { try runAgainst($0) }
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("was set"))
        #expect(result.standardError.contains("Code: Throttling.User"))
        #expect(result.standardError.contains("Request ID: r-2"))
    }

    @Test("2xx body with Success false and no code exits 5")
    func successFalseWithoutCode() throws {
        let body = #"{"RequestId":"r-3","Success":false}"#
        let result = try CannedServer.with(status: 200, body: body) { try runAgainst($0) }
        #expect(result.status == 5)
        #expect(!result.standardOutput.contains("was set"))
        #expect(result.standardError.contains("reports that the call failed"))
    }

    @Test("XML error root with 200 exits 1")
    func xmlErrorRoot() throws {
        let body = "<Error><RequestId>r-4</RequestId><Code>Throttling.User</Code></Error>"
        let result = try CannedServer.with(status: 200, contentType: "text/xml", body: body) {
            try runAgainst($0, format: "xml")
        }
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("was set"))
        #expect(result.standardError.contains("Code: Throttling.User"))
    }

    @Test("XML root of another action exits 5")
    func xmlOtherRoot() throws {
        let body = "<OtherActionResponse><RequestId>r-5</RequestId></OtherActionResponse>"
        let result = try CannedServer.with(status: 200, contentType: "text/xml", body: body) {
            try runAgainst($0, format: "xml")
        }
        #expect(result.status == 5)
        #expect(!result.standardOutput.contains("was set"))
        #expect(result.standardError.contains("<OtherActionResponse>"))
    }

    @Test("server text with control characters is escaped")
    func controlCharactersEscaped() throws {
        let body = #"{"RequestId":"r\u001B[2J","Code":"Bad\u0007","Message":"a\nfake line\u009B"}"#
        let result = try CannedServer.with(status: 400, body: body) { try runAgainst($0) }
        #expect(result.status == 1)
        let hasControl = result.standardError.unicodeScalars.contains {
            ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value)
        }
        #expect(!hasControl)
        #expect(result.standardError.contains(#"Message: a\u{A}fake line\u{9B}"#))
        #expect(result.standardError.contains(#"Request ID: r\u{1B}[2J"#))
        #expect(result.standardError.contains(#"Code: Bad\u{7}"#))
    }

    @Test("unexpected body with control characters is escaped")
    func unexpectedBodyEscaped() throws {
        let body = "<html>\u{1B}]0;owned\u{7}</html>"
        let result = try CannedServer.with(status: 502, contentType: "text/html", body: body) {
            try runAgainst($0)
        }
        #expect(result.status == 5)
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(result.standardError.contains(#"<html>\u{1B}]0;owned\u{7}</html>"#))
    }
}
