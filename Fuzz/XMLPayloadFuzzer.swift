// libFuzzer entry point for XMLPayloadParser. Build and run it with `Scripts/fuzz.sh xml 60`.
//
// Besides crashes and sanitizer reports, it checks that every accepted body round-trips:
// the parsed tree, written back as XML and parsed again, must give the same tree.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLPayload(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = UnsafeBufferPointer(start: data, count: size)
    let payload: PayloadObject
    do {
        payload = try XMLPayloadParser.parse(body)
    } catch {
        _ = error.description
        return 0
    }
    decodeResponseFields(payload)

    var written = ""
    writeXMLElement(named: payload.path, fields: payload.fields, to: &written)
    let reparsed: PayloadObject
    do {
        reparsed = try XMLPayloadParser.parse(Array(written.utf8))
    } catch {
        fatalError("the written form of an accepted body failed to parse: \(error)\n\(written)")
    }
    require(reparsed == payload, "the written form parsed to another tree:\n\(written)")
    return 0
}

private func writeXMLElement(named name: String, fields: [PayloadField], to output: inout String) {
    output += "<\(name)>"
    for field in fields {
        switch field.value {
        case .object(let object):
            writeXMLElement(named: field.name, fields: object.fields, to: &output)
        case .string(let text):
            output += "<\(field.name)>\(escapedXMLText(text))</\(field.name)>"
        default:
            fatalError("the XML parser made a \(field.value.kindName) value")
        }
    }
    output += "</\(name)>"
}

private func escapedXMLText(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        // A raw carriage return would be normalized to a line feed on the second parse.
        case "\r": escaped += "&#13;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
