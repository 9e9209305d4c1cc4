import Foundation

/// Runs this benchmark again as a child process, so that each peak memory figure belongs to
/// one measured task and not to everything the parent did before.
///
/// Peak memory is the child's `getrusage` maximum resident set size, which Linux reports in
/// KiB. For `RUSAGE_CHILDREN` it is the largest of all waited-for descendants, such as the
/// largest `swift-frontend` of a build, not the sum of the process tree.
enum ChildProcess {
    /// The argument that starts child mode, followed by the mode's name.
    static let flag = "--child"

    struct Outcome {
        /// The peak resident set size, in bytes.
        var peakBytes: Double
        /// The wall time the child measured around its task, in seconds.
        var seconds: Double
        var fields: [String: String]
    }

    /// Runs `apigen-bench --child MODE ARGUMENTS...` and parses the `key=value` lines it prints.
    static func run(mode: String, arguments: [String]) throws -> Outcome {
        guard let executable = Bundle.main.executableURL else {
            throw BenchmarkFailure("the benchmark cannot find its own executable to start a child")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = [flag, mode] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure(
                "the child \(mode) exited with status \(process.terminationStatus): \(text)")
        }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else {
                continue
            }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let kibibytes = fields["maxrss_kib"].flatMap(Double.init),
            let seconds = fields["seconds"].flatMap(Double.init)
        else {
            throw BenchmarkFailure("the child \(mode) printed no maxrss_kib or seconds: \(text)")
        }
        return Outcome(peakBytes: kibibytes * 1024, seconds: seconds, fields: fields)
    }

    /// Returns the peak resident set size of this process, or with `children` of its
    /// waited-for descendants, in KiB.
    static func maxResidentKibibytes(children: Bool) -> Int {
        var usage = rusage()
        getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    /// Runs the child side of ``run(mode:arguments:)`` and returns the process's exit status.
    static func main(_ arguments: [String]) -> Int32 {
        guard let mode = arguments.first else {
            printError("\(flag) needs a mode: idle, generate, run or repeat")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch mode {
            case "idle":
                print("maxrss_kib=\(maxResidentKibibytes(children: false))")
                print("seconds=0")
            case "generate":
                guard rest.count == 1 else {
                    printError("\(flag) generate needs one specs folder")
                    return 2
                }
                let start = monotonicSeconds()
                let counts = try SpecsGeneration.generate(folder: URL(fileURLWithPath: rest[0]))
                print("seconds=\(monotonicSeconds() - start)")
                print("actions=\(counts.actions)")
                print("maxrss_kib=\(maxResidentKibibytes(children: false))")
            case "run":
                return try runCommand(rest)
            case "repeat":
                return try RepeatedOperations.main(rest)
            default:
                printError("unknown child mode \(mode); expected idle, generate, run or repeat")
                return 2
            }
        } catch {
            printError("child \(mode) failed: \(error)")
            return 1
        }
        return 0
    }

    /// Runs `DIRECTORY LOG EXECUTABLE ARGUMENTS...` with its output in the file LOG, then
    /// prints its wall time, exit status and the peak memory of its largest process.
    private static func runCommand(_ arguments: [String]) throws -> Int32 {
        guard arguments.count >= 3 else {
            printError("\(flag) run needs a directory, a log file and a command")
            return 2
        }
        guard FileManager.default.createFile(atPath: arguments[1], contents: nil) else {
            printError("cannot create the log file \(arguments[1])")
            return 2
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: arguments[1]))
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[2])
        process.arguments = Array(arguments.dropFirst(3))
        process.currentDirectoryURL = URL(fileURLWithPath: arguments[0])
        process.standardOutput = log
        process.standardError = log
        let start = monotonicSeconds()
        try process.run()
        process.waitUntilExit()
        print("seconds=\(monotonicSeconds() - start)")
        print("status=\(process.terminationStatus)")
        print("maxrss_kib=\(maxResidentKibibytes(children: true))")
        return 0
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("apigen-bench: \(message)\n".utf8))
}
