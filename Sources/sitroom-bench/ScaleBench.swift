import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomUI

/// Workloads 8–10 on a large scenario (issue 7): open to the first frame, key to frame at 200x60,
/// and the longest gap between frames while the board is compacted in the background.
struct ScaleBench {
    let sizes: Sizes
    let scratch: Scratch
    let report: Report
    /// A data directory to read (never written: the compaction workload works on a copy).
    let scenario: DataDirectory
    static let zone = TimeZone(identifier: "Asia/Seoul") ?? .current

    /// The scenario (or, for a smoke run, a small one) generated from seed 1.
    static func generate(in scratch: Scratch, quick: Bool) throws -> DataDirectory {
        let spec = quick
            ? ScenarioSpec(hospitals: 300, contacts: 100, log: 5_000, changes: 10_000)
            : ScenarioSpec(hospitals: 3_000, contacts: 1_000, log: 100_000, changes: 200_000)
        let directory = DataDirectory(scratch.path + "/scenario")
        _ = try Progress.step("generate \(spec.hospitals) hospitals, \(spec.contacts) contacts, \(spec.log) log entries, \(spec.changes) changes") {
            try GeneratedScenario.create(at: directory, spec: spec, seed: 1)
        }
        return directory
    }

    func run() throws {
        let model = try startup()
        keysToFrames(model)
        CapabilityBench(sizes: sizes, report: report).run(model)
        minuteTicks(model)
        try compactionGap()
    }

    // MARK: 8. Startup

    /// Opening the directory (snapshot, then the journal replayed) to the first complete frame.
    private func startup() throws -> AppModel {
        var model: AppModel?
        var opens = Samples()
        var frames = Samples()
        try Progress.step("open \(scenario.path) to the first 200x60 frame, ×\(sizes.repeats)") {
            for _ in 0..<sizes.repeats {
                let start = monotonicNanos()
                let log = try ChangeLog.open(scenario, mode: .readOnly)
                let opened = monotonicNanos()
                var m = AppModel(board: log.board, seq: log.seq, now: Date(), timeZone: Self.zone, officer: "bench", save: .readOnly(log.seq))
                m.width = 200
                m.height = 60
                blackHole(Dashboard.render(m, width: 200, height: 60))
                let end = monotonicNanos()
                opens.add(opened - start)
                frames.add(end - opened)
                model = m
            }
        }
        report.add("scale.hospitals", Double(model!.board.hospitals.count), "records")
        report.add("scale.log_entries", Double(model!.board.log.count), "entries")
        report.add("scale.seq", Double(model!.seq), "records")
        report.add("startup.open.median", opens.median.ms, "ms")
        report.add("startup.first_frame.median", frames.median.ms, "ms")
        report.add("startup.total.median", (opens.median + frames.median).ms, "ms")
        if let peak = peakResidentBytes() { report.add("startup.peak_rss", Double(peak) / 1_048_576, "MB") }
        return model!
    }

    // MARK: 9. Key to frame

    /// `update(key:)` and the frame it causes, for the keys an officer presses most.
    private func keysToFrames(_ start: AppModel) {
        var all = Samples()
        func measure(_ name: String, _ model: inout AppModel, _ keys: [Key]) {
            var samples = Samples(reservingCapacity: keys.count)
            for key in keys {
                let begin = monotonicNanos()
                blackHole(model.update(key: key))
                blackHole(Dashboard.render(model, width: 200, height: 60))
                let nanos = monotonicNanos() - begin
                samples.add(nanos)
                all.add(nanos)
            }
            report.addLatencies("key_to_frame.\(name)", samples, unit: "µs", max: false)
        }
        let n = sizes.renders
        Progress.step("key to frame at 200x60: move, page, panel, filter, form (\(n) each)") {
            var m = start
            // The first frame after a board change builds the panels' rows; the keys below are
            // what follows it, as on a console.
            blackHole(Dashboard.render(m, width: 200, height: 60))
            measure("move", &m, Array(repeating: .down, count: n))
            m.cursors = [:]
            measure("page", &m, Array(repeating: .pageDown, count: min(n, 40)))
            measure("panel", &m, Array(repeating: .tab, count: n))
            var f = start
            _ = f.update(key: .char("/"))
            let word = Array("서울대학교병원").map { Key.char($0) }
            var filterKeys: [Key] = []
            while filterKeys.count < n { filterKeys += word + Array(repeating: .backspace, count: word.count) }
            measure("filter", &f, Array(filterKeys.prefix(n)))
            var e = start
            _ = e.update(key: .char("e"))
            var formKeys: [Key] = []
            while formKeys.count < n { formKeys += [.tab, .char("3"), .backspace, .tab] }
            measure("form", &e, Array(formKeys.prefix(n)))
        }
        report.addLatencies("key_to_frame.all", all, unit: "µs")
    }

    /// The frame drawn when the minute turns on an idle wall: ages and staleness move, so every
    /// panel on screen has rows to refresh. An idle wall pays this once a minute.
    private func minuteTicks(_ start: AppModel) {
        var samples = Samples()
        Progress.step("minute tick on the dashboard at 200x60 (×20)") {
            var m = start
            blackHole(Dashboard.render(m, width: 200, height: 60))
            for _ in 0..<20 {
                m.now = m.now.addingTimeInterval(60)
                let begin = monotonicNanos()
                blackHole(Dashboard.render(m, width: 200, height: 60))
                samples.add(monotonicNanos() - begin)
            }
        }
        report.addLatencies("minute_tick.frame", samples, unit: "µs", max: false)
    }

    // MARK: 10. Compaction in the background

    /// Frames drawn one after another while a writer compacts the board on another thread: the
    /// longest gap between two frames, against compacting inside a commit.
    private func compactionGap() throws {
        let copy = try copyScenario()
        defer { scratch.remove(copy) }
        let log = try ChangeLog.open(copy)
        log.policy = .never
        var model = AppModel(board: log.board, seq: log.seq, now: Date(), timeZone: Self.zone, officer: "bench", save: .saved(log.seq))
        model.width = 200
        model.height = 60
        // The console's frames before the compaction: the panels' rows are built already.
        blackHole(Dashboard.render(model, width: 200, height: 60))
        var switchTime: UInt64 = 0
        var startTime: UInt64 = 0
        let (gap, frames, took) = Progress.step("frames while the board is compacted in the background") { () -> (UInt64, Int, UInt64) in
            var last = monotonicNanos()
            var longest: UInt64 = 0
            var frames = 0
            let started = last
            startTime = timed { log.startCompaction() }.nanos
            while log.isCompacting || frames < 10 {
                if model.update(key: .down).isEmpty, model.cursor(model.activePanel).selected > 2_000 { model.cursors = [:] }
                blackHole(Dashboard.render(model, width: 200, height: 60))
                let finishing = log.isCompacting
                let t = timed { log.finishCompaction() }.nanos
                if finishing && !log.isCompacting { switchTime = t }
                let now = monotonicNanos()
                longest = max(longest, now - last)
                last = now
                frames += 1
            }
            return (longest, frames, last - started)
        }
        report.add("compaction.background.start", startTime.ms, "ms")
        report.add("compaction.background.switch", switchTime.ms, "ms")
        report.add("compaction.background.longest_frame_gap", gap.ms, "ms")
        report.add("compaction.background.frames", Double(frames), "frames")
        report.add("compaction.background.duration", took.ms, "ms")
        let sync = try Progress.step("the same compaction inside a commit") { try timed { try log.compact() }.nanos }
        report.add("compaction.in_commit.frame_gap", sync.ms, "ms")

        // The same board once compacted (as the automatic compaction keeps a live directory: at
        // most 10,000 records in the journal): opening is then the snapshot alone.
        var opens = Samples()
        try Progress.step("open the compacted copy to the first 200x60 frame, ×\(sizes.repeats)") {
            for _ in 0..<sizes.repeats {
                let start = monotonicNanos()
                let reopened = try ChangeLog.open(copy, mode: .readOnly)
                var m = AppModel(board: reopened.board, seq: reopened.seq, now: Date(), timeZone: Self.zone, officer: "bench", save: .readOnly(reopened.seq))
                m.width = 200
                m.height = 60
                blackHole(Dashboard.render(m, width: 200, height: 60))
                opens.add(monotonicNanos() - start)
            }
        }
        report.add("startup.compacted.total.median", opens.median.ms, "ms")
    }

    private func copyScenario() throws -> DataDirectory {
        let path = scratch.path + "/scale-copy"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in try FileManager.default.contentsOfDirectory(atPath: scenario.path) where name != "consoles" {
            try FileManager.default.copyItem(atPath: scenario.path + "/" + name, toPath: path + "/" + name)
        }
        return DataDirectory(path)
    }
}
