import APIGenerator
import APISpec
import Foundation

/// The `apigen` command: generate, check and lint API client code from specs.
@main
struct APIGenCommand {
    static let usage = """
        OVERVIEW: Generate typed Swift API clients from declarative specs.

        USAGE: apigen <subcommand> [options]

        SUBCOMMANDS:
          generate   Write the Swift client for every spec (default: Specs/ to Generated/).
          check      Exit 1 with a diff when the generated files differ from what the specs produce.
          lint       Check spec files without generating anything.
          import     Import a product from the vendor's OpenAPI metadata.
          plugin-generate
                     Write the clients of product folders for the APIGenBuildPlugin build plugin.

        Run 'apigen <subcommand> --help' for a subcommand's options.
        Exit status: 0 on success, 1 on findings, 2 on a usage error.
        """

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let subcommand = arguments.first else {
            printError(usage)
            exit(2)
        }
        arguments.removeFirst()
        let status: Int32
        do {
            switch subcommand {
            case "generate":
                status = try GenerateCommand.run(arguments)
            case "check":
                status = try CheckCommand.run(arguments)
            case "lint":
                status = try LintCommand.run(arguments)
            case "import":
                status = try ImportCommand.run(arguments)
            case "plugin-generate":
                status = try PluginGenerateCommand.run(arguments)
            case "--help", "-h", "help":
                print(usage)
                status = 0
            default:
                throw UsageError(
                    message:
                        "unknown subcommand '\(subcommand)'; use generate, check, lint, import or plugin-generate",
                    command: ""
                )
            }
        } catch let error as UsageError {
            printError(
                error.command.isEmpty
                    ? "apigen: \(error.message)\nRun 'apigen --help' for usage." : error.description
            )
            status = 2
        } catch {
            printError("apigen: \(error)")
            status = 1
        }
        exit(status)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints the diagnostics to standard error, the way compilers do.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        printError(diagnostic.description)
    }
}

/// The folders a run reads and writes, resolved against the current folder.
struct Folders {
    var specs: String
    var output: String

    static let optionNames: Set<String> = ["--specs", "--output"]

    init(_ options: CommandLineOptions) {
        specs = options.values["--specs"] ?? "Specs"
        output = options.values["--output"] ?? "Generated"
    }

    /// Parses the arguments of a command that takes only `--specs` and `--output`; prints
    /// `help` and returns nil for `--help`.
    init?(_ arguments: [String], command: String, help: String) throws(UsageError) {
        let options = try CommandLineOptions(
            arguments, command: command, options: Self.optionNames, flags: ["--help", "-h"])
        if !options.flags.isEmpty {
            print(help)
            return nil
        }
        if let extra = options.arguments.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: command)
        }
        self.init(options)
    }

    var specsURL: URL {
        URL(fileURLWithPath: specs, isDirectory: true)
    }

    var outputURL: URL {
        URL(fileURLWithPath: output, isDirectory: true)
    }

    /// Generates every product, printing diagnostics; nil when the specs have errors.
    func generate() -> Generator.Output? {
        do {
            let output = try Generator.generate(specsDirectory: specsURL, displayPrefix: specs)
            report(output.warnings)
            return output
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            printError(
                "apigen: \(count) error\(count == 1 ? "" : "s") in the specs; nothing was written")
            return nil
        }
    }
}

enum GenerateCommand {
    static let help = """
        OVERVIEW: Write the Swift client for every spec.

        Writes one file per action and one client file per product, only where the contents
        changed, and removes generated files that no spec produces any more. Nothing is written
        when any spec has an error.

        USAGE: apigen generate [--specs <folder>] [--output <folder>]

        OPTIONS:
          --specs <folder>    The folder of product spec folders (default: Specs).
          --output <folder>   The folder the clients are written to (default: Generated).
          -h, --help          Show this help.
        """

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let folders = try Folders(arguments, command: "generate", help: help) else {
            return 0
        }
        guard let output = folders.generate() else {
            return 1
        }
        do {
            let reports = try OutputWriter(outputDirectory: folders.outputURL).write(output.files)
            for report in reports {
                print("\(report.change.rawValue) \(folders.output)/\(report.path)")
            }
            return 0
        } catch {
            printError(error.description)
            return 1
        }
    }
}

enum CheckCommand {
    static let help = """
        OVERVIEW: Check that the generated files are what the specs produce.

        Prints a unified diff and exits 1 when a file differs, is missing or is stale.
        Writes nothing.

        USAGE: apigen check [--specs <folder>] [--output <folder>]

        OPTIONS:
          --specs <folder>    The folder of product spec folders (default: Specs).
          --output <folder>   The folder the clients were written to (default: Generated).
          -h, --help          Show this help.
        """

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let folders = try Folders(arguments, command: "check", help: help) else {
            return 0
        }
        guard let output = folders.generate() else {
            return 1
        }
        let steps = OutputWriter(outputDirectory: folders.outputURL).plan(output.files)
        let drifted = steps.filter { $0.change != .unchanged }
        for step in drifted {
            let path = "\(folders.output)/\(step.path)"
            let diff = UnifiedDiff.render(
                old: step.existing ?? "", new: step.file?.contents ?? "",
                oldName: step.existing == nil ? "/dev/null" : "a/\(path)",
                newName: step.file == nil ? "/dev/null" : "b/\(path)")
            print(diff, terminator: "")
        }
        if drifted.isEmpty {
            print("\(steps.count) generated files match the specs")
            return 0
        }
        var fix = "swift run apigen generate"
        if folders.specs != "Specs" || folders.output != "Generated" {
            fix += " --specs \(folders.specs) --output \(folders.output)"
        }
        printError(
            "apigen: \(drifted.count) generated file\(drifted.count == 1 ? " differs" : "s differ") from the specs; run '\(fix)' to update"
        )
        return 1
    }
}

enum LintCommand {
    static let help = """
        OVERVIEW: Check spec files without generating anything.

        Each argument is a spec file or a folder. A file is checked together with the other
        files of its product folder, because rules refer to the product's error tables.

        USAGE: apigen lint <file-or-folder>...

        OPTIONS:
          -h, --help   Show this help.
        """

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let options = try CommandLineOptions(
            arguments, command: "lint", options: [], flags: ["--help", "-h"])
        if !options.flags.isEmpty {
            print(help)
            return 0
        }
        guard !options.arguments.isEmpty else {
            throw UsageError(
                message: "no spec file given; pass one or more files or folders", command: "lint")
        }
        var productFolders: [String] = []
        var failed = false
        for argument in options.arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                printError("\(argument): error: the file does not exist")
                failed = true
                continue
            }
            let folder =
                isDirectory.boolValue ? argument : (argument as NSString).deletingLastPathComponent
            let normalized = folder.isEmpty ? "." : folder
            let productFile = (normalized as NSString).appendingPathComponent(
                SpecLoader.productFileName)
            if !isDirectory.boolValue && !FileManager.default.fileExists(atPath: productFile) {
                printError(
                    "\(argument): error: the file is not in a product folder, because \(productFile) does not"
                        + " exist; lint a spec inside a product folder")
                failed = true
                continue
            }
            if !productFolders.contains(normalized) {
                productFolders.append(normalized)
            }
        }
        var errorCount = 0
        for folder in productFolders {
            errorCount += lint(folder: folder)
        }
        if failed || errorCount > 0 {
            return 1
        }
        print("no problems found in \(options.arguments.joined(separator: ", "))")
        return 0
    }

    /// Lints a product folder, or a folder of product folders; returns the error count.
    private static func lint(folder: String) -> Int {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        let isProduct = FileManager.default.fileExists(
            atPath: url.appendingPathComponent(SpecLoader.productFileName).path)
        do {
            let products: [ProductSpec]
            if isProduct {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                    .filter { $0.hasSuffix(".json") }.sorted()
                let files = names.map {
                    (
                        url: url.appendingPathComponent($0),
                        display: folder == "." ? $0 : "\(folder)/\($0)"
                    )
                }
                products = [try SpecLoader.loadProduct(files: files)]
            } else {
                products = try SpecLoader.loadProducts(in: url, displayPrefix: folder)
            }
            var count = 0
            for product in products {
                let diagnostics = SpecChecker.check(product)
                report(diagnostics)
                count += diagnostics.filter { $0.severity == .error }.count
            }
            return count
        } catch {
            report(error.diagnostics)
            return error.diagnostics.filter { $0.severity == .error }.count
        }
    }
}
