import APIGenRuntime
import CLibXML2
import DirectMail
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The floor for XML decoding: libxml2's SAX2 push parser over the whole body with no
/// callbacks set, created, configured and freed per call exactly as `XMLPayloadParser` does.
/// It checks well-formedness and builds nothing.
enum BareLibXML2 {
    static func parseWithEmptyHandler(_ body: Data) -> Bool {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        guard let parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else {
            return false
        }
        defer { xmlFreeParserCtxt(parser) }
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue))
        let status = body.withUnsafeBytes { buffer in
            xmlParseChunk(
                parser, buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                Int32(buffer.count), 1)
        }
        return status == 0 && parser.pointee.wellFormed != 0
    }

    /// Parses the body into libxml2's own tree with `xmlReadMemory` and frees it with
    /// `xmlFreeDoc`, a second reference beside the SAX floor.
    static func readMemoryAndFree(_ body: Data) -> Bool {
        let document = body.withUnsafeBytes { buffer in
            xmlReadMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                nil, nil, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue))
        }
        guard let document else {
            return false
        }
        xmlFreeDoc(document)
        return true
    }
}

/// The decoder a user would write with Foundation's `XMLParser` and a delegate, filling the
/// same response struct as the generated decoder.
final class FoundationXMLResponseDecoder: NSObject, XMLParserDelegate {
    private var code: String?
    private var message: String?
    private var requestId: String?
    private var success: Bool?
    private var depth = 0
    private var text = ""

    static func decode(_ body: Data) throws -> ModifyPWByDomain.Response {
        let delegate = FoundationXMLResponseDecoder()
        let parser = XMLParser(data: body)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw BenchmarkFailure(
                "XMLParser failed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        guard let requestId = delegate.requestId else {
            throw BenchmarkFailure("XMLParser decoder found no RequestId")
        }
        return ModifyPWByDomain.Response(
            code: delegate.code, message: delegate.message, requestId: requestId,
            success: delegate.success)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        depth += 1
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        defer { depth -= 1 }
        // Fields are the root's children, at depth 2.
        guard depth == 2 else {
            return
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch elementName {
        case "Code": code = value
        case "Message": message = value
        case "RequestId": requestId = value
        case "Success": success = Bool(value)
        default: break
        }
    }
}

/// The plain `Codable` struct that a user would decode with `JSONDecoder`.
struct CodableResponse: Codable, Equatable {
    var code: String?
    var message: String?
    var requestId: String
    var success: Bool?

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case message = "Message"
        case requestId = "RequestId"
        case success = "Success"
    }
}
