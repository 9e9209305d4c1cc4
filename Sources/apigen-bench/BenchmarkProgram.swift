import Foundation

/// The command-line options of `apigen-bench`.
struct BenchmarkOptions {
    static let usage = """
        usage: swift run -c release apigen-bench [options]

        Times the generator and the generated DirectMail client against hand-written
        baselines measured in the same run, prints a table and, with --json, writes it as JSON.

        options:
          --iterations N          timed samples per case (default 21); 1 is a quick run
          --quick                 one sample per case, small inputs, no goal checked (for CI)
          --json FILE             also write the rows as JSON to FILE
          --cases LIST            comma-separated groups to run: xml, json, validate, call,
                                  generate, compile, incremental (default: all but compile,
                                  which needs --compile; incremental needs --incremental)
          --specs NAME=PATH       also generate the specs folder PATH as case NAME; the cases
                                  DirectMail=Specs/DirectMail and Ecs, imported from
                                  Tests/VendorMetadata, always run
          --compile               time release builds of synthetic generated modules (slow)
          --compile-sizes LIST    action counts to compile (default 10,100,500,1000)
          --incremental PATH      time builds of the plugin-using package at PATH
          --incremental-spec FILE the spec to edit (default: the first action spec in PATH/Specs)
          --incremental-marker T  build output text that shows the generator ran
                                  (default: "Generating API client", the build plugin's
                                  description of its command)
          --root PATH             this package's folder (default: the current folder)
          --work-dir PATH         where temporary specs and packages go
                                  (default: ROOT/.build/apigen-bench)
          --help                  print this text
        """

    var iterations = 21
    var quick = false
    var jsonPath: String?
    var groups: Set<String> = ["xml", "json", "validate", "call", "generate", "incremental"]
    /// Whether `--cases` chose the groups, in which case skipped groups get no row.
    var groupsChosen = false
    var specsFolders: [(name: String, path: String)] = [
        ("DirectMail", "Specs/DirectMail"),
        ("Ecs", "Tests/VendorMetadata/ecs-2014-05-26.api-docs.json"),
    ]
    var compileSizes = [10, 100, 500, 1000]
    var incrementalPath: String?
    var incrementalSpec: String?
    var incrementalMarker = "Generating API client"
    var root = FileManager.default.currentDirectoryPath
    var workDirectory: String?

    static let allGroups: Set<String> = [
        "xml", "json", "validate", "call", "generate", "compile", "incremental",
    ]

    /// Parses the arguments, throwing a message that names the invalid option.
    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        func value(for option: String) throws -> String {
            guard let next = remaining.popFirst() else {
                throw BenchmarkFailure("\(option) needs a value; see --help")
            }
            return next
        }
        var explicitGroups: Set<String>?
        while let argument = remaining.popFirst() {
            switch argument {
            case "--iterations":
                let text = try value(for: argument)
                guard let count = Int(text), count >= 1 else {
                    throw BenchmarkFailure("--iterations must be a positive integer, got \(text)")
                }
                iterations = count
            case "--quick":
                quick = true
            case "--json":
                jsonPath = try value(for: argument)
            case "--cases":
                let names = Set(try value(for: argument).split(separator: ",").map(String.init))
                let unknown = names.subtracting(Self.allGroups)
                guard unknown.isEmpty else {
                    throw BenchmarkFailure(
                        "unknown case group \(unknown.sorted().joined(separator: ", "));"
                            + " expected \(Self.allGroups.sorted().joined(separator: ", "))")
                }
                explicitGroups = names
            case "--specs":
                let text = try value(for: argument)
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    throw BenchmarkFailure("--specs needs NAME=PATH, got \(text)")
                }
                specsFolders.append(
                    (String(text[..<equals]), String(text[text.index(after: equals)...])))
            case "--compile":
                groups.insert("compile")
            case "--compile-sizes":
                let text = try value(for: argument)
                let sizes = text.split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
                    throw BenchmarkFailure(
                        "--compile-sizes needs positive integers such as 10,100, got \(text)")
                }
                compileSizes = sizes
            case "--incremental":
                incrementalPath = try value(for: argument)
            case "--incremental-spec":
                incrementalSpec = try value(for: argument)
            case "--incremental-marker":
                incrementalMarker = try value(for: argument)
            case "--root":
                root = try value(for: argument)
            case "--work-dir":
                workDirectory = try value(for: argument)
            default:
                throw BenchmarkFailure("unknown option \(argument); see --help")
            }
        }
        if let explicitGroups {
            groups = explicitGroups
            groupsChosen = true
        }
        if iterations == 1 {
            quick = true
        }
        if quick {
            iterations = 1
            // Compile cases take minutes, so a quick run never builds.
            groups.remove("compile")
        }
    }
}

@main
struct BenchmarkProgram {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == ChildProcess.flag {
            exit(ChildProcess.main(Array(arguments.dropFirst())))
        }
        if arguments.contains("--help") {
            print(BenchmarkOptions.usage)
            return
        }
        do {
            let options = try BenchmarkOptions(arguments)
            try await run(options)
        } catch {
            printError("\(error)")
            exit(1)
        }
    }

    static func run(_ options: BenchmarkOptions) async throws {
        let root = URL(fileURLWithPath: options.root).standardizedFileURL
        let work = URL(
            fileURLWithPath: options.workDirectory
                ?? root.appendingPathComponent(
                    ".build/apigen-bench"
                ).path)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try BenchmarkPayloads.verifyCopies(root: root)
        let loadAtStart = loadAverage()
        let checkGoals = !options.quick
        let sampler = Sampler(
            samples: options.iterations, batchSeconds: options.quick ? 0.0005 : 0.01)
        let runtime = RuntimeCases(sampler: sampler, checkGoals: checkGoals)
        var rows: [ResultRow] = []

        var failedGroups: [String] = []

        // A failed group gets a row with the error, and the other groups still run, so that
        // one broken build does not discard the figures of a long run.
        func group(_ name: String, _ body: () async throws -> [ResultRow]) async {
            guard options.groups.contains(name) else {
                return
            }
            printError("running \(name) cases")
            do {
                rows += try await body()
            } catch {
                printError("the \(name) cases failed: \(error)")
                failedGroups.append(name)
                // A Markdown table cell must fit on one line.
                let message = String(describing: error).split(separator: "\n")
                    .joined(separator: " / ")
                rows.append(
                    ResultRow(
                        name: "\(name) cases", unit: .seconds, goal: .none,
                        status: "failed: \(message)"))
            }
        }
        await group("xml") { try runtime.xmlDecoding() }
        await group("json") { try runtime.jsonDecoding() }
        await group("validate") { try runtime.validation() }
        await group("call") { try await runtime.fullCall() }
        await group("generate") {
            try GenerationCases(
                root: root, workDirectory: work, iterations: options.iterations,
                quick: options.quick, checkGoals: checkGoals,
                specsFolders: options.specsFolders
            ).run()
        }
        await group("compile") {
            try CompileCases(
                root: root, workDirectory: work, sizes: options.compileSizes,
                checkGoals: checkGoals
            ).run()
        }
        if !options.groups.contains("compile") && !options.groupsChosen {
            let reason =
                options.quick ? "skipped: a quick run never compiles" : "skipped: pass --compile"
            rows.append(
                ResultRow(
                    name: "compile generated code", unit: .secondsPerAction,
                    goal: .valueAtMost(CompileCases.maximumSecondsPerAction), status: reason))
        }
        await group("incremental") {
            guard let path = options.incrementalPath else {
                return [
                    ResultRow(
                        name: "incremental build", unit: .seconds, goal: .none,
                        status: "not available: pass --incremental PATH")
                ]
            }
            return try IncrementalCases(
                package: URL(fileURLWithPath: path),
                specFile: options.incrementalSpec.map { URL(fileURLWithPath: $0) },
                marker: options.incrementalMarker, workDirectory: work, checkGoals: checkGoals
            ).run()
        }

        let document = ReportDocument(
            command: CommandLine.arguments, iterations: options.iterations, quick: options.quick,
            loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAverage(), rows: rows)
        print(ReportPrinter.table(rows))
        print("")
        print(
            "load average at start \(document.loadAverageAtStart), at end"
                + " \(document.loadAverageAtEnd); \(options.iterations) samples per case"
                + (options.quick ? "; quick run, goals not checked" : ""))
        if let jsonPath = options.jsonPath {
            try document.write(to: URL(fileURLWithPath: jsonPath))
        }
        if !failedGroups.isEmpty {
            throw BenchmarkFailure(
                "cases failed: \(failedGroups.joined(separator: ", ")); see the rows above")
        }
    }
}
