import APISpec
import Foundation

/// A file the generator produces, with its path relative to the output folder.
public struct GeneratedFile: Sendable, Hashable {
    /// The path below the output folder, such as `DirectMail/ModifyPWByDomain.swift`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The generator's stages, from spec files to Swift text: load, check, render. Writing is a
/// separate stage, ``OutputWriter``, so that a failed run writes nothing.
public enum Generator {
    /// The outcome of a run: the files and the checks' warnings.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var warnings: [Diagnostic]
    }

    /// Loads, checks and renders every product under `specsDirectory`.
    ///
    /// - Throws: `SpecError` with every diagnostic of every spec when any is an error.
    public static func generate(specsDirectory: URL, displayPrefix: String) throws(SpecError)
        -> Output
    {
        var importWarnings: [Diagnostic] = []
        let products = try SpecLoader.loadProducts(
            in: specsDirectory, displayPrefix: displayPrefix, warnings: &importWarnings)
        var output = try generate(products: products)
        output.warnings = (importWarnings + output.warnings).sorted { $0.location < $1.location }
        return output
    }

    /// Checks and renders loaded products.
    public static func generate(products: [ProductSpec]) throws(SpecError) -> Output {
        let warnings = try check(products: products)
        var files: [GeneratedFile] = []
        for product in products {
            files += render(product)
        }
        return Output(files: files.sorted { $0.path < $1.path }, warnings: warnings)
    }

    /// Checks loaded products, each alone and against each other, and returns the warnings.
    ///
    /// - Throws: `SpecError` with every error of every product.
    public static func check(products: [ProductSpec]) throws(SpecError) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        for product in products {
            do {
                warnings += try SpecChecker.validate(product)
            } catch {
                errors += error.diagnostics
            }
        }
        var modules: [String: ProductSpec] = [:]
        for product in products {
            if let first = modules[product.module] {
                errors.append(
                    Diagnostic(
                        .error, at: product.location, path: "$.module",
                        "the module \"\(product.module)\" is also the module of \(first.sourceFile); give each"
                            + " product its own module"))
            }
            modules[product.module] = product
        }
        if !errors.isEmpty {
            throw SpecError(errors)
        }
        return warnings
    }

    /// Renders one checked product: one file per action and one shared client file.
    public static func render(_ product: ProductSpec) -> [GeneratedFile] {
        var files = [
            GeneratedFile(
                path: "\(product.module)/\(product.module)Client.swift",
                contents: ClientRenderer(product: product).render())
        ]
        for action in product.actions {
            var renderer = ActionRenderer(action: action, product: product)
            files.append(
                GeneratedFile(
                    path: "\(product.module)/\(renderer.typeName).swift",
                    contents: renderer.render()))
        }
        return files
    }

    /// Returns the paths that a product's files will have, known before any spec is rendered,
    /// as a build plugin must declare its outputs in advance.
    public static func outputPaths(module: String, actionFileNames: [String]) -> [String] {
        let actions = actionFileNames.map { name -> String in
            let action = (name as NSString).deletingPathExtension
            return "\(module)/\(SwiftNaming.upperCamelCase(action)).swift"
        }
        return (["\(module)/\(module)Client.swift"] + actions).sorted()
    }

    /// Returns the output paths of one product folder, read cheaply from `product.json` and,
    /// for a product imported from vendor metadata, from the action names under the metadata's
    /// `apis`, without importing or checking anything.
    ///
    /// NOTE: an action that the importer leaves out with a warning is still listed, so a
    /// build plugin would expect a file that is not written. DirectMail has no such action.
    public static func outputPaths(productFolder: URL) throws -> [String] {
        let productData = try Data(
            contentsOf: productFolder.appendingPathComponent(SpecLoader.productFileName))
        let product = try JSONSerialization.jsonObject(with: productData) as? [String: Any] ?? [:]
        let module = product["module"] as? String ?? productFolder.lastPathComponent
        if let vendorPath = product["vendorMetadata"] as? String {
            let vendorData = try Data(contentsOf: productFolder.appendingPathComponent(vendorPath))
            let vendor = try JSONSerialization.jsonObject(with: vendorData) as? [String: Any] ?? [:]
            let actions = (vendor["apis"] as? [String: Any] ?? [:]).keys.map { $0 + ".json" }
            return outputPaths(module: module, actionFileNames: actions)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: productFolder.path)
            .filter { $0.hasSuffix(".json") && $0 != SpecLoader.productFileName }
        return outputPaths(module: module, actionFileNames: names)
    }
}
