import Foundation
import Testing

private let password = DirectMailCLITests.password
private let dryRunArguments = ["modify-smtp-password", "--domain", "example.com", "--dry-run"]

@Suite("directmail command line and standard input")
struct DirectMailCLIInputTests {
    @Test("no arguments prints usage to standard error and exits 2")
    func noArguments() throws {
        let result = try runDirectMail([], input: "")
        #expect(result.status == 2)
        #expect(result.standardError.contains("USAGE: directmail modify-smtp-password"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("help flags print usage and exit 0", arguments: ["--help", "-h"])
    func helpFlag(flag: String) throws {
        let result = try runDirectMail([flag], input: "")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: directmail modify-smtp-password"))
        #expect(result.standardOutput.contains("--method <POST|GET>"))
        #expect(result.standardOutput.contains("86400 (default: 30)"))
        #expect(result.standardOutput.contains("at most 1024 bytes long"))
    }

    @Test("command line errors exit 2 with a message")
    func commandLineErrors() throws {
        let cases: [(arguments: [String], message: String)] = [
            (
                ["modify-smtp-password", "--domain", "a.com", "--domain", "b.com"],
                "the option --domain is given more than once"
            ),
            (
                ["modify-smtp-password", "extra", "--domain", "a.com"],
                "unexpected argument 'extra'"
            ),
            (["modify-smtp-password", "--domain"], "the option --domain needs a value"),
            (
                ["modify-smtp-password", "--domain", "--dry-run"],
                "the option --domain needs a value"
            ),
            (
                ["modify-smtp-password", "--domain=a.com", "--method", "PUT"],
                "invalid method 'PUT'"
            ),
            (
                ["modify-smtp-password", "--domain=a.com", "--timeout", "1e18"],
                "invalid timeout '1e18'"
            ),
            (
                ["modify-smtp-password", "--domain=a.com", "--timeout=86401"],
                "invalid timeout '86401'"
            ),
            (["modify-smtp-password", "--domain=a.com", "--dry-run=yes"], "takes no value"),
            (
                [
                    "modify-smtp-password", "--domain=a.com", "--endpoint",
                    "http://127.0.0.1:1/path",
                ],
                "it has a path"
            ),
            (
                [
                    "modify-smtp-password", "--domain=a.com", "--endpoint",
                    "http://127.0.0.1:1/?a=b",
                ],
                "it has a query"
            ),
            (
                [
                    "modify-smtp-password", "--domain=a.com", "--endpoint",
                    "http://127.0.0.1:1/#top",
                ],
                "it has a fragment"
            ),
        ]
        for (arguments, message) in cases {
            let result = try runDirectMail(arguments, input: password + "\n")
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(arguments)")
        }
    }

    @Test("endpoint with user info is rejected without echoing it")
    func endpointUserInfo() throws {
        let result = try runDirectMail(
            [
                "modify-smtp-password", "--domain", "a.com", "--dry-run",
                "--endpoint", "http://admin:hunter2secret@127.0.0.1:1",
            ],
            input: password + "\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("user info"))
        #expect(!result.standardError.contains("hunter2secret"))
    }

    @Test("options accept the equals form")
    func equalsForm() throws {
        let result = try runDirectMail(
            [
                "modify-smtp-password", "--domain=example.com", "--signature-version=2",
                "--format=xml", "--timeout=86400", "--dry-run",
            ],
            input: password + "\n")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("DomainName=example.com"))
        #expect(result.standardOutput.contains("Format=XML"))
    }

    @Test("dry run with GET redacts the password in the URL")
    func dryRunGet() throws {
        let result = try runDirectMail(
            dryRunArguments + ["--method", "GET", "--signature-version", "2"],
            input: password + "\n")
        #expect(result.status == 0)
        let requestLine = result.standardOutput.split(separator: "\n").first ?? ""
        #expect(requestLine.hasPrefix("GET https://dm.aliyuncs.com/?"))
        #expect(requestLine.contains("Password=<redacted>"))
        #expect(requestLine.contains("Signature=<redacted>"))
        #expect(!result.standardOutput.contains(password))
        #expect(!result.standardError.contains(password))
    }

    @Test("empty first line is a usage error")
    func emptyFirstLine() throws {
        let result = try runDirectMail(dryRunArguments, input: "\n" + password + "\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("the first line of standard input is empty"))
    }

    @Test("invalid UTF-8 password is rejected")
    func invalidUTF8() throws {
        var bytes = Data("Qw7Se".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Data("cret9Zx\n".utf8)
        let result = try runDirectMail(dryRunArguments, inputBytes: bytes)
        #expect(result.status == 2)
        #expect(result.standardError.contains("not valid UTF-8"))
        #expect(!result.standardError.contains("Qw7Se"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test(
        "control characters in the password are rejected",
        arguments: [
            "Qw7Sec\u{0}ret9Zx", "Qw7Sec\tret9Zx", "Qw7Sec\u{1B}ret9Zx", "Qw7Sec\u{7F}ret9Zx",
        ])
    func controlCharacter(line: String) throws {
        let result = try runDirectMail(dryRunArguments, input: line + "\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("contains a control character"))
        #expect(!result.standardError.contains("ret9Zx"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("CRLF line break is removed")
    func crlfLine() throws {
        let result = try runDirectMail(dryRunArguments, input: password + "\r\n")
        #expect(result.status == 0)
    }

    @Test("line of 1024 bytes is accepted and one more is rejected")
    func lineLengthLimit() throws {
        // A valid line of the maximum length reaches validation, which rejects the length.
        let longest = try runDirectMail(
            dryRunArguments, input: String(repeating: "a", count: 1024) + "\n")
        #expect(longest.status == 3)
        let tooLong = try runDirectMail(
            dryRunArguments, input: String(repeating: "a", count: 1025) + "\n")
        #expect(tooLong.status == 2)
        #expect(tooLong.standardError.contains("longer than 1024 bytes"))
    }

    @Test("huge first line is rejected without reading it all", .timeLimit(.minutes(1)))
    func hugeLine() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("directmail-huge-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        // A sparse file of 300 MB without a line break, which takes no disk space.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 300_000_000)
        try handle.close()

        let start = Date()
        let result = try runDirectMail(dryRunArguments, inputFile: file)
        #expect(result.status == 2)
        #expect(result.standardError.contains("longer than 1024 bytes"))
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
