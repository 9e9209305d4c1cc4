import Foundation

/// Reads a payload file copied into the test bundle.
func payload(_ name: String) throws -> Data {
    guard
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Payloads")
    else {
        throw PayloadMissing(name: name)
    }
    return try Data(contentsOf: url)
}

struct PayloadMissing: Error, CustomStringConvertible {
    var name: String

    var description: String {
        "the payload \(name) is not in the test bundle; add it under Tests/DirectMailTests/Payloads"
    }
}
