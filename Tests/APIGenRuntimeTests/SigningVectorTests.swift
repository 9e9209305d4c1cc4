import APIGenRuntime
import Foundation
import Testing

/// The published known-answer vectors, read from the copy in `Vectors/`.
struct SigningVectors: Decodable {
    struct Encoding: Decodable {
        var input: String
        var expected: String
    }

    struct V2: Decodable {
        var name: String
        var method: String
        var accessKeySecret: String
        var parameters: [String: String]
        var stringToSign: String
        var signature: String
    }

    struct V3: Decodable {
        var name: String
        var method: String
        var pathname: String
        var query: [String: String]
        var headers: [String: String]
        var body: String
        var accessKeyId: String
        var accessKeySecret: String
        var hashedCanonicalRequest: String
        var signature: String
    }

    var percentEncoding: [Encoding]
    var v2HmacSha1: [V2]
    var v3AcsHmacSha256: [V3]

    static func load() throws -> SigningVectors {
        let url = try #require(
            Bundle.module.url(
                forResource: "signing-vectors", withExtension: "json", subdirectory: "Vectors"))
        return try JSONDecoder().decode(SigningVectors.self, from: Data(contentsOf: url))
    }
}

@Suite("Signing known answers")
struct SigningVectorTests {
    @Test func vectorFileHasEveryKind() throws {
        let vectors = try SigningVectors.load()
        #expect(!vectors.percentEncoding.isEmpty)
        #expect(!vectors.v2HmacSha1.isEmpty)
        #expect(!vectors.v3AcsHmacSha256.isEmpty)
    }

    @Test func percentEncodingMatchesVectors() throws {
        for vector in try SigningVectors.load().percentEncoding {
            #expect(
                PercentEncoding.encode(vector.input) == vector.expected, "input \(vector.input)")
        }
    }

    @Test func v2StringToSignMatchesVectors() throws {
        for vector in try SigningVectors.load().v2HmacSha1 {
            let method = try #require(HTTPMethod(rawValue: vector.method))
            let pairs = vector.parameters.map { (name: $0.key, value: $0.value) }
            let stringToSign = RPCSignatureV2.stringToSign(method: method, parameters: pairs)
            #expect(stringToSign == vector.stringToSign, "vector \(vector.name)")
        }
    }

    @Test func v2SignatureMatchesVectors() throws {
        for vector in try SigningVectors.load().v2HmacSha1 {
            let signature = RPCSignatureV2.signature(
                stringToSign: vector.stringToSign, accessKeySecret: Secret(vector.accessKeySecret))
            #expect(signature.revealed() == vector.signature, "vector \(vector.name)")
        }
    }

    @Test func v3CanonicalRequestMatchesVectors() throws {
        for vector in try SigningVectors.load().v3AcsHmacSha256 {
            let canonical = try Self.canonicalRequest(vector)
            #expect(
                ACS3Signature.hashedCanonicalRequest(canonical) == vector.hashedCanonicalRequest,
                "vector \(vector.name)")
            #expect(
                ACS3Signature.hashedPayload(Array(vector.body.utf8))
                    == vector.headers["x-acs-content-sha256"])
            #expect(
                canonical.signedHeaders
                    == "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
            )
        }
    }

    @Test func v3StringToSignAndSignatureMatchVectors() throws {
        for vector in try SigningVectors.load().v3AcsHmacSha256 {
            let canonical = try Self.canonicalRequest(vector)
            let stringToSign = ACS3Signature.stringToSign(canonical)
            #expect(stringToSign == "ACS3-HMAC-SHA256\n\(vector.hashedCanonicalRequest)")
            let signature = ACS3Signature.signature(
                stringToSign: stringToSign, accessKeySecret: Secret(vector.accessKeySecret))
            #expect(signature.revealed() == vector.signature, "vector \(vector.name)")
            let authorization = ACS3Signature.authorization(
                accessKeyId: vector.accessKeyId, signedHeaders: canonical.signedHeaders,
                signature: signature)
            #expect(
                authorization.revealed()
                    == "ACS3-HMAC-SHA256 Credential=\(vector.accessKeyId),SignedHeaders="
                    + "\(canonical.signedHeaders),Signature=\(vector.signature)")
        }
    }

    private static func canonicalRequest(_ vector: SigningVectors.V3) throws
        -> ACS3Signature.CanonicalRequest
    {
        let method = try #require(HTTPMethod(rawValue: vector.method))
        let hashedPayload = try #require(vector.headers["x-acs-content-sha256"])
        return ACS3Signature.canonicalRequest(
            method: method,
            pathname: vector.pathname,
            query: vector.query.map { (name: $0.key, value: $0.value) },
            signedHeaders: vector.headers.map { (name: $0.key, value: $0.value) },
            hashedPayload: hashedPayload)
    }
}

@Suite("Percent-encoding")
struct PercentEncodingTests {
    @Test(arguments: [
        ("", ""),
        ("AZaz09-_.~", "AZaz09-_.~"),
        (" ", "%20"),
        ("*", "%2A"),
        ("+", "%2B"),
        ("%", "%25"),
        ("%20", "%2520"),
        ("/", "%2F"),
        ("=&", "%3D%26"),
        (":", "%3A"),
        ("é", "%C3%A9"),
        ("😀", "%F0%9F%98%80"),
        ("\n", "%0A"),
    ])
    func encodingEdgeCase(input: String, expected: String) {
        #expect(PercentEncoding.encode(input) == expected)
    }

    @Test func encodingUsesUpperCaseHex() {
        let encoded = PercentEncoding.encode("\u{00FF}\u{00AB}")
        #expect(encoded == "%C3%BF%C2%AB")
    }

    @Test func decodingReversesEncoding() {
        for text in ["中 文+~*", "a=b&c", "%41", "😀 é"] {
            #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
        }
    }

    @Test func decodingRejectsMalformedEscapes() {
        #expect(PercentEncoding.decode("%") == nil)
        #expect(PercentEncoding.decode("%4") == nil)
        #expect(PercentEncoding.decode("%GG") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
    }

    @Test func canonicalQuerySortsByEncodedBytes() {
        let query = PercentEncoding.canonicalQuery([
            (name: "b", value: "2"), (name: "B", value: "1"), (name: "a b", value: "x y"),
            (name: "a", value: "*"),
        ])
        #expect(query == "B=1&a=%2A&a%20b=x%20y&b=2")
    }

    @Test func canonicalQueryKeepsOrderOfRepeatedNames() {
        let query = PercentEncoding.canonicalQuery([
            (name: "k", value: "2"), (name: "k", value: "1"),
        ])
        #expect(query == "k=2&k=1")
    }
}

@Suite("Timestamps and nonces")
struct TimestampTests {
    @Test func timestampIsUTCWithoutFraction() {
        let date = Date(timeIntervalSince1970: 1_678_696_470.75)
        #expect(SigningTimestamp.format(date) == "2023-03-13T08:34:30Z")
    }

    @Test func timestampPadsSmallFields() {
        let date = Date(timeIntervalSince1970: 0)
        #expect(SigningTimestamp.format(date) == "1970-01-01T00:00:00Z")
    }

    @Test func nonceIsRandomHex() {
        let first = SignatureNonce.random()
        let second = SignatureNonce.random()
        #expect(first.count == 32)
        #expect(first.allSatisfy { $0.isHexDigit })
        #expect(!first.contains { $0.isUppercase })
        #expect(first != second)
    }
}
