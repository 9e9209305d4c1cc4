import Foundation

/// One HTTP header field, its name as given.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension [HTTPHeader] {
    /// Returns the value of the first header named `name`, compared case-insensitively.
    public func value(named name: String) -> String? {
        let lowered = name.lowercased()
        return first { $0.name.lowercased() == lowered }?.value
    }
}

/// A request ready to send: method, URL, headers and body, all signed.
///
/// `description` shows it the way a command-line tool would print a dry run, with the value of
/// every secret parameter in the query or form body replaced by `<redacted>`, the signature
/// inside `Authorization` replaced, every header in ``secretHeaderNames`` replaced, and the
/// body's hash in `x-acs-content-sha256` replaced when the request has secret parameters.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: [HTTPHeader]
    public var body: Data

    /// Parameters whose values `description` hides, such as `Password` and `Signature`.
    public var secretParameterNames: Set<String>

    /// Headers whose values `description` hides, compared in lower case.
    public var secretHeaderNames: Set<String>

    /// The headers that are always hidden: `authorization` (only its signature) and
    /// `x-acs-security-token`.
    public static let defaultSecretHeaderNames: Set<String> = [
        "authorization", "x-acs-security-token",
    ]

    public init(
        method: HTTPMethod,
        url: URL,
        headers: [HTTPHeader] = [],
        body: Data = Data(),
        secretParameterNames: Set<String> = [],
        secretHeaderNames: Set<String> = HTTPRequest.defaultSecretHeaderNames
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.secretParameterNames = secretParameterNames
        self.secretHeaderNames = secretHeaderNames
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible {
    /// The request line, one line per header and, after a blank line, the form body.
    public var description: String {
        var lines = ["\(method.rawValue) \(redactedURL)"]
        for header in headers {
            lines.append("\(header.name): \(redactedValue(of: header))")
        }
        if !body.isEmpty {
            lines.append("")
            lines.append(redactedForm(String(decoding: body, as: UTF8.self)))
        }
        return lines.joined(separator: "\n")
    }

    public var debugDescription: String {
        description
    }

    private var redactedURL: String {
        let text = url.absoluteString
        guard let mark = text.firstIndex(of: "?") else {
            return text
        }
        let query = String(text[text.index(after: mark)...])
        return text[..<mark] + "?" + redactedForm(query)
    }

    /// Replaces the value of each secret parameter in `name=value&...` text, which is either a
    /// query or an `application/x-www-form-urlencoded` body.
    private func redactedForm(_ form: String) -> String {
        let pairs = form.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else {
                return String(pair)
            }
            let rawName = String(pair[..<equals])
            let name = PercentEncoding.decode(rawName.replacingOccurrences(of: "+", with: " "))
            if let name, !secretParameterNames.contains(name) {
                return String(pair)
            }
            // A name that does not decode is hidden too, because it cannot be checked.
            return "\(rawName)=\(Secret.redactedText)"
        }
        return pairs.joined(separator: "&")
    }

    private func redactedValue(of header: HTTPHeader) -> String {
        let name = header.name.lowercased()
        // The body's SHA-256 is unkeyed, so anyone holding it could test guesses of a secret
        // parameter offline. It is hidden whenever the request has secret parameters.
        if name == "x-acs-content-sha256" && !secretParameterNames.isEmpty && !body.isEmpty {
            return Secret.redactedText
        }
        guard secretHeaderNames.contains(name) else {
            return header.value
        }
        if name == "authorization", let range = header.value.range(of: "Signature=") {
            return header.value[..<range.upperBound] + Secret.redactedText
        }
        return Secret.redactedText
    }
}

extension HTTPRequest: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}

/// A response as the transport received it.
public struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status code, such as 200.
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Data

    public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The `Content-Type` header, or nil when the response has none.
    public var contentType: String? {
        headers.value(named: "Content-Type")
    }
}

extension HTTPResponse: CustomStringConvertible {
    /// The status, content type and body size; the body itself is left out.
    public var description: String {
        "HTTP \(status), content type \(contentType ?? "none"), \(body.count) body bytes"
    }
}
