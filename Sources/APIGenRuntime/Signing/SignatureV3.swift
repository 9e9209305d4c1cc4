/// The vendor's signature method V3, `ACS3-HMAC-SHA256`, which signs a canonical request
/// made of the method, path, query, chosen headers and the SHA-256 of the body.
public enum ACS3Signature {
    /// The algorithm name, which starts both the string to sign and the `Authorization` value.
    public static let algorithm = "ACS3-HMAC-SHA256"

    /// The parts of a canonical request, kept apart so that tests and tools can show each one.
    public struct CanonicalRequest: Sendable, Hashable {
        public var method: HTTPMethod
        public var pathname: String
        public var canonicalQuery: String
        /// Each signed header as `name:value\n`, names in lower case and sorted.
        public var canonicalHeaders: String
        /// The signed header names in lower case, sorted and joined with `;`.
        public var signedHeaders: String
        /// The lower-case hexadecimal SHA-256 of the body.
        public var hashedPayload: String

        /// The text that is hashed: the six parts joined with line feeds.
        public var text: String {
            [
                method.rawValue, pathname, canonicalQuery, canonicalHeaders, signedHeaders,
                hashedPayload,
            ].joined(separator: "\n")
        }
    }

    /// Builds the canonical request from the query parameters and the headers to sign.
    ///
    /// Header names are lower-cased and values trimmed of spaces and tabs at both ends.
    /// `pathname` is used as given, so pass `/` for an RPC action.
    public static func canonicalRequest(
        method: HTTPMethod,
        pathname: String,
        query: [(name: String, value: String)],
        signedHeaders headers: [(name: String, value: String)],
        hashedPayload: String
    ) -> CanonicalRequest {
        let normalized =
            headers
            .map { (name: $0.name.lowercased(), value: trimmed($0.value)) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return CanonicalRequest(
            method: method,
            pathname: pathname,
            canonicalQuery: PercentEncoding.canonicalQuery(query),
            canonicalHeaders: normalized.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders: normalized.map(\.name).joined(separator: ";"),
            hashedPayload: hashedPayload
        )
    }

    /// Returns the lower-case hexadecimal SHA-256 of a body, the `x-acs-content-sha256` value.
    public static func hashedPayload(_ body: some Collection<UInt8>) -> String {
        Digest.hex(Digest.sha256(body))
    }

    /// Returns the lower-case hexadecimal SHA-256 of the canonical request's text.
    public static func hashedCanonicalRequest(_ request: CanonicalRequest) -> String {
        Digest.hex(Digest.sha256(Array(request.text.utf8)))
    }

    /// Returns `ACS3-HMAC-SHA256\n` followed by the hashed canonical request.
    public static func stringToSign(_ request: CanonicalRequest) -> String {
        "\(algorithm)\n\(hashedCanonicalRequest(request))"
    }

    /// Returns the lower-case hexadecimal HMAC-SHA256 of `stringToSign` under the secret.
    public static func signature(stringToSign: String, accessKeySecret: Secret) -> Secret {
        let key = Array(accessKeySecret.revealed().utf8)
        return Secret(Digest.hex(Digest.hmacSHA256(key: key, data: Array(stringToSign.utf8))))
    }

    /// Returns the `Authorization` header value, a secret because it contains the signature.
    public static func authorization(
        accessKeyId: String,
        signedHeaders: String,
        signature: Secret
    ) -> Secret {
        Secret(
            "\(algorithm) Credential=\(accessKeyId),SignedHeaders=\(signedHeaders)"
                + ",Signature=\(signature.revealed())")
    }

    private static func trimmed(_ value: String) -> String {
        var scalars = Substring(value)
        while let first = scalars.first, first == " " || first == "\t" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
