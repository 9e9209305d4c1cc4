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
        for product in products {
            inputFiles += product.specFiles
            outputFiles += product.outputPaths.map { outputDirectory.appending(path: $0) }
        }
        try rejectDuplicateFileNames(outputFiles, target: target)

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
    private func rejectDuplicateFileNames(_ outputFiles: [URL], target: SourceModuleTarget) throws {
        var seen: [String: URL] = [:]
        let sourceFiles = target.sourceFiles(withSuffix: "swift").map(\.url)
        for file in sourceFiles + outputFiles {
            let name = file.lastPathComponent
            if let first = seen[name] {
                throw PluginFailure(
                    "\(file.path) and \(first.path) have the same file name \(name), which Swift rejects in one target; rename the spec file or the source file"
                )
            }
            seen[name] = file
        }
    }
}

/// A failure that stops the plugin before the build, with a message that states what to fix.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
