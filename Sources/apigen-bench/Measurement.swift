import Foundation

/// The median, minimum and maximum of a set of timings or sizes, in the case's base unit.
struct Statistics: Sendable {
    var median: Double
    var min: Double
    var max: Double
    var count: Int

    init(_ values: [Double]) {
        precondition(!values.isEmpty, "statistics need at least one value")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median =
            sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
        count = sorted.count
    }
}

/// Keeps a value alive so that the optimizer cannot remove the work that produced it.
@inline(never)
@_optimize(none)
func blackHole<T>(_ value: T) {
    _ = value
}

/// Returns the monotonic clock in seconds.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Times short operations in batches, several implementations interleaved round by round so
/// that a change in machine load affects each of them alike.
struct Sampler {
    /// The number of timed batches per implementation; each gives one sample.
    var samples: Int

    /// The wall time one batch aims at, in seconds. Each batch repeats the operation often
    /// enough to reach it, so that clock resolution and loop overhead stay negligible.
    var batchSeconds: Double

    /// Measures each operation and returns one statistic per operation, in seconds per call.
    ///
    /// Round `r` runs the operations starting from operation `r % count`, so that no
    /// operation always runs first, right after another one has warmed or cooled the caches.
    func interleaved(_ operations: [() throws -> Void]) throws -> [Statistics] {
        var repeats: [Int] = []
        for operation in operations {
            repeats.append(try calibrate(operation))
        }
        var timings = Array(repeating: [Double](), count: operations.count)
        for round in 0..<samples {
            for offset in 0..<operations.count {
                let index = (round + offset) % operations.count
                let operation = operations[index]
                let count = repeats[index]
                let start = monotonicSeconds()
                for _ in 0..<count {
                    try operation()
                }
                let elapsed = monotonicSeconds() - start
                timings[index].append(elapsed / Double(count))
            }
        }
        return timings.map(Statistics.init)
    }

    /// Async counterpart of ``interleaved(_:)`` for calls that suspend, such as a client call.
    func interleavedAsync(_ operations: [() async throws -> Void]) async throws
        -> [Statistics]
    {
        var repeats: [Int] = []
        for operation in operations {
            try await operation()
            let start = monotonicSeconds()
            try await operation()
            let once = max(monotonicSeconds() - start, 1e-9)
            repeats.append(max(1, Int(batchSeconds / once)))
        }
        var timings = Array(repeating: [Double](), count: operations.count)
        for round in 0..<samples {
            for offset in 0..<operations.count {
                let index = (round + offset) % operations.count
                let operation = operations[index]
                let count = repeats[index]
                let start = monotonicSeconds()
                for _ in 0..<count {
                    try await operation()
                }
                let elapsed = monotonicSeconds() - start
                timings[index].append(elapsed / Double(count))
            }
        }
        return timings.map(Statistics.init)
    }

    /// Warms the operation up and returns how many calls fill one batch.
    private func calibrate(_ operation: () throws -> Void) throws -> Int {
        var count = 1
        while true {
            let start = monotonicSeconds()
            for _ in 0..<count {
                try operation()
            }
            let elapsed = monotonicSeconds() - start
            if elapsed >= batchSeconds / 4 || count >= 1 << 24 {
                let perCall = max(elapsed / Double(count), 1e-9)
                return max(1, Int(batchSeconds / perCall))
            }
            count *= 4
        }
    }
}
