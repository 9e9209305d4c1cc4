import Foundation
import PackagePlugin

/// Generates the typed Swift client of a target's API specs as part of the target's build.
///
/// The plugin reads the target's `apigen-config.json` when there is one (see
/// ``PluginConfiguration``), finds the product folders, and declares one build command that runs
/// `apigen plugin-generate`. The inputs are the configuration file and every JSON file directly
/// inside each product folder, which are the files the generator reads. The outputs are
/// `<Module>/<Module>Client.swift` and one `<Module>/<Name>.swift` per action file `<Name>.json`,
/// in the plugin's work folder. The build runs the command only when an input, the arguments or
/// the `apigen` executable changed.
@main
struct APIGenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else {
            throw PluginFailure(
                "the target \(target.name) has no sources; adopt APIGenBuildPlugin in a Swift library or executable target"
            )
        }
        let targetDirectory = target.directoryURL
        let configuration = try PluginConfiguration.load(targetDirectory: targetDirectory)
        let products = try ProductFolder.find(configuration: configuration)
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "Generated")

        var inputFiles: [URL] = []
        if let file = configuration.file {
            inputFiles.append(file)
        }
        var outputFiles: [URL] = []
        var origins: [(fileName: String, origin: String)] = target.sourceFiles(withSuffix: "swift")
            .map {
                (fileName: $0.url.lastPathComponent, origin: "the source file \($0.url.path)")
            }
        for product in products {
            inputFiles += product.specFiles
            for output in product.outputs {
                let file = outputDirectory.appending(path: output.path)
                outputFiles.append(file)
                origins.append(
                    (fileName: file.lastPathComponent, origin: "the spec \(output.specFile.path)"))
            }
        }
        try rejectDuplicateFileNames(origins)

        let apigen = try context.tool(named: "apigen")
        let productNames = products.map(\.name).joined(separator: ", ")
        return [
            .buildCommand(
                displayName: "Generating API client \(productNames) for \(target.name) with apigen",
                executable: apigen.url,
                arguments: ["plugin-generate", "--output", outputDirectory.path]
                    + products.map(\.directory.path),
                inputFiles: inputFiles,
                outputFiles: outputFiles
            )
        ]
    }

    /// Rejects two Swift files with one name in the target, which the compiler rejects as
    /// "filename used twice" even when they are in different folders.
    private func rejectDuplicateFileNames(_ files: [(fileName: String, origin: String)]) throws {
        var seen: [String: String] = [:]
        for file in files {
            if let first = seen[file.fileName] {
                throw PluginFailure(
                    "\(first) and \(file.origin) both become \(file.fileName), but a Swift target cannot contain two files of one name; rename one of them"
                )
            }
            seen[file.fileName] = file.origin
        }
    }
}

/// A failure that stops the plugin before the build, with a message that states what to fix.
///
/// The message starts with the path it is about when there is one. SwiftPM 6.3 prints a
/// thrown error as `error: DESCRIPTION`, and it drops the file of a `Diagnostics.error`.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
