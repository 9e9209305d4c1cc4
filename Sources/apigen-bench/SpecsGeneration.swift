import APIGenerator
import APISpec
import Foundation

/// Runs the generator in process and writes synthetic specs for it.
enum SpecsGeneration {
    struct Counts {
        var actions: Int
        var files: Int
    }

    /// Loads, checks and renders the specs in `folder`, writing nothing.
    ///
    /// `folder` is either one product's folder, which contains `product.json`, or a folder of
    /// product folders such as `Specs`.
    static func generate(folder: URL) throws -> Counts {
        let productFile = folder.appendingPathComponent(SpecLoader.productFileName)
        let products: [ProductSpec]
        if SpecLoader.isImported(folder, display: folder.lastPathComponent) {
            var warnings: [Diagnostic] = []
            products = [
                try SpecLoader.loadImportedProduct(
                    folder, display: folder.lastPathComponent, warnings: &warnings)
            ]
        } else if FileManager.default.fileExists(atPath: productFile.path) {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".json") }
                .sorted()
            let files = names.map {
                (
                    url: folder.appendingPathComponent($0),
                    display: folder.lastPathComponent + "/" + $0
                )
            }
            products = [try SpecLoader.loadProduct(files: files)]
        } else {
            products = try SpecLoader.loadProducts(in: folder, displayPrefix: folder.path)
        }
        let output = try Generator.generate(products: products)
        return Counts(
            actions: products.reduce(0) { $0 + $1.actions.count }, files: output.files.count)
    }

    /// The Swift module of the synthetic products.
    static let syntheticModule = "Synthetic"

    private static let verbs = [
        "Describe", "Create", "Modify", "Delete", "List", "Update", "Enable", "Disable",
        "Attach", "Detach", "Query", "Batch",
    ]
    private static let nouns = [
        "Domain", "MailAddress", "Template", "ReceiverList", "Tag", "SenderIpPool", "Invoice",
        "DeliveryReport", "Whitelist", "SmtpPassword", "TrackingLink", "Region", "Quota",
    ]

    /// Returns the name of synthetic action `index`, such as `ModifyTemplate27`: a verb and
    /// a noun that vary with the index, so that names differ in length and prefix.
    static func syntheticActionName(_ index: Int) -> String {
        "\(verbs[index % verbs.count])\(nouns[(index / verbs.count) % nouns.count])\(index)"
    }

    /// Writes a product folder of `count` actions to `folder`, each a copy of `template` (the
    /// text of `ModifyPWByDomain.json`) with the action renamed.
    static func writeSyntheticProduct(count: Int, template: String, to folder: URL) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: folder)
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let product = """
            {
              "specFormat": 1,
              "product": "Syn",
              "module": "\(syntheticModule)",
              "title": "A synthetic product whose actions are copies of ModifyPWByDomain.",
              "apiVersion": "2015-11-23",
              "style": "RPC",
              "defaultRegion": "cn-hangzhou",
              "endpoints": { "cn-hangzhou": "apigen-bench.invalid" }
            }

            """
        try product.write(
            to: folder.appendingPathComponent(SpecLoader.productFileName), atomically: false,
            encoding: .utf8)
        for index in 0..<count {
            let name = syntheticActionName(index)
            let text = template.replacingOccurrences(of: "ModifyPWByDomain", with: name)
            try text.write(
                to: folder.appendingPathComponent(name + ".json"), atomically: false,
                encoding: .utf8)
        }
    }

    /// Renders `count` synthetic actions and writes the Swift files into `sources`, the
    /// folder of one library target, replacing its previous contents.
    static func writeSyntheticModule(count: Int, template: String, specs: URL, sources: URL)
        throws
    {
        try writeSyntheticProduct(count: count, template: template, to: specs)
        let names = try FileManager.default.contentsOfDirectory(atPath: specs.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        let files = names.map { (url: specs.appendingPathComponent($0), display: $0) }
        let output = try Generator.generate(products: [try SpecLoader.loadProduct(files: files)])
        try? FileManager.default.removeItem(at: sources)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        for file in output.files {
            // Paths are `Module/File.swift`, and the target's folder is the module's.
            let name = (file.path as NSString).lastPathComponent
            try file.contents.write(
                to: sources.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }
}
