/// A set of ASCII characters stored as a 128-bit mask, for fast membership tests.
public struct ASCIICharacterSet: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Creates the set of the ASCII characters in `members`; other characters are ignored.
    public init(_ members: String) {
        for scalar in members.unicodeScalars where scalar.isASCII {
            insert(UInt8(scalar.value))
        }
    }

    fileprivate mutating func insert(_ byte: UInt8) {
        if byte < 64 {
            low |= 1 << UInt64(byte)
        } else {
            high |= 1 << UInt64(byte - 64)
        }
    }

    /// Returns whether the set contains the scalar.
    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 {
            return low & (1 << UInt64(value)) != 0
        }
        if value < 128 {
            return high & (1 << UInt64(value - 64)) != 0
        }
        return false
    }

    /// The ASCII digits `0-9`.
    public static let digits = ASCIICharacterSet("0123456789")

    /// The ASCII upper-case letters `A-Z`.
    public static let uppercaseLetters = ASCIICharacterSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The ASCII lower-case letters `a-z`.
    public static let lowercaseLetters = ASCIICharacterSet("abcdefghijklmnopqrstuvwxyz")

    /// The ASCII letters `A-Z` and `a-z`.
    public static let letters = ASCIICharacterSet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    )
}

extension ASCIICharacterSet {
    /// Creates the set from entries that are single characters, such as `"."`, or ascending
    /// ranges, such as `"0-9"`, as specs write character classes. Non-ASCII entries are
    /// ignored.
    public init(ranges entries: [String]) {
        self.init("")
        for entry in entries {
            let scalars = Array(entry.unicodeScalars)
            if scalars.count == 3, scalars[1] == "-", scalars[0].isASCII, scalars[2].isASCII,
                scalars[0].value <= scalars[2].value
            {
                for value in scalars[0].value...scalars[2].value {
                    insert(UInt8(value))
                }
            } else {
                for scalar in scalars where scalar.isASCII {
                    insert(UInt8(scalar.value))
                }
            }
        }
    }
}
