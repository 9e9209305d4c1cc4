/// One broken rule of a request parameter.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The parameter's wire name, such as `Password`.
    public var parameter: String

    /// The rule's kind as the spec names it, such as `length` or `minCount`.
    public var rule: String

    /// The error code the server returns for the same mistake, when the spec names
    /// one.
    public var errorCode: String?

    /// The problem and its fix. It never contains a secret parameter's value.
    public var message: String

    public init(parameter: String, rule: String, errorCode: String?, message: String) {
        self.parameter = parameter
        self.rule = rule
        self.errorCode = errorCode
        self.message = message
    }

    public var description: String {
        let code = errorCode.map { ", server error \($0)" } ?? ""
        return "\(parameter): \(message) [rule \(rule)\(code)]"
    }
}

/// Every rule that a request breaks, found before anything is sent.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broken rules, in the order the request declares its parameters and their rules.
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String {
        let noun = issues.count == 1 ? "rule" : "rules"
        let lines = issues.map { "  - \($0)" }.joined(separator: "\n")
        return "invalid request: \(issues.count) \(noun) broken\n\(lines)"
    }
}
