import Foundation
import PackagePlugin

/// Refreshes the package's checked-in clients: runs `apigen generate` in the package's folder,
/// which reads `Specs/` and writes `Generated/` byte for byte as `swift run apigen generate` does.
///
/// Run it as `swift package --allow-writing-to-package-directory generate-api-client`. Arguments
/// after the verb go to `apigen generate`, such as `--specs Other --output OtherGenerated`.
@main
struct APIGenCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let apigen = try context.tool(named: "apigen")
        let process = Process()
        process.executableURL = apigen.url
        process.arguments = ["generate"] + arguments
        // apigen names the spec files in the headers it writes by the paths it was given, so it
        // runs where `swift run apigen generate` runs, with the same relative paths.
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()

        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommandFailure(
                description:
                    "apigen generate failed with exit status \(process.terminationStatus); fix the errors it printed above and run the command again"
            )
        }
    }
}

/// A failure of the command, with the reason and what to do.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}
