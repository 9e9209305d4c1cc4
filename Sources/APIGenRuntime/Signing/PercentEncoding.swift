/// The percent-encoding that the vendor's signatures and request bodies use (RFC 3986).
///
/// The unreserved characters `A-Z a-z 0-9 - _ . ~` are kept, and every other UTF-8 byte
/// becomes `%XX` with upper-case hexadecimal digits. So a space is `%20` (never `+`), `*` is
/// `%2A` and `~` stays as it is. Encoding an already encoded string encodes its `%` again.
public enum PercentEncoding {
    /// Returns `text` percent-encoded once.
    public static func encode(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Returns the canonical query string: each name and value encoded, the pairs sorted by
    /// encoded name in byte order and joined as `name=value` with `&`.
    ///
    /// When a name repeats, its pairs keep their given order, because the sort is stable.
    public static func canonicalQuery(_ parameters: [(name: String, value: String)]) -> String {
        let encoded = parameters.map { (name: encode($0.name), value: encode($0.value)) }
        let sorted = encoded.enumerated().sorted { left, right in
            let leftName = Array(left.element.name.utf8)
            let rightName = Array(right.element.name.utf8)
            if leftName != rightName {
                return leftName.lexicographicallyPrecedes(rightName)
            }
            return left.offset < right.offset
        }
        return sorted.map { "\($0.element.name)=\($0.element.value)" }.joined(separator: "&")
    }

    /// Returns `text` with every `%XX` sequence decoded, or nil when a sequence is malformed
    /// or the bytes are not UTF-8. A `+` stays a `+`.
    public static func decode(_ text: String) -> String? {
        var output: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                continue
            }
            guard let high = bytes.next().flatMap(hexValue),
                let low = bytes.next().flatMap(hexValue)
            else {
                return nil
            }
            output.append(high << 4 | low)
        }
        return String(validating: output, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
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
