import APIGenRuntime
import DirectMail
import Foundation

/// The parsed command line of `directmail`.
struct Options {
    struct Failure: Error, CustomStringConvertible {
        var description: String

        /// Whether the full usage is printed in place of a pointer to `--help`, as it is when
        /// the command line is empty.
        var showsUsage = false
    }

    /// The largest `--timeout`: 86,400 seconds (one day).
    static let maxTimeout: Double = 86_400

    /// The options that take a value, given as `--name value` or `--name=value`.
    private static let valueOptions: Set<String> = [
        "--domain", "--region", "--endpoint", "--signature-version", "--format", "--timeout",
        "--method",
    ]

    var showHelp = false
    var domain = ""
    var region = DirectMailClient.product.defaultRegion
    var dryRun = false
    var timeout = 30.0
    var clientOptions = RPCClientOptions()

    init(_ arguments: [String]) throws(Failure) {
        if arguments.contains("--help") || arguments.contains("-h") {
            showHelp = true
            return
        }
        guard let command = arguments.first else {
            throw Failure(description: "missing command", showsUsage: true)
        }
        guard command == "modify-smtp-password" else {
            throw Failure(
                description: "unknown command '\(command)'; the command is modify-smtp-password")
        }
        var remaining = arguments.dropFirst()
        var seenOptions = Set<String>()
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-") else {
                throw Failure(description: "unexpected argument '\(argument)'")
            }
            var option = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard option == "--dry-run" || Self.valueOptions.contains(option) else {
                throw Failure(description: "unknown option '\(option)'")
            }
            guard seenOptions.insert(option).inserted else {
                throw Failure(description: "the option \(option) is given more than once")
            }
            if option == "--dry-run" {
                guard inlineValue == nil else {
                    throw Failure(description: "the option --dry-run takes no value")
                }
                dryRun = true
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if let next = remaining.first, !next.hasPrefix("--") {
                value = next
                remaining.removeFirst()
            } else {
                throw Failure(description: "the option \(option) needs a value")
            }
            try apply(option, value)
        }
        guard seenOptions.contains("--domain") else {
            throw Failure(
                description: "missing --domain; name the domain, such as --domain example.com")
        }
    }

    private mutating func apply(_ option: String, _ value: String) throws(Failure) {
        switch option {
        case "--domain":
            domain = value
        case "--region":
            region = value
        case "--endpoint":
            clientOptions.endpoint = try Self.endpoint(value)
        case "--signature-version":
            switch value {
            case "2": clientOptions.signatureVersion = .v2
            case "3": clientOptions.signatureVersion = .v3
            default:
                throw Failure(description: "invalid signature version '\(value)'; use 2 or 3")
            }
        case "--format":
            switch value.lowercased() {
            case "json": clientOptions.format = .json
            case "xml": clientOptions.format = .xml
            default: throw Failure(description: "invalid format '\(value)'; use json or xml")
            }
        case "--method":
            guard let method = HTTPMethod(rawValue: value.uppercased()) else {
                throw Failure(description: "invalid method '\(value)'; use POST or GET")
            }
            clientOptions.method = method
        default:
            guard let seconds = Double(value), seconds > 0, seconds <= Self.maxTimeout else {
                throw Failure(
                    description: "invalid timeout '\(value)'; give a number of seconds greater"
                        + " than 0 and at most \(Int(Self.maxTimeout))")
            }
            timeout = seconds
        }
    }

    /// Parses `scheme://host[:port]`, the only form an endpoint override takes, with an
    /// optional `/` after it.
    private static func endpoint(_ text: String) throws(Failure) -> Endpoint {
        let form = "use scheme://host[:port], such as https://dm.aliyuncs.com"
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw Failure(description: "invalid endpoint '\(text)'; \(form)")
        }
        // User info can contain a password, so the message leaves the endpoint out.
        guard components.user == nil, components.password == nil else {
            throw Failure(
                description: "invalid endpoint: it contains user info (name@ or"
                    + " name:password@), which is not accepted; \(form)")
        }
        let parts = [
            ("a path", !(components.path.isEmpty || components.path == "/")),
            ("a query", components.query != nil),
            ("a fragment", components.fragment != nil),
        ]
        for (part, isPresent) in parts where isPresent {
            throw Failure(description: "invalid endpoint '\(text)': it has \(part); \(form)")
        }
        return Endpoint(scheme: scheme, host: host, port: components.port)
    }
}
