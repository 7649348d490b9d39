/// The targets, judged against this run's figures: each is printed `met` or `missed` with
/// the measured value after the table, and written to the JSON. One line per target; a benchmark's
/// targets go here when its figures exist (a target whose figure is not in the run says so).
enum Targets {
    static func declare(on report: Report) {
        // Benchmark 1: durable commit (fsync before ack), side by side with the floor and SQLite.
        report.target("commit.single.vs_floor.median", "≤", 1.15, "x", "one at a time: within 1.15x of a bare append + fdatasync")
        report.target("commit.single.vs_sqlite.median", "≤", 1.0, "x", "one at a time: no slower than SQLite (WAL, synchronous=FULL)")
        report.target("burst.group.throughput", "≥", 100_000, "changes/s", "burst: at least 100,000 durable changes/s")
        report.target("burst.vs_sqlite_one_txn", "≥", 0.5, "x", "burst: at least half of SQLite's one-transaction burst")
        // Benchmarks 2-4 on the generated scenario (3,000 hospitals, 100,000 log entries, 200,000 changes in the journal).
        report.target("startup.total.median", "≤", 300, "ms", "startup: open the large directory to the first complete frame")
        report.target("key_to_frame.all.p99", "≤", 2_000, "µs", "key to frame at 200x60 (move, page, panel, filter, form): p99")
        report.target("compaction.background.longest_frame_gap", "≤", 16, "ms", "compaction in the background: longest gap between frames")
        // Benchmarks 5-7 on the live console in tmux.
        report.target("idle.cpu_percent", "≤", 0.1, "%", "idle wall (--watch): CPU")
        report.target("idle.wakeups_per_s", "≤", 1, "wakeups/s", "idle wall (--watch): wake-ups per second")
        report.target("term.update.vs_cells", "≤", 2, "x", "terminal bytes for a single-field update: within 2x of changed cells + cursor moves")
        report.target("term.scroll.vs_cells", "≤", 2, "x", "terminal bytes for a panel scroll: within 2x of changed cells + cursor moves")
        report.target("live.peak_rss", "≤", 60, "MB", "memory: peak RSS of the console on the large scenario")
        // Issue 15 on the large scenario: the capability matrix, and `where` in process.
        report.target("key_to_frame.capability.p99", "≤", 2_000, "µs", "capability matrix: key to frame at 200x60, p99")
        report.target("where.capable_hospitals.p99", "≤", 20, "ms", "where: capable ERs of 3,000 hospitals in process, p99")
    }
}
