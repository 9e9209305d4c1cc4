import Foundation

/// The rules of `ModifyPWByDomain.Request.validate()` written by hand with
/// `NSRegularExpression`, the way a user without generated validation would check them.
///
/// Like the generated method it checks every rule and collects a message for each broken one.
struct RegexValidator: @unchecked Sendable {
    // `NSRegularExpression` is immutable once built and documented as safe to share across
    // threads, which is why the type is marked `@unchecked Sendable`.
    private let domainLength = regex("^.{1,50}$")
    private let domainCharacters = regex("^[0-9A-Za-z.-]*$")
    private let passwordLength = regex("^.{10,20}$")
    private let digit = regex("[0-9]")
    private let upperCaseLetter = regex("[A-Z]")
    private let lowerCaseLetter = regex("[a-z]")
    private let oneRepeatedCharacter = regex("^(.)\\1*$")

    /// Returns the message of every broken rule, empty when the request is valid.
    func validate(domainName: String, password: String) -> [String] {
        var issues: [String] = []
        if !matches(domainLength, domainName) {
            issues.append("DomainName must be 1 to 50 characters long")
        }
        if !matches(domainCharacters, domainName) {
            issues.append("DomainName must contain only digits, letters, periods and hyphens")
        }
        if !matches(passwordLength, password) {
            issues.append("Password must be 10 to 20 characters long")
        }
        if count(digit, password) < 2 {
            issues.append("Password must contain at least 2 digits")
        }
        if count(upperCaseLetter, password) < 2 {
            issues.append("Password must contain at least 2 upper-case letters")
        }
        if count(lowerCaseLetter, password) < 2 {
            issues.append("Password must contain at least 2 lower-case letters")
        }
        if matches(oneRepeatedCharacter, password) {
            issues.append("Password must not be one character repeated")
        }
        return issues
    }

    private func matches(_ expression: NSRegularExpression, _ value: String) -> Bool {
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, range: range) != nil
    }

    private func count(_ expression: NSRegularExpression, _ value: String) -> Int {
        let range = NSRange(value.startIndex..., in: value)
        return expression.numberOfMatches(in: value, range: range)
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file, so a failure is a bug here.
        try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }
}
