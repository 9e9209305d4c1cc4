import Foundation

/// One product folder, such as `Specs/DirectMail`, and the files the generator reads from it
/// and writes for it.
///
/// The output names must match `apigen plugin-generate`, which takes them from
/// `Generator.renderForBuildPlugin`: `<Module>/<Module>Client.swift` and `<Module>/<Name>.swift`
/// for each action file `<Name>.json`.
struct ProductFolder {
    static let productFileName = "product.json"

    /// The folder's name, used in messages.
    var name: String
    var directory: URL

    /// `product.json` and the action files: every JSON file directly inside the folder, in name
    /// order.
    var specFiles: [URL]

    /// The `module` of `product.json`.
    ///
    /// When `product.json` cannot be read this is the folder's name. The generator then reports
    /// the problem with its line and column and fails, so the guess never reaches the compiler.
    var module: String

    /// For a product imported from vendor metadata, the wire names of its actions, which name
    /// the action files in place of spec files; nil for a product of spec files.
    var importedActions: [String]?

    /// The generated files' paths relative to the output folder, each with the spec file it
    /// comes from.
    var outputs: [(path: String, specFile: URL)] {
        var outputs = [
            (
                path: "\(module)/\(module)Client.swift",
                specFile: directory.appending(path: Self.productFileName)
            )
        ]
        if let importedActions {
            for action in importedActions {
                outputs.append((path: "\(module)/\(action).swift", specFile: specFiles[1]))
            }
            return outputs
        }
        for file in specFiles where file.lastPathComponent != Self.productFileName {
            outputs.append(
                (
                    path: "\(module)/\(file.deletingPathExtension().lastPathComponent).swift",
                    specFile: file
                ))
        }
        return outputs
    }

    /// Finds the configured product folders, or every product folder of the specs folder.
    static func find(configuration: PluginConfiguration) throws -> [ProductFolder] {
        let specsDirectory = configuration.specsDirectory
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: specsDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PluginFailure(
                "\(specsDirectory.path): the specs folder does not exist; create it with one folder per product, or set \"specs\" in \(PluginConfiguration.fileName)"
            )
        }

        let names: [String]
        if let configured = configuration.products {
            names = configured
        } else {
            let entries = (try? fileManager.contentsOfDirectory(atPath: specsDirectory.path)) ?? []
            names = entries.sorted().filter { name in
                let productFile = specsDirectory.appending(path: name).appending(
                    path: productFileName)
                return fileManager.fileExists(atPath: productFile.path)
            }
        }
        guard !names.isEmpty else {
            throw PluginFailure(
                "\(specsDirectory.path): no product folder found; add a folder with a \(productFileName) file, such as \(specsDirectory.lastPathComponent)/Greeting/\(productFileName)"
            )
        }
        return try names.map {
            try load(name: $0, in: specsDirectory, configuration: configuration)
        }
    }

    private static func load(
        name: String,
        in specsDirectory: URL,
        configuration: PluginConfiguration
    ) throws -> ProductFolder {
        let directory = specsDirectory.appending(path: name, directoryHint: .isDirectory)
        let productFile = directory.appending(path: productFileName)
        guard FileManager.default.fileExists(atPath: productFile.path) else {
            let message =
                "the product \"\(name)\" has no \(productFile.path); fix the name in \"products\" or add the file"
            if let file = configuration.file {
                throw PluginConfiguration.failure(file, message)
            }
            throw PluginFailure("\(productFile.path): \(message)")
        }
        let product = readJSONObject(productFile) ?? [:]
        let module = product["module"] as? String ?? name
        // A product imported from vendor metadata: product.json, the metadata and the overlay
        // are the inputs, and the metadata's `apis` keys name the actions.
        if let vendorPath = product["vendorMetadata"] as? String {
            let vendorFile = directory.appending(path: vendorPath)
            var specFiles = [productFile, vendorFile]
            if let overlayPath = product["overlay"] as? String {
                specFiles.append(directory.appending(path: overlayPath))
            }
            let apis = readJSONObject(vendorFile)?["apis"] as? [String: Any] ?? [:]
            return ProductFolder(
                name: name, directory: directory, specFiles: specFiles, module: module,
                importedActions: apis.keys.sorted())
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let specFiles = entries.filter { $0.hasSuffix(".json") }.sorted().map {
            directory.appending(path: $0)
        }
        return ProductFolder(
            name: name,
            directory: directory,
            specFiles: specFiles,
            module: module,
            importedActions: nil
        )
    }

    /// Reads a JSON object, or nil when the file is missing or not an object. The generator
    /// reports such a file with its line and column, so nothing here needs to.
    private static func readJSONObject(_ file: URL) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return nil
        }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
