/// Escaping of text from a server before it is printed, such as a message or a body prefix.
public enum ControlCharacterEscaping {
    /// Returns `text` with each C0 control character (U+0000 to U+001F, line breaks and tabs
    /// included), DEL (U+007F) and C1 control character (U+0080 to U+009F) written as a Swift
    /// escape such as `\u{1B}`.
    ///
    /// The escaped text cannot move a terminal's cursor, change its colours or start a line
    /// that looks like the program's own output.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else {
            return text
        }
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
