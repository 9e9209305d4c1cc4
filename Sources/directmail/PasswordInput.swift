import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the new password from standard input: with a prompt and without echo on a terminal,
/// or as the first line of a pipe or file.
///
/// The line is read as bytes, so that invalid UTF-8 is rejected instead of being replaced by
/// U+FFFD and sent. Messages never contain the value.
enum PasswordInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The maximum line length accepted, in bytes, without the line break: 1,024. Reading stops
    /// soon after a longer line passes this limit, so a huge input is never read whole.
    static let maxLineBytes = 1024

    /// The number of bytes requested from standard input per read.
    private static let chunkBytes = 256

    static func read() throws(Failure) -> String {
        let line: [UInt8]?
        if isatty(STDIN_FILENO) != 0 {
            FileHandle.standardError.write(Data("New SMTP password: ".utf8))
            defer { FileHandle.standardError.write(Data("\n".utf8)) }
            line = try withEchoDisabled { () throws(Failure) in try readFirstLine() }
            guard let line, !line.isEmpty else {
                throw Failure(description: "no password was entered")
            }
        } else {
            line = try readFirstLine()
            guard let line else {
                throw Failure(
                    description: "standard input is empty; pipe the new password into the command"
                )
            }
            guard !line.isEmpty else {
                throw Failure(
                    description: "the first line of standard input is empty; put the new"
                        + " password on the first line")
            }
        }
        return try validated(line ?? [])
    }

    /// Returns the first line without its `\n` or `\r\n`, or nil when the input is empty.
    private static func readFirstLine() throws(Failure) -> [UInt8]? {
        var line: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        var readAnything = false
        while true {
            let count = buffer.withUnsafeMutableBytes { readStandardInput(into: $0) }
            if count < 0 {
                if errno == EINTR {
                    continue
                }
                throw Failure(
                    description:
                        "standard input could not be read: \(String(cString: strerror(errno)))"
                )
            }
            if count == 0 {
                break
            }
            readAnything = true
            if let newline = buffer[..<count].firstIndex(of: UInt8(ascii: "\n")) {
                line += buffer[..<newline]
                break
            }
            line += buffer[..<count]
            // One more byte is allowed for the `\r` of a `\r\n` line break.
            if line.count > maxLineBytes + 1 {
                throw tooLong
            }
        }
        guard readAnything else {
            return nil
        }
        if line.last == UInt8(ascii: "\r") {
            line.removeLast()
        }
        guard line.count <= maxLineBytes else {
            throw tooLong
        }
        return line
    }

    private static var tooLong: Failure {
        Failure(
            description: "the password on standard input is longer than \(maxLineBytes) bytes;"
                + " put only the new password on the first line")
    }

    /// Returns the line as a string, rejecting invalid UTF-8 and control characters.
    private static func validated(_ line: [UInt8]) throws(Failure) -> String {
        guard let password = String(validating: line, as: UTF8.self) else {
            throw Failure(
                description: "the password on standard input is not valid UTF-8; save it as"
                    + " UTF-8 text")
        }
        let hasControl = password.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }
        guard !hasControl else {
            throw Failure(
                description: "the password on standard input contains a control character,"
                    + " such as NUL, a tab or an escape (U+0000 to U+001F, U+007F or U+0080 to"
                    + " U+009F), which is rejected")
        }
        return password
    }

    /// Runs `body` with the terminal's echo turned off, restoring the terminal afterwards.
    private static func withEchoDisabled<Value, Failure: Error>(
        _ body: () throws(Failure) -> Value
    ) throws(Failure) -> Value {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            return try body()
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
        return try body()
    }
}

/// Reads up to `buffer.count` bytes of standard input with `read(2)`, returning its result.
/// It sits outside ``PasswordInput``, whose own `read()` would hide the C function.
private func readStandardInput(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(STDIN_FILENO, buffer.baseAddress, buffer.count)
}
