/// Bounds that a response body must stay within before and while it is parsed.
///
/// The defaults leave room for every documented response of the vendor's RPC APIs, whose
/// largest list pages are well under a megabyte, while keeping a hostile body from using much
/// memory or stack. Pass other values to a decoder to change them. A body that breaks a limit
/// fails with ``ResponseDecodingError/limitExceeded(limit:value:)``, which names the limit
/// and the value in force.
public struct DecodingLimits: Sendable, Hashable {
    /// The largest body accepted, in bytes, checked before parsing starts. Default: 8 MiB.
    public var maxBodyBytes: Int

    /// The deepest nesting of XML elements or JSON containers accepted, the root counted as 1.
    /// Default: 64. Values above ``maxSupportedDepth`` act as ``maxSupportedDepth``.
    public var maxDepth: Int

    /// The longest JSON number literal accepted, in characters. Default: 64.
    public var maxNumberLength: Int

    /// The deepest nesting that a decoder accepts whatever ``maxDepth`` says: 256.
    ///
    /// libxml2 2.9 stops at 256 nested elements unless `XML_PARSE_HUGE` is set, which this
    /// package never sets. JSON gets the same bound so that both formats accept the same
    /// nesting, although its parser keeps open containers on the heap, not the stack.
    public static let maxSupportedDepth = 256

    public init(maxBodyBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxNumberLength: Int = 64)
    {
        self.maxBodyBytes = maxBodyBytes
        self.maxDepth = maxDepth
        self.maxNumberLength = maxNumberLength
    }

    /// The default limits.
    public static let `default` = DecodingLimits()

    /// The depth limit that the parsers apply and that their errors report.
    var effectiveMaxDepth: Int {
        min(maxDepth, Self.maxSupportedDepth)
    }
}
