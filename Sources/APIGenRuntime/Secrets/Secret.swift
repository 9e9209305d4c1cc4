/// A string that must never be printed: a password, an access key secret or a signature.
///
/// `description`, `debugDescription`, `dump` and `String(reflecting:)` all show `<redacted>`.
/// Read the value with ``revealed()`` only where it leaves the process, such as in a signed
/// request body.
public struct Secret: Sendable, Hashable, ExpressibleByStringLiteral {
    private let storage: String

    /// Creates a secret from its plain value.
    public init(_ value: String) {
        storage = value
    }

    public init(stringLiteral value: String) {
        storage = value
    }

    /// Returns the plain value. Never pass the result to a log, a message or `print`.
    public func revealed() -> String {
        storage
    }

    /// The value's length in Unicode scalars, which validation messages may show.
    public var count: Int {
        storage.unicodeScalars.count
    }

    /// The text shown in place of the value.
    public static let redactedText = "<redacted>"

    /// The text shown in place of a whole field from a server, such as an error message, when
    /// it contains a secret in an encoding that cannot be replaced within the text.
    public static let withheldText = "<withheld: it contains a secret from the request>"
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        Self.redactedText
    }

    public var debugDescription: String {
        Self.redactedText
    }
}

extension Secret: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }
}
