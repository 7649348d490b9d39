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
    }
}
