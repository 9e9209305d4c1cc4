import APIGenRuntime
import Foundation
import Testing

private typealias ClientError = CallError<SetDomainPasswordErrorCode>

private let sampleRequestId = "02B2A890-CBD8-4806-9BCA-C93190CE7EF6"

private func client(
    _ server: TestServer,
    _ version: SignatureVersion,
    format: PayloadFormat = .json,
    method: HTTPMethod? = nil,
    credentials: Credentials = TestSecrets.credentials,
    transport: URLSessionTransport = URLSessionTransport(timeout: 10)
) -> RPCClient {
    let options = RPCClientOptions(
        signatureVersion: version, format: format, method: method, endpoint: server.endpoint)
    return RPCClient(
        product: TestSecrets.product, region: "cn-hangzhou", credentials: credentials,
        transport: transport, options: options)
}

private func request(_ scenario: String) -> SetDomainPassword {
    SetDomainPassword(domainName: "\(scenario).example.com", password: Secret(TestSecrets.password))
}

/// Sends the scenario's request and returns the error it throws, or nil when it succeeds.
private func callError(_ client: RPCClient, _ scenario: String) async -> ClientError? {
    do {
        _ = try await client.send(request(scenario))
        return nil
    } catch {
        return error
    }
}

/// Returns the signature that a recorded request carried, to check that no message shows it.
private func signature(of record: RecordedRequest) -> String? {
    if let authorization = record.headers["authorization"] {
        return authorization.components(separatedBy: "Signature=").last
    }
    let form = record.path == "/" && !record.query.isEmpty ? record.query : record.body
    for pair in form.split(separator: "&") where pair.hasPrefix("Signature=") {
        return PercentEncoding.decode(String(pair.dropFirst("Signature=".count)))
    }
    return nil
}

@Suite("RPCClient against a loopback server", .timeLimit(.minutes(1)))
struct LoopbackServerTests {
    @Test(arguments: [SignatureVersion.v2, .v3], [PayloadFormat.json, .xml])
    func postSuccessVerifies(version: SignatureVersion, format: PayloadFormat) async throws {
        try await TestServer.with { server in
            let response = try await client(server, version, format: format).send(request("ok"))
            #expect(response.requestId == sampleRequestId)
            #expect(response.code == "OK")
            #expect(response.message == "xxx")
            #expect(response.success == true)

            let record = try #require(try await server.records().first)
            #expect(record.verified, "server rejected the signature: \(record.failure ?? "")")
            #expect(record.signatureVersion == version.rawValue)
            #expect(record.method == "POST")
            #expect(record.path == "/")
            #expect(record.query.isEmpty)
            let bodyHasPassword = record.body.contains(
                "Password=\(PercentEncoding.encode(TestSecrets.password))")
            #expect(bodyHasPassword)
            #expect(record.headers["content-type"] == "application/x-www-form-urlencoded")
        }
    }

    @Test(arguments: [SignatureVersion.v2, .v3])
    func getSuccessVerifies(version: SignatureVersion) async throws {
        try await TestServer.with { server in
            let response = try await client(server, version, format: .xml, method: .get).send(
                request("ok"))
            #expect(response.requestId == sampleRequestId)
            #expect(response.success == true)

            let record = try #require(try await server.records().first)
            #expect(record.verified, "server rejected the signature: \(record.failure ?? "")")
            #expect(record.method == "GET")
            #expect(record.body.isEmpty)
            #expect(record.query.contains("DomainName=ok.example.com"))
        }
    }

    @Test(arguments: [SignatureVersion.v2, .v3])
    func securityTokenIsSignedAndVerifies(version: SignatureVersion) async throws {
        let credentials = TestSecrets.temporaryCredentials
        try await TestServer.with(credentials: credentials) { server in
            let response = try await client(server, version, credentials: credentials).send(
                request("ok"))
            #expect(response.code == "OK")
            let record = try #require(try await server.records().first)
            #expect(record.verified, "server rejected the signature: \(record.failure ?? "")")
        }
    }

    @Test func wrongSecretFailsVerification() async throws {
        try await TestServer.with { server in
            let wrong = Credentials(
                accessKeyId: TestSecrets.accessKeyId, accessKeySecret: "not-the-secret")
            let error = try #require(await callError(client(server, .v3, credentials: wrong), "ok"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.code.wireValue == "SignatureDoesNotMatch")
            #expect(service.code.meaning == nil)
            let record = try #require(try await server.records().first)
            #expect(!record.verified)
        }
    }

    @Test(arguments: [PayloadFormat.json, .xml])
    func malformedPasswordIsTypedServiceError(format: PayloadFormat) async throws {
        try await TestServer.with { server in
            let error = try #require(
                await callError(client(server, .v2, format: format), "badpassword"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(
                service.code
                    == SetDomainPasswordErrorCode(wireValue: "InvalidDomainPassword.Malformed"))
            #expect(service.code.meaning != nil)
            #expect(service.httpStatus == 400)
            #expect(service.requestId == sampleRequestId)
            #expect(service.hostId == "dm.aliyuncs.com")
            #expect(error.description.contains("InvalidDomainPassword.Malformed"))
        }
    }

    @Test(arguments: [SignatureVersion.v2, .v3])
    func missingDomainIsNotFound(version: SignatureVersion) async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, version), "notfound"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.code.wireValue == "InvalidDomain.NotFound")
            #expect(service.httpStatus == 404)
            #expect(service.recommend != nil)
        }
    }

    @Test func documentedCodeWith200IsServiceError() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v3, format: .xml), "code200"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.httpStatus == 200)
            #expect(service.code.wireValue == "InvalidDomainPassword.Malformed")
        }
    }

    @Test(arguments: [PayloadFormat.json, .xml])
    func successFalseWithCodeIsServiceError(format: PayloadFormat) async throws {
        try await TestServer.with { server in
            let error = try #require(
                await callError(client(server, .v3, format: format), "throttled200"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.httpStatus == 200)
            #expect(service.code.wireValue == "Throttling.User")
            #expect(service.requestId == sampleRequestId)
        }
    }

    @Test(arguments: [PayloadFormat.json, .xml])
    func successFalseWithoutCodeIsUnexpected(format: PayloadFormat) async throws {
        try await TestServer.with { server in
            let error = try #require(
                await callError(client(server, .v2, format: format), "failed200"))
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("expected an unexpected response, got \(error)")
                return
            }
            #expect(response.httpStatus == 200)
            #expect(response.reason.contains("reports that the call failed"))
        }
    }

    @Test func xmlErrorRootWith200IsServiceError() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v3, format: .xml), "error200"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.httpStatus == 200)
            #expect(service.code.wireValue == "Throttling.User")
        }
    }

    @Test func xmlOtherRootWith200IsUnexpected() async throws {
        try await TestServer.with { server in
            let error = try #require(
                await callError(client(server, .v3, format: .xml), "otherroot200"))
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("expected an unexpected response, got \(error)")
                return
            }
            #expect(response.reason.contains("<OtherActionResponse>"))
            #expect(response.reason.contains("<ModifyPWByDomainResponse>"))
        }
    }

    @Test func hugeTimeoutIsBounded() async throws {
        try await TestServer.with { server in
            let transport = URLSessionTransport(timeout: 1e18)
            let response = try await client(server, .v3, transport: transport).send(request("ok"))
            #expect(response.requestId == sampleRequestId)
        }
    }

    @Test func errorWithoutContentTypeIsSniffed() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v2, format: .xml), "sniff"))
            guard case .service(let service) = error else {
                Issue.record("expected a service error, got \(error)")
                return
            }
            #expect(service.code.wireValue == "InvalidDomainName.Malformed")
        }
    }

    @Test func empty500KeepsStatusAndRequestId() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v3), "empty500"))
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("expected an unexpected response, got \(error)")
                return
            }
            #expect(response.httpStatus == 500)
            #expect(response.bodyByteCount == 0)
            #expect(response.bodyPrefix.isEmpty)
            #expect(response.requestId == sampleRequestId)
            #expect(error.description.contains("HTTP 500"))
        }
    }

    @Test func html502KeepsStatusAndBodyPrefix() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v2), "html502"))
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("expected an unexpected response, got \(error)")
                return
            }
            #expect(response.httpStatus == 502)
            #expect(response.contentType == "text/html")
            #expect(response.bodyPrefix.hasPrefix("<html><head><title>502 Bad Gateway"))
            #expect(error.description.contains("HTTP 502"))
        }
    }

    @Test func redirectIsNotFollowed() async throws {
        try await TestServer.with { server in
            let error = try #require(await callError(client(server, .v3), "redirect"))
            guard case .unexpectedResponse(let response) = error else {
                Issue.record("expected an unexpected response, got \(error)")
                return
            }
            #expect(response.httpStatus == 307)
            #expect(try await server.records().count == 1)
        }
    }

    @Test func slowServerTimesOut() async throws {
        try await TestServer.with { server in
            let transport = URLSessionTransport(timeout: 0.5)
            let error = try #require(
                await callError(client(server, .v2, transport: transport), "slow"))
            #expect(error == .transport(HTTPTransportError.timedOut(seconds: 0.5).description))
        }
    }

    @Test func oversizedBodyIsRejected() async throws {
        try await TestServer.with { server in
            let transport = URLSessionTransport(timeout: 10, maxResponseBodyBytes: 1024)
            let error = try #require(
                await callError(client(server, .v3, transport: transport), "huge"))
            #expect(
                error == .transport(HTTPTransportError.responseTooLarge(limit: 1024).description))
        }
    }

    @Test func closedPortIsATransportError() async throws {
        let server = try TestServer.start(credentials: TestSecrets.credentials)
        server.stop()
        let error = try #require(await callError(client(server, .v2), "ok"))
        guard case .transport(let reason) = error else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(reason.contains("connection"))
        #expect(TestSecrets.leaks(in: reason).isEmpty)
    }

    @Test func noMessageContainsASecret() async throws {
        let credentials = TestSecrets.temporaryCredentials
        try await TestServer.with(credentials: credentials) { server in
            var messages: [String] = []
            for version in SignatureVersion.allCases {
                for method in HTTPMethod.allCases {
                    let client = client(server, version, method: method, credentials: credentials)
                    for scenario in [
                        "badpassword", "notfound", "empty500", "html502", "echo500", "code200",
                        "throttled200", "failed200",
                    ] {
                        let error = try #require(
                            await callError(client, scenario), "scenario \(scenario)")
                        messages += [error.description, String(reflecting: error), "\(error)"]
                        var dumped = ""
                        dump(error, to: &dumped)
                        messages.append(dumped)
                    }
                    messages.append(try client.preparedRequest(for: request("ok")).description)
                }
            }
            let records = try await server.records()
            for record in records {
                #expect(record.verified, "server rejected the signature: \(record.failure ?? "")")
            }
            let signatures = records.compactMap(signature(of:))
            #expect(signatures.count == records.count)
            for message in messages {
                #expect(TestSecrets.leaks(in: message, signatures: signatures).isEmpty)
            }
        }
    }
}
