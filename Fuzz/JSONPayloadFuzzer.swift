// libFuzzer entry point for JSONPayloadParser. Build and run it with `Scripts/fuzz.sh json 60`.
//
// Besides crashes and sanitizer reports, it checks that every accepted body round-trips:
// the parsed tree, written back as JSON and parsed again, must give the same tree.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONPayload(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = UnsafeBufferPointer(start: data, count: size)
    let payload: PayloadObject
    do {
        payload = try JSONPayloadParser.parse(body)
    } catch {
        _ = error.description
        return 0
    }
    decodeResponseFields(payload)

    var written = ""
    writeJSON(.object(payload), to: &written)
    let reparsed: PayloadObject
    do {
        reparsed = try JSONPayloadParser.parse(Array(written.utf8))
    } catch {
        fatalError("the written form of an accepted body failed to parse: \(error)\n\(written)")
    }
    require(reparsed == payload, "the written form parsed to another tree:\n\(written)")
    return 0
}

private func writeJSON(_ value: PayloadValue, to output: inout String) {
    switch value {
    case .object(let object):
        output += "{"
        for (offset, field) in object.fields.enumerated() {
            if offset > 0 {
                output += ","
            }
            writeJSONString(field.name, to: &output)
            output += ":"
            writeJSON(field.value, to: &output)
        }
        output += "}"
    case .array(let items):
        output += "["
        for (offset, item) in items.enumerated() {
            if offset > 0 {
                output += ","
            }
            writeJSON(item, to: &output)
        }
        output += "]"
    case .string(let text):
        writeJSONString(text, to: &output)
    case .number(let literal):
        output += literal
    case .bool(let flag):
        output += flag ? "true" : "false"
    case .null:
        output += "null"
    }
}

private func writeJSONString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\u{0}"..."\u{1F}":
            let hex = String(scalar.value, radix: 16)
            output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: output.unicodeScalars.append(scalar)
        }
    }
    output += "\""
}
