import APISpec
import Foundation

enum ImportCommand {
    static let help = """
        OVERVIEW: Import a product from the vendor's OpenAPI metadata (api-docs.json).

        Checks the metadata and the overlay and prints every diagnostic. With --output, also
        writes a product folder: Vendor/<file> (a copy of FILE), product.json, and overlay.json
        (a copy of --overlay). Importing a newer metadata file into an existing folder keeps its
        module and overlay, and checks that every overlay entry still names an action,
        parameter or field of the new file.

        USAGE: apigen import <file> [--overlay <file>] [--module <name>] [--output <folder>]

        OPTIONS:
          --overlay <file>    The overlay to merge (default: the folder's overlay, if any).
          --module <name>     The Swift module (default: the folder's module, else the
                              vendor's product code).
          --output <folder>   The product folder to write, such as Specs/Sts.
          -h, --help          Show this help.
        """

    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let options = try CommandLineOptions(
            arguments, command: "import", options: ["--overlay", "--module", "--output"],
            flags: ["--help", "-h"])
        if !options.flags.isEmpty {
            print(help)
            return 0
        }
        guard options.arguments.count == 1, let vendorPath = options.arguments.first else {
            throw UsageError(
                message: "expected one metadata file, such as Vendor/sts-2015-04-01.api-docs.json",
                command: "import")
        }
        guard let output = options.values["--output"] else {
            return check(
                vendorPath: vendorPath, overlayPath: options.values["--overlay"],
                module: options.values["--module"])
        }
        do {
            try writeFolder(
                output, vendorPath: vendorPath, overlayPath: options.values["--overlay"],
                module: options.values["--module"])
        } catch {
            printError("apigen import: \(error)")
            return 1
        }
        return verify(folder: output)
    }

    /// Imports without writing anything and prints the diagnostics.
    private static func check(vendorPath: String, overlayPath: String?, module: String?) -> Int32 {
        let folder =
            NSTemporaryDirectory() + "apigen-import-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try writeFolder(
                folder, vendorPath: vendorPath, overlayPath: overlayPath, module: module)
        } catch {
            printError("apigen import: \(error)")
            return 1
        }
        return verify(folder: folder)
    }

    /// Writes or refreshes a product folder for the metadata file.
    private static func writeFolder(
        _ folder: String, vendorPath: String, overlayPath: String?, module: String?
    ) throws {
        let fileManager = FileManager.default
        let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
        let productURL = folderURL.appendingPathComponent(SpecLoader.productFileName)
        var existing: [String: Any] = [:]
        if let data = fileManager.contents(atPath: productURL.path),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            existing = object
        }
        guard let vendorData = fileManager.contents(atPath: vendorPath) else {
            throw ImportFailure("\(vendorPath): the file cannot be read; check that it exists")
        }
        let vendorName = "Vendor/" + (vendorPath as NSString).lastPathComponent
        let productCode =
            ((try? JSONSerialization.jsonObject(with: vendorData)) as? [String: Any])
            .flatMap { $0["info"] as? [String: Any] }?["product"] as? String
        let moduleName =
            module ?? existing["module"] as? String ?? productCode.map(SwiftNaming.upperCamelCase)
            ?? "Product"
        try fileManager.createDirectory(
            at: folderURL.appendingPathComponent("Vendor"), withIntermediateDirectories: true)
        if let old = existing["vendorMetadata"] as? String, old != vendorName {
            try? fileManager.removeItem(at: folderURL.appendingPathComponent(old))
        }
        try vendorData.write(to: folderURL.appendingPathComponent(vendorName))
        var overlayName = existing["overlay"] as? String
        if let overlayPath {
            guard let overlayData = fileManager.contents(atPath: overlayPath) else {
                throw ImportFailure("\(overlayPath): the file cannot be read; check that it exists")
            }
            overlayName = overlayName ?? "overlay.json"
            try overlayData.write(to: folderURL.appendingPathComponent(overlayName!))
        }
        var lines = [
            "  \"specFormat\": 1",
            "  \"module\": \(jsonString(moduleName))",
            "  \"vendorMetadata\": \(jsonString(vendorName))",
        ]
        if let overlayName {
            lines.append("  \"overlay\": \(jsonString(overlayName))")
        }
        let text = "{\n" + lines.joined(separator: ",\n") + "\n}\n"
        try Data(text.utf8).write(to: productURL)
    }

    /// Loads the product folder as `generate` does, prints the diagnostics, and returns the
    /// exit status.
    private static func verify(folder: String) -> Int32 {
        var warnings: [Diagnostic] = []
        do {
            let product = try SpecLoader.loadImportedProduct(
                URL(fileURLWithPath: folder, isDirectory: true), display: folder,
                warnings: &warnings)
            report(warnings)
            let checks = SpecChecker.check(product)
            report(checks)
            print(
                "imported \(product.product) \(product.apiVersion): \(product.actions.count) actions, module \(product.module)"
            )
            return checks.contains { $0.severity == .error } ? 1 : 0
        } catch {
            report(warnings)
            report(error.diagnostics)
            return 1
        }
    }

    private static func jsonString(_ text: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}

struct ImportFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
