/// The signature method that requests are signed with.
public enum SignatureVersion: String, Sendable, Hashable, CaseIterable {
    /// ``RPCSignatureV2``: HMAC-SHA1, with the signature and every common parameter sent as
    /// request parameters. The vendor lists it as discontinued in favour of V3 but still
    /// documents it for RPC APIs.
    case v2

    /// ``ACS3Signature``: HMAC-SHA256 over the method, query, headers and body hash, sent in
    /// the `Authorization` header.
    case v3
}
