// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "swift-apigen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "APISpec", targets: ["APISpec"]),
        .library(name: "APIGenerator", targets: ["APIGenerator"]),
        .library(name: "APIGenRuntime", targets: ["APIGenRuntime"]),
        .library(name: "DirectMail", targets: ["DirectMail"]),
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

        .testTarget(
            name: "APISpecTests",
            dependencies: ["APISpec"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "APIGeneratorTests",
            dependencies: ["APIGenerator"],
            resources: [.copy("References")]
        ),
        .testTarget(
            name: "APIGenRuntimeTests",
            dependencies: ["APIGenRuntime"]
        ),
        .testTarget(
            name: "DirectMailTests",
            dependencies: ["DirectMail", "APIGenRuntime", "APISpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
