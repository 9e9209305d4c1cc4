// swift-tools-version: 6.1

import PackageDescription

let package = Package(
    name: "swift-apigen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .executable(name: "directmail", targets: ["directmail"]),
        .executable(name: "apigen-bench", targets: ["apigen-bench"]),
        .library(name: "APISpec", targets: ["APISpec"]),
        .library(name: "APIGenerator", targets: ["APIGenerator"]),
        .library(name: "APIGenRuntime", targets: ["APIGenRuntime"]),
        .library(name: "DirectMail", targets: ["DirectMail"]),
        .plugin(name: "APIGenBuildPlugin", targets: ["APIGenBuildPlugin"]),
        .plugin(name: "APIGenCommandPlugin", targets: ["APIGenCommandPlugin"]),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),

        // What generated code links: decoders, validation, secrets, errors, signing.
        .target(
            name: "APIGenRuntime",
            dependencies: ["CLibXML2", "CCrypto"]
        ),

        // The spec stages: model, load, check.
        .target(name: "APISpec"),

        // The code stages: render and write.
        .target(
            name: "APIGenerator",
            dependencies: ["APISpec"]
        ),
        .executableTarget(
            name: "apigen",
            dependencies: ["APIGenerator"]
        ),

        // The checked-in generated client.
        .target(
            name: "DirectMail",
            dependencies: ["APIGenRuntime"],
            path: "Generated/DirectMail"
        ),

        // The generator's reference output for the fixture specs, compiled and exercised.
        .target(
            name: "DemoKit",
            dependencies: ["APIGenRuntime"],
            path: "Tests/Fixtures/DemoKit"
        ),

        // The command-line client over the generated DirectMail client.
        .executableTarget(
            name: "directmail",
            dependencies: ["DirectMail", "APIGenRuntime"]
        ),

        // The plugins: one generates clients during a target's build, the other refreshes the
        // checked-in Generated/ folder.
        .plugin(
            name: "APIGenBuildPlugin",
            capability: .buildTool(),
            dependencies: ["apigen"]
        ),
        .plugin(
            name: "APIGenCommandPlugin",
            capability: .command(
                intent: .custom(
                    verb: "generate-api-client",
                    description:
                        "Regenerate the checked-in clients in Generated/ from the specs in Specs/."
                ),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "The command writes the generated clients to Generated/.")
                ]
            ),
            dependencies: ["apigen"]
        ),

        // The DirectMail client built by the build plugin from Specs/DirectMail, which its
        // apigen-config.json names, to test the plugin against the checked-in client.
        .target(
            name: "DirectMailPluginBuilt",
            dependencies: ["APIGenRuntime"],
            plugins: ["APIGenBuildPlugin"]
        ),

        // The benchmark program; run it in release, see BENCHMARKS.md. Not part of `swift test`.
        .executableTarget(
            name: "apigen-bench",
            dependencies: ["APIGenerator", "APISpec", "APIGenRuntime", "DirectMail", "CLibXML2"]
        ),

        .testTarget(
            name: "APISpecTests",
            dependencies: ["APISpec"]
        ),
        .testTarget(
            name: "APIGeneratorTests",
            dependencies: ["APIGenerator"]
        ),
        .testTarget(
            name: "DirectMailCLITests",
            dependencies: ["directmail"]
        ),
        .testTarget(
            name: "DemoKitTests",
            dependencies: ["DemoKit", "APIGenRuntime"]
        ),
        .testTarget(
            name: "APIGenRuntimeTests",
            dependencies: ["APIGenRuntime"],
            resources: [.copy("Vectors"), .copy("Server"), .copy("Corpus")]
        ),
        .testTarget(
            name: "DirectMailTests",
            dependencies: ["DirectMail", "APIGenRuntime", "APISpec"],
            resources: [.copy("Payloads")]
        ),
        .testTarget(
            name: "DirectMailPluginBuiltTests",
            dependencies: ["DirectMail", "DirectMailPluginBuilt", "APIGenRuntime", "APISpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
