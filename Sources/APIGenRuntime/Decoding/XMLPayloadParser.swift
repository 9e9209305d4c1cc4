import CLibXML2

/// Parses an XML response body into a ``PayloadObject`` with libxml2's SAX2 push parser.
///
/// The parser is set up so that a body can never make it read a file or the network:
/// `XML_PARSE_NONET` is set, entity substitution, DTD loading and `XML_PARSE_HUGE` are never
/// enabled, and a document type declaration stops the parse with
/// ``ResponseDecodingError/documentTypeDeclaration(line:column:)`` before any entity it
/// declares can be used. Text of an element is the join of all its character and CDATA
/// sections, trimmed of XML white space at both ends, with entity and character references
/// decoded. Attributes and namespace prefixes are ignored.
public enum XMLPayloadParser {
    /// Parses `body`, returning the root element's content as an object whose path is the
    /// root element's name.
    public static func parse(
        _ body: some Collection<UInt8>,
        limits: DecodingLimits = .default
    ) throws(ResponseDecodingError) -> PayloadObject {
        guard body.count <= limits.maxBodyBytes else {
            throw .limitExceeded(limit: "maxBodyBytes", value: limits.maxBodyBytes)
        }
        let parsed = body.withContiguousStorageIfAvailable { buffer in
            parseBuffer(UnsafeRawBufferPointer(buffer), limits: limits)
        }
        let result = parsed ?? Array(body).withUnsafeBytes { parseBuffer($0, limits: limits) }
        return try result.get()
    }

    private static func parseBuffer(
        _ buffer: UnsafeRawBufferPointer,
        limits: DecodingLimits
    ) -> Result<PayloadObject, ResponseDecodingError> {
        libxml2Initialized.touch()
        let builder = XMLTreeBuilder(maxDepth: limits.maxDepth)
        var handler = makeHandler()
        let context = Unmanaged.passUnretained(builder).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else {
            return .failure(
                .malformed(
                    format: .xml, line: 0, column: 0, reason: "libxml2 could not create a parser"))
        }
        defer { xmlFreeParserCtxt(parser) }
        builder.parser = parser
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue)
        xmlCtxtUseOptions(parser, options)

        let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
        let status = withExtendedLifetime(builder) {
            xmlParseChunk(parser, base, Int32(buffer.count), 1)
        }
        if let failure = builder.failure {
            return .failure(failure)
        }
        if status != 0 || parser.pointee.wellFormed == 0 {
            return .failure(lastError(of: parser))
        }
        guard let root = builder.root else {
            return .failure(
                .malformed(format: .xml, line: 0, column: 0, reason: "the body has no root element")
            )
        }
        return .success(root)
    }

    private static func lastError(of parser: xmlParserCtxtPtr) -> ResponseDecodingError {
        let error = parser.pointee.lastError
        var reason = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        reason = reason.trimmingXMLWhitespace()
        if reason.isEmpty {
            reason = "libxml2 error \(error.code)"
        }
        return .malformed(
            format: .xml, line: Int(error.line), column: Int(error.int2), reason: reason)
    }

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, _, _, _, _, _, _ in
            XMLTreeBuilder.from(context).startElement(localName)
        }
        handler.endElementNs = { context, _, _, _ in
            XMLTreeBuilder.from(context).endElement()
        }
        handler.characters = { context, bytes, length in
            XMLTreeBuilder.from(context).appendText(bytes, Int(length))
        }
        handler.cdataBlock = { context, bytes, length in
            XMLTreeBuilder.from(context).appendText(bytes, Int(length))
        }
        handler.internalSubset = { context, _, _, _ in
            XMLTreeBuilder.from(context).rejectDocumentType()
        }
        handler.externalSubset = { context, _, _, _ in
            XMLTreeBuilder.from(context).rejectDocumentType()
        }
        // Without a DTD only the five predefined entities exist, and libxml2 resolves those
        // itself before it asks this callback, so any other name is left undefined.
        handler.getEntity = { _, _ in nil }
        return handler
    }
}

/// Calls `xmlInitParser` once per process, which libxml2 requires before parsing on more
/// than one thread.
private let libxml2Initialized = LibXML2Initializer()

private final class LibXML2Initializer: Sendable {
    init() {
        xmlInitParser()
    }

    func touch() {}
}

/// The SAX callbacks' state: a stack of open elements that becomes the payload tree.
private final class XMLTreeBuilder {
    struct Frame {
        var name: String
        var fields: [PayloadField] = []
        var text: [UInt8] = []
    }

    let maxDepth: Int
    var parser: xmlParserCtxtPtr?
    var stack: [Frame] = []
    var root: PayloadObject?
    var failure: ResponseDecodingError?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
        stack.reserveCapacity(8)
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> XMLTreeBuilder {
        Unmanaged<XMLTreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    func startElement(_ localName: UnsafePointer<xmlChar>?) {
        guard failure == nil else { return }
        if stack.count >= maxDepth {
            stop(with: .limitExceeded(limit: "maxDepth", value: maxDepth))
            return
        }
        let name = localName.map { String(cString: $0) } ?? ""
        stack.append(Frame(name: name))
    }

    func endElement() {
        guard failure == nil, let frame = stack.popLast() else { return }
        if stack.isEmpty {
            root = PayloadObject(format: .xml, path: frame.name, fields: frame.fields)
            return
        }
        let value: PayloadValue
        if frame.fields.isEmpty {
            value = .string(String(decoding: frame.text, as: UTF8.self).trimmingXMLWhitespace())
        } else {
            value = .object(PayloadObject(format: .xml, path: "", fields: frame.fields))
        }
        stack[stack.count - 1].fields.append(PayloadField(name: frame.name, value: value))
    }

    func appendText(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        guard failure == nil, let bytes, length > 0, !stack.isEmpty else { return }
        stack[stack.count - 1].text.append(
            contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }

    func rejectDocumentType() {
        guard failure == nil, let parser else { return }
        let line = Int(xmlSAX2GetLineNumber(parser))
        let column = Int(xmlSAX2GetColumnNumber(parser))
        stop(with: .documentTypeDeclaration(line: line, column: column))
    }

    private func stop(with error: ResponseDecodingError) {
        failure = error
        if let parser {
            xmlStopParser(parser)
        }
    }
}

extension String {
    /// Returns the string without XML white space (space, tab, line feed, carriage return) at
    /// either end.
    func trimmingXMLWhitespace() -> String {
        let scalars = unicodeScalars
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) {
            return self
        }
        return String(scalars[first...last])
    }
}
