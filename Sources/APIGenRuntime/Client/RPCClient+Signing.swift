import Foundation

/// A signed request and the secret values it contains, for scrubbing messages about it.
struct PreparedCall: Sendable {
    var request: HTTPRequest
    var scrubber: SecretScrubber
}

extension RPCClient {
    /// Validates `request`, resolves the endpoint and method, and signs the request.
    func prepare<Request: ActionRequest>(
        _ request: Request
    ) throws(CallError<Request.ErrorCode>) -> PreparedCall {
        do {
            try request.validate()
        } catch {
            throw .invalidRequest(error)
        }
        let endpoint = try resolveEndpoint(Request.self)
        let method = try resolveMethod(Request.self)
        let parameters = request.wireParameters
        var secrets = parameters.entries.filter(\.isSecret).map { $0.value.revealed() }
        secrets.append(credentials.accessKeySecret.revealed())
        if let token = credentials.securityToken {
            secrets.append(token.revealed())
        }

        let signed: (request: HTTPRequest, signature: Secret)
        switch options.signatureVersion {
        case .v2:
            signed = signV2(Request.action, parameters, method: method, endpoint: endpoint)
        case .v3:
            signed = signV3(Request.action, parameters, method: method, endpoint: endpoint)
        }
        secrets.append(signed.signature.revealed())
        return PreparedCall(request: signed.request, scrubber: SecretScrubber(secrets: secrets))
    }

    private func resolveEndpoint<Request: ActionRequest>(
        _ type: Request.Type
    ) throws(CallError<Request.ErrorCode>) -> Endpoint {
        let endpoint: Endpoint
        if let override = options.endpoint {
            endpoint = override
        } else if let host = product.endpoints[region] {
            endpoint = Endpoint(host: host)
        } else {
            throw .configuration(
                .unknownRegion(region, knownRegions: product.endpoints.keys.sorted()))
        }
        guard endpoint.scheme == "https" || endpoint.scheme == "http" else {
            throw .configuration(
                .invalidEndpoint(endpoint, reason: "the scheme must be https or http"))
        }
        let hostIsValid =
            !endpoint.host.isEmpty
            && endpoint.host.unicodeScalars.allSatisfy {
                $0.isASCII && !"/?#@ ".unicodeScalars.contains($0)
            }
        guard hostIsValid else {
            throw .configuration(
                .invalidEndpoint(
                    endpoint, reason: "the host must be a non-empty name or address without a path")
            )
        }
        if let port = endpoint.port, !(1...65535).contains(port) {
            throw .configuration(
                .invalidEndpoint(endpoint, reason: "the port must be in 1...65535"))
        }
        return endpoint
    }

    private func resolveMethod<Request: ActionRequest>(
        _ type: Request.Type
    ) throws(CallError<Request.ErrorCode>) -> HTTPMethod {
        let accepted = Request.methods
        guard let method = options.method else {
            return accepted.contains(.post) || accepted.isEmpty ? .post : accepted[0]
        }
        guard accepted.isEmpty || accepted.contains(method) else {
            throw .configuration(
                .methodNotAccepted(method, action: Request.action, accepted: accepted))
        }
        return method
    }

    /// Signs with V2: the common parameters join the action's, the signature is one more
    /// parameter, and all of them go in the form body of a POST or the query of a GET.
    private func signV2(
        _ action: String,
        _ actionParameters: WireParameters,
        method: HTTPMethod,
        endpoint: Endpoint
    ) -> (request: HTTPRequest, signature: Secret) {
        var parameters = actionParameters
        parameters.set("Action", to: action)
        if parameters.value(named: "RegionId") == nil {
            parameters.set("RegionId", to: region)
        }
        parameters.set("Format", to: options.format.rawValue)
        parameters.set("Version", to: product.apiVersion(forRegion: region))
        parameters.set("AccessKeyId", to: credentials.accessKeyId)
        parameters.set("SignatureMethod", to: RPCSignatureV2.signatureMethod)
        parameters.set("SignatureVersion", to: RPCSignatureV2.signatureVersion)
        parameters.set("SignatureNonce", to: options.nonce())
        parameters.set("Timestamp", to: SigningTimestamp.format(options.clock()))
        if let token = credentials.securityToken {
            parameters.set("SecurityToken", to: token.revealed(), isSecret: true)
        }

        let pairs = parameters.entries.map { (name: $0.name, value: $0.value.revealed()) }
        let stringToSign = RPCSignatureV2.stringToSign(method: method, parameters: pairs)
        let signature = RPCSignatureV2.signature(
            stringToSign: stringToSign, accessKeySecret: credentials.accessKeySecret)
        let form =
            PercentEncoding.canonicalQuery(pairs) + "&Signature="
            + PercentEncoding.encode(signature.revealed())

        var secretNames = Set(parameters.entries.filter(\.isSecret).map(\.name))
        secretNames.insert("Signature")
        var headers = [HTTPHeader(name: "host", value: endpoint.hostHeader)]
        let request: HTTPRequest
        switch method {
        case .post:
            headers.append(HTTPHeader(name: "content-type", value: Self.formContentType))
            request = HTTPRequest(
                method: .post, url: url(endpoint, query: ""), headers: headers,
                body: Data(form.utf8), secretParameterNames: secretNames)
        case .get:
            request = HTTPRequest(
                method: .get, url: url(endpoint, query: form), headers: headers,
                secretParameterNames: secretNames)
        }
        return (request, signature)
    }

    /// Signs with V3: the action and version travel as `x-acs-*` headers, the action's own
    /// parameters in the form body of a POST or the query of a GET, and the signature in the
    /// `Authorization` header.
    private func signV3(
        _ action: String,
        _ actionParameters: WireParameters,
        method: HTTPMethod,
        endpoint: Endpoint
    ) -> (request: HTTPRequest, signature: Secret) {
        let entries = actionParameters.entries.filter { $0.name != "Action" }
        let pairs = entries.map { (name: $0.name, value: $0.value.revealed()) }
        let query = method == .get ? pairs : []
        let body = method == .post ? Data(PercentEncoding.canonicalQuery(pairs).utf8) : Data()
        let hashedPayload = ACS3Signature.hashedPayload(body)

        var signedHeaders: [(name: String, value: String)] = [
            ("host", endpoint.hostHeader),
            ("x-acs-action", action),
            ("x-acs-version", product.apiVersion(forRegion: region)),
            ("x-acs-date", SigningTimestamp.format(options.clock())),
            ("x-acs-signature-nonce", options.nonce()),
            ("x-acs-content-sha256", hashedPayload),
        ]
        if let token = credentials.securityToken {
            signedHeaders.append(("x-acs-security-token", token.revealed()))
        }
        if method == .post {
            signedHeaders.append(("content-type", Self.formContentType))
        }
        let canonical = ACS3Signature.canonicalRequest(
            method: method, pathname: "/", query: query, signedHeaders: signedHeaders,
            hashedPayload: hashedPayload)
        let signature = ACS3Signature.signature(
            stringToSign: ACS3Signature.stringToSign(canonical),
            accessKeySecret: credentials.accessKeySecret)
        let authorization = ACS3Signature.authorization(
            accessKeyId: credentials.accessKeyId, signedHeaders: canonical.signedHeaders,
            signature: signature)

        var headers = signedHeaders.map { HTTPHeader(name: $0.name, value: $0.value) }
        // NOTE: The vendor documents no Format parameter for V3. The Accept header is how its
        // own SDKs request JSON, and whether every endpoint honours application/xml is unverified.
        headers.append(HTTPHeader(name: "accept", value: Self.acceptValue(options.format)))
        headers.append(HTTPHeader(name: "authorization", value: authorization.revealed()))
        let request = HTTPRequest(
            method: method,
            url: url(endpoint, query: PercentEncoding.canonicalQuery(query)),
            headers: headers,
            body: body,
            secretParameterNames: Set(entries.filter(\.isSecret).map(\.name)))
        return (request, signature)
    }

    private static let formContentType = "application/x-www-form-urlencoded"

    private static func acceptValue(_ format: PayloadFormat) -> String {
        switch format {
        case .json: "application/json"
        case .xml: "application/xml"
        }
    }

    /// Builds `scheme://host[:port]/` with `query` already percent-encoded.
    private func url(_ endpoint: Endpoint, query: String) -> URL {
        let text =
            "\(endpoint.scheme)://\(endpoint.hostHeader)/" + (query.isEmpty ? "" : "?\(query)")
        // resolveEndpoint has checked the scheme, host and port, and the query contains only
        // unreserved characters, `%`, `=` and `&`, so the text always parses.
        return URL(string: text)!
    }
}
