import Foundation

/// The vendor's RPC signature method V2: HMAC-SHA1 over the sorted, encoded parameters.
///
/// Requests signed this way carry `SignatureMethod=HMAC-SHA1` and `SignatureVersion=1.0`, and
/// the base64 signature travels as the `Signature` parameter, which is not itself signed.
public enum RPCSignatureV2 {
    /// The `SignatureMethod` value.
    public static let signatureMethod = "HMAC-SHA1"

    /// The `SignatureVersion` value.
    public static let signatureVersion = "1.0"

    /// Returns `METHOD&%2F&` followed by the percent-encoded canonical query of `parameters`.
    ///
    /// `parameters` are every parameter sent except `Signature`, common ones included.
    public static func stringToSign(
        method: HTTPMethod,
        parameters: [(name: String, value: String)]
    ) -> String {
        let query = PercentEncoding.canonicalQuery(parameters)
        return "\(method.rawValue)&\(PercentEncoding.encode("/"))&\(PercentEncoding.encode(query))"
    }

    /// Returns the base64 HMAC-SHA1 of `stringToSign` under the key `accessKeySecret&`.
    public static func signature(stringToSign: String, accessKeySecret: Secret) -> Secret {
        let key = Array((accessKeySecret.revealed() + "&").utf8)
        let digest = Digest.hmacSHA1(key: key, data: Array(stringToSign.utf8))
        return Secret(Data(digest).base64EncodedString())
    }
}
