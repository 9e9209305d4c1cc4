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
        if options.format == .xml {
            try checkRoot(of: payload, response, for: type, scrubber: scrubber)
        }

        // A documented error code in a 2xx body still means the call failed. `Code: OK` and
        // any undocumented code fall through to the action's own decoding.
        if let code = try? payload.decodeIfPresent(String.self, forKey: "Code"),
            Request.ErrorCode(wireValue: code).meaning != nil,
            let body = try? ServiceErrorBody(from: payload)
        {
            throw .service(serviceError(body, response, scrubber: scrubber))
        }

        let decoded: Request.Response
        do {
            decoded = try Request.Response(from: payload)
        } catch {
            // A body that is not the action's response but names an error code is an error.
            if let body = Self.errorBody(in: payload) {
                throw .service(serviceError(body, response, scrubber: scrubber))
            }
            let reason = "the success body does not match the \(Request.action) response: \(error)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
        guard decoded.reportsFailure else {
            return decoded
        }
        if let body = Self.errorBody(in: payload) {
            throw .service(serviceError(body, response, scrubber: scrubber))
        }
        let reason =
            "the \(Request.action) response reports that the call failed, such as with"
            + " \"Success\": false, but names no error code other than OK"
        throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
    }

    /// Checks that an XML success body has the action's root element. A 2xx `<Error>` body is
    /// thrown as ``CallError/service(_:)`` and any other root as
    /// ``CallError/unexpectedResponse(_:)``.
    private func checkRoot<Request: ActionRequest>(
        of payload: PayloadObject,
        _ response: HTTPResponse,
        for type: Request.Type,
        scrubber: SecretScrubber
    ) throws(CallError<Request.ErrorCode>) {
        let expected = Request.Response.xmlRoot
        guard payload.path != expected else {
            return
        }
        guard payload.path == "Error" else {
            let mismatch = ResponseDecodingError.unexpectedRoot(
                expected: expected, found: payload.path)
            let reason =
                "the success body does not match the \(Request.action) response: \(mismatch)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
        let body: ServiceErrorBody
        do {
            body = try ServiceErrorBody(from: payload)
        } catch {
            let reason = "the body is an <Error> element that could not be decoded: \(error)"
            throw .unexpectedResponse(unexpected(response, reason: reason, scrubber: scrubber))
        }
        throw .service(serviceError(body, response, scrubber: scrubber))
    }

    /// Returns the error fields of a payload whose `Code` is present and is not `OK`, the
    /// code of a success, or nil when it has none.
    private static func errorBody(in payload: PayloadObject) -> ServiceErrorBody? {
        guard let code = try? payload.decodeIfPresent(String.self, forKey: "Code"),
            !code.isEmpty, code != "OK"
        else {
            return nil
        }
        return try? ServiceErrorBody(from: payload)
    }

    static func parse(
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
}
