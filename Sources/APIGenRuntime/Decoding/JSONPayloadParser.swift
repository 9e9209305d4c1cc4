/// Parses a JSON response body (RFC 8259) into a ``PayloadObject``.
///
/// Stricter than `JSONSerialization` in what a response may contain: the top level must be an
/// object, a key may appear only once per object, strings must be valid UTF-8, and nesting
/// and number length are bounded by ``DecodingLimits``. A UTF-8 byte-order mark is skipped.
/// Numbers are kept as their literal text, so a huge number fails only when a field of a
/// numeric type reads it.
public struct JSONPayloadParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: DecodingLimits
    private var index = 0
    private var depth = 0

    /// Parses `body`, returning its top-level object with an empty path.
    public static func parse(
        _ body: some Collection<UInt8>,
        limits: DecodingLimits = .default
    ) throws(ResponseDecodingError) -> PayloadObject {
        guard body.count <= limits.maxBodyBytes else {
            throw .limitExceeded(limit: "maxBodyBytes", value: limits.maxBodyBytes)
        }
        let parsed = body.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ResponseDecodingError) in
                var parser = JSONPayloadParser(bytes: buffer, limits: limits)
                return try parser.parseDocument()
            }
        }
        let result =
            parsed
            ?? Array(body).withUnsafeBufferPointer { buffer in
                Result { () throws(ResponseDecodingError) in
                    var parser = JSONPayloadParser(bytes: buffer, limits: limits)
                    return try parser.parseDocument()
                }
            }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: DecodingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private mutating func parseDocument() throws(ResponseDecodingError) -> PayloadObject {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
        guard index < bytes.count else {
            throw malformed("the body is empty")
        }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw malformed("unexpected text after the top-level value")
        }
        guard case .object(let object) = value else {
            throw .topLevelNotObject(found: value.kindName)
        }
        return object
    }

    private mutating func parseValue() throws(ResponseDecodingError) -> PayloadValue {
        guard index < bytes.count else {
            throw malformed("the body ends where a value was expected")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return .object(try parseObject())
        case UInt8(ascii: "["):
            return .array(try parseArray())
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw malformed(
                "unexpected character \(describe(bytes[index])) where a value was expected")
        }
    }

    private mutating func enterContainer() throws(ResponseDecodingError) {
        depth += 1
        if depth > limits.maxDepth {
            throw .limitExceeded(limit: "maxDepth", value: limits.maxDepth)
        }
        index += 1
    }

    private mutating func parseObject() throws(ResponseDecodingError) -> PayloadObject {
        try enterContainer()
        var fields: [PayloadField] = []
        var names = Set<String>()
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return PayloadObject(format: .json, path: "", fields: fields)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw malformed("expected a string key in an object")
            }
            let name = try parseString()
            guard names.insert(name).inserted else {
                throw .duplicateKey(path: name)
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw malformed("expected ':' after the key \"\(name)\"")
            }
            skipWhitespace()
            fields.append(PayloadField(name: name, value: try parseValue()))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                continue
            }
            if consume(UInt8(ascii: "}")) {
                break
            }
            throw malformed("expected ',' or '}' in an object")
        }
        depth -= 1
        return PayloadObject(format: .json, path: "", fields: fields)
    }

    private mutating func parseArray() throws(ResponseDecodingError) -> [PayloadValue] {
        try enterContainer()
        var items: [PayloadValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return items
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                continue
            }
            if consume(UInt8(ascii: "]")) {
                break
            }
            throw malformed("expected ',' or ']' in an array")
        }
        depth -= 1
        return items
    }

    private mutating func parseString() throws(ResponseDecodingError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes can become the string as they are.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try makeString(slice, at: start)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 {
                break
            }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try buffer.withUnsafeBufferPointer { slice throws(ResponseDecodingError) in
                    try makeString(slice, at: start)
                }
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &buffer)
            case 0..<0x20:
                throw malformed("a control character \(describe(byte)) must be escaped in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw malformed("the body ends inside a string")
    }

    private func makeString(
        _ slice: UnsafeBufferPointer<UInt8>,
        at start: Int
    ) throws(ResponseDecodingError) -> String {
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw malformed("a string is not valid UTF-8", at: start)
        }
        return string
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(ResponseDecodingError) {
        guard index < bytes.count else {
            throw malformed("the body ends inside an escape sequence")
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = try parseHexQuad()
            if (0xD800...0xDBFF).contains(scalarValue) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                    throw malformed("a high surrogate escape is not followed by a low surrogate")
                }
                let low = try parseHexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw malformed("a high surrogate escape is not followed by a low surrogate")
                }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw malformed(
                    "the escape \\u\(String(scalarValue, radix: 16)) is a lone surrogate")
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw malformed("invalid escape sequence \\\(describe(byte))")
        }
    }

    private mutating func parseHexQuad() throws(ResponseDecodingError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw malformed("the body ends inside a \\u escape")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("invalid hexadecimal digit \(describe(byte)) in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(ResponseDecodingError) -> String {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        guard index < bytes.count else {
            throw malformed("the body ends inside a number")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            skipDigits()
        } else {
            throw malformed("a number needs a digit after '-'")
        }
        if consume(UInt8(ascii: ".")) {
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw malformed("a number needs a digit after '.'")
            }
            skipDigits()
        }
        if index < bytes.count
            && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
        {
            index += 1
            if !consume(UInt8(ascii: "+")) {
                _ = consume(UInt8(ascii: "-"))
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw malformed("a number needs a digit in its exponent")
            }
            skipDigits()
        }
        if index - start > limits.maxNumberLength {
            throw .limitExceeded(limit: "maxNumberLength", value: limits.maxNumberLength)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while index < bytes.count && isDigit(bytes[index]) {
            index += 1
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(ResponseDecodingError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count
                && (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else {
            throw malformed("invalid literal, expected \(literal)")
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else {
            return false
        }
        index += 1
        return true
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "0x" + String(byte, radix: 16, uppercase: true)
    }

    /// Builds a malformed-body error whose line and column point at `offset`.
    private func malformed(_ reason: String, at offset: Int? = nil) -> ResponseDecodingError {
        let end = min(offset ?? index, bytes.count)
        var line = 1
        var column = 1
        for position in 0..<end {
            if bytes[position] == 0x0A {
                line += 1
                column = 1
            } else if bytes[position] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return .malformed(format: .json, line: line, column: column, reason: reason)
    }
}
