import Foundation

extension RPCClient {
    /// Turns a response into the action's response value or the matching ``CallError``.
    func interpret<Request: ActionRequest>(
        _ response: HTTPResponse,
        for type: Request.Type,
        scrubber: SecretScrubber
    ) throws(CallError<Request.ErrorCode>) -> Request.Response {
        if (200..<300).contains(response.status) {
            return try decodeSuccess(response, for: type, scrubber: scrubber)
        }
        guard let format = Self.bodyFormat(of: response) else {
            let reason =
                response.body.isEmpty
                ? "the error response has an empty body"
                : "the error response is neither XML nor JSON"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
        do {
            let body = try ServiceErrorBody.decode(
                response.body, format: format, limits: options.decodingLimits)
            throw CallError<Request.ErrorCode>.service(
                serviceError(body, response, scrubber: scrubber))
        } catch let error as CallError<Request.ErrorCode> {
            throw error
        } catch {
            let reason = "the error body could not be decoded: \(error)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
    }

    private func decodeSuccess<Request: ActionRequest>(
        _ response: HTTPResponse,
        for type: Request.Type,
        scrubber: SecretScrubber
    ) throws(CallError<Request.ErrorCode>) -> Request.Response {
        let payload: PayloadObject
        do {
            payload = try Self.parse(
                response.body, format: options.format, limits: options.decodingLimits)
        } catch {
            let reason =
                "the success body could not be parsed as \(options.format.rawValue): \(error)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }

        // A documented error code in a 2xx body still means the call failed. `Code: OK` and
        // any undocumented code fall through to the action's own decoding.
        if let code = try? payload.decodeIfPresent(String.self, forKey: "Code"),
            Request.ErrorCode(wireValue: code).meaning != nil,
            let body = try? ServiceErrorBody(from: payload)
        {
            throw .service(serviceError(body, response, scrubber: scrubber))
        }

        do {
            return try Request.Response(from: payload)
        } catch {
            let reason = "the success body does not match the \(Request.action) response: \(error)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
    }

    private static func parse(
        _ body: Data,
        format: PayloadFormat,
        limits: DecodingLimits
    ) throws(ResponseDecodingError) -> PayloadObject {
        switch format {
        case .xml: try XMLPayloadParser.parse(body, limits: limits)
        case .json: try JSONPayloadParser.parse(body, limits: limits)
        }
    }

    /// Returns a body's format from `Content-Type` or, unless that names HTML, from its first
    /// character that is not white space or a byte-order mark: `<` for XML, `{` for JSON.
    static func bodyFormat(of response: HTTPResponse) -> PayloadFormat? {
        if let contentType = response.contentType?.lowercased() {
            if contentType.contains("json") {
                return .json
            }
            if contentType.contains("xml") {
                return .xml
            }
            // An HTML page starts with `<` too, but is never the vendor's error body.
            if contentType.contains("html") {
                return nil
            }
        }
        let first = response.body.first {
            ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0)
        }
        switch first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"): return .json
        default: return nil
        }
    }

    private func serviceError<Code: ServiceErrorCode>(
        _ body: ServiceErrorBody,
        _ response: HTTPResponse,
        scrubber: SecretScrubber
    ) -> ServiceError<Code> {
        var body = body
        // A server or proxy may echo the request in its message.
        body.message = body.message.map(scrubber.scrub)
        if body.requestId == nil {
            body.requestId = response.headers.value(named: "x-acs-request-id")
        }
        return ServiceError(body: body, httpStatus: response.status)
    }

    private func unexpected(
        _ response: HTTPResponse,
        reason: String,
        scrubber: SecretScrubber
    ) -> UnexpectedResponse {
        // Secrets are replaced before the body is cut, so that a cut cannot leave part of one.
        let text = scrubber.scrub(String(decoding: response.body, as: UTF8.self))
        var prefix = ""
        var byteCount = 0
        for character in text {
            byteCount += character.utf8.count
            if byteCount > UnexpectedResponse.bodyPrefixByteLimit {
                break
            }
            prefix.append(character)
        }
        return UnexpectedResponse(
            httpStatus: response.status,
            contentType: response.contentType,
            requestId: requestId(in: response),
            bodyPrefix: prefix,
            bodyByteCount: response.body.count,
            reason: scrubber.scrub(reason))
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
