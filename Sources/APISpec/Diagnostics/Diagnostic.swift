/// A position in a spec file. Line and column are 1-based; 0 means unknown.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `FILE:LINE:COLUMN`, or `FILE` alone when the position is unknown.
    public var formatted: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}

/// A problem found in a spec, printed the way compilers print theirs.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation

    /// The JSON path of the offending value, such as `$.parameters[1].rules[0].min`.
    public var path: String

    /// The problem, with the bad value (never a secret) and the fix.
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, path: String, _ message: String)
    {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: JSON-PATH: message`.
    public var description: String {
        "\(location.formatted): \(severity.rawValue): \(path): \(message)"
    }
}

/// Diagnostics that stopped a stage, thrown by the loader and the checks.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// A model value read from the top-level object of one spec file, which remembers where each
/// of its keys starts.
public protocol KeyLocated {
    /// The start of the file's object.
    var location: SourceLocation { get }

    /// The start of each top-level key.
    var keyLocations: [String: SourceLocation] { get }
}

extension KeyLocated {
    /// Returns where a top-level key starts, or where the file's object starts when the key is
    /// absent, so that a diagnostic about a whole value, such as `methods`, points at its key.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }
}
