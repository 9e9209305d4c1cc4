// swift-tools-version: 6.1

import PackageDescription

// A package that adopts APIGenBuildPlugin the way another package would, for
// Scripts/plugin-consumer-check.sh. The script copies it to a temporary folder and replaces
// the relative path below with the absolute path of this repository.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        // SwiftPM names a path dependency after its folder, which need not be swift-apigen in
        // a checkout, so the name is given.
        .package(name: "swift-apigen", path: "../../..")
    ],
    targets: [
        // The client of Sources/Greeting/Specs/Greeting, generated during the build.
        .target(
            name: "Greeting",
            dependencies: [.product(name: "APIGenRuntime", package: "swift-apigen")],
            plugins: [.plugin(name: "APIGenBuildPlugin", package: "swift-apigen")]
        ),
        .executableTarget(
            name: "greeting-check",
            dependencies: ["Greeting", .product(name: "APIGenRuntime", package: "swift-apigen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
