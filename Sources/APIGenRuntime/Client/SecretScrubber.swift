import Foundation

/// Replaces known secret values in text that came from outside the client's control, such
/// as a transport's error message or a response body that echoes the request.
struct SecretScrubber: Sendable {
    private let secrets: [String]

    /// Keeps every non-empty value, longest first so that a secret containing another is
    /// replaced whole.
    init(secrets: [String]) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// Returns `text` with each secret replaced by `<redacted>`, both as it is and in the
    /// percent-encoded forms that a URL or form body carries.
    func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets {
            let encoded = PercentEncoding.encode(secret)
            let forms = [secret, encoded, encoded.replacingOccurrences(of: "%20", with: "+")]
            for form in forms {
                result = result.replacingOccurrences(of: form, with: Secret.redactedText)
            }
        }
        return result
    }
}
