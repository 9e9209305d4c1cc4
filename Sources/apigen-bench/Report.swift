import Foundation

/// A target that a row's figure is checked against.
enum Goal: Sendable {
    /// No target: the figure is reported only.
    case none
    /// The ratio to the baseline must be at most this value.
    case ratioAtMost(Double)
    /// The figure itself, in the row's display unit, must be at most this value.
    case valueAtMost(Double)
    /// The figure itself, in the row's display unit, must be at least this value.
    case valueAtLeast(Double)

    var text: String {
        switch self {
        case .none: "-"
        case .ratioAtMost(let limit): "ratio <= \(String(format: "%g", limit))"
        case .valueAtMost(let limit): "<= \(String(format: "%g", limit))"
        case .valueAtLeast(let limit): ">= \(String(format: "%g", limit))"
        }
    }
}

/// A unit that a row is shown in, with the factor from the base unit it is measured in.
///
/// Times are measured in seconds and sizes in bytes.
enum DisplayUnit: String, Sendable, Encodable {
    case nanoseconds = "ns"
    case microseconds = "us"
    case milliseconds = "ms"
    case seconds = "s"
    case megabytes = "MB"
    case actionsPerSecond = "actions/s"
    case secondsPerAction = "s/action"

    /// The number of display units in one base unit.
    var scale: Double {
        switch self {
        case .nanoseconds: 1e9
        case .microseconds: 1e6
        case .milliseconds: 1e3
        case .seconds, .actionsPerSecond, .secondsPerAction: 1
        case .megabytes: 1e-6
        }
    }
}

/// One line of the result table, its figures already in the display unit.
struct ResultRow: Sendable, Encodable {
    var name: String
    var median: Double?
    var min: Double?
    var max: Double?
    var unit: DisplayUnit
    var baselineName: String?
    var baselineMedian: Double?
    /// The row's median divided by the baseline's median.
    var ratio: Double?
    var goal: String
    /// Whether the goal is met, or nil when there is no goal or it was not checked.
    var met: Bool?
    /// `measured`, or why the row has no figures, such as `not available: Specs/Ecs not found`.
    var status: String
    var note: String?

    /// Builds a measured row, converting the statistics from the base unit and checking the
    /// goal unless `checkGoal` is false, as in a quick run.
    init(
        name: String,
        statistics: Statistics,
        unit: DisplayUnit,
        baselineName: String? = nil,
        baseline: Statistics? = nil,
        goal: Goal = .none,
        checkGoal: Bool,
        note: String? = nil
    ) {
        self.name = name
        median = statistics.median * unit.scale
        min = statistics.min * unit.scale
        max = statistics.max * unit.scale
        self.unit = unit
        self.baselineName = baselineName
        baselineMedian = baseline.map { $0.median * unit.scale }
        ratio = baseline.map { statistics.median / $0.median }
        self.goal = goal.text
        status = "measured"
        self.note = note
        guard checkGoal else {
            return
        }
        switch goal {
        case .none:
            met = nil
        case .ratioAtMost(let limit):
            met = ratio.map { $0 <= limit }
        case .valueAtMost(let limit):
            met = median.map { $0 <= limit }
        case .valueAtLeast(let limit):
            met = median.map { $0 >= limit }
        }
    }

    /// Builds a row without figures, for a case whose input is missing or that was not run.
    init(name: String, unit: DisplayUnit, goal: Goal, status: String) {
        self.name = name
        self.unit = unit
        self.goal = goal.text
        self.status = status
    }
}

/// Formats a figure with four significant digits from 1 to 1,000, no decimals above and four
/// decimals below.
func formatNumber(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1000 || magnitude == 0 {
        return String(format: "%.0f", value)
    }
    if magnitude >= 100 {
        return String(format: "%.1f", value)
    }
    if magnitude >= 10 {
        return String(format: "%.2f", value)
    }
    if magnitude >= 1 {
        return String(format: "%.3f", value)
    }
    return String(format: "%.4f", value)
}

enum ReportPrinter {
    static let headers = [
        "case", "median", "min", "max", "unit", "baseline", "baseline median", "ratio", "goal",
        "met?", "note",
    ]

    /// Returns the rows as a Markdown table, which reads as plain text too.
    static func table(_ rows: [ResultRow]) -> String {
        var lines = [line(headers), line(headers.map { _ in "---" })]
        for row in rows {
            lines.append(line(cells(of: row)))
        }
        return lines.joined(separator: "\n")
    }

    private static func cells(of row: ResultRow) -> [String] {
        guard row.status == "measured" else {
            return [
                row.name, row.status, "", "", row.unit.rawValue, "", "", "", row.goal, "-",
                row.note ?? "",
            ]
        }
        let met: String
        switch row.met {
        case .some(true): met = "yes"
        case .some(false): met = "NO"
        case .none: met = "-"
        }
        return [
            row.name,
            row.median.map(formatNumber) ?? "",
            row.min.map(formatNumber) ?? "",
            row.max.map(formatNumber) ?? "",
            row.unit.rawValue,
            row.baselineName ?? "-",
            row.baselineMedian.map(formatNumber) ?? "-",
            row.ratio.map { formatNumber($0) + "x" } ?? "-",
            row.goal,
            met,
            row.note ?? "",
        ]
    }

    private static func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}

/// The JSON document that `--json` writes: the run's settings and its rows.
struct ReportDocument: Encodable {
    var command: [String]
    var iterations: Int
    var quick: Bool
    var loadAverageAtStart: String
    var loadAverageAtEnd: String
    var rows: [ResultRow]

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url)
    }
}

/// Returns the first three fields of `/proc/loadavg`, or `unknown` where it does not exist.
func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else {
        return "unknown"
    }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
