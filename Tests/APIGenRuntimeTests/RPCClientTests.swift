import APIGenRuntime
import Foundation
import Testing

private typealias ClientError = CallError<SetDomainPasswordErrorCode>

private let validRequest = SetDomainPassword(
    domainName: "ok.example.com", password: Secret(TestSecrets.password))

private let successJSON =
    #"{"Message":"xxx","RequestId":"02B2A890-CBD8-4806-9BCA-C93190CE7EF6","Success":"true","Code":"OK"}"#

private func makeClient(
    _ transport: StubTransport,
    region: String = "cn-hangzhou",
    options: RPCClientOptions = RPCClientOptions(
        endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9))
) -> RPCClient {
    RPCClient(
        product: TestSecrets.product, region: region, credentials: TestSecrets.temporaryCredentials,
        transport: transport, options: options)
}

/// Sends the valid request and returns the error it throws, or nil when it succeeds.
private func callError(_ client: RPCClient) async -> ClientError? {
    do {
        _ = try await client.send(validRequest)
        return nil
    } catch {
        return error
    }
}

@Suite("RPCClient without a network")
struct RPCClientTests {
    @Test func invalidRequestSendsNothing() async {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let client = makeClient(transport)
        let request = SetDomainPassword(domainName: "", password: "short")
        await #expect {
            _ = try await client.send(request)
        } throws: { error in
            guard let error = error as? ClientError, case .invalidRequest(let validation) = error
            else {
                return false
            }
            return validation.issues.map(\.parameter) == ["DomainName", "Password"]
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func unknownRegionListsKnownRegions() async throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let client = makeClient(transport, region: "mars-1", options: RPCClientOptions())
        let error = try #require(await callError(client))
        #expect(
            error
                == .configuration(
                    .unknownRegion("mars-1", knownRegions: ["ap-southeast-1", "cn-hangzhou"])))
        #expect(error.description.contains("ap-southeast-1, cn-hangzhou"))
        #expect(transport.requests.isEmpty)
    }

    @Test func productEndpointAndVersionUsedByDefault() throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let client = makeClient(transport, region: "ap-southeast-1", options: RPCClientOptions())
        let request = try client.preparedRequest(for: validRequest)
        #expect(request.url.absoluteString == "https://dm.ap-southeast-1.aliyuncs.com/")
        #expect(request.headers.value(named: "x-acs-version") == "2017-06-22")
        #expect(request.headers.value(named: "x-acs-action") == "ModifyPWByDomain")
    }

    @Test func invalidEndpointIsAConfigurationError() {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        for endpoint in [
            Endpoint(scheme: "ftp", host: "127.0.0.1"), Endpoint(scheme: "http", host: ""),
            Endpoint(scheme: "http", host: "127.0.0.1/path"),
            Endpoint(scheme: "http", host: "127.0.0.1", port: 0),
        ] {
            let client = makeClient(transport, options: RPCClientOptions(endpoint: endpoint))
            #expect(throws: ClientError.self, "endpoint \(endpoint)") {
                try client.preparedRequest(for: validRequest)
            }
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func preparedV2PostHasNoSecretInURLOrDescription() throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let options = RPCClientOptions(
            signatureVersion: .v2, endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9))
        let request = try makeClient(transport, options: options).preparedRequest(for: validRequest)
        let body = String(decoding: request.body, as: UTF8.self)
        let signature = try #require(Self.formValue("Signature", in: body))
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "http://127.0.0.1:9/")
        let bodyHasPassword = body.contains(
            "Password=\(PercentEncoding.encode(TestSecrets.password))")
        let bodyHasToken = body.contains(
            "SecurityToken=\(PercentEncoding.encode(TestSecrets.securityToken))")
        #expect(bodyHasPassword)
        #expect(bodyHasToken)
        #expect(TestSecrets.leaks(in: request.description, signatures: [signature]).isEmpty)
        #expect(request.description.contains("Password=<redacted>"))
    }

    @Test func preparedV3PostHasNoSecretInDescription() throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let request = try makeClient(transport).preparedRequest(for: validRequest)
        let authorization = try #require(request.headers.value(named: "authorization"))
        let signature = try #require(authorization.components(separatedBy: "Signature=").last)
        #expect(request.url.query == nil)
        #expect(TestSecrets.leaks(in: request.description, signatures: [signature]).isEmpty)
        var dumped = ""
        dump(request, to: &dumped)
        #expect(TestSecrets.leaks(in: dumped, signatures: [signature]).isEmpty)
    }

    @Test func injectedClockAndNonceAreSigned() throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let options = RPCClientOptions(
            signatureVersion: .v2, endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9),
            clock: { Date(timeIntervalSince1970: 1_678_696_470) }, nonce: { "fixed-nonce" })
        let request = try makeClient(transport, options: options).preparedRequest(for: validRequest)
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(Self.formValue("Timestamp", in: body) == "2023-03-13T08%3A34%3A30Z")
        #expect(Self.formValue("SignatureNonce", in: body) == "fixed-nonce")
        #expect(Self.formValue("Format", in: body) == "JSON")
        #expect(Self.formValue("RegionId", in: body) == "cn-hangzhou")
        #expect(Self.formValue("Version", in: body) == "2015-11-23")
    }

    @Test func successBodyDecodesIntoResponse() async throws {
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let response = try await makeClient(transport).send(validRequest)
        #expect(response.requestId == "02B2A890-CBD8-4806-9BCA-C93190CE7EF6")
        #expect(response.code == "OK")
        #expect(response.success == true)
    }

    @Test func documentedCodeIn2xxIsAServiceError() async throws {
        let body = #"{"RequestId":"r-1","Code":"InvalidDomain.NotFound","Message":"gone"}"#
        let transport = StubTransport(status: 200, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.code.wireValue == "InvalidDomain.NotFound")
        #expect(service.httpStatus == 200)
        #expect(service.requestId == "r-1")
    }

    @Test func undocumentedCodeIn2xxStaysASuccess() async throws {
        let body = #"{"RequestId":"r-1","Code":"Accepted","Success":true}"#
        let transport = StubTransport(status: 200, contentType: "application/json", body: body)
        let response = try await makeClient(transport).send(validRequest)
        #expect(response.code == "Accepted")
    }

    @Test func unparsableSuccessBodyIsUnexpected() async throws {
        let transport = StubTransport(status: 200, contentType: "text/plain", body: "OK")
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.httpStatus == 200)
        #expect(response.bodyPrefix == "OK")
    }

    @Test func errorBodyWithoutContentTypeIsSniffed() async throws {
        let body =
            "  <Error><RequestId>r-2</RequestId><Code>InvalidDomainName.Malformed</Code></Error>"
        let transport = StubTransport(status: 400, contentType: nil, body: body)
        let error = try #require(await callError(makeClient(transport)))
        #expect(
            error
                == .service(
                    ServiceError(
                        body: ServiceErrorBody(
                            code: "InvalidDomainName.Malformed", requestId: "r-2"), httpStatus: 400)
                ))
    }

    @Test func echoedSecretInServerMessageIsRedacted() async throws {
        let message = "bad request Password=\(TestSecrets.password)"
        let body = #"{"Code":"InvalidDomainPassword.Malformed","Message":"\#(message)"}"#
        let transport = StubTransport(status: 400, contentType: "application/json", body: body)
        let error = try #require(await callError(makeClient(transport)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.message == "bad request Password=<redacted>")
        #expect(TestSecrets.leaks(in: error.description).isEmpty)
    }

    @Test func requestIdHeaderFillsMissingBodyId() async throws {
        let transport = StubTransport(
            status: 404, contentType: "application/json",
            body: #"{"Code":"InvalidDomain.NotFound"}"#,
            headers: [HTTPHeader(name: "x-acs-request-id", value: "hdr-1")])
        let error = try #require(await callError(makeClient(transport)))
        guard case .service(let service) = error else {
            Issue.record("expected a service error, got \(error)")
            return
        }
        #expect(service.requestId == "hdr-1")
    }

    @Test func unexpectedBodyPrefixIsCappedAndRedacted() async throws {
        let echoed = "echo Password=\(TestSecrets.password) " + String(repeating: "é", count: 600)
        let transport = StubTransport(status: 500, contentType: "text/plain", body: echoed)
        let error = try #require(await callError(makeClient(transport)))
        guard case .unexpectedResponse(let response) = error else {
            Issue.record("expected an unexpected response, got \(error)")
            return
        }
        #expect(response.bodyPrefix.utf8.count <= UnexpectedResponse.bodyPrefixByteLimit)
        #expect(response.bodyPrefix.utf8.count > UnexpectedResponse.bodyPrefixByteLimit - 2)
        #expect(response.bodyPrefix.hasPrefix("echo Password=<redacted> "))
        #expect(response.bodyByteCount == echoed.utf8.count)
        #expect(TestSecrets.leaks(in: error.description).isEmpty)
    }

    @Test func transportErrorMessageIsScrubbed() async throws {
        let transport = StubTransport { request in
            throw TestServerError(
                description:
                    "failed to send \(request.url) \(String(decoding: request.body, as: UTF8.self))"
            )
        }
        let options = RPCClientOptions(
            signatureVersion: .v2, endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9))
        let error = try #require(await callError(makeClient(transport, options: options)))
        guard case .transport(let reason) = error else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(reason.contains("failed to send"))
        let body = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
        let signature = try #require(Self.formValue("Signature", in: body))
        #expect(TestSecrets.leaks(in: error.description, signatures: [signature]).isEmpty)
    }

    @Test func methodNotAcceptedIsRejected() throws {
        struct PostOnly: ActionRequest {
            typealias Response = SetDomainPasswordResponse
            typealias ErrorCode = SetDomainPasswordErrorCode
            static let action = "PostOnly"
            static let methods: [HTTPMethod] = [.post]
            func validate() throws(ValidationError) {}
            var wireParameters: WireParameters { WireParameters() }
            var description: String { "PostOnly()" }
        }
        let transport = StubTransport(
            status: 200, contentType: "application/json", body: successJSON)
        let options = RPCClientOptions(
            method: .get, endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9))
        let error = #expect(throws: ClientError.self) {
            try makeClient(transport, options: options).preparedRequest(for: PostOnly())
        }
        #expect(
            error == .configuration(.methodNotAccepted(.get, action: "PostOnly", accepted: [.post]))
        )
    }

    static func formValue(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") where pair.hasPrefix("\(name)=") {
            return String(pair.dropFirst(name.count + 1))
        }
        return nil
    }
}
