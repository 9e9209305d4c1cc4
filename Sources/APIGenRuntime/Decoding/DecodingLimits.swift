/// Bounds that a response body must stay within before and while it is parsed.
///
/// The defaults leave room for every documented response of the vendor's RPC APIs, whose
/// largest list pages are well under a megabyte, while keeping a hostile body from using much
/// memory or stack. Pass other values to a decoder to change them.
public struct DecodingLimits: Sendable, Hashable {
    /// The largest body accepted, in bytes. Default: 8 MiB.
    public var maxBodyBytes: Int

    /// The deepest nesting of XML elements or JSON containers accepted, the root counted as 1.
    /// Default: 64.
    public var maxDepth: Int

    /// The longest JSON number literal accepted, in characters. Default: 64.
    public var maxNumberLength: Int

    public init(maxBodyBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxNumberLength: Int = 64)
    {
        self.maxBodyBytes = maxBodyBytes
        self.maxDepth = maxDepth
        self.maxNumberLength = maxNumberLength
    }

    /// The default limits.
    public static let `default` = DecodingLimits()
}
