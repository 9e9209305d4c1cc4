import APIGenRuntime
import DirectMail
import Foundation

/// The `directmail` command: calls DirectMail actions from a shell.
@main
struct DirectMailCommand {
    /// Exit statuses, also listed in the help text.
    enum ExitStatus: Int32 {
        case success = 0
        case serviceError = 1
        case usage = 2
        case invalidRequest = 3
        case configuration = 4
        case failedCall = 5
    }

    static let usage = """
        OVERVIEW: Call Alibaba Cloud DirectMail from the command line.

        USAGE: directmail modify-smtp-password --domain <name> [options]

        Sets the SMTP password of a domain. The new password is read from standard input:
        typed without echo on a terminal, or the first line of a pipe. The line must be valid
        UTF-8 without control characters and at most \(PasswordInput.maxLineBytes) bytes long.

        OPTIONS:
          --domain <name>              The domain, such as example.com (required).
          --region <id>                The region (default: cn-hangzhou). Known regions:
                                       \(DirectMailClient.product.endpoints.keys.sorted().joined(separator: ", ")).
          --endpoint <url>             Send to this URL instead of the region's endpoint,
                                       such as http://127.0.0.1:8080.
          --signature-version <2|3>    The signature version (default: 3).
          --format <json|xml>          The response format to request (default: json).
          --method <POST|GET>          The HTTP method (default: POST). GET puts every
                                       parameter, the password included, in the URL, where
                                       proxies and server logs may record it.
          --timeout <seconds>          How long to wait for the response, at most
                                       \(Int(Options.maxTimeout)) (default: 30).
          --dry-run                    Print the signed request with every secret redacted and
                                       send nothing. Works without real credentials.
          -h, --help                   Show this help.

        Each option is given at most once, as --option value or --option=value.

        CREDENTIALS: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and, for a
        temporary key, ALIBABA_CLOUD_SECURITY_TOKEN.

        The call is sent once and never retried: a repeated call after a lost reply would be
        answered InvalidDomainPassword.equalcurrent although the first one succeeded.

        EXIT STATUS:
          0  the password was set (or, with --dry-run, the request was printed)
          1  the service returned an error, also with a 2xx status
          2  usage error, or an invalid password line on standard input
          3  the request breaks a documented rule; nothing was sent
          4  missing credentials or an invalid region or endpoint
          5  no usable response: a transport failure or an unexpected response, such as one
             that reports a failure without an error code
        """

    static func main() async {
        let status = await run(Array(CommandLine.arguments.dropFirst()))
        exit(status.rawValue)
    }

    static func run(_ arguments: [String]) async -> ExitStatus {
        let options: Options
        do {
            options = try Options(arguments)
        } catch {
            let message = ControlCharacterEscaping.escape(error.description)
            if error.showsUsage {
                printError("directmail: \(message)\n\n\(usage)")
            } else {
                printError("directmail: \(message)\nRun 'directmail --help' for usage.")
            }
            return .usage
        }
        if options.showHelp {
            print(usage)
            return .success
        }
        let password: String
        do {
            password = try PasswordInput.read()
        } catch {
            printError("directmail: \(error.description)")
            return .usage
        }
        let request = ModifyPWByDomain.Request(
            domainName: options.domain, password: Secret(password))
        let credentials: Credentials
        do {
            credentials = try Credentials.fromEnvironment()
        } catch {
            guard options.dryRun else {
                printError("directmail: \(error)")
                return .configuration
            }
            printError(
                "directmail: no credentials in the environment; the dry run signs with a placeholder key"
            )
            credentials = Credentials(
                accessKeyId: "dry-run-access-key-id", accessKeySecret: Secret("dry-run-secret"))
        }
        let client = DirectMailClient(
            region: options.region, credentials: credentials,
            transport: URLSessionTransport(timeout: options.timeout), options: options.clientOptions
        )
        if options.dryRun {
            return dryRun(request, client: client)
        }
        do {
            let response = try await client.modifyPWByDomain(request)
            print("The SMTP password of \(options.domain) was set.")
            print("Request ID: \(escape(response.requestId))")
            if let code = response.code {
                print("Code: \(escape(code))")
            }
            return .success
        } catch {
            return report(error)
        }
    }

    private static func dryRun(_ request: ModifyPWByDomain.Request, client: DirectMailClient)
        -> ExitStatus
    {
        do {
            print(try client.rpc.preparedRequest(for: request).description)
            return .success
        } catch {
            return report(error)
        }
    }

    private static func report(_ error: CallError<ModifyPWByDomain.ErrorCode>) -> ExitStatus {
        switch error {
        case .invalidRequest(let validation):
            printError("directmail: \(validation)")
            return .invalidRequest
        case .service(let service):
            printError("directmail: the service returned an error")
            printError("  Code: \(escape(service.code.wireValue))")
            printError("  HTTP status: \(service.httpStatus)")
            printError("  Meaning: \(service.code.meaning ?? "not documented for this action")")
            if let message = service.message {
                printError("  Message: \(escape(message))")
            }
            printError("  Request ID: \(service.requestId.map(escape) ?? "none")")
            return .serviceError
        case .configuration:
            printError("directmail: \(error)")
            return .configuration
        case .unexpectedResponse, .transport:
            printError("directmail: \(escape(error.description))")
            return .failedCall
        }
    }

    /// Escapes control characters in text from the server, so that it cannot drive the
    /// terminal or start a line that looks like this program's output.
    private static func escape(_ text: String) -> String {
        ControlCharacterEscaping.escape(text)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
