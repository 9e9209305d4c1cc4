/// Lenient decoders for text that a server may have encoded, used to look for echoed secrets.
///
/// Each decoder works on UTF-8 bytes, leaves a malformed sequence as it is, and returns nil
/// when the input contains nothing to decode, so that a caller can stop early.
enum TextDecoding {
    /// Decodes each `%XX` with upper- or lower-case digits and, when `plusIsSpace` is true,
    /// each `+` as a space.
    static func percentDecoded(_ bytes: [UInt8], plusIsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                changed = true
                continue
            }
            if plusIsSpace && byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
                changed = true
            } else {
                output.append(byte)
            }
            index += 1
        }
        return changed ? output : nil
    }

    /// Decodes the XML entities `&amp; &lt; &gt; &quot; &apos;` and the character references
    /// `&#N;` and `&#xH;`.
    static func entityDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        let named: [String: UInt8] = [
            "amp": UInt8(ascii: "&"), "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"),
            "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
        ]
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"),
                let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if let byte = named[name] {
                output.append(byte)
            } else if let scalar = characterReference(name) {
                output += Array(String(Character(scalar)).utf8)
            } else {
                output.append(bytes[index])
                index += 1
                continue
            }
            changed = true
            index = end + 1
        }
        return changed ? output : nil
    }

    /// Decodes the JSON escapes `\" \\ \/ \b \f \n \r \t` and `\uXXXX`, joining surrogate
    /// pairs. A lone surrogate becomes U+FFFD.
    static func jsonUnescaped(_ bytes: [UInt8]) -> [UInt8]? {
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D,
            UInt8(ascii: "t"): 0x09,
        ]
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let marker = bytes[index + 1]
            if let byte = simple[marker] {
                output.append(byte)
                index += 2
                changed = true
                continue
            }
            guard marker == UInt8(ascii: "u"), let unit = hexUnit(bytes, at: index + 2) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var scalar = Unicode.Scalar(unit)
            index += 6
            if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count,
                bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                let low = hexUnit(bytes, at: index + 2), (0xDC00..<0xE000).contains(low)
            {
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                index += 6
            }
            output += Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
            changed = true
        }
        return changed ? output : nil
    }

    /// Returns the scalar of `#N` or `#xH`, the text between `&` and `;`.
    private static func characterReference(_ name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else {
            return nil
        }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        return value.flatMap(Unicode.Scalar.init)
    }

    /// Returns the 16-bit value of the four hexadecimal digits at `start`.
    private static func hexUnit(_ bytes: [UInt8], at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else {
            return nil
        }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] {
            guard let digit = hexValue(byte) else {
                return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
