/// A structured request value before it is flattened into wire parameters: what list and
/// object parameters in the `repeatList`, `flat` and `json` styles send.
public indirect enum WireValue: Sendable, Hashable {
    /// A string, sent as is and quoted in JSON.
    case string(String)

    /// A number or a Boolean as its literal text, such as `42` or `true`, unquoted in JSON.
    case literal(String)

    /// A list, numbered from 1 when flattened.
    case list([WireValue])

    /// An object's members in declaration order. Absent optional members are left out.
    case object([WireMember])

    /// Returns the JSON text of the value, such as `{"Key":"a","Size":2}`.
    public var jsonText: String {
        switch self {
        case .string(let text):
            return WireEncoding.jsonString(text)
        case .literal(let text):
            return text
        case .list(let items):
            return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            let texts = members.map { WireEncoding.jsonString($0.name) + ":" + $0.value.jsonText }
            return "{" + texts.joined(separator: ",") + "}"
        }
    }

    /// Returns the value as flat wire parameters whose names start with `name`: list elements
    /// as `name.1`, `name.2` and object members as `name.Key`, nested as deep as the value.
    public func flattened(named name: String) -> [(name: String, value: String)] {
        switch self {
        case .string(let text), .literal(let text):
            return [(name, text)]
        case .list(let items):
            var result: [(name: String, value: String)] = []
            for (index, item) in items.enumerated() {
                result += item.flattened(named: "\(name).\(index + 1)")
            }
            return result
        case .object(let members):
            var result: [(name: String, value: String)] = []
            for member in members {
                result += member.value.flattened(named: "\(name).\(member.name)")
            }
            return result
        }
    }
}

/// A member of a ``WireValue/object(_:)``: its wire name and value.
public struct WireMember: Sendable, Hashable {
    public var name: String
    public var value: WireValue

    public init(_ name: String, _ value: WireValue) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == WireMember {
    /// Appends a member with the wire name and value.
    public mutating func append(_ name: String, _ value: WireValue) {
        append(WireMember(name, value))
    }
}

/// A request type nested in a parameter, which the generated code turns into a ``WireValue``.
public protocol WireValueConvertible: Sendable {
    /// The value with its members under their wire names.
    var wireValue: WireValue { get }
}

extension WireValue {
    /// Returns a freeform object's members sorted by key, so that the same map always sends
    /// the same parameters.
    public static func map(_ members: [String: String]) -> WireValue {
        .object(members.sorted { $0.key < $1.key }.map { WireMember($0.key, .string($0.value)) })
    }
}

extension WireParameters {
    /// Appends `value` flattened under `name`, as the `repeatList` and `flat` styles send it.
    public mutating func set(_ name: String, flattening value: WireValue) {
        for entry in value.flattened(named: name) {
            set(entry.name, to: entry.value)
        }
    }
}
