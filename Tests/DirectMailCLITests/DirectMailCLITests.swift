import Foundation
import Testing

/// The output of one run of the built `directmail` executable.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the `directmail` executable built beside the test bundle, feeding `input` to its
/// standard input, with an environment that has no credentials unless `environment` adds them.
func runDirectMail(_ arguments: [String], input: String, environment: [String: String] = [:]) throws
    -> CommandResult
{
    try runDirectMail(arguments, inputBytes: Data(input.utf8), environment: environment)
}

/// Runs `directmail` with `inputBytes` on standard input, which need not be UTF-8.
func runDirectMail(
    _ arguments: [String], inputBytes: Data, environment: [String: String] = [:]
) throws -> CommandResult {
    let stdin = Pipe()
    let process = try startDirectMail(arguments, input: stdin, environment: environment)
    // The input is small enough for the pipe's buffer, so writing never blocks.
    stdin.fileHandleForWriting.write(inputBytes)
    try stdin.fileHandleForWriting.close()
    return finish(process)
}

/// Runs `directmail` with the file at `inputFile` as its standard input.
func runDirectMail(
    _ arguments: [String], inputFile: URL, environment: [String: String] = [:]
) throws -> CommandResult {
    let input = try FileHandle(forReadingFrom: inputFile)
    defer { try? input.close() }
    return finish(try startDirectMail(arguments, input: input, environment: environment))
}

/// A started `directmail` process and the pipes of its output.
struct RunningCommand {
    var process: Process
    var standardOutput: Pipe
    var standardError: Pipe
}

private func startDirectMail(
    _ arguments: [String], input: Any, environment: [String: String]
) throws -> RunningCommand {
    let process = Process()
    process.executableURL = try builtExecutable("directmail")
    process.arguments = arguments
    var inherited = ProcessInfo.processInfo.environment.filter {
        !$0.key.hasPrefix("ALIBABA_CLOUD_")
    }
    inherited.merge(environment) { $1 }
    process.environment = inherited
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = input
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    return RunningCommand(process: process, standardOutput: stdout, standardError: stderr)
}

private func finish(_ command: RunningCommand) -> CommandResult {
    let output = command.standardOutput.fileHandleForReading.readDataToEndOfFile()
    let errors = command.standardError.fileHandleForReading.readDataToEndOfFile()
    command.process.waitUntilExit()
    return CommandResult(
        status: command.process.terminationStatus,
        standardOutput: String(decoding: output, as: UTF8.self),
        standardError: String(decoding: errors, as: UTF8.self))
}

/// Finds an executable product in the build folder of the running test binary.
func builtExecutable(_ name: String) throws -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        folder.deleteLastPathComponent()
    }
    throw ExecutableNotFound(name: name, start: CommandLine.arguments[0])
}

struct ExecutableNotFound: Error, CustomStringConvertible {
    var name: String
    var start: String

    var description: String {
        "the \(name) executable was not found near \(start); run the tests with 'swift test'"
    }
}

@Suite("directmail command")
struct DirectMailCLITests {
    static let password = "Qw7Secret9Zx"

    @Test("dry run prints the signed request with the password redacted")
    func dryRunRedacts() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com", "--dry-run"],
            input: Self.password + "\n")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("POST https://dm.aliyuncs.com/\n"))
        #expect(result.standardOutput.contains("DomainName=example.com&Password=<redacted>"))
        #expect(result.standardOutput.contains("Signature=<redacted>"))
        #expect(result.standardOutput.contains("x-acs-content-sha256: <redacted>"))
        #expect(!result.standardOutput.contains(Self.password))
        #expect(!result.standardError.contains(Self.password))
        #expect(result.standardError.contains("placeholder key"))
    }

    @Test("dry run with version 2 redacts")
    func dryRunVersionTwo() throws {
        let result = try runDirectMail(
            [
                "modify-smtp-password", "--domain", "example.com", "--dry-run",
                "--signature-version", "2", "--region", "eu-central-1",
            ],
            input: Self.password + "\n",
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "test-id",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-secret-value",
            ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("POST https://dm.eu-central-1.aliyuncs.com/\n"))
        #expect(result.standardOutput.contains("Version=2017-06-22"))
        #expect(result.standardOutput.contains("Password=<redacted>"))
        #expect(!result.standardOutput.contains(Self.password))
        #expect(!result.standardOutput.contains("test-secret-value"))
        #expect(!result.standardError.contains("placeholder key"))
    }

    @Test("invalid password exits 3 and sends nothing")
    func invalidPassword() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com", "--dry-run"], input: "pwd\n")
        #expect(result.status == 3)
        #expect(result.standardError.contains("Password: must be 10 to 20 characters long"))
        #expect(result.standardOutput.isEmpty)
        #expect(!result.standardError.contains("pwd\n"))
    }

    @Test("missing domain is a usage error")
    func missingDomain() throws {
        let result = try runDirectMail(["modify-smtp-password"], input: "")
        #expect(result.status == 2)
        #expect(result.standardError.contains("missing --domain"))
    }

    @Test("unknown region is a configuration error")
    func unknownRegion() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com", "--region", "mars-1", "--dry-run"],
            input: Self.password + "\n")
        #expect(result.status == 4)
        #expect(result.standardError.contains("mars-1"))
    }

    @Test("missing credentials without dry run exits 4")
    func missingCredentials() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com"], input: Self.password + "\n")
        #expect(result.status == 4)
        #expect(result.standardError.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
    }

    @Test("invalid endpoint is a usage error")
    func invalidEndpoint() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com", "--endpoint", "ftp://x/y"],
            input: Self.password + "\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("invalid endpoint 'ftp://x/y'"))
    }

    @Test("empty standard input is a usage error")
    func emptyInput() throws {
        let result = try runDirectMail(
            ["modify-smtp-password", "--domain", "example.com", "--dry-run"], input: "")
        #expect(result.status == 2)
        #expect(result.standardError.contains("standard input is empty"))
    }
}
