import Foundation

/// Derives Swift identifiers from wire names, the same way for the checks and the renderer.
public enum SwiftNaming {
    /// Returns a lower camel case identifier, such as `domainName` for `DomainName`,
    /// `smtpPassword` for `SMTPPassword` and `invalidDomainPasswordMalformed` for
    /// `InvalidDomainPassword.Malformed`. Keywords come back in backticks.
    public static func lowerCamelCase(_ name: String) -> String {
        let words = splitWords(name)
        guard let first = words.first else {
            return "_"
        }
        var result = lowercaseLeadingCapitals(first)
        for word in words.dropFirst() {
            result += word.prefix(1).uppercased() + word.dropFirst()
        }
        if let firstScalar = result.unicodeScalars.first, ("0"..."9").contains(firstScalar) {
            result = "_" + result
        }
        return keywords.contains(result) ? "`\(result)`" : result
    }

    /// Returns an upper camel case type name, such as `ModifyPWByDomain`.
    public static func upperCamelCase(_ name: String) -> String {
        var result = splitWords(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if result.isEmpty {
            return "_"
        }
        if let firstScalar = result.unicodeScalars.first, ("0"..."9").contains(firstScalar) {
            result = "_" + result
        }
        return typeKeywords.contains(result) ? "\(result)Value" : result
    }

    /// Returns whether the name is usable as a Swift identifier without changes.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isASCIILetter(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0)
        }
    }

    /// Removes backticks, for comparing identifiers.
    public static func bare(_ identifier: String) -> String {
        identifier.replacingOccurrences(of: "`", with: "")
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func splitWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in name.unicodeScalars {
            if isASCIILetter(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty {
            words.append(current)
        }
        return words
    }

    private static func lowercaseLeadingCapitals(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var capitals = 0
        while capitals < scalars.count && ("A"..."Z").contains(scalars[capitals]) {
            capitals += 1
        }
        if capitals > 1 && capitals < scalars.count && ("a"..."z").contains(scalars[capitals]) {
            capitals -= 1
        }
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            result += index < capitals ? String(scalar).lowercased() : String(scalar)
        }
        return result
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
        "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol",
        "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
        "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self",
        "Self", "super", "throws", "true", "try",
    ]

    private static let typeKeywords: Set<String> = [
        "Any", "Self", "Type", "Protocol", "String", "Bool", "Int", "Error",
    ]
}
