extension ActionResponse {
    /// Decodes the response from an XML body, such as `<ModifyPWByDomainResponse>…`.
    ///
    /// - Throws: ``ResponseDecodingError/unexpectedRoot(expected:found:)`` when the root
    ///   element is not ``ActionResponse/xmlRoot``.
    public init(xml body: some Collection<UInt8>, limits: DecodingLimits = .default)
        throws(ResponseDecodingError)
    {
        let payload = try XMLPayloadParser.parse(body, limits: limits)
        guard payload.path == Self.xmlRoot else {
            throw .unexpectedRoot(expected: Self.xmlRoot, found: payload.path)
        }
        try self.init(from: payload)
    }

    /// Decodes the response from a JSON body.
    public init(json body: some Collection<UInt8>, limits: DecodingLimits = .default)
        throws(ResponseDecodingError)
    {
        try self.init(from: JSONPayloadParser.parse(body, limits: limits))
    }

    /// Decodes the response from a body in the given format.
    public init(
        body: some Collection<UInt8>,
        format: PayloadFormat,
        limits: DecodingLimits = .default
    ) throws(ResponseDecodingError) {
        switch format {
        case .xml: try self.init(xml: body, limits: limits)
        case .json: try self.init(json: body, limits: limits)
        }
    }
}
