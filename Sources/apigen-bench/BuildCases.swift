import Foundation

/// One `swift build` run in a child process: its wall time, peak memory and output.
struct BuildRun {
    var seconds: Double
    var peakBytes: Double
    var log: String

    /// Runs `swift ARGUMENTS...` in `directory` and throws when it fails, with the end of
    /// its output.
    static func swift(_ arguments: [String], in directory: URL, log: URL) throws -> BuildRun {
        let outcome = try ChildProcess.run(
            mode: "run",
            arguments: [directory.path, log.path, "/usr/bin/env", "swift"] + arguments)
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard outcome.fields["status"] == "0" else {
            let tail = text.split(separator: "\n").suffix(20).joined(separator: "\n")
            throw BenchmarkFailure(
                "swift \(arguments.joined(separator: " ")) failed in \(directory.path)"
                    + " with status \(outcome.fields["status"] ?? "unknown"):\n\(tail)")
        }
        return BuildRun(seconds: outcome.seconds, peakBytes: outcome.peakBytes, log: text)
    }
}

/// The compile cost of generated code: a temporary package whose one library target is a
/// synthetic generated module, built in release against this package's `APIGenRuntime`.
struct CompileCases {
    var root: URL
    var workDirectory: URL
    var sizes: [Int]
    var checkGoals: Bool

    /// The largest acceptable build time per action, in seconds.
    static let maximumSecondsPerAction = 0.09
    /// The largest acceptable peak compiler memory for 500 actions, in MB (10^6 bytes).
    static let maximumMegabytesFor500 = 1200.0

    private var package: URL { workDirectory.appendingPathComponent("compile-package") }
    private var sources: URL { package.appendingPathComponent("Sources/Synthetic") }
    private var buildArguments: [String] {
        ["build", "-c", "release", "--target", SpecsGeneration.syntheticModule]
    }

    func run() throws -> [ResultRow] {
        let template = root.appendingPathComponent(
            "Tests/Fixtures/BenchmarkTemplate/ModifyPWByDomain.json")
        guard let templateText = try? String(contentsOf: template, encoding: .utf8) else {
            return [
                ResultRow(
                    name: "compile generated code", unit: .seconds, goal: .none,
                    status: "not available: \(template.path) not found")
            ]
        }
        try writePackage()
        let specs = workDirectory.appendingPathComponent("compile-specs/Synthetic")
        let log = workDirectory.appendingPathComponent("compile.log")

        // The first build compiles APIGenRuntime and its C modules; later builds reuse them.
        try SpecsGeneration.writeSyntheticModule(
            count: 1, template: templateText, specs: specs, sources: sources)
        _ = try BuildRun.swift(buildArguments, in: package, log: log)
        let noOp = try BuildRun.swift(buildArguments, in: package, log: log)

        var rows: [ResultRow] = []
        var timesBySize: [Int: Statistics] = [:]
        for size in sizes {
            try SpecsGeneration.writeSyntheticModule(
                count: size, template: templateText, specs: specs, sources: sources)
            let build = try BuildRun.swift(buildArguments, in: package, log: log)
            let times = Statistics([build.seconds])
            timesBySize[size] = times
            rows += sizeRows(size: size, build: build, times: times, noOp: noOp)
            if let smaller = timesBySize[size / 10], size % 10 == 0 {
                rows.append(
                    ResultRow(
                        name: "compile \(size.formatted()) vs \((size / 10).formatted()) actions",
                        statistics: times, unit: .seconds,
                        baselineName: "\((size / 10).formatted()) actions", baseline: smaller,
                        goal: .ratioAtMost(GenerationCases.maximumTenfoldRatio),
                        checkGoal: checkGoals, note: "linear growth: 10x actions in <= 11x time"))
            }
        }
        return rows
    }

    private func sizeRows(size: Int, build: BuildRun, times: Statistics, noOp: BuildRun)
        -> [ResultRow]
    {
        let label = "compile \(size.formatted()) actions"
        let perAction = Statistics([build.seconds / Double(size)])
        return [
            ResultRow(
                name: label, statistics: times, unit: .seconds,
                baselineName: "no-op build", baseline: Statistics([noOp.seconds]),
                checkGoal: checkGoals,
                note: "swift build -c release --target Synthetic after replacing its sources"),
            ResultRow(
                name: "\(label): per action", statistics: perAction, unit: .secondsPerAction,
                goal: .valueAtMost(Self.maximumSecondsPerAction), checkGoal: checkGoals,
                note: "whole build time divided by actions, no-op time included"),
            ResultRow(
                name: "\(label): compiler peak RSS", statistics: Statistics([build.peakBytes]),
                unit: .megabytes,
                goal: size == 500 ? .valueAtMost(Self.maximumMegabytesFor500) : .none,
                checkGoal: checkGoals, note: "largest process of the build, from getrusage"),
        ]
    }

    private func writePackage() throws {
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        // A path dependency's identity is its folder's name, in lower case.
        let identity = root.lastPathComponent.lowercased()
        let manifest = """
            // swift-tools-version: 6.0
            // Written by apigen-bench to measure the compile cost of generated code.

            import PackageDescription

            let package = Package(
                name: "apigen-bench-compile",
                dependencies: [.package(path: "\(root.path)")],
                targets: [
                    .target(
                        name: "\(SpecsGeneration.syntheticModule)",
                        dependencies: [.product(name: "APIGenRuntime", package: "\(identity)")]
                    )
                ],
                swiftLanguageModes: [.v6]
            )

            """
        try manifest.write(
            to: package.appendingPathComponent("Package.swift"), atomically: true,
            encoding: .utf8)
    }
}

/// The incremental build of a package that generates its client with the build plugin:
/// a no-op build, then a build after one spec edit, and whether the generator ran in each.
struct IncrementalCases {
    var package: URL
    /// The spec file to edit, or nil to take the first action spec under `Specs`.
    var specFile: URL?
    /// Text whose presence in a build's output shows that the generator ran.
    var marker: String
    var workDirectory: URL
    var checkGoals: Bool

    func run() throws -> [ResultRow] {
        let manifest = package.appendingPathComponent("Package.swift")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            return [
                ResultRow(
                    name: "incremental build", unit: .seconds, goal: .none,
                    status: "not available: no Package.swift in \(package.path)")
            ]
        }
        guard let spec = specFile ?? firstActionSpec() else {
            return [
                ResultRow(
                    name: "incremental build", unit: .seconds, goal: .none,
                    status: "not available: no action spec under \(package.path)/Specs")
            ]
        }
        try FileManager.default.createDirectory(
            at: workDirectory, withIntermediateDirectories: true)
        let log = workDirectory.appendingPathComponent("incremental.log")
        _ = try BuildRun.swift(["build"], in: package, log: log)
        let noOp = try BuildRun.swift(["build"], in: package, log: log)

        let original = try Data(contentsOf: spec)
        defer { try? original.write(to: spec) }
        try editSpec(spec, original: original)
        let edited = try BuildRun.swift(["build"], in: package, log: log)

        return [
            ResultRow(
                name: "incremental: no-op swift build", statistics: Statistics([noOp.seconds]),
                unit: .seconds, checkGoal: checkGoals,
                note: "generator ran: \(generatorRan(noOp.log) ? "yes" : "no")"),
            ResultRow(
                name: "incremental: after editing \(spec.lastPathComponent)",
                statistics: Statistics([edited.seconds]), unit: .seconds,
                baselineName: "no-op build", baseline: Statistics([noOp.seconds]),
                checkGoal: checkGoals,
                note: "generator ran: \(generatorRan(edited.log) ? "yes" : "no")"),
        ]
    }

    /// Returns whether a line of the build output names the generator.
    private func generatorRan(_ log: String) -> Bool {
        // SwiftPM prints a build command's display name when the command runs, and the build
        // plugin names its command "Generating API client … with apigen".
        log.split(separator: "\n").contains { $0.localizedCaseInsensitiveContains(marker) }
    }

    /// Changes the first `summary` of the spec, which changes the generated doc comments
    /// and so forces the generator and the compiler to run.
    private func editSpec(_ spec: URL, original: Data) throws {
        let text = String(decoding: original, as: UTF8.self)
        guard let range = text.range(of: "\"summary\": \"") else {
            throw BenchmarkFailure("\(spec.path) has no \"summary\" to edit")
        }
        let edited = text.replacingCharacters(
            in: range, with: "\"summary\": \"Edited by apigen-bench. ")
        try Data(edited.utf8).write(to: spec)
    }

    private func firstActionSpec() -> URL? {
        let specs = package.appendingPathComponent("Specs")
        guard
            let enumerator = FileManager.default.enumerator(
                at: specs, includingPropertiesForKeys: nil)
        else {
            return nil
        }
        var candidates: [URL] = []
        for case let url as URL in enumerator
        where url.pathExtension == "json" && url.lastPathComponent != "product.json"
            && !url.path.contains("/Vendor/")
        {
            candidates.append(url)
        }
        return candidates.sorted { $0.path < $1.path }.first
    }
}
