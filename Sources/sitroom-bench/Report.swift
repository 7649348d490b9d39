import Foundation

/// One measured figure: a stable dotted name, its value and unit.
struct Figure: Codable {
    let name: String
    let value: Double
    let unit: String
}

/// Collects figures in the order they are measured; prints them as a table or writes them as JSON.
final class Report {
    private(set) var figures: [Figure] = []

    func add(_ name: String, _ value: Double, _ unit: String) {
        figures.append(Figure(name: name, value: value, unit: unit))
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

    static func format(_ value: Double, unit: String) -> String {
        let digits: Int
        switch unit {
        case "bytes", "entries", "changes/s", "records", "cells", "runs": digits = 0
        case "x", "MB": digits = 2
        default: digits = abs(value) >= 100 ? 1 : 3
        }
        return String(format: "%.\(digits)f", value)
    }

    struct Document: Codable {
        let quick: Bool
        let directory: String
        let date: Date
        let figures: [Figure]
    }

    func writeJSON(to path: String, quick: Bool, directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(Document(quick: quick, directory: directory, date: Date(), figures: figures))
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
