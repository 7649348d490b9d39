import ArgumentParser
import Foundation
import SitRoomStore

/// How much work each workload does.
struct Sizes {
    /// Workloads 1–2: sequential single-change commits, and as many bare pwrite + fdatasync.
    var singleCommits: Int
    /// Workload 3: changes in a burst (one group commit, one SQLite transaction), and the group size
    /// of the batched variant.
    var burst: Int
    var batch: Int
    /// Runs of the whole burst (each way), the median reported.
    var burstRuns: Int
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
        singleCommits: 2_000, burst: 100_000, batch: 100, burstRuns: 3, boardEntries: 100_000, buildBatch: 1_000,
        repeats: 5, renders: 1_000, warmUp: 20, multiChanges: 2_000, multiCompactEvery: 1_000,
        idleSeconds: 60, quietSeconds: 5
    )
    /// A tenth of everything (the burst a hundredth), for a CI smoke run.
    static let quick = Sizes(
        singleCommits: 200, burst: 1_000, batch: 100, burstRuns: 3, boardEntries: 10_000, buildBatch: 1_000,
        repeats: 3, renders: 100, warmUp: 5, multiChanges: 200, multiCompactEvery: 100,
        idleSeconds: 5, quietSeconds: 3
    )
}

struct SitRoomBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitroom-bench",
        abstract: "Measures sitroom's store and screen: commit latency and group commit against the disk's floor and SQLite, load, compaction, several writers and a follower, rendering, a large generated scenario, and the real console in tmux.",
        discussion: "Prints a table (name, value, unit) and the targets met or missed on stdout, progress on stderr. Every data directory is created fresh in a private scratch directory and removed afterwards. The live console workloads run the sitroom executable found next to this one: `swift build -c release` first."
    )

    @Flag(help: "Run every workload about 10x smaller (a smoke run of a few seconds).")
    var quick = false

    @Flag(help: "Run only the multi-writer workload: 3 writer threads and an inotify follower on one directory.")
    var multi = false

    @Flag(help: "Run only the screen workloads (for profiling the drawing).")
    var render = false

    @Flag(help: "Run only the live console workloads: the sitroom executable in tmux, idle CPU and wake-ups, bytes sent to the terminal, memory.")
    var live = false

    @Option(help: ArgumentHelp(
        "A large data directory (sitroom init --generate) for the scale and live workloads (the live consoles open a copy): startup, key to frame, compaction gap, memory. Default: one generated in the scratch directory (3,000 hospitals, 1,000 contacts, 100,000 log entries, 200,000 changes; with --quick 300 hospitals and far fewer of the rest).",
        valueName: "dir"))
    var scenario: String?

    @Flag(help: "Run only benchmark 1, durable commit: single commits and bursts against the floor and SQLite.")
    var commit = false

    @Flag(help: "Run only the server workload: commit latency, bursts and follower lag through a data directory and through a throwaway local PostgreSQL server, side by side.")
    var server = false

    @Option(help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Put the temporary data directories here (its filesystem is the one measured).", valueName: "dir"))
    var dir: String = NSTemporaryDirectory()

    func validate() throws {
        if commit && multi { throw ValidationError("--commit and --multi each run one benchmark alone: choose one.") }
    }

    func run() throws {
        let sizes = quick ? Sizes.quick : Sizes.full
        let report = Report()
        Targets.declare(on: report)
        let now = Date()
        let only = [(multi, " --multi"), (render, " --render"), (live, " --live"), (commit, " --commit"), (server, " --server")].filter(\.0).map(\.1).joined()
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
        // Other processes on the machine change every figure (a busy disk makes all three durable
        // commits wait alike, and their ratios tend to 1): say how busy it was.
        if let load = loadAverage() { report.add("machine.loadavg_1m.start", load, "load") }
        do {
            defer { scratch.removeAll() }
            let store = StoreBench(sizes: sizes, scratch: scratch, report: report, now: now)
            if commit { try store.runDurableCommit() }
            if all { try store.run() }
            if all || multi { try MultiWriterBench(sizes: sizes, scratch: scratch, report: report, now: now).run() }
            if all || server { try ServerBench(sizes: sizes, scratch: scratch, report: report).run() }
            if all || render { RenderBench(sizes: sizes, report: report, now: now).run() }
            if all || render || live {
                // One scenario for the scale workloads and the live consoles.
                let directory = try scenario.map { DataDirectory($0) } ?? ScaleBench.generate(in: scratch, quick: quick)
                if all || render { try ScaleBench(sizes: sizes, scratch: scratch, report: report, scenario: directory).run() }
                if all || live {
                    try LiveConsoleBench(sizes: sizes, scratch: scratch, report: report, binary: sitroom, scenario: directory.path).run()
                }
            }
        }
        if let peak = peakResidentBytes() {
            report.add("process.peak_rss", Double(peak) / 1_048_576, "MB")
        }
        if let load = loadAverage() { report.add("machine.loadavg_1m.end", load, "load") }
        Progress.say(String(format: "total %.1f s", (monotonicNanos() - started).seconds))
        print(report.table())
        let targets = report.targetsTable()
        if !targets.isEmpty {
            print("")
            print(quick ? "targets (--quick: small sizes, indicative only)" : "targets")
            print(targets)
        }
        if let json {
            try report.writeJSON(to: json, quick: quick, directory: dir)
        }
    }
}

/// The 1-minute load average from /proc/loadavg (Linux only).
func loadAverage() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
    return text.split(separator: " ").first.flatMap { Double($0) }
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
