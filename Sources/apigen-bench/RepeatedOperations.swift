import APIGenRuntime
import CLibXML2
import DirectMail
import Foundation

/// The timed operations by name, for `apigen-bench --child repeat NAME COUNT`, which runs
/// one of them COUNT times untimed. Under `valgrind --tool=callgrind` the difference between
/// the instruction counts of two COUNTs, divided by their difference, is the operation's
/// instruction count per call, free of timing noise.
enum RepeatedOperations {
    static func operation(named name: String) -> (() throws -> Void)? {
        let xml = BenchmarkPayloads.pageXML
        let json = BenchmarkPayloads.metadataJSON
        let decoder = JSONDecoder()
        let regexValidator = RegexValidator()
        let valid = ModifyPWByDomain.Request(domainName: "example.com", password: "DM1mail1234")
        let invalid = ModifyPWByDomain.Request(domainName: "example.com", password: "pwd")
        xmlInitParser()
        switch name {
        case "xml-generated":
            return { blackHole(try ModifyPWByDomain.Response(xml: xml)) }
        case "xml-sax":
            return { blackHole(BareLibXML2.parseWithEmptyHandler(xml)) }
        case "xml-readmemory":
            return { blackHole(BareLibXML2.readMemoryAndFree(xml)) }
        case "xml-foundation":
            return { blackHole(try FoundationXMLResponseDecoder.decode(xml)) }
        case "json-generated":
            return { blackHole(try ModifyPWByDomain.Response(json: json)) }
        case "json-codable":
            return { blackHole(try decoder.decode(CodableResponse.self, from: json)) }
        case "validate-valid":
            return { blackHole(try? valid.validate()) }
        case "validate-invalid":
            return { blackHole(try? invalid.validate()) }
        case "regex-valid":
            return {
                blackHole(
                    regexValidator.validate(domainName: "example.com", password: "DM1mail1234"))
            }
        case "regex-invalid":
            return {
                blackHole(regexValidator.validate(domainName: "example.com", password: "pwd"))
            }
        default:
            return nil
        }
    }

    static let names = [
        "xml-generated", "xml-sax", "xml-readmemory", "xml-foundation", "json-generated",
        "json-codable", "validate-valid", "validate-invalid", "regex-valid", "regex-invalid",
    ]

    /// Runs `NAME COUNT` and returns the exit status.
    static func main(_ arguments: [String]) throws -> Int32 {
        guard arguments.count == 2, let operation = operation(named: arguments[0]),
            let count = Int(arguments[1]), count >= 0
        else {
            printError(
                "\(ChildProcess.flag) repeat needs an operation and a count, such as"
                    + " xml-generated 1000; operations: \(names.joined(separator: ", "))")
            return 2
        }
        // One call outside the count, so that one-time setup is in every total alike.
        try operation()
        for _ in 0..<count {
            try operation()
        }
        return 0
    }
}
