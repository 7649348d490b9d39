import Foundation

/// One measured figure: a stable dotted name, its value and unit.
struct Figure: Codable {
    let name: String
    let value: Double
    let unit: String
}

/// How a figure is compared with its target.
enum Comparison: String, Codable, ExpressibleByStringLiteral {
    case atMost = "≤", below = "<", atLeast = "≥", above = ">"

    init(stringLiteral text: String) {
        switch text {
        case "≤", "<=": self = .atMost
        case "<": self = .below
        case "≥", ">=": self = .atLeast
        case ">": self = .above
        default: preconditionFailure("unknown comparison \(text): use ≤ < ≥ >")
        }
    }

    func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atMost: value <= threshold
        case .below: value < threshold
        case .atLeast: value >= threshold
        case .above: value > threshold
        }
    }
}

/// A goal for one figure, e.g. `commit.single.vs_floor.median ≤ 1.15 x`.
struct Target {
    let figure: String
    let comparison: Comparison
    let threshold: Double
    let unit: String
    /// What the goal means, in words (e.g. "one at a time within 1.15x of a bare append + fdatasync").
    let goal: String
}

/// A target judged against the figure measured in this run.
struct TargetResult: Codable {
    enum Status: String, Codable {
        case met, missed
        /// The figure is not in this run (e.g. `--multi` skips the store workloads).
        case notMeasured = "not measured"
        /// The figure is in another unit than the target: a mistake in the target's declaration.
        case unitMismatch = "unit mismatch"
    }

    let figure: String
    let comparison: Comparison
    let threshold: Double
    let unit: String
    let goal: String
    let value: Double?
    let status: Status
}

/// Collects figures in the order they are measured, and targets to judge them by; prints them as a
/// table or writes them as JSON.
final class Report {
    private(set) var figures: [Figure] = []
    private(set) var targets: [Target] = []

    func add(_ name: String, _ value: Double, _ unit: String) {
        figures.append(Figure(name: name, value: value, unit: unit))
    }

    /// Declares a target for the figure `name` (measured before or after): `met` or `missed` in the
    /// report. `unit` must be the figure's unit.
    func target(_ name: String, _ comparison: Comparison, _ threshold: Double, _ unit: String, _ goal: String = "") {
        targets.append(Target(figure: name, comparison: comparison, threshold: threshold, unit: unit, goal: goal))
    }

    /// Every target, judged against the last figure of its name.
    func targetResults() -> [TargetResult] {
        targets.map { target in
            let figure = figures.last { $0.name == target.figure }
            let status: TargetResult.Status
            if let figure {
                if figure.unit != target.unit {
                    status = .unitMismatch
                } else {
                    status = target.comparison.holds(figure.value, target.threshold) ? .met : .missed
                }
            } else {
                status = .notMeasured
            }
            return TargetResult(
                figure: target.figure, comparison: target.comparison, threshold: target.threshold, unit: target.unit,
                goal: target.goal, value: figure?.value, status: status
            )
        }
    }

    /// Median, p99 and max of `samples` in `unit` ("ms" or "µs").
    func addLatencies(_ prefix: String, _ samples: Samples, unit: String, max includeMax: Bool = true) {
        let scale: (UInt64) -> Double = unit == "µs" ? { $0.us } : { $0.ms }
        add(prefix + ".median", scale(samples.median), unit)
        add(prefix + ".p99", scale(samples.p99), unit)
        if includeMax { add(prefix + ".max", scale(samples.max), unit) }
    }

    /// The plain table: name, value, unit.
    func table() -> String {
        let values = figures.map { Self.format($0.value, unit: $0.unit) }
        let nameWidth = max(4, figures.map(\.name.count).max() ?? 0)
        let valueWidth = max(5, values.map(\.count).max() ?? 0)
        func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return right ? fill + s : s + fill
        }
        var lines = [pad("name", nameWidth) + "  " + pad("value", valueWidth, right: true) + "  unit"]
        lines.append(String(repeating: "-", count: nameWidth + valueWidth + 10))
        for (figure, value) in zip(figures, values) {
            lines.append(pad(figure.name, nameWidth) + "  " + pad(value, valueWidth, right: true) + "  " + figure.unit)
        }
        return lines.joined(separator: "\n")
    }

    /// The targets: status, figure, measured value, the target, and the goal in words.
    func targetsTable() -> String {
        let results = targetResults()
        guard !results.isEmpty else { return "" }
        let rows = results.map { r -> [String] in
            let measured = r.value.map { Self.format($0, unit: r.unit) + " " + r.unit } ?? "-"
            let goal = r.comparison.rawValue + " " + Self.format(r.threshold, unit: r.unit) + " " + r.unit
            return [r.status.rawValue, r.figure, measured, goal, r.goal]
        }
        let header = ["target", "figure", "measured", "goal", ""]
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                if column < 4 {
                    let fill = String(repeating: " ", count: max(0, widths[column] - cell.count))
                    text += (column == 2 || column == 3 ? fill + cell : cell + fill) + "  "
                } else {
                    text += cell
                }
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header), String(repeating: "-", count: widths.reduce(0, +) + 8)]
        lines += rows.map(line)
        let met = results.filter { $0.status == .met }.count
        lines.append("\(met) of \(results.count) targets met")
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, unit: String) -> String {
        let digits: Int
        switch unit {
        case "bytes", "entries", "changes/s", "records", "cells", "runs", "frames": digits = 0
        case "x", "MB", "load": digits = 2
        default: digits = abs(value) >= 100 ? 1 : 3
        }
        return String(format: "%.\(digits)f", value)
    }

    struct Document: Codable {
        let quick: Bool
        let directory: String
        let date: Date
        let figures: [Figure]
        let targets: [TargetResult]
    }

    func writeJSON(to path: String, quick: Bool, directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let document = Document(quick: quick, directory: directory, date: Date(), figures: figures, targets: targetResults())
        let data = try encoder.encode(document)
        try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Progress on stderr, so that stdout carries only the table.
enum Progress {
    static func say(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Announces a step, runs it, and says how long it took.
    static func step<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        say("… \(label)")
        let (result, nanos) = try timed(body)
        say(String(format: "  done in %.2f s", nanos.seconds))
        return result
    }

    /// Like `Samples.measure`, and says how long each run took when a run takes over a second.
    static func measure(_ count: Int, _ body: () throws -> Void) rethrows -> Samples {
        var samples = Samples(reservingCapacity: count)
        for run in 1...count {
            let nanos = try timed(body).nanos
            samples.add(nanos)
            if nanos > 1_000_000_000 { say(String(format: "  run %d/%d: %.2f s", run, count, nanos.seconds)) }
        }
        return samples
    }
}
