import ArgumentParser
import Foundation

/// How much work each workload does.
struct Sizes {
    /// Workloads 1–2: sequential single-change commits, and as many bare pwrite + fdatasync.
    var singleCommits: Int
    /// Workload 3: changes in a burst, and the group size of the batched variant.
    var burst: Int
    var batch: Int
    /// Workloads 4–5: log entries on the large board, committed in groups of `buildBatch`.
    var boardEntries: Int
    var buildBatch: Int
    /// Opens, compactions and codec runs of the large board (median taken).
    var repeats: Int
    /// Workload 6: timed renders per size, after `warmUp` untimed ones.
    var renders: Int
    var warmUp: Int
    /// Workload 7: single commits per writer thread (three of them), and their compaction threshold.
    var multiChanges: Int
    var multiCompactEvery: Int
    /// Live console: the idle window of each console, and the quiet window that measures the
    /// clock's bytes per tick.
    var idleSeconds: Double
    var quietSeconds: Int

    static let full = Sizes(
        singleCommits: 2_000, burst: 10_000, batch: 100, boardEntries: 100_000, buildBatch: 1_000,
        repeats: 5, renders: 1_000, warmUp: 20, multiChanges: 2_000, multiCompactEvery: 1_000,
        idleSeconds: 60, quietSeconds: 5
    )
    /// About a tenth of everything, for a CI smoke run.
    static let quick = Sizes(
        singleCommits: 200, burst: 1_000, batch: 100, boardEntries: 10_000, buildBatch: 1_000,
        repeats: 3, renders: 100, warmUp: 5, multiChanges: 200, multiCompactEvery: 100,
        idleSeconds: 5, quietSeconds: 3
    )
}

struct SitRoomBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-bench",
        abstract: "Measures sitroom's store and screen: commit latency against the disk's floor, group commit, load, compaction, several writers and a follower, rendering, and the real console in tmux.",
        discussion: "Prints a table (name, value, unit) on stdout and progress on stderr. Every data directory is created fresh in a private scratch directory and removed afterwards. The live console workloads run the sitroom executable found next to this one: `swift build -c release` first."
    )

    @Flag(help: "Run every workload about 10x smaller (a smoke run of a few seconds).")
    var quick = false

    @Flag(help: "Run only the multi-writer workload: 3 writer threads and an inotify follower on one directory.")
    var multi = false

    @Flag(help: "Run only the screen workloads (for profiling the drawing).")
    var render = false

    @Flag(help: "Run only the live console workloads: the sitroom executable in tmux, idle CPU and wake-ups, bytes sent to the terminal, memory.")
    var live = false

    @Option(help: ArgumentHelp("Live console workloads: open a copy of this data directory instead of a fresh demo one.", valueName: "dir"))
    var scenario: String?

    @Option(help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Put the temporary data directories here (its filesystem is the one measured).", valueName: "dir"))
    var dir: String = NSTemporaryDirectory()

    func run() throws {
        let sizes = quick ? Sizes.quick : Sizes.full
        let report = Report()
        let now = Date()
        let only = [(multi, " --multi"), (render, " --render"), (live, " --live")].filter(\.0).map(\.1).joined()
        let all = only.isEmpty
        // Before anything long: the live workloads need the sitroom executable and the scenario.
        let sitroom = all || live ? try LiveConsoleBench.locateSitroom() : ""
        if let scenario {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: scenario, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw BenchError("--scenario \(scenario): no such directory")
            }
        }
        let scratch = try Scratch(base: dir)
        Progress.say("sitroom-bench\(quick ? " --quick" : "")\(only): scratch directory \(scratch.path)")
        let started = monotonicNanos()
        do {
            defer { scratch.removeAll() }
            if all { try StoreBench(sizes: sizes, scratch: scratch, report: report, now: now).run() }
            if all || multi { try MultiWriterBench(sizes: sizes, scratch: scratch, report: report, now: now).run() }
            if all || render { RenderBench(sizes: sizes, report: report, now: now).run() }
            if all || live { try LiveConsoleBench(sizes: sizes, scratch: scratch, report: report, binary: sitroom, scenario: scenario).run() }
        }
        if let peak = peakResidentBytes() {
            report.add("process.peak_rss", Double(peak) / 1_048_576, "MB")
        }
        Progress.say(String(format: "total %.1f s", (monotonicNanos() - started).seconds))
        print(report.table())
        if let json {
            try report.writeJSON(to: json, quick: quick, directory: dir)
        }
    }
}

/// VmHWM from /proc/self/status: the process's peak resident set size, in bytes (Linux only).
func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
        return kilobytes * 1024
    }
    return nil
}

SitRoomBench.main()
