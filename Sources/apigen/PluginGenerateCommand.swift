import APIGenerator
import APISpec
import Foundation

/// The `plugin-generate` subcommand, which the APIGenBuildPlugin build plugin runs for each
/// target that adopts it.
///
/// It differs from `generate` where a build needs it to. It takes the product folders
/// themselves and names each action file after its spec file, which are the names the plugin
/// declared in advance. It prints diagnostics with absolute paths, so that build logs and
/// editors can link them, and prints nothing else on success.
enum PluginGenerateCommand {
    static let help = """
        OVERVIEW: Write the Swift client of each product folder, as the build plugin does.

        Writes <output>/<Module>/<Module>Client.swift and one <output>/<Module>/<Name>.swift
        per action spec file <Name>.json, only where the contents changed. Nothing is written
        when any spec has an error. Diagnostics name files by absolute path.

        USAGE: apigen plugin-generate --output <folder> <product-folder>...

        ARGUMENTS:
          <product-folder>    A folder that contains product.json and one JSON file per action.

        OPTIONS:
          --output <folder>   The folder the clients are written to.
          -h, --help          Show this help.
        """

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let options = try CommandLineOptions(
            arguments,
            command: "plugin-generate",
            options: ["--output"],
            flags: ["--help", "-h"]
        )
        if !options.flags.isEmpty {
            print(help)
            return 0
        }
        guard let output = options.values["--output"] else {
            throw UsageError(
                message: "missing --output; pass the folder to write the clients to",
                command: "plugin-generate"
            )
        }
        guard !options.arguments.isEmpty else {
            throw UsageError(
                message:
                    "no product folder given; pass one or more folders that contain product.json",
                command: "plugin-generate"
            )
        }

        let folders = options.arguments.map(absoluteURL)
        let products: [ProductSpec]
        let files: [GeneratedFile]
        do {
            products = try loadProducts(folders)
            report(try Generator.check(products: products))
            files = products.flatMap(Generator.renderForBuildPlugin)
            try rejectDuplicatePaths(files, products: products)
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            printError(
                "apigen: \(count) error\(count == 1 ? "" : "s") in the specs; nothing was written")
            return 1
        }

        do {
            _ = try OutputWriter(outputDirectory: absoluteURL(output)).write(files)
            return 0
        } catch {
            printError(error.description)
            return 1
        }
    }

    /// Loads each product folder, collecting the diagnostics of all of them.
    private static func loadProducts(_ folders: [URL]) throws(SpecError) -> [ProductSpec] {
        var products: [ProductSpec] = []
        var diagnostics: [Diagnostic] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.path, isDirectory: &isDirectory)
            guard exists, isDirectory.boolValue else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: SourceLocation(file: folder.path), path: "$",
                        "the product folder does not exist; pass a folder that contains \(SpecLoader.productFileName)"
                    )
                )
                continue
            }
            if SpecLoader.isImported(folder, display: folder.path) {
                do {
                    var warnings: [Diagnostic] = []
                    products.append(
                        try SpecLoader.loadImportedProduct(
                            folder, display: folder.path, warnings: &warnings))
                    report(warnings)
                } catch {
                    diagnostics += error.diagnostics
                }
                continue
            }
            // The same files as `SpecLoader.loadProducts` reads: the folder's own JSON files,
            // without subfolders such as `Vendor/`.
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".json") }
                .sorted()
            let files = names.map { name in
                let url = folder.appendingPathComponent(name)
                return (url: url, display: url.path)
            }
            do {
                products.append(try SpecLoader.loadProduct(files: files))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty {
            throw SpecError(diagnostics)
        }
        return products
    }

    /// Rejects two files with one path, such as two products with the same module name, or an
    /// action spec file named like the product's client file.
    private static func rejectDuplicatePaths(_ files: [GeneratedFile], products: [ProductSpec])
        throws(SpecError)
    {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for file in files where !seen.insert(file.path).inserted {
            let module = (file.path as NSString).pathComponents[0]
            let location =
                products.first { $0.module == module }?.location ?? SourceLocation(file: file.path)
            diagnostics.append(
                Diagnostic(
                    .error, at: location, path: "$.module",
                    "two specs both generate \(file.path); give each product its own module and name no action file \(module)Client.json"
                )
            )
        }
        if !diagnostics.isEmpty {
            throw SpecError(diagnostics)
        }
    }

    private static func absoluteURL(_ path: String) -> URL {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}
