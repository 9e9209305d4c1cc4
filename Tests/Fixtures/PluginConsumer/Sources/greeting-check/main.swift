import APIGenRuntime
import Foundation
import Greeting

// Prints whether the generated client accepts the name given as the only argument: `valid`, or
// `invalid:` and one line per broken rule. The exit status is 0 in both cases.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let name = arguments.first else {
    print("usage: greeting-check <name>")
    exit(2)
}

do {
    try SayHello.Request(name: name).validate()
    print("valid")
} catch {
    print("invalid:")
    for issue in error.issues {
        print("\(issue.parameter) \(issue.rule) \(issue.errorCode ?? "-"): \(issue.message)")
    }
}
