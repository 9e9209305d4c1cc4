import Foundation

/// The cases that time the generator: real specs folders and synthetic products of growing
/// size, in process, with peak memory from one child process per input.
struct GenerationCases {
    var root: URL
    var workDirectory: URL
    var iterations: Int
    var quick: Bool
    var checkGoals: Bool
    /// Specs folders to generate, by case name, such as `DirectMail` for `Specs/DirectMail`.
    var specsFolders: [(name: String, path: String)]

    /// The lowest acceptable generator throughput, in actions per second.
    static let minimumActionsPerSecond = 2000.0
    /// The largest acceptable time ratio between two sizes ten times apart.
    static let maximumTenfoldRatio = 11.0

    var templateURL: URL {
        root.appendingPathComponent("Tests/Fixtures/BenchmarkTemplate/ModifyPWByDomain.json")
    }

    func run() throws -> [ResultRow] {
        var rows: [ResultRow] = []
        for folder in specsFolders {
            rows += try specsFolderRows(name: folder.name, path: folder.path)
        }
        rows += try syntheticRows()
        return rows
    }

    private func absolute(_ path: String) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    /// Returns the product folder to generate: `path` itself, or, for a vendor metadata file
    /// such as `ecs-2014-05-26.api-docs.json`, a folder in the work directory that imports it
    /// the way `apigen import` lays one out.
    private func productFolder(name: String, path: String) throws -> URL {
        let source = absolute(path)
        guard path.hasSuffix(".api-docs.json"), FileManager.default.fileExists(atPath: source.path)
        else {
            return source
        }
        let folder = workDirectory.appendingPathComponent("imported-\(name)")
        let vendor = folder.appendingPathComponent("Vendor")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: vendor, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: source, to: vendor.appendingPathComponent(source.lastPathComponent))
        let product = """
            {"specFormat": 1, "module": "\(name)", "vendorMetadata": "Vendor/\(source.lastPathComponent)"}
            """
        try Data(product.utf8).write(to: folder.appendingPathComponent("product.json"))
        return folder
    }

    private func specsFolderRows(name: String, path: String) throws -> [ResultRow] {
        let folder = try productFolder(name: name, path: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            let status = "not available: \(path) not found"
            return [
                ResultRow(
                    name: "generate \(name) (\(path))", unit: .milliseconds, goal: .none,
                    status: status),
                ResultRow(
                    name: "generate \(name): throughput", unit: .actionsPerSecond,
                    goal: .valueAtLeast(Self.minimumActionsPerSecond), status: status),
            ]
        }
        let (times, actions) = try timeGeneration(folder: folder, runs: iterations)
        let peak = try ChildProcess.run(mode: "generate", arguments: [folder.path])
        let idle = try ChildProcess.run(mode: "idle", arguments: [])
        return [
            ResultRow(
                name: "generate \(name) (\(path), \(actions) action\(actions == 1 ? "" : "s"))",
                statistics: times,
                unit: .milliseconds, checkGoal: checkGoals, note: "load + check + render"),
            throughputRow(name: "generate \(name): throughput", times: times, actions: actions),
            ResultRow(
                name: "generate \(name): peak RSS (child)",
                statistics: Statistics([peak.peakBytes]), unit: .megabytes,
                baselineName: "idle child", baseline: Statistics([idle.peakBytes]),
                checkGoal: checkGoals),
        ]
    }

    private func syntheticRows() throws -> [ResultRow] {
        let sizes = quick ? [10, 100] : [10, 100, 1000, 10_000]
        guard let template = try? String(contentsOf: templateURL, encoding: .utf8) else {
            return [
                ResultRow(
                    name: "generate synthetic actions", unit: .milliseconds, goal: .none,
                    status: "not available: \(templateURL.path) not found")
            ]
        }
        let idle = try ChildProcess.run(mode: "idle", arguments: [])
        var rows: [ResultRow] = []
        var previous: (size: Int, times: Statistics)?
        for size in sizes {
            let folder = workDirectory.appendingPathComponent("specs-\(size)/Synthetic")
            try SpecsGeneration.writeSyntheticProduct(
                count: size, template: template, to: folder)
            let (times, actions) = try timeGeneration(folder: folder, runs: runs(forSize: size))
            try require(actions == size, "the synthetic product of \(size) has \(actions) actions")
            let label = "generate \(size.formatted()) synthetic actions"
            rows.append(
                ResultRow(
                    name: label, statistics: times, unit: .milliseconds,
                    baselineName: previous.map { "\($0.size.formatted()) actions" },
                    baseline: previous?.times,
                    goal: previous == nil ? .none : .ratioAtMost(Self.maximumTenfoldRatio),
                    checkGoal: checkGoals,
                    note: previous == nil ? nil : "linear growth: 10x actions in <= 11x time"))
            rows.append(throughputRow(name: "\(label): throughput", times: times, actions: size))
            if !quick || size == sizes[0] {
                let peak = try ChildProcess.run(mode: "generate", arguments: [folder.path])
                rows.append(
                    ResultRow(
                        name: "\(label): peak RSS (child)",
                        statistics: Statistics([peak.peakBytes]), unit: .megabytes,
                        baselineName: "idle child", baseline: Statistics([idle.peakBytes]),
                        checkGoal: checkGoals))
            }
            previous = (size, times)
        }
        return rows
    }

    /// Returns fewer runs for large inputs, whose runs take seconds each.
    private func runs(forSize size: Int) -> Int {
        switch size {
        case ...100: iterations
        case ...1000: min(iterations, 7)
        default: min(iterations, 3)
        }
    }

    private func timeGeneration(folder: URL, runs: Int) throws -> (Statistics, Int) {
        // One untimed run reads the files into the page cache, as every later run finds them.
        let counts = try SpecsGeneration.generate(folder: folder)
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = monotonicSeconds()
            blackHole(try SpecsGeneration.generate(folder: folder))
            times.append(monotonicSeconds() - start)
        }
        return (Statistics(times), counts.actions)
    }

    private func throughputRow(name: String, times: Statistics, actions: Int) -> ResultRow {
        var throughput = times
        throughput.median = Double(actions) / times.median
        throughput.min = Double(actions) / times.max
        throughput.max = Double(actions) / times.min
        return ResultRow(
            name: name, statistics: throughput, unit: .actionsPerSecond,
            goal: .valueAtLeast(Self.minimumActionsPerSecond), checkGoal: checkGoals)
    }
}
