import Foundation

/// The UTC time format that both signature versions send, `yyyy-MM-ddTHH:mm:ssZ`.
public enum SigningTimestamp {
    /// Returns `date` as `yyyy-MM-ddTHH:mm:ssZ` in UTC, fractions of a second dropped.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
            + "T\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))Z"
    }
}

/// A source of `SignatureNonce` values, each used for one request only.
public enum SignatureNonce {
    /// Returns 128 random bits from the system's secure generator as 32 hexadecimal digits.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Digest.hex(bytes)
    }
}
