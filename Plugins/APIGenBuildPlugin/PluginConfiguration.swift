import Foundation

/// The settings in a target's optional `apigen-config.json`.
///
/// ```json
/// {
///   "specs": "Specs",
///   "products": ["Greeting"]
/// }
/// ```
///
/// `specs` is the folder of product folders, relative to the target's folder (default `Specs`).
/// It may lie outside the target, such as `../../Specs`. `products` lists the product folders to
/// generate, by folder name (default: every folder in `specs` that contains `product.json`).
/// Any other key is an error, so that a misspelled key is never silently ignored.
struct PluginConfiguration {
    static let fileName = "apigen-config.json"
    static let defaultSpecsFolder = "Specs"
    static let keys: Set<String> = ["specs", "products"]

    /// The configuration file, or nil when the target has none.
    var file: URL?

    /// The folder of product folders.
    var specsDirectory: URL

    /// The folder names of the products to generate, or nil for every product.
    var products: [String]?

    /// Reads the target's configuration file, or returns the defaults when there is none.
    static func load(targetDirectory: URL) throws -> PluginConfiguration {
        let file = targetDirectory.appending(path: fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            return PluginConfiguration(
                file: nil,
                specsDirectory: targetDirectory.appending(path: defaultSpecsFolder),
                products: nil
            )
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw failure(file, "the file cannot be read; check that it is readable")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw failure(file, "the file is not valid JSON: \(error.localizedDescription)")
        }
        guard let settings = object as? [String: Any] else {
            throw failure(file, "expected a JSON object such as {\"specs\": \"Specs\"}")
        }
        let unknown = Set(settings.keys).subtracting(keys).sorted()
        if let key = unknown.first {
            throw failure(file, "unknown key \"\(key)\"; the keys are \"products\" and \"specs\"")
        }

        var specsPath = defaultSpecsFolder
        if let value = settings["specs"] {
            guard let path = value as? String, !path.isEmpty else {
                throw failure(
                    file, "\"specs\" must be a non-empty string, the folder of product folders")
            }
            specsPath = path
        }
        var products: [String]?
        if let value = settings["products"] {
            guard let names = value as? [String], !names.isEmpty else {
                throw failure(
                    file, "\"products\" must be a non-empty array of product folder names")
            }
            products = names
        }
        let specsDirectory = URL(
            fileURLWithPath: specsPath, isDirectory: true, relativeTo: targetDirectory
        )
        .standardizedFileURL
        return PluginConfiguration(file: file, specsDirectory: specsDirectory, products: products)
    }

    /// Returns an error whose message starts with the file's path. SwiftPM prints it after
    /// `error: `, as `error: PATH: message`.
    static func failure(_ file: URL, _ message: String) -> PluginFailure {
        PluginFailure("\(file.path): \(message)")
    }
}
