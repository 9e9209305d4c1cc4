import APIGenRuntime
import CLibXML2
import DirectMail
import Foundation

/// The cases that time the generated DirectMail client against what a user would write by
/// hand, each pair interleaved in one process.
struct RuntimeCases {
    var sampler: Sampler
    var checkGoals: Bool

    func xmlDecoding() throws -> [ResultRow] {
        let body = BenchmarkPayloads.pageXML
        let expected = BenchmarkPayloads.expectedResponse(message: "xxx")
        xmlInitParser()
        try require(
            try ModifyPWByDomain.Response(xml: body) == expected,
            "the generated XML decoder returned a wrong response")
        try require(
            try FoundationXMLResponseDecoder.decode(body) == expected,
            "the XMLParser decoder returned a wrong response")
        try require(
            BareLibXML2.parseWithEmptyHandler(body), "the bare libxml2 parse rejected the body")
        try require(BareLibXML2.readMemoryAndFree(body), "xmlReadMemory rejected the body")

        let statistics = try sampler.interleaved([
            { blackHole(try ModifyPWByDomain.Response(xml: body)) },
            { blackHole(BareLibXML2.parseWithEmptyHandler(body)) },
            { blackHole(BareLibXML2.readMemoryAndFree(body)) },
            { blackHole(try FoundationXMLResponseDecoder.decode(body)) },
        ])
        let (generated, bare, readMemory, foundation) =
            (statistics[0], statistics[1], statistics[2], statistics[3])
        return [
            ResultRow(
                name: "XML decode: Response(xml:) vs bare libxml2 SAX",
                statistics: generated, unit: .microseconds,
                baselineName: "libxml2 SAX push parse, empty callbacks", baseline: bare,
                goal: .ratioAtMost(1.5), checkGoal: checkGoals),
            ResultRow(
                name: "XML decode: Response(xml:) vs xmlReadMemory",
                statistics: generated, unit: .microseconds,
                baselineName: "xmlReadMemory + xmlFreeDoc", baseline: readMemory,
                checkGoal: checkGoals, note: "reference only; the goal uses the SAX floor"),
            ResultRow(
                name: "XML decode: Response(xml:) vs XMLParser decoder",
                statistics: generated, unit: .microseconds,
                baselineName: "Foundation XMLParser delegate", baseline: foundation,
                goal: .ratioAtMost(0.2), checkGoal: checkGoals,
                note: "ratio <= 0.2 means at least 5x faster"),
        ]
    }

    func jsonDecoding() throws -> [ResultRow] {
        let body = BenchmarkPayloads.metadataJSON
        let expected = BenchmarkPayloads.expectedResponse(message: "请求成功")
        let decoder = JSONDecoder()
        try require(
            try ModifyPWByDomain.Response(json: body) == expected,
            "the generated JSON decoder returned a wrong response")
        let codable = try decoder.decode(CodableResponse.self, from: body)
        try require(
            codable
                == CodableResponse(
                    code: expected.code, message: expected.message,
                    requestId: expected.requestId, success: expected.success),
            "JSONDecoder returned a wrong response")

        let statistics = try sampler.interleaved([
            { blackHole(try ModifyPWByDomain.Response(json: body)) },
            { blackHole(try decoder.decode(CodableResponse.self, from: body)) },
        ])
        return [
            ResultRow(
                name: "JSON decode: Response(json:) vs JSONDecoder",
                statistics: statistics[0], unit: .microseconds,
                baselineName: "JSONDecoder into a Codable struct", baseline: statistics[1],
                goal: .ratioAtMost(1.1), checkGoal: checkGoals,
                note: "one JSONDecoder reused for every call")
        ]
    }

    func validation() throws -> [ResultRow] {
        let regexValidator = RegexValidator()
        var rows: [ResultRow] = []
        let requests = [
            ("valid", ModifyPWByDomain.Request(domainName: "example.com", password: "DM1mail1234")),
            ("invalid", ModifyPWByDomain.Request(domainName: "example.com", password: "pwd")),
        ]
        for (label, request) in requests {
            let password = request.password.revealed()
            let generatedIssues: Int
            do {
                try request.validate()
                generatedIssues = 0
            } catch {
                generatedIssues = error.issues.count
            }
            let regexIssues = regexValidator.validate(
                domainName: request.domainName, password: password
            ).count
            try require(
                generatedIssues == regexIssues,
                "validate() found \(generatedIssues) broken rules for the \(label) request,"
                    + " the regular expressions \(regexIssues)")

            let statistics = try sampler.interleaved([
                {
                    do {
                        try request.validate()
                    } catch {
                        blackHole(error)
                    }
                },
                {
                    blackHole(
                        regexValidator.validate(
                            domainName: request.domainName, password: password))
                },
            ])
            rows.append(
                ResultRow(
                    name: "validate() \(label) (\(password)) vs NSRegularExpression",
                    statistics: statistics[0], unit: .nanoseconds,
                    baselineName: "hand-written NSRegularExpression rules",
                    baseline: statistics[1], goal: .ratioAtMost(0.1), checkGoal: checkGoals,
                    note: "ratio <= 0.1 means at least 10x faster; \(generatedIssues) broken rules"
                ))
        }
        return rows
    }

    func fullCall() async throws -> [ResultRow] {
        let transport = InMemoryTransport(
            response: HTTPResponse(
                status: 200,
                headers: [HTTPHeader(name: "Content-Type", value: "application/json")],
                body: BenchmarkPayloads.metadataJSON))
        let credentials = Credentials(
            accessKeyId: "bench-access-key-id", accessKeySecret: "bench-access-key-secret")
        func makeClient(_ version: SignatureVersion) -> DirectMailClient {
            let options = RPCClientOptions(
                signatureVersion: version,
                endpoint: Endpoint(scheme: "https", host: InMemoryTransport.host))
            return DirectMailClient(
                rpc: RPCClient(
                    product: DirectMailClient.product, region: "cn-hangzhou",
                    credentials: credentials, transport: transport, options: options))
        }
        let v3 = makeClient(.v3)
        let v2 = makeClient(.v2)
        let request = ModifyPWByDomain.Request(domainName: "example.com", password: "DM1mail1234")
        let expected = BenchmarkPayloads.expectedResponse(message: "请求成功")
        for client in [v3, v2] {
            let response = try await client.modifyPWByDomain(request)
            try require(response == expected, "the full call returned a wrong response")
        }

        let statistics = try await sampler.interleavedAsync([
            { blackHole(try await v3.modifyPWByDomain(request)) },
            { blackHole(try await v2.modifyPWByDomain(request)) },
        ])
        let note =
            "validate, sign, in-memory transport, decode JSON; a peer generator's full call"
            + " is about 85 us on a similar machine"
        return [
            ResultRow(
                name: "full call, signature V3", statistics: statistics[0], unit: .microseconds,
                checkGoal: checkGoals, note: note),
            ResultRow(
                name: "full call, signature V2", statistics: statistics[1], unit: .microseconds,
                baselineName: "full call, signature V3", baseline: statistics[0],
                checkGoal: checkGoals, note: note),
        ]
    }
}
