/// One request parameter as it is sent: its wire name and its value before percent-encoding.
public struct WireParameter: Sendable, Hashable {
    /// The parameter's name on the wire, such as `DomainName`.
    public var name: String

    /// The value, kept as a ``Secret`` so that printing a parameter never shows a password.
    public var value: Secret

    /// Whether the value must be redacted wherever the parameter is shown.
    public var isSecret: Bool

    public init(name: String, value: String, isSecret: Bool = false) {
        self.name = name
        self.value = Secret(value)
        self.isSecret = isSecret
    }
}

extension WireParameter: CustomStringConvertible, CustomDebugStringConvertible {
    /// `Name=value`, or `Name=<redacted>` for a secret parameter.
    public var description: String {
        isSecret ? "\(name)=\(Secret.redactedText)" : "\(name)=\(value.revealed())"
    }

    public var debugDescription: String {
        description
    }
}

extension WireParameter: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "value": description], displayStyle: .struct)
    }
}

/// The parameters of one action call, in the order the request type declares them.
///
/// Signing sorts them, so the order here only affects how they are shown.
public struct WireParameters: Sendable, Hashable {
    /// The parameters, the action's own first and then any the caller added.
    public private(set) var entries: [WireParameter]

    public init(_ entries: [WireParameter] = []) {
        self.entries = entries
    }

    /// Appends a parameter, replacing an earlier one with the same name.
    public mutating func set(_ name: String, to value: String, isSecret: Bool = false) {
        let parameter = WireParameter(name: name, value: value, isSecret: isSecret)
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index] = parameter
        } else {
            entries.append(parameter)
        }
    }

    /// Returns the plain value of the named parameter, or nil when it is absent.
    public func value(named name: String) -> String? {
        entries.first { $0.name == name }?.value.revealed()
    }
}

extension WireParameters: CustomStringConvertible, CustomDebugStringConvertible {
    /// The parameters joined with `&`, secrets redacted and nothing percent-encoded.
    public var description: String {
        entries.map(\.description).joined(separator: "&")
    }

    public var debugDescription: String {
        description
    }
}

extension WireParameters: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: entries, displayStyle: .collection)
    }
}
