extension ActionResponse {
    /// Decodes the response from an XML body, such as `<ModifyPWByDomainResponse>…`.
    public init(xml body: some Collection<UInt8>, limits: DecodingLimits = .default)
        throws(ResponseDecodingError)
    {
        try self.init(from: XMLPayloadParser.parse(body, limits: limits))
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
