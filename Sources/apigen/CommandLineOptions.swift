/// A usage error: an unknown option, a missing value or a missing argument. Exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var command: String

    var description: String {
        "apigen \(command): \(message)\nRun 'apigen \(command) --help' for usage."
    }
}

/// The arguments of one subcommand: `--name value` options and plain arguments.
struct CommandLineOptions {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var arguments: [String] = []

    /// Parses `arguments`, accepting only the listed options and flags.
    init(_ arguments: [String], command: String, options: Set<String>, flags: Set<String>)
        throws(UsageError)
    {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                self.arguments += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                self.arguments.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                self.flags.insert(name)
            } else if options.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else if index < arguments.count {
                    values[name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "the option \(name) needs a value", command: command)
                }
            } else {
                let known = (options.union(flags)).sorted().joined(separator: ", ")
                throw UsageError(
                    message: "unknown option '\(name)'; the options are \(known)", command: command)
            }
        }
    }
}
