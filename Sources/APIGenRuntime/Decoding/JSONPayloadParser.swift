/// Parses a JSON response body (RFC 8259) into a ``PayloadObject``.
///
/// Stricter than `JSONSerialization` in what a response may contain: the top level must be an
/// object, a key may appear only once per object, strings must be valid UTF-8 (no overlong
/// forms, no surrogates, whether raw or escaped alone), and nesting and number length are
/// bounded by ``DecodingLimits``. A UTF-8 byte-order mark is skipped. Numbers are kept as
/// their literal text, so a number too large for its field fails only when that field reads
/// it. `Docs/Decoding.md` describes the rules in full.
public enum JSONPayloadParser: Sendable {
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
                var parser = JSONParser(bytes: buffer, limits: limits)
                return try parser.parseDocument()
            }
        }
        let result =
            parsed
            ?? Array(body).withUnsafeBufferPointer { buffer in
                Result { () throws(ResponseDecodingError) in
                    var parser = JSONParser(bytes: buffer, limits: limits)
                    return try parser.parseDocument()
                }
            }
        return try result.get()
    }
}

/// The state of one ``JSONPayloadParser/parse(_:limits:)`` call.
private struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: DecodingLimits
    private var index = 0
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: DecodingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(ResponseDecodingError) -> PayloadObject {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
        guard index < bytes.count else {
            throw malformed("the body is empty")
        }
        // An array is rejected before it is read, so a deeply nested one costs nothing.
        if bytes[index] == UInt8(ascii: "[") {
            throw .topLevelNotObject(found: PayloadValue.array([]).kindName)
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

    /// Parses one value, containers included, with an explicit stack of open containers in
    /// place of recursion, so that nesting uses heap memory and never the thread's stack.
    private mutating func parseValue() throws(ResponseDecodingError) -> PayloadValue {
        var open: [OpenContainer] = []
        while true {
            var value: PayloadValue
            switch try startValue() {
            case .complete(let scalar):
                value = scalar
            case .emptyObject:
                value = .object(PayloadObject(format: .json, path: "", fields: []))
            case .emptyArray:
                value = .array([])
            case .openObject:
                open.append(OpenContainer(isObject: true))
                try readKey(into: &open)
                continue
            case .openArray:
                open.append(OpenContainer(isObject: false))
                continue
            }
            // Store the finished value in its container, closing every container that ends.
            while let top = open.indices.last {
                skipWhitespace()
                if open[top].isObject {
                    let name = open[top].key
                    open[top].fields.append(PayloadField(name: name, value: value))
                    if consume(UInt8(ascii: ",")) {
                        try readKey(into: &open)
                        break
                    }
                    guard consume(UInt8(ascii: "}")) else {
                        throw malformed("expected ',' or '}' in an object")
                    }
                    let fields = open.removeLast().fields
                    value = .object(PayloadObject(format: .json, path: "", fields: fields))
                } else {
                    open[top].items.append(value)
                    if consume(UInt8(ascii: ",")) {
                        skipWhitespace()
                        break
                    }
                    guard consume(UInt8(ascii: "]")) else {
                        throw malformed("expected ',' or ']' in an array")
                    }
                    value = .array(open.removeLast().items)
                }
                depth -= 1
            }
            if open.isEmpty {
                return value
            }
        }
    }

    /// What the parser found at the start of a value.
    private enum ValueStart {
        case complete(PayloadValue)
        case emptyObject
        case emptyArray
        /// An object with at least one member, whose first key is still to be read.
        case openObject
        /// An array with at least one element, positioned at the first element.
        case openArray
    }

    /// Reads a scalar whole, or the opening of a container.
    private mutating func startValue() throws(ResponseDecodingError) -> ValueStart {
        guard index < bytes.count else {
            throw malformed("the body ends where a value was expected")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try enterContainer()
            skipWhitespace()
            if consume(UInt8(ascii: "}")) {
                depth -= 1
                return .emptyObject
            }
            return .openObject
        case UInt8(ascii: "["):
            try enterContainer()
            skipWhitespace()
            if consume(UInt8(ascii: "]")) {
                depth -= 1
                return .emptyArray
            }
            return .openArray
        case UInt8(ascii: "\""):
            return .complete(.string(try parseString()))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .complete(.bool(true))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .complete(.bool(false))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .complete(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .complete(.number(try parseNumber()))
        default:
            throw malformed(
                "unexpected character \(describe(bytes[index])) where a value was expected")
        }
    }

    private mutating func enterContainer() throws(ResponseDecodingError) {
        depth += 1
        if depth > limits.effectiveMaxDepth {
            throw .limitExceeded(limit: "maxDepth", value: limits.effectiveMaxDepth)
        }
        index += 1
    }

    /// Reads the next key of the innermost open object and the colon after it, leaving the
    /// parser at the start of the member's value.
    private mutating func readKey(into open: inout [OpenContainer]) throws(ResponseDecodingError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw malformed("expected a string key in an object")
        }
        let name = try parseString()
        guard open[open.count - 1].insertKey(name) else {
            throw .duplicateKey(path: duplicatePath(open, key: name))
        }
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else {
            throw malformed("expected ':' after the key \"\(name)\"")
        }
        skipWhitespace()
    }

    /// Builds the path of a repeated key, such as `Data.Item[0].Name`, from the open
    /// containers. It runs only when the error is thrown, never on the hot path.
    private func duplicatePath(_ open: [OpenContainer], key: String) -> String {
        var path = ""
        // Each container but the innermost is the parent of the next one, and its pending
        // key or element count says where that next one sits.
        for parent in open.dropLast() {
            if parent.isObject {
                path += path.isEmpty ? parent.key : ".\(parent.key)"
            } else {
                path += "[\(parent.items.count)]"
            }
        }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    private mutating func parseString() throws(ResponseDecodingError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes can become the string as they are. ASCII text
        // needs no UTF-8 validation, which is what most keys and values are.
        var combinedBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if combinedBits < 0x80 {
                    return String(decoding: slice, as: UTF8.self)
                }
                return try makeString(slice, at: start)
            }
            combinedBits |= byte
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
            for unit in UTF8.encode(scalar)! {
                buffer.append(unit)
            }
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

/// An object or array whose closing bracket the parser has not reached yet.
private struct OpenContainer {
    /// The number of keys up to which an object checks a new key against its earlier ones
    /// one by one, which beats hashing for the small objects of real responses. Larger
    /// objects switch to a set, so a hostile object with many keys stays linear.
    static let linearKeyCheckLimit = 16

    let isObject: Bool
    var fields: [PayloadField] = []
    var items: [PayloadValue] = []
    /// The key of the member whose value is being parsed.
    var key = ""
    /// Every key so far, built when a key arrives after ``linearKeyCheckLimit`` others.
    var keySet: Set<String>?

    init(isObject: Bool) {
        self.isObject = isObject
    }

    /// Makes `name` the pending key, returning false when an earlier key equals it. Keys
    /// compare as Swift strings, by canonical equivalence, which is also how field look-ups
    /// compare them, so no look-up can see two candidates.
    mutating func insertKey(_ name: String) -> Bool {
        key = name
        if keySet == nil {
            if fields.count < Self.linearKeyCheckLimit {
                for field in fields where field.name == name {
                    return false
                }
                return true
            }
            keySet = Set(fields.map(\.name))
        }
        return keySet!.insert(name).inserted
    }
}
