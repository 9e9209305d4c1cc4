import CLibXML2

/// Parses an XML response body into a ``PayloadObject`` with libxml2's SAX2 push parser.
///
/// The parser is set up so that a body can never make it read a file or the network.
/// `XML_PARSE_NONET` is set, and entity substitution, DTD loading and `XML_PARSE_HUGE` are
/// never enabled. A document type declaration stops the parse with
/// ``ResponseDecodingError/documentTypeDeclaration(line:column:)`` before any entity it
/// declares can be read or used. Without a DTD only the five predefined entities and
/// character references exist, and libxml2 decodes both.
///
/// The text of an element is the join of all its character and CDATA sections, trimmed of
/// XML white space at both ends. An element with child elements is an object, and text
/// beside its children is discarded. Attributes and namespace prefixes are ignored. Any
/// error from libxml2 fails the whole parse with
/// ``ResponseDecodingError/malformed(format:line:column:reason:)``, never a partial result.
/// `Docs/Decoding.md` describes the mapping in full.
public enum XMLPayloadParser: Sendable {
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

    /// The largest piece handed to one `xmlParseChunk` call, whose length is a C `int`.
    private static let maxChunkBytes = 1 << 30

    private static func parseBuffer(
        _ buffer: UnsafeRawBufferPointer,
        limits: DecodingLimits
    ) -> Result<PayloadObject, ResponseDecodingError> {
        guard buffer.count > 0 else {
            return .failure(
                .malformed(format: .xml, line: 1, column: 1, reason: "the body is empty"))
        }
        libxml2Initialized.touch()
        // The builder is a struct behind a pointer, not a class, so that the callbacks reach
        // its state without reference counting or dynamic exclusivity checks.
        let builder = UnsafeMutablePointer<XMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: XMLTreeBuilder(maxDepth: limits.effectiveMaxDepth))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        var handler = makeHandler()
        let context = UnsafeMutableRawPointer(builder)
        // libxml2 copies the handler into the context, so `handler` may go out of scope.
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else {
            return .failure(
                .malformed(
                    format: .xml, line: 0, column: 0, reason: "libxml2 could not create a parser")
            )
        }
        defer { xmlFreeParserCtxt(parser) }
        builder.pointee.parser = parser
        // xmlCtxtUseOptions also resets entity substitution and DTD loading to off, whatever
        // libxml2's process-wide defaults were set to.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue)
        xmlCtxtUseOptions(parser, options)

        // libxml2 sends every error to this thread's structured error handler when one is
        // set. Without one, it prints the errors that have no parser context, such as a
        // failed encoding conversion, to standard error. libxml2 2.9 keeps the handler per
        // thread, so other threads never see this one, and the previous one is restored.
        let savedErrorHandler = __xmlStructuredError().pointee
        let savedErrorContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(context) { context, error in
            XMLTreeBuilder.from(context).pointee.recordLibraryError(error)
        }
        defer { xmlSetStructuredErrorFunc(savedErrorContext, savedErrorHandler) }

        let status = feed(buffer, to: parser)
        if let failure = builder.pointee.failure {
            return .failure(failure)
        }
        if status != 0 || parser.pointee.wellFormed == 0 {
            return .failure(firstError(of: parser, builder: builder.pointee))
        }
        guard let root = builder.pointee.root else {
            return .failure(
                .malformed(format: .xml, line: 0, column: 0, reason: "the body has no root element")
            )
        }
        return .success(root)
    }

    /// Pushes the whole body and then the end of input, returning libxml2's last status.
    private static func feed(_ buffer: UnsafeRawBufferPointer, to parser: xmlParserCtxtPtr) -> Int32
    {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else {
            return xmlParseChunk(parser, nil, 0, 1)
        }
        var offset = 0
        // NOTE: no test feeds a body over 1 GiB, so the body of this loop is untested.
        while buffer.count - offset > maxChunkBytes {
            let status = xmlParseChunk(parser, base + offset, Int32(maxChunkBytes), 0)
            if status != 0 {
                return status
            }
            offset += maxChunkBytes
        }
        return xmlParseChunk(parser, base + offset, Int32(buffer.count - offset), 1)
    }

    /// Converts the first error libxml2 raised, which is the cause of any later ones, naming
    /// the open element when the body ended early.
    private static func firstError(
        of parser: xmlParserCtxtPtr,
        builder: XMLTreeBuilder
    ) -> ResponseDecodingError {
        let lastError = LibraryError(parser.pointee.lastError)
        var error = builder.libraryError ?? lastError
        // An error raised without a parser context, such as a failed encoding conversion,
        // has no position, but the parser's own error that follows it has.
        if error.line == 0 {
            error.line = lastError.line
            error.column = lastError.column
        }
        var reason: String
        if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue),
            let openElement = builder.openElementName
        {
            // libxml2 2.9.14 words a truncated body as "Extra content at the end of the
            // document", which reads as the opposite of what happened.
            // NOTE: libxml2 2.9.14 also ends the input without an error at the first byte
            // that its built-in US-ASCII decoder rejects, so such a body reads as truncated.
            reason = "the body ends inside the element '\(openElement)'"
        } else {
            reason = error.message.trimmingXMLWhitespace().replacingLineBreaks()
        }
        if reason.isEmpty {
            reason = "libxml2 error \(error.code)"
        }
        return .malformed(format: .xml, line: error.line, column: error.column, reason: reason)
    }

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, _, _, _, _, _, _ in
            XMLTreeBuilder.from(context).pointee.startElement(localName)
        }
        handler.endElementNs = { context, _, _, _ in
            XMLTreeBuilder.from(context).pointee.endElement()
        }
        handler.characters = { context, bytes, length in
            XMLTreeBuilder.from(context).pointee.appendText(bytes, Int(length))
        }
        handler.cdataBlock = { context, bytes, length in
            XMLTreeBuilder.from(context).pointee.appendText(bytes, Int(length))
        }
        // libxml2 calls internalSubset as soon as it has read the name and external ID of a
        // DOCTYPE, before the internal subset and before any external subset is loaded.
        handler.internalSubset = { context, _, _, _ in
            XMLTreeBuilder.from(context).pointee.rejectDocumentType()
        }
        handler.externalSubset = { context, _, _, _ in
            XMLTreeBuilder.from(context).pointee.rejectDocumentType()
        }
        // Without a DTD only the five predefined entities exist, and libxml2 resolves those
        // itself before it asks this callback, so any other name is left undefined.
        handler.getEntity = { _, _ in nil }
        // The error and warning callbacks stay nil, so libxml2 sends each error only to the
        // structured error handler that parseBuffer installs.
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
///
/// Only the innermost open element can still be a string, so one text buffer serves every
/// element: a start tag empties it, and text beside child elements is never stored. The
/// fields of all open elements share one array too, each element owning the part from its
/// `fieldsStart` on, so that an object's fields are copied once into an array of exact size.
private struct XMLTreeBuilder {
    struct Frame {
        var name: String
        var fieldsStart: Int
    }

    let maxDepth: Int
    var parser: xmlParserCtxtPtr?
    var stack: [Frame] = []
    var openFields: [PayloadField] = []
    var text: [UInt8] = []
    /// Whether the innermost open element has had a child element, which makes it an object.
    var topHasChildren = false
    var root: PayloadObject?
    var failure: ResponseDecodingError?
    /// The first error that libxml2 passed to the structured error handler, warnings and
    /// namespace errors left out, because neither makes the document ill-formed.
    var libraryError: LibraryError?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
        stack.reserveCapacity(8)
        openFields.reserveCapacity(32)
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLTreeBuilder> {
        context!.assumingMemoryBound(to: XMLTreeBuilder.self)
    }

    var openElementName: String? {
        stack.last?.name
    }

    mutating func startElement(_ localName: UnsafePointer<xmlChar>?) {
        guard failure == nil else { return }
        if stack.count >= maxDepth {
            stop(with: .limitExceeded(limit: "maxDepth", value: maxDepth))
            return
        }
        // The buffer may still hold the text of the previous element.
        if !text.isEmpty {
            text.removeAll(keepingCapacity: true)
        }
        topHasChildren = false
        let name = localName.map { String(cString: $0) } ?? ""
        stack.append(Frame(name: name, fieldsStart: openFields.count))
    }

    mutating func endElement() {
        guard failure == nil, let frame = stack.popLast() else { return }
        let isObject = topHasChildren
        topHasChildren = true
        if stack.isEmpty {
            root = PayloadObject(format: .xml, path: frame.name, fields: takeFields(from: frame))
            return
        }
        let value: PayloadValue
        if isObject {
            value = .object(PayloadObject(format: .xml, path: "", fields: takeFields(from: frame)))
        } else {
            value = .string(trimmedText())
        }
        openFields.append(PayloadField(name: frame.name, value: value))
    }

    /// Moves the fields of a closing element out of the shared array.
    private mutating func takeFields(from frame: Frame) -> [PayloadField] {
        let start = frame.fieldsStart
        let count = openFields.count - start
        guard count > 0 else { return [] }
        // A copy would retain every field's strings only for removeSubrange to release them
        // again, so the fields are moved, and trivial placeholders fill the slots they leave.
        let fields = [PayloadField](unsafeUninitializedCapacity: count) { target, initialized in
            openFields.withUnsafeMutableBufferPointer { source in
                let slots = source.baseAddress! + start
                target.baseAddress!.moveInitialize(from: slots, count: count)
                slots.initialize(repeating: Self.placeholderField, count: count)
            }
            initialized = count
        }
        openFields.removeSubrange(start...)
        return fields
    }

    /// A field that owns no memory, so that filling and destroying slots with it is cheap.
    private static let placeholderField = PayloadField(name: "", value: .null)

    mutating func appendText(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        guard failure == nil, !topHasChildren, !stack.isEmpty, let bytes, length > 0 else {
            return
        }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }

    /// Returns the buffered text without XML white space at either end. libxml2 hands the
    /// callbacks UTF-8 only, whatever the document's encoding.
    private func trimmedText() -> String {
        var start = 0
        var end = text.count
        while start < end && isXMLWhitespace(text[start]) {
            start += 1
        }
        while end > start && isXMLWhitespace(text[end - 1]) {
            end -= 1
        }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    mutating func recordLibraryError(_ error: UnsafeMutablePointer<xmlError>?) {
        guard libraryError == nil, let error else { return }
        let isWarning = error.pointee.level == XML_ERR_WARNING
        let isNamespaceError = error.pointee.domain == Int32(XML_FROM_NAMESPACE.rawValue)
        if !isWarning && !isNamespaceError {
            libraryError = LibraryError(error.pointee)
        }
    }

    mutating func rejectDocumentType() {
        guard failure == nil, let parser else { return }
        let line = Int(xmlSAX2GetLineNumber(parser))
        let column = Int(xmlSAX2GetColumnNumber(parser))
        stop(with: .documentTypeDeclaration(line: line, column: column))
    }

    private mutating func stop(with error: ResponseDecodingError) {
        failure = error
        if let parser {
            xmlStopParser(parser)
        }
    }
}

/// A copy of a libxml2 error. libxml2 frees an error's message when the next error arrives,
/// so the message is copied at once.
private struct LibraryError {
    var code: Int32
    var line: Int
    var column: Int
    var message: String

    init(_ error: xmlError) {
        code = error.code
        line = Int(error.line)
        // libxml2 2.9 stores the column of a parser error in `int2`.
        column = Int(error.int2)
        message = error.message.map { String(cString: $0) } ?? ""
    }
}

private func isXMLWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

extension String {
    /// Returns the string with each line feed replaced by a space, for one-line messages.
    fileprivate func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }

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
