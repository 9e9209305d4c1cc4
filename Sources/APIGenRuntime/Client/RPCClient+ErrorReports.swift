import Foundation

/// Building ``ServiceError`` and ``UnexpectedResponse`` values from server text, which may
/// echo the request's secrets in any field and in any encoding.
extension RPCClient {
    /// How many bytes after the body prefix are also searched for an encoded secret, per byte
    /// of the longest secret. Two nested encodings, such as `%5Cu0050` for `P`, take at most
    /// 8 bytes per byte, so 16 leaves a margin.
    static let encodedSecretBytesPerByte = 16

    func serviceError<Code: ServiceErrorCode>(
        _ body: ServiceErrorBody,
        _ response: HTTPResponse,
        scrubber: SecretScrubber
    ) -> ServiceError<Code> {
        var body = body
        if body.requestId == nil {
            body.requestId = response.headers.value(named: "x-acs-request-id")
        }
        // A server or proxy may echo the request in any field, not only in the message.
        let withheld = Secret.withheldText
        body.code = scrubber.sanitize(body.code, withheld: withheld)
        body.message = body.message.map { scrubber.sanitize($0, withheld: withheld) }
        body.requestId = body.requestId.map { scrubber.sanitize($0, withheld: withheld) }
        body.hostId = body.hostId.map { scrubber.sanitize($0, withheld: withheld) }
        body.recommend = body.recommend.map { scrubber.sanitize($0, withheld: withheld) }
        return ServiceError(body: body, httpStatus: response.status)
    }

    func unexpected(
        _ response: HTTPResponse,
        reason: String,
        scrubber: SecretScrubber
    ) -> UnexpectedResponse {
        let withheld = Secret.withheldText
        // NOTE: A decoding error quotes at most 100 characters of a value, so a longer secret
        // that is cut there leaves a part of itself that no check here can recognize.
        let safeReason = scrubber.sanitize(
            reason,
            withheld: "the body could not be decoded, and the reason is withheld because it"
                + " contains a secret from the request")
        return UnexpectedResponse(
            httpStatus: response.status,
            contentType: response.contentType.map { scrubber.sanitize($0, withheld: withheld) },
            requestId: requestId(in: response).map { scrubber.sanitize($0, withheld: withheld) },
            bodyPrefix: Self.bodyPrefix(of: response.body, scrubber: scrubber),
            bodyByteCount: response.body.count,
            reason: safeReason)
    }

    /// Returns the first ``UnexpectedResponse/bodyPrefixByteLimit`` bytes of the body, with
    /// secrets replaced, or ``UnexpectedResponse/withheldBodyPrefix``.
    ///
    /// Secrets are replaced in the whole body before it is cut, so that a cut cannot leave
    /// part of one. The prefix is then decoded every way a server may encode it, together with
    /// the bytes after it that could complete an encoded secret begun inside it. When any
    /// decoded form contains a secret, the whole prefix is withheld, because an encoding that
    /// ``SecretScrubber/scrub(_:)`` did not predict cannot be replaced within the text.
    static func bodyPrefix(of body: Data, scrubber: SecretScrubber) -> String {
        let text = scrubber.scrub(String(decoding: body, as: UTF8.self))
        let windowByteCount =
            UnexpectedResponse.bodyPrefixByteLimit
            + encodedSecretBytesPerByte * scrubber.maxSecretByteCount
        let window = String(decoding: Array(text.utf8.prefix(windowByteCount)), as: UTF8.self)
        if scrubber.containsSecret(window) {
            return UnexpectedResponse.withheldBodyPrefix
        }
        var prefix = ""
        var byteCount = 0
        for character in text {
            byteCount += character.utf8.count
            if byteCount > UnexpectedResponse.bodyPrefixByteLimit {
                break
            }
            prefix.append(character)
        }
        return prefix
    }

    /// Returns the request ID from the `x-acs-request-id` header or, failing that, from the
    /// body's `RequestId` or `RequestID` field when the body parses.
    private func requestId(in response: HTTPResponse) -> String? {
        if let header = response.headers.value(named: "x-acs-request-id") {
            return header
        }
        guard let format = Self.bodyFormat(of: response),
            let object = try? Self.parse(
                response.body, format: format, limits: options.decodingLimits)
        else {
            return nil
        }
        for key in ["RequestId", "RequestID"] {
            if let value = try? object.decodeIfPresent(String.self, forKey: key) {
                return value
            }
        }
        return nil
    }
}
