/// A JSON value of a spec file together with where it starts, so that every diagnostic can
/// point at the line and column of the value it is about.
public struct LocatedJSON: Sendable {
    public indirect enum Value: Sendable {
        case object([Member])
        case array([LocatedJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: LocatedJSON
    }

    public var value: Value
    public var location: SourceLocation

    /// The kind of value, as messages name it.
    public var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a Boolean"
        case .null: "null"
        }
    }

    /// The value shortened for a message, such as `"exmaple"` or `42`.
    public var preview: String {
        switch value {
        case .object: return "{…}"
        case .array: return "[…]"
        case .string(let text):
            let shortened = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "\"\(shortened)\""
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// Parses spec text into ``LocatedJSON``, rejecting duplicate keys.
///
/// Spec files are small and written by people, so this parser favours exact positions and
/// clear messages over speed. Nesting deeper than 256 levels is rejected.
struct LocatedJSONParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private static let maxDepth = 256

    static func parse(_ text: String, file: String) throws(SpecError) -> LocatedJSON {
        var parser = LocatedJSONParser(scalars: Array(text.unicodeScalars), file: file)
        return try parser.parseDocument()
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    private var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func failure(_ message: String, at location: SourceLocation? = nil, path: String = "$")
        -> SpecError
    {
        SpecError([
            Diagnostic(
                .error, at: location ?? self.location, path: path, "invalid JSON: \(message)")
        ])
    }

    private mutating func parseDocument() throws(SpecError) -> LocatedJSON {
        if index < scalars.count && scalars[index] == "\u{FEFF}" {
            index += 1
        }
        skipWhitespace()
        let value = try parseValue(path: "$")
        skipWhitespace()
        guard index == scalars.count else {
            throw failure("unexpected text after the top-level value; remove it")
        }
        return value
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < scalars.count {
            switch scalars[index] {
            case " ", "\t", "\n", "\r": advance()
            default: return
            }
        }
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == scalar else {
            return false
        }
        advance()
        return true
    }

    private mutating func parseValue(path: String) throws(SpecError) -> LocatedJSON {
        let start = location
        guard index < scalars.count else {
            throw failure("the file ends where a value was expected", path: path)
        }
        switch scalars[index] {
        case "{":
            return LocatedJSON(value: try parseObject(path: path), location: start)
        case "[":
            return LocatedJSON(value: try parseArray(path: path), location: start)
        case "\"":
            return LocatedJSON(value: .string(try parseString(path: path)), location: start)
        case "t":
            try expect("true", path: path)
            return LocatedJSON(value: .bool(true), location: start)
        case "f":
            try expect("false", path: path)
            return LocatedJSON(value: .bool(false), location: start)
        case "n":
            try expect("null", path: path)
            return LocatedJSON(value: .null, location: start)
        case "-", "0"..."9":
            return LocatedJSON(value: .number(try parseNumber(path: path)), location: start)
        default:
            throw failure(
                "unexpected character '\(scalars[index])' where a value was expected", path: path)
        }
    }

    private mutating func enter(path: String) throws(SpecError) {
        depth += 1
        if depth > Self.maxDepth {
            throw failure("nesting is deeper than \(Self.maxDepth) levels", path: path)
        }
        advance()
    }

    private mutating func parseObject(path: String) throws(SpecError) -> LocatedJSON.Value {
        try enter(path: path)
        var members: [LocatedJSON.Member] = []
        var seen: [String: SourceLocation] = [:]
        skipWhitespace()
        if consume("}") {
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyLocation = location
            guard index < scalars.count else {
                throw failure("the file ends inside an object; close it with '}'", path: path)
            }
            guard scalars[index] == "\"" else {
                throw failure("expected a string key in double quotes", path: path)
            }
            let key = try parseString(path: path)
            let memberPath = JSONPath.member(key, of: path)
            if let first = seen[key] {
                throw SpecError([
                    Diagnostic(
                        .error, at: keyLocation, path: memberPath,
                        "duplicate key \"\(key)\", first given at line \(first.line); keep one of them"
                    )
                ])
            }
            seen[key] = keyLocation
            skipWhitespace()
            guard consume(":") else {
                throw failure("expected ':' after the key \"\(key)\"", path: memberPath)
            }
            skipWhitespace()
            let value = try parseValue(path: memberPath)
            members.append(LocatedJSON.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            if consume(",") {
                continue
            }
            if consume("}") {
                break
            }
            throw failure("expected ',' or '}' after the value of \"\(key)\"", path: memberPath)
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray(path: String) throws(SpecError) -> LocatedJSON.Value {
        try enter(path: path)
        var items: [LocatedJSON] = []
        skipWhitespace()
        if consume("]") {
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count else {
                throw failure("the file ends inside an array; close it with ']'", path: path)
            }
            items.append(try parseValue(path: "\(path)[\(items.count)]"))
            skipWhitespace()
            if consume(",") {
                continue
            }
            if consume("]") {
                break
            }
            throw failure("expected ',' or ']' after an array element", path: path)
        }
        depth -= 1
        return .array(items)
    }

    private mutating func parseString(path: String) throws(SpecError) -> String {
        advance()
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                advance()
                result.append(try parseEscape(path: path))
            case "\u{0}"..."\u{1F}":
                throw failure(
                    "a control character must be escaped inside a string, such as \\n", path: path)
            default:
                result.append(scalar)
                advance()
            }
        }
        throw failure("the file ends inside a string; close it with '\"'", path: path)
    }

    private mutating func parseEscape(path: String) throws(SpecError) -> Unicode.Scalar {
        guard index < scalars.count else {
            throw failure("the file ends inside an escape sequence", path: path)
        }
        let scalar = scalars[index]
        advance()
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            var value = try parseHexQuad(path: path)
            if (0xD800...0xDBFF).contains(value) {
                guard consume("\\"), consume("u") else {
                    throw failure(
                        "a high surrogate \\u escape must be followed by a low surrogate",
                        path: path)
                }
                let low = try parseHexQuad(path: path)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure(
                        "a high surrogate \\u escape must be followed by a low surrogate",
                        path: path)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let result = Unicode.Scalar(value) else {
                throw failure(
                    "the escape \\u\(String(value, radix: 16)) is a lone surrogate", path: path)
            }
            return result
        default:
            throw failure("invalid escape sequence \\\(scalar)", path: path)
        }
    }

    private mutating func parseHexQuad(path: String) throws(SpecError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16)
            else {
                throw failure("a \\u escape needs four hexadecimal digits", path: path)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private mutating func parseNumber(path: String) throws(SpecError) -> String {
        var text = ""
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "0"..."9", "-", "+", ".", "e", "E":
                text.unicodeScalars.append(scalar)
                advance()
            default:
                return try validatedNumber(text, path: path)
            }
        }
        return try validatedNumber(text, path: path)
    }

    private func validatedNumber(_ text: String, path: String) throws(SpecError) -> String {
        guard Self.isJSONNumber(Array(text.utf8)) else {
            throw failure("\(text) is not a valid JSON number", path: path)
        }
        return text
    }

    /// Returns whether the bytes follow RFC 8259's number grammar:
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. A hand-written check, because a regex
    /// literal here is rebuilt for every number and once took most of the loading time.
    static func isJSONNumber(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func isDigit(_ offset: Int) -> Bool {
            offset < bytes.count && bytes[offset] >= UInt8(ascii: "0")
                && bytes[offset] <= UInt8(ascii: "9")
        }
        func skipDigits() -> Bool {
            guard isDigit(index) else { return false }
            while isDigit(index) {
                index += 1
            }
            return true
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if !skipDigits() {
            return false
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { return false }
        }
        if index < bytes.count
            && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
        {
            index += 1
            if index < bytes.count
                && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
            {
                index += 1
            }
            guard skipDigits() else { return false }
        }
        return index == bytes.count
    }

    private mutating func expect(_ literal: String, path: String) throws(SpecError) {
        for expected in literal.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                throw failure(
                    "invalid literal; expected \(literal), or a string in double quotes", path: path
                )
            }
            advance()
        }
    }
}

/// Builds JSON paths in the `$.a.b[0]` notation used by every diagnostic.
public enum JSONPath {
    /// Returns the path of a member of the object at `path`.
    public static func member(_ key: String, of path: String) -> String {
        let isPlain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)
            }
        return isPlain ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
    }

    /// Returns the path of an element of the array at `path`.
    public static func element(_ index: Int, of path: String) -> String {
        "\(path)[\(index)]"
    }
}
