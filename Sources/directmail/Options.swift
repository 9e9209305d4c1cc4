import APIGenRuntime
import DirectMail
import Foundation

/// The parsed command line of `directmail`.
struct Options {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var showHelp = false
    var domain = ""
    var region = DirectMailClient.product.defaultRegion
    var dryRun = false
    var timeout = 30.0
    var clientOptions = RPCClientOptions()

    init(_ arguments: [String]) throws(Failure) {
        if arguments.contains("--help") || arguments.contains("-h") || arguments.isEmpty {
            showHelp = true
            return
        }
        guard arguments.first == "modify-smtp-password" else {
            throw Failure(
                description:
                    "unknown command '\(arguments[0])'; the command is modify-smtp-password")
        }
        var remaining = arguments.dropFirst()
        var sawDomain = false
        while let option = remaining.popFirst() {
            if option == "--dry-run" {
                dryRun = true
                continue
            }
            guard
                [
                    "--domain", "--region", "--endpoint", "--signature-version", "--format",
                    "--timeout",
                ].contains(option)
            else {
                throw Failure(description: "unknown option '\(option)'")
            }
            guard let value = remaining.popFirst() else {
                throw Failure(description: "the option \(option) needs a value")
            }
            switch option {
            case "--domain":
                domain = value
                sawDomain = true
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
            default:
                guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                    throw Failure(
                        description: "invalid timeout '\(value)'; give a positive number of seconds"
                    )
                }
                timeout = seconds
            }
        }
        guard sawDomain else {
            throw Failure(
                description: "missing --domain; name the domain, such as --domain example.com")
        }
    }

    /// Parses `scheme://host[:port]`, the only form an endpoint override takes.
    private static func endpoint(_ text: String) throws(Failure) -> Endpoint {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
            components.path.isEmpty || components.path == "/", components.query == nil
        else {
            throw Failure(
                description:
                    "invalid endpoint '\(text)'; use scheme://host[:port], such as https://dm.aliyuncs.com"
            )
        }
        return Endpoint(scheme: scheme, host: host, port: components.port)
    }
}
