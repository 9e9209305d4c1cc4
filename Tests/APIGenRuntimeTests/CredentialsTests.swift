import APIGenRuntime
import Foundation
import Testing

@Suite("Credentials")
struct CredentialsTests {
    @Test func environmentWithTokenIsRead() throws {
        let credentials = try Credentials.fromEnvironment([
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "id",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": TestSecrets.accessKeySecret,
            "ALIBABA_CLOUD_SECURITY_TOKEN": TestSecrets.securityToken,
        ])
        #expect(credentials.accessKeyId == "id")
        let secretMatches = credentials.accessKeySecret.revealed() == TestSecrets.accessKeySecret
        let tokenMatches = credentials.securityToken?.revealed() == TestSecrets.securityToken
        #expect(secretMatches)
        #expect(tokenMatches)
    }

    @Test func environmentWithoutTokenLeavesItNil() throws {
        let credentials = try Credentials.fromEnvironment([
            "ALIBABA_CLOUD_ACCESS_KEY_ID": "id",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "secret",
            "ALIBABA_CLOUD_SECURITY_TOKEN": "",
        ])
        #expect(credentials.securityToken == nil)
    }

    @Test func missingIdNamesTheVariable() {
        #expect(throws: CredentialsError.missingVariable("ALIBABA_CLOUD_ACCESS_KEY_ID")) {
            try Credentials.fromEnvironment(["ALIBABA_CLOUD_ACCESS_KEY_SECRET": "secret"])
        }
    }

    @Test func missingSecretNamesTheVariable() {
        let error = #expect(throws: CredentialsError.self) {
            try Credentials.fromEnvironment(["ALIBABA_CLOUD_ACCESS_KEY_ID": "id"])
        }
        #expect(error == .missingVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        #expect(error?.description.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET") == true)
    }

    @Test func emptySecretIsRejectedWithoutItsValue() {
        let error = #expect(throws: CredentialsError.self) {
            try Credentials.fromEnvironment([
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "",
            ])
        }
        #expect(error == .emptyVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
    }

    @Test func descriptionRedactsSecretAndToken() {
        let credentials = TestSecrets.temporaryCredentials
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [
            credentials.description, credentials.debugDescription, String(reflecting: credentials),
            dumped,
            "\(credentials)",
        ] {
            #expect(TestSecrets.leaks(in: text).isEmpty)
            #expect(text.contains(TestSecrets.accessKeyId))
        }
    }
}

@Suite("HTTPRequest redaction")
struct HTTPRequestRedactionTests {
    @Test func formBodySecretsAreRedacted() throws {
        let url = try #require(URL(string: "http://127.0.0.1:1/"))
        let request = HTTPRequest(
            method: .post, url: url,
            headers: [HTTPHeader(name: "content-type", value: "application/x-www-form-urlencoded")],
            body: Data(
                "DomainName=example.com&Password=\(PercentEncoding.encode(TestSecrets.password))&Signature=abc%3D"
                    .utf8),
            secretParameterNames: ["Password", "Signature"])
        let text = request.description
        #expect(TestSecrets.leaks(in: text, signatures: ["abc="]).isEmpty)
        #expect(text.contains("DomainName=example.com"))
        #expect(text.contains("Password=<redacted>"))
        #expect(text.contains("Signature=<redacted>"))
    }

    @Test func querySecretsAreRedacted() throws {
        let url = try #require(
            URL(string: "http://127.0.0.1:1/?Password=hidden%20value&Pass%77ord=x&A=1"))
        let request = HTTPRequest(method: .get, url: url, secretParameterNames: ["Password"])
        let text = request.description
        #expect(text == "GET http://127.0.0.1:1/?Password=<redacted>&Pass%77ord=<redacted>&A=1")
    }

    @Test func authorizationKeepsCredentialButNotSignature() throws {
        let url = try #require(URL(string: "http://127.0.0.1:1/"))
        let request = HTTPRequest(
            method: .get, url: url,
            headers: [
                HTTPHeader(
                    name: "Authorization",
                    value: "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=deadbeef"),
                HTTPHeader(name: "x-acs-security-token", value: TestSecrets.securityToken),
            ])
        let text = request.description
        #expect(!text.contains("deadbeef"))
        #expect(TestSecrets.leaks(in: text).isEmpty)
        #expect(
            text.contains(
                "Authorization: ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=<redacted>"
            ))
        #expect(text.contains("x-acs-security-token: <redacted>"))
    }
}
