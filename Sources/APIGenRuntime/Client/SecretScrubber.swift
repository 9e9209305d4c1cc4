import Foundation

/// Replaces known secret values in text that came from outside the client's control, such
/// as a transport's error message or a response body that echoes the request.
///
/// A server can echo a secret in many encodings, so the scrubber works in two steps.
/// ``scrub(_:)`` replaces the textual forms it can predict: the raw value, percent-encoding
/// with upper- or lower-case digits and `+` for a space, XML escaping and JSON escaping.
/// ``containsSecret(_:)`` then decodes the text the ways a server may have encoded it, and
/// a caller withholds any text for which it returns true.
struct SecretScrubber: Sendable {
    /// The secrets' raw values, longest first.
    private let secrets: [[UInt8]]

    /// The textual forms that ``scrub(_:)`` replaces, longest first so that a form containing
    /// another is replaced whole.
    private let forms: [String]

    /// How many times ``containsSecret(_:)`` decodes a decoded form again, which covers a
    /// secret encoded twice, such as percent-encoded and then JSON-escaped.
    private static let decodingRounds = 2

    /// Keeps every non-empty value.
    init(secrets: [String]) {
        let values = Set(secrets.filter { !$0.isEmpty })
        self.secrets = values.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var forms = Set<String>()
        for value in values {
            forms.formUnion(Self.textualForms(of: value))
        }
        self.forms = forms.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// The UTF-8 byte count of the longest secret, or 0 when there is none.
    var maxSecretByteCount: Int {
        secrets.first?.count ?? 0
    }

    /// Returns `text` with each textual form of each secret replaced by `<redacted>`.
    func scrub(_ text: String) -> String {
        var result = text
        for form in forms {
            result = result.replacingOccurrences(of: form, with: Secret.redactedText)
        }
        return result
    }

    /// Returns whether `text`, or any form of it decoded by percent-decoding (with or without
    /// `+` for a space), XML entity decoding or JSON unescaping, contains a secret.
    func containsSecret(_ text: String) -> Bool {
        guard !secrets.isEmpty else {
            return false
        }
        var seen: Set<[UInt8]> = [Array(text.utf8)]
        var frontier = Array(seen)
        for _ in 0...Self.decodingRounds {
            for form in frontier where secrets.contains(where: { form.firstRange(of: $0) != nil }) {
                return true
            }
            var next: [[UInt8]] = []
            for form in frontier {
                let decoded = [
                    TextDecoding.percentDecoded(form, plusIsSpace: false),
                    TextDecoding.percentDecoded(form, plusIsSpace: true),
                    TextDecoding.entityDecoded(form),
                    TextDecoding.jsonUnescaped(form),
                ]
                for candidate in decoded.compactMap({ $0 }) where seen.insert(candidate).inserted {
                    next.append(candidate)
                }
            }
            frontier = next
        }
        return false
    }

    /// Returns `text` scrubbed, or `withheld` when a decoded form of the scrubbed text still
    /// contains a secret.
    func sanitize(_ text: String, withheld: String) -> String {
        let scrubbed = scrub(text)
        return containsSecret(scrubbed) ? withheld : scrubbed
    }

    /// Returns the forms in which a value may appear in a URL, a form body, XML or JSON.
    private static func textualForms(of value: String) -> Set<String> {
        let upper = PercentEncoding.encode(value)
        let lower = lowercasingPercentDigits(upper)
        var forms: Set<String> = [value, upper, lower]
        forms.insert(upper.replacingOccurrences(of: "%20", with: "+"))
        forms.insert(lower.replacingOccurrences(of: "%20", with: "+"))
        forms.insert(xmlEscaped(value, numeric: false))
        forms.insert(xmlEscaped(value, numeric: true))
        for escapesSlash in [false, true] {
            for upperHex in [false, true] {
                forms.insert(jsonEscaped(value, escapesSlash: escapesSlash, upperHex: upperHex))
            }
        }
        return forms
    }

    /// Lower-cases the two hexadecimal digits after each `%`.
    private static func lowercasingPercentDigits(_ text: String) -> String {
        var output: [UInt8] = []
        var digitsLeft = 0
        for byte in text.utf8 {
            if digitsLeft > 0, (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) {
                output.append(byte + 0x20)
            } else {
                output.append(byte)
            }
            digitsLeft = byte == UInt8(ascii: "%") ? 2 : max(digitsLeft - 1, 0)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes `& < > " '` as named entities or as decimal character references.
    private static func xmlEscaped(_ text: String, numeric: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += numeric ? "&#38;" : "&amp;"
            case "<": output += numeric ? "&#60;" : "&lt;"
            case ">": output += numeric ? "&#62;" : "&gt;"
            case "\"": output += numeric ? "&#34;" : "&quot;"
            case "'": output += numeric ? "&#39;" : "&apos;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escapes `"` and `\`, optionally `/`, and control characters as `\uXXXX`.
    private static func jsonEscaped(_ text: String, escapesSlash: Bool, upperHex: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/" where escapesSlash: output += "\\/"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: upperHex)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
