import Foundation

/// The package's root folder, found from this file's path, so that tests read the checked-in
/// specs and generated files themselves.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

/// Reads a checked-in file, or nil when it does not exist.
func readRepositoryFile(_ path: String) -> String? {
    try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
}
