import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the new password from standard input: with a prompt and without echo on a terminal,
/// or as the first line of a pipe or file.
enum PasswordInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read() throws(Failure) -> String {
        if isatty(STDIN_FILENO) != 0 {
            FileHandle.standardError.write(Data("New SMTP password: ".utf8))
            let password = withEchoDisabled { readLine(strippingNewline: true) }
            FileHandle.standardError.write(Data("\n".utf8))
            guard let password, !password.isEmpty else {
                throw Failure(description: "no password was entered")
            }
            return password
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw Failure(
                description: "standard input is empty; pipe the new password into the command")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// Runs `body` with the terminal's echo turned off, restoring the terminal afterwards.
    private static func withEchoDisabled<Result>(_ body: () -> Result) -> Result {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            return body()
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
        return body()
    }
}
