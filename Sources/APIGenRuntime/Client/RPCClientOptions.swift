import Foundation

/// The scheme, host and optional port that requests are sent to.
public struct Endpoint: Sendable, Hashable {
    /// `https`, or `http` for a local test server.
    public var scheme: String
    public var host: String
    /// The port, or nil for the scheme's default.
    public var port: Int?

    public init(scheme: String = "https", host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The `Host` header value: the host, followed by `:port` unless the port is unset or the
    /// scheme's default, which is how URLSession and curl send it.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80)
        else {
            return host
        }
        return "\(host):\(port)"
    }
}

extension Endpoint: CustomStringConvertible {
    public var description: String {
        "\(scheme)://\(hostHeader)"
    }
}

/// The settings with which an ``RPCClient`` signs, sends and decodes requests.
public struct RPCClientOptions: Sendable {
    /// The signature method. Default: ``SignatureVersion/v3``, which the vendor recommends in
    /// place of V2 and which also signs a hash of the body.
    public var signatureVersion: SignatureVersion

    /// The response format requested and decoded. Default: JSON.
    ///
    /// V2 sends it as the `Format` parameter. V3 sends it as the `Accept` header, since V3 has
    /// no `Format` parameter.
    public var format: PayloadFormat

    /// The HTTP method, or nil to send POST when the action accepts it and the action's
    /// preferred method otherwise. POST carries the parameters in an
    /// `application/x-www-form-urlencoded` body, so a password never appears in a URL. GET
    /// puts every parameter, secrets included, in the URL.
    public var method: HTTPMethod?

    /// The endpoint to send to in place of the product's endpoint for the region, such as a
    /// test server at `http://127.0.0.1:8080`. Default: nil.
    public var endpoint: Endpoint?

    /// The bounds that response bodies are parsed within. Default: ``DecodingLimits/default``.
    public var decodingLimits: DecodingLimits

    /// The source of the `Timestamp` or `x-acs-date` value. Default: the system clock.
    public var clock: @Sendable () -> Date

    /// The source of the `SignatureNonce` or `x-acs-signature-nonce` value, which must differ
    /// for every request because the server rejects a repeated nonce. Default:
    /// ``SignatureNonce/random()``.
    public var nonce: @Sendable () -> String

    public init(
        signatureVersion: SignatureVersion = .v3,
        format: PayloadFormat = .json,
        method: HTTPMethod? = nil,
        endpoint: Endpoint? = nil,
        decodingLimits: DecodingLimits = .default,
        clock: @escaping @Sendable () -> Date = { Date() },
        nonce: @escaping @Sendable () -> String = { SignatureNonce.random() }
    ) {
        self.signatureVersion = signatureVersion
        self.format = format
        self.method = method
        self.endpoint = endpoint
        self.decodingLimits = decodingLimits
        self.clock = clock
        self.nonce = nonce
    }
}
