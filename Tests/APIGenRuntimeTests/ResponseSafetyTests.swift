import APIGenRuntime
import Foundation
import Testing

private typealias ClientError = CallError<SetDomainPasswordErrorCode>

private let localEndpoint = Endpoint(scheme: "http", host: "127.0.0.1", port: 9)

private func makeClient(
    _ transport: StubTransport,
    format: PayloadFormat = .json,
    version: SignatureVersion = .v3
) -> RPCClient {
    RPCClient(
        product: TestSecrets.product, region: "cn-hangzhou", credentials: TestSecrets.credentials,
        transport: transport,
        options: RPCClientOptions(
            signatureVersion: version, format: format, endpoint: localEndpoint)
    )
}

/// Sends a request with `password` and returns the error it throws, or nil when it succeeds.
private func callError(
    _ client: RPCClient, password: String = TestSecrets.password
) async -> ClientError? {
    do {
        _ = try await client.send(
            SetDomainPassword(domainName: "ok.example.com", password: Secret(password)))
        return nil
    } catch {
        return error
    }
}

/// Returns `text` percent-encoded with lower-case hexadecimal digits.
private func lowerPercentEncoded(_ text: String) -> String {
    var output = ""
    var digitsLeft = 0
    for character in PercentEncoding.encode(text) {
        output += digitsLeft > 0 ? character.lowercased() : String(character)
        digitsLeft = character == "%" ? 2 : max(digitsLeft - 1, 0)
    }
    return output
}

/// Returns `text` with every character written as an XML character reference.
private func characterReferences(_ text: String, hex: Bool) -> String {
    text.unicodeScalars.map { hex ? "&#x\(String($0.value, radix: 16));" : "&#\($0.value);" }
        .joined()
}

/// Returns `text` with every character written as a JSON `\uXXXX` escape.
private func jsonUnicodeEscapes(_ text: String) -> String {
    text.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
}

@Suite("Secrets and control characters in server text")
struct ResponseSafetyTests {
    @Test func everyServiceErrorFieldIsScrubbed() async throws {
        let password = TestSecrets.password
        let body = """
            {"Code":"Bad.\(password)","Message":"m \(password)","RequestId":"r-\(password)",\
            "HostId":"h-\(password)","Recommend":"https://x/?p=\(password)"}
            """
        let transport = StubTransport(status: 400, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.code.wireValue == "Bad.<redacted>")
        #expect(service.message == "m <redacted>")
        #expect(service.requestId == "r-<redacted>")
        #expect(service.hostId == "h-<redacted>")
        #expect(service.recommend == "https://x/?p=<redacted>")
        var dumped = ""
        dump(error, to: &dumped)
        #expect(TestSecrets.leaks(in: dumped).isEmpty)
    }

    @Test func referencedSecretInServiceFieldIsHidden() async throws {
        let references = characterReferences(TestSecrets.password, hex: true)
        let xml = "<Error><Code>Bad</Code><HostId>\(references)</HostId></Error>"
        let xmlTransport = StubTransport(status: 400, contentType: "text/xml", body: xml)
        let xmlError = try #require(await callError(makeClient(xmlTransport)))
        guard case .service(let xmlService) = xmlError else {
            Issue.record("expected a service error, got \(xmlError)")
            return
        }
        // The XML parser decodes the references, so the raw value reaches the field.
        #expect(xmlService.hostId == Secret.redactedText)

        // The JSON parser leaves them, so only decoding the field finds the secret.
        let json = #"{"Code":"Bad","Message":"echo \#(references)"}"#
        let jsonTransport = StubTransport(status: 400, contentType: "application/json", body: json)
        let jsonError = try #require(await callError(makeClient(jsonTransport)))
        guard case .service(let jsonService) = jsonError else {
            Issue.record("expected a service error, got \(jsonError)")
            return
        }
        #expect(jsonService.message == Secret.withheldText)
    }

    @Test func unexpectedResponseHeadersAreScrubbed() async throws {
        let password = TestSecrets.password
        let transport = StubTransport(
            status: 500, contentType: "text/plain; echo=\(password)", body: "oops",
            headers: [HTTPHeader(name: "x-acs-request-id", value: "id-\(password)")])
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.requestId == "id-<redacted>")
        #expect(response.contentType == "text/plain; echo=<redacted>")
        #expect(TestSecrets.leaks(in: error.description).isEmpty)
    }

    @Test func invalidSuccessValueIsScrubbedInReason() async throws {
        let body = #"{"RequestId":"r","Success":"\#(TestSecrets.password)"}"#
        let transport = StubTransport(status: 200, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.reason.contains("Success"))
        #expect(TestSecrets.leaks(in: response.reason).isEmpty)
        #expect(response.bodyPrefix.contains(Secret.redactedText))
    }

    @Test func encodedEchoInBodyIsNeverShown() async throws {
        let password = TestSecrets.password
        let echoes = [
            ("lower-case percent-encoding", lowerPercentEncoded(password)),
            ("hexadecimal character references", characterReferences(password, hex: true)),
            ("decimal character references", characterReferences(password, hex: false)),
            ("JSON unicode escapes", jsonUnicodeEscapes(password)),
            ("one character reference", "&#x50;" + password.dropFirst()),
            ("one JSON escape", "\\u0050" + password.dropFirst()),
            ("percent-encoding twice", PercentEncoding.encode(PercentEncoding.encode(password))),
        ]
        for (name, echo) in echoes {
            let transport = StubTransport(
                status: 500, contentType: "text/plain", body: "echo Password=\(echo) end")
            let error = try #require(await callError(makeClient(transport)), "\(name)")
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("\(name): expected an unexpected response, got \(error)")
                continue
            }
            #expect(!response.bodyPrefix.contains(echo), "\(name) is shown")
            #expect(!error.description.contains(echo), "\(name) is in the description")
            let isHidden =
                response.bodyPrefix == UnexpectedResponse.withheldBodyPrefix
                || response.bodyPrefix == "echo Password=<redacted> end"
            #expect(isHidden, "\(name) is neither withheld nor redacted")
        }
    }

    @Test func escapedSpecialCharactersAreRedacted() async throws {
        let password = #"Ab1&<>"'/\x"#
        let echoes = [
            ("XML entities", "Ab1&amp;&lt;&gt;&quot;&apos;/\\x"),
            ("JSON escapes", #"Ab1&<>\"'\/\\x"#),
            ("JSON escapes without slash", #"Ab1&<>\"'/\\x"#),
        ]
        for (name, echo) in echoes {
            let transport = StubTransport(
                status: 502, contentType: "text/html", body: "<p>\(echo)</p>")
            let error = try #require(
                await callError(makeClient(transport), password: password), "\(name)")
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("\(name): expected an unexpected response, got \(error)")
                continue
            }
            #expect(response.bodyPrefix == "<p><redacted></p>", "\(name) is not redacted")
        }
    }

    @Test func encodedEchoBeyondCutIsWithheld() async throws {
        let padding = String(repeating: "x", count: UnexpectedResponse.bodyPrefixByteLimit - 10)
        let echo = characterReferences(TestSecrets.password, hex: true)
        let transport = StubTransport(
            status: 500, contentType: "text/plain", body: padding + echo)
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.bodyPrefix == UnexpectedResponse.withheldBodyPrefix)
    }

    @Test func lowerCaseSignatureEchoIsHidden() async throws {
        let transport = StubTransport { request in
            let form = String(decoding: request.body, as: UTF8.self)
            let encoded = RPCClientTests.formValue("Signature", in: form) ?? ""
            let signature = PercentEncoding.decode(encoded) ?? ""
            return HTTPResponse(
                status: 500, headers: [HTTPHeader(name: "Content-Type", value: "text/plain")],
                body: Data("rejected Signature=\(lowerPercentEncoded(signature))".utf8))
        }
        let error = try #require(await callError(makeClient(transport, version: .v2)))
        let sentForm = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
        let encodedSignature = try #require(RPCClientTests.formValue("Signature", in: sentForm))
        let signature = try #require(PercentEncoding.decode(encodedSignature))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(!response.bodyPrefix.contains(signature))
        #expect(!response.bodyPrefix.contains(lowerPercentEncoded(signature)))
        #expect(!response.bodyPrefix.contains(encodedSignature))
        #expect(TestSecrets.leaks(in: error.description, signatures: [signature]).isEmpty)
    }

    @Test func controlCharactersAreEscapedInDescriptions() async throws {
        let serviceBody = #"{"Code":"Bad","Message":"red \u001B[31m text\nRequest ID: fake"}"#
        let service = StubTransport(status: 400, contentType: "application/json", body: serviceBody)
        let serviceError = try #require(await callError(makeClient(service)))
        #expect(!serviceError.description.contains("\u{1B}"))
        #expect(!serviceError.description.contains("\n"))
        #expect(serviceError.description.contains(#"red \u{1B}[31m text\u{A}Request ID"#))

        let unexpected = StubTransport(
            status: 500, contentType: "text/plain", body: "a\u{1B}]0;title\u{07}b\u{7F}c\u{9B}d")
        let unexpectedError = try #require(await callError(makeClient(unexpected)))
        let description = unexpectedError.description
        #expect(description.contains(#"a\u{1B}]0;title\u{7}b\u{7F}c\u{9B}d"#))
        #expect(!description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func controlCharacterEscapingCases() {
        #expect(ControlCharacterEscaping.escape("plain é text") == "plain é text")
        #expect(ControlCharacterEscaping.escape("\u{0}") == #"\u{0}"#)
        #expect(ControlCharacterEscaping.escape("a\tb\r\n") == #"a\u{9}b\u{D}\u{A}"#)
        #expect(
            ControlCharacterEscaping.escape("\u{7F}\u{80}\u{9F}\u{A0}") == #"\u{7F}\u{80}\u{9F}"#
                + "\u{A0}")
    }
}

@Suite("2xx bodies that report a failure")
struct FailureInSuccessStatusTests {
    @Test(arguments: [PayloadFormat.json, .xml])
    func successFalseWithCodeIsServiceError(format: PayloadFormat) async throws {
        let body =
            format == .json
            ? #"{"RequestId":"r-1","Code":"Throttling.User","Message":"slow down","Success":false}"#
            : "<ModifyPWByDomainResponse><RequestId>r-1</RequestId><Code>Throttling.User</Code>"
                + "<Success>false</Success></ModifyPWByDomainResponse>"
        let transport = StubTransport(status: 200, contentType: nil, body: body)
        let error = try #require(await callError(makeClient(transport, format: format)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.code.wireValue == "Throttling.User")
        #expect(service.code.meaning == nil)
        #expect(service.httpStatus == 200)
        #expect(service.requestId == "r-1")
    }

    @Test(arguments: [
        #"{"RequestId":"r-1","Success":false}"#,
        #"{"RequestId":"r-1","Code":"OK","Success":false}"#,
    ])
    func successFalseWithoutCodeIsUnexpected(body: String) async throws {
        let transport = StubTransport(status: 200, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.httpStatus == 200)
        #expect(response.reason.contains("reports that the call failed"))
    }

    @Test func undecodableBodyWithCodeIsServiceError() async throws {
        let body = #"{"Code":"Throttling.User","Message":"slow down"}"#
        let transport = StubTransport(status: 200, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.code.wireValue == "Throttling.User")
    }

    @Test func xmlErrorRootIn2xxIsServiceError() async throws {
        let body = "<Error><RequestId>r-3</RequestId><Code>Throttling.User</Code></Error>"
        let transport = StubTransport(status: 200, contentType: "text/xml", body: body)
        let error = try #require(await callError(makeClient(transport, format: .xml)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.code.wireValue == "Throttling.User")
        #expect(service.requestId == "r-3")
    }

    @Test func xmlOtherRootIn2xxIsUnexpected() async throws {
        let body = "<OtherActionResponse><RequestId>r-4</RequestId></OtherActionResponse>"
        let transport = StubTransport(status: 200, contentType: "text/xml", body: body)
        let error = try #require(await callError(makeClient(transport, format: .xml)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.reason.contains("<OtherActionResponse>"))
        #expect(response.reason.contains("<ModifyPWByDomainResponse>"))
    }

    @Test func xmlInitializerChecksRoot() {
        let body = "<OtherActionResponse><RequestId>r</RequestId></OtherActionResponse>"
        #expect(
            throws: ResponseDecodingError.unexpectedRoot(
                expected: "ModifyPWByDomainResponse", found: "OtherActionResponse")
        ) {
            try SetDomainPasswordResponse(xml: Array(body.utf8))
        }
    }
}

@Suite("Error descriptions through Foundation")
struct LocalizedErrorTests {
    @Test func localizedDescriptionIsDescription() {
        let errors: [any Error & CustomStringConvertible] = [
            ValidationError(issues: [
                ValidationIssue(parameter: "P", rule: "length", errorCode: nil, message: "short")
            ]),
            ClientError.transport("the connection failed"),
            ServiceError<SetDomainPasswordErrorCode>(
                body: ServiceErrorBody(code: "Bad", message: "m"), httpStatus: 400),
            ResponseDecodingError.missingField(path: "RequestId"),
            CredentialsError.missingVariable("ALIBABA_CLOUD_ACCESS_KEY_ID"),
            HTTPTransportError.cancelled,
            ClientConfigurationError.unknownRegion("mars-1", knownRegions: []),
        ]
        for error in errors {
            #expect(error.localizedDescription == error.description)
        }
    }
}

@Suite("URLSessionTransport timeout bounds")
struct TransportTimeoutTests {
    @Test(arguments: [1e18, Double.infinity, URLSessionTransport.maxTimeout + 1])
    func hugeTimeoutIsLowered(seconds: Double) {
        #expect(URLSessionTransport(timeout: seconds).timeout == URLSessionTransport.maxTimeout)
        var transport = URLSessionTransport()
        transport.timeout = seconds
        #expect(transport.timeout == URLSessionTransport.maxTimeout)
    }

    @Test func nanTimeoutIsDefault() {
        let transport = URLSessionTransport(timeout: .nan)
        #expect(transport.timeout == URLSessionTransport.defaultTimeout)
    }
}
