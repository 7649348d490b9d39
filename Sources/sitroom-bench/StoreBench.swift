import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomWire
#if canImport(Glibc)
import Glibc
#endif

/// Workloads 1–5: commit latency and group commit against the disk's floor and SQLite; load, compaction and codecs.
struct StoreBench {
    let sizes: Sizes
    let scratch: Scratch
    let report: Report
    let now: Date

    func run() throws {
        try runDurableCommit()
        try largeBoard()
    }

    /// Benchmark 1 alone (`--commit`).
    func runDurableCommit() throws {
        try singleCommitsSideBySide()
        try bursts()
    }

    // MARK: 1–2. One change at a time: sitroom, the physical floor, SQLite

    /// Changes per round of the interleaved single-commit workload.
    private static let round = 50

    /// The same changes committed one at a time, each durable before the next, three ways: sitroom
    /// (`log.commit`: lock, catch up, encode, pwrite, fdatasync), the bare pwrite + fdatasync of the
    /// very record bytes sitroom wrote (the floor), and SQLite (BEGIN, INSERT of those bytes, COMMIT).
    /// The three take turns in rounds of `round` changes, the one going first changing every round, so
    /// that they share the machine's moments (other processes, the disk's writeback) evenly.
    private func singleCommitsSideBySide() throws {
        let n = sizes.singleCommits
        let (directory, log) = try openDemoDirectory(scratch, "single", now: now)
        defer { scratch.remove(directory) }
        var factory = ChangeFactory(board: log.board, now: now)
        let changes = factory.batch(n)
        let firstSeq = log.seq + 1
        let records = try encodeRecords(changes, firstSeq: firstSeq)
        let floorFile = try BareAppendFile(path: scratch.path + "/single-floor.dat")
        defer { floorFile.closeAndRemove() }
        let sqlite = try SQLiteChanges(path: scratch.path + "/single.sqlite")
        defer { try? sqlite.closeAndRemove() }

        var commits = Samples(reservingCapacity: n)
        var floor = Samples(reservingCapacity: n)
        var lite = Samples(reservingCapacity: n)
        try Progress.step("\(n) single changes each, taking turns: sitroom commit, bare pwrite + fdatasync, SQLite transaction") {
            for (number, start) in stride(from: 0, to: n, by: Self.round).enumerated() {
                let indices = start..<min(start + Self.round, n)
                for turn in 0..<3 {
                    switch (number + turn) % 3 {
                    case 0:
                        for i in indices {
                            let (result, nanos) = timed { log.commit(changes[i]) }
                            try requireSaved([result], "single commit")
                            commits.add(nanos)
                        }
                    case 1:
                        for i in indices {
                            floor.add(try timed { try floorFile.appendAndSync(records[i]) }.nanos)
                        }
                    default:
                        for i in indices {
                            lite.add(try timed { try sqlite.transaction { try sqlite.insert(seq: firstSeq + UInt64(i), record: records[i]) } }.nanos)
                        }
                    }
                }
            }
        }
        let bytes = try checkJournal(directory, log, holds: records, what: "single commits")
        try checkSame(floorFile: floorFile, sqlite: sqlite, records: records.count, bytes: bytes)

        report.addLatencies("commit.single", commits, unit: "ms")
        report.add("commit.single.record_size.mean", Double(bytes) / Double(n), "bytes")
        report.addLatencies("floor.pwrite_fdatasync", floor, unit: "ms")
        report.addLatencies("sqlite.single", lite, unit: "ms")
        report.add("commit.single.vs_floor.median", Double(commits.median) / Double(floor.median), "x")
        report.add("commit.single.vs_floor.p99", Double(commits.p99) / Double(floor.p99), "x")
        report.add("commit.single.vs_sqlite.median", Double(commits.median) / Double(lite.median), "x")
        report.add("commit.single.vs_sqlite.p99", Double(commits.p99) / Double(lite.p99), "x")
        report.add("sqlite.single.vs_floor.median", Double(lite.median) / Double(floor.median), "x")
        report.add("sqlite.single.vs_floor.p99", Double(lite.p99) / Double(floor.p99), "x")
        try commitCPUParts(changes, firstSeq: firstSeq)
    }

    /// The CPU work a commit does besides its write and fdatasync, on its own and without a disk:
    /// checking and applying the change to the board, and encoding its journal record. (The rest is
    /// system calls: flock twice, a stat and a read for CURRENT, an fstat of the journal.) Timed in
    /// a tight loop, with warm caches: inside a commit, after an fdatasync, the same work takes longer.
    private func commitCPUParts(_ changes: [Change], firstSeq: UInt64) throws {
        var board = DemoSituation.board(now: now)
        var apply = Samples(reservingCapacity: changes.count)
        var encode = Samples(reservingCapacity: changes.count)
        for (index, change) in changes.enumerated() {
            apply.add(try timed { try board.apply(change) }.nanos)
            var bytes: [UInt8] = []
            encode.add(try timed { try JournalRecord.encode(change, seq: firstSeq + UInt64(index), into: &bytes) }.nanos)
            blackHole(bytes)
        }
        report.add("commit.single.cpu.apply.median", apply.median.us, "µs")
        report.add("commit.single.cpu.encode.median", encode.median.us, "µs")
    }

    /// The burst's changes, the sequence number the first gets on a fresh demo directory, and
    /// their journal records (every fresh demo directory has the same board and sequence).
    private func burstChanges(_ n: Int) throws -> (changes: [Change], firstSeq: UInt64, records: [[UInt8]]) {
        let (directory, log) = try openDemoDirectory(scratch, "burst-probe", now: now)
        defer { scratch.remove(directory) }
        var factory = ChangeFactory(board: log.board, now: now)
        let changes = factory.batch(n)
        let firstSeq = log.seq + 1
        return (changes, firstSeq, try encodeRecords(changes, firstSeq: firstSeq))
    }

    /// The journal records `changes` become when committed from `firstSeq` on, one per change.
    private func encodeRecords(_ changes: [Change], firstSeq: UInt64) throws -> [[UInt8]] {
        try changes.enumerated().map { index, change in
            var bytes: [UInt8] = []
            try JournalRecord.encode(change, seq: firstSeq + UInt64(index), into: &bytes)
            return bytes
        }
    }

    /// Checks that the live journal (empty after `openDemoDirectory`'s compaction) holds exactly
    /// `records`, so that the floor and SQLite were given the very bytes sitroom wrote. Returns their size.
    @discardableResult
    private func checkJournal(_ directory: DataDirectory, _ log: ChangeLog, holds records: [[UInt8]], what: String) throws -> Int {
        let path = directory.path + "/journal-\(log.generation).log"
        guard let journal = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let expected = records.joined()
        guard journal.count == expected.count, journal.elementsEqual(expected) else {
            throw BenchError("\(what): the journal (\(journal.count) bytes) is not the records given to the floor and SQLite (\(expected.count) bytes)")
        }
        return expected.count
    }

    private func checkSame(floorFile: BareAppendFile?, sqlite: SQLiteChanges, records: Int, bytes: Int) throws {
        if let floorFile, floorFile.size != off_t(bytes) {
            throw BenchError("the floor file holds \(floorFile.size) bytes, expected \(bytes)")
        }
        let (rows, stored) = try sqlite.contents()
        guard rows == records, stored == bytes else {
            throw BenchError("SQLite holds \(rows) records of \(stored) bytes, expected \(records) of \(bytes)")
        }
    }

    // MARK: 3. Bursts: one group commit, and batches; against the floor and SQLite

    private func bursts() throws {
        let n = sizes.burst
        do {
            // The whole burst three ways, `burstRuns` times, the one going first changing every run;
            // the median run of each is reported. sitroom: one `commit` of every change (group commit:
            // one pwrite, one fdatasync), on a fresh data directory each run. The floor: the same
            // bytes in one pwrite and one fdatasync. SQLite: the same records in one transaction, in
            // a fresh database each run.
            let runs = sizes.burstRuns
            let (changes, firstSeq, records) = try burstChanges(n)
            let all = Array(records.joined())
            var group = Samples(), floor = Samples(), lite = Samples()
            try Progress.step("burst of \(n) changes (\(all.count) bytes), ×\(runs): one group commit, one bare pwrite + fdatasync, one SQLite transaction") {
                for run in 0..<runs {
                    for turn in 0..<3 {
                        switch (run + turn) % 3 {
                        case 0:
                            let (directory, log) = try openDemoDirectory(scratch, "burst-group-\(run)", now: now)
                            defer { scratch.remove(directory) }
                            guard log.seq + 1 == firstSeq else { throw BenchError("burst: a fresh demo directory is at \(log.seq)") }
                            let (results, nanos) = timed { log.commit(changes) }
                            try requireSaved(results, "burst")
                            try checkJournal(directory, log, holds: records, what: "burst")
                            group.add(nanos)
                        case 1:
                            let floorFile = try BareAppendFile(path: scratch.path + "/burst-floor-\(run).dat")
                            defer { floorFile.closeAndRemove() }
                            floor.add(try timed { try floorFile.appendAndSync(all) }.nanos)
                            guard floorFile.size == off_t(all.count) else { throw BenchError("burst: the floor file is short") }
                        default:
                            let sqlite = try SQLiteChanges(path: scratch.path + "/burst-\(run).sqlite")
                            defer { try? sqlite.closeAndRemove() }
                            lite.add(try timed {
                                try sqlite.transaction {
                                    for (i, record) in records.enumerated() { try sqlite.insert(seq: firstSeq + UInt64(i), record: record) }
                                }
                            }.nanos)
                            try checkSame(floorFile: nil, sqlite: sqlite, records: n, bytes: all.count)
                        }
                    }
                }
            }
            report.add("burst.changes", Double(n), "records")
            report.add("burst.group.total", group.median.ms, "ms")
            report.add("burst.group.throughput", Double(n) / group.median.seconds, "changes/s")
            report.add("floor.burst.total", floor.median.ms, "ms")
            report.add("floor.burst.throughput", Double(n) / floor.median.seconds, "changes/s")
            report.add("sqlite.burst.one_txn.total", lite.median.ms, "ms")
            report.add("sqlite.burst.one_txn.throughput", Double(n) / lite.median.seconds, "changes/s")
            // Throughput ratios: above 1 is faster than the other.
            report.add("burst.group.vs_floor", Double(floor.median) / Double(group.median), "x")
            report.add("burst.vs_sqlite_one_txn", Double(lite.median) / Double(group.median), "x")
        }
        do {
            // Batches: sitroom group commits of `batch` changes, against SQLite transactions of the same
            // records, taking turns batch by batch (the one going first changing every batch).
            let batch = sizes.batch
            let (directory, log) = try openDemoDirectory(scratch, "burst-batches", now: now)
            defer { scratch.remove(directory) }
            var factory = ChangeFactory(board: log.board, now: now)
            let changes = factory.batch(n)
            let firstSeq = log.seq + 1
            let records = try encodeRecords(changes, firstSeq: firstSeq)
            let sqlite = try SQLiteChanges(path: scratch.path + "/batches.sqlite")
            defer { try? sqlite.closeAndRemove() }
            var samples = Samples(reservingCapacity: n / batch + 1)
            var lite = Samples(reservingCapacity: n / batch + 1)
            try Progress.step("burst of \(n) changes in group commits of \(batch), and in SQLite transactions of \(batch), taking turns") {
                for (index, start) in stride(from: 0, to: n, by: batch).enumerated() {
                    let range = start..<min(start + batch, n)
                    for turn in 0..<2 {
                        if (index + turn) % 2 == 0 {
                            let group = Array(changes[range])
                            let (results, nanos) = timed { log.commit(group) }
                            try requireSaved(results, "batch")
                            samples.add(nanos)
                        } else {
                            lite.add(try timed {
                                try sqlite.transaction {
                                    for i in range { try sqlite.insert(seq: firstSeq + UInt64(i), record: records[i]) }
                                }
                            }.nanos)
                        }
                    }
                }
            }
            let bytes = try checkJournal(directory, log, holds: records, what: "batches")
            try checkSame(floorFile: nil, sqlite: sqlite, records: n, bytes: bytes)
            report.add("burst.batches_of_\(batch).total", samples.total.ms, "ms")
            report.add("burst.batches_of_\(batch).throughput", Double(n) / samples.total.seconds, "changes/s")
            report.add("burst.batches_of_\(batch).commit.median", samples.median.ms, "ms")
            report.add("sqlite.burst.txns_of_\(batch).total", lite.total.ms, "ms")
            report.add("sqlite.burst.txns_of_\(batch).throughput", Double(n) / lite.total.seconds, "changes/s")
            report.add("sqlite.burst.txns_of_\(batch).commit.median", lite.median.ms, "ms")
            report.add("burst.batches_of_\(batch).vs_sqlite_txns_of_\(batch)", Double(lite.total) / Double(samples.total), "x")
        }
    }

    // MARK: 4–5. A board with a long log: load, compaction, snapshot codecs

    private func largeBoard() throws {
        let n = sizes.boardEntries
        let runs = sizes.repeats
        let (directory, log) = try openDemoDirectory(scratch, "large-board", now: now)
        defer { scratch.remove(directory) }
        var factory = ChangeFactory(board: log.board, now: now)

        let build = try Progress.step("committing \(n) log entries in group commits of \(sizes.buildBatch)") {
            try timed {
                let start = monotonicNanos()
                var done = 0
                while done < n {
                    let k = min(n - done, sizes.buildBatch)
                    try requireSaved(log.commit(factory.batch(k, logOnly: true)), "building the board")
                    let tenth = max(1, n / 10)
                    if (done + k) / tenth > done / tenth, done + k < n, monotonicNanos() - start > 1_000_000_000 {
                        Progress.say(String(format: "  %d/%d entries, %.1f s", done + k, n, (monotonicNanos() - start).seconds))
                    }
                    done += k
                }
            }.nanos
        }
        let expectedSeq = log.seq
        report.add("board.log_entries", Double(log.board.log.count), "entries")
        report.add("board.build.commit_total", build.ms, "ms")
        report.add("board.journal.size", Double(try fileSize(directory.path + "/journal-\(log.generation).log")), "bytes")

        // 4b. Everything after the demo still in the journal: open = small snapshot + full replay.
        let replay = try Progress.step("ChangeLog.open with \(n) entries in the journal, ×\(runs)") {
            try Progress.measure(runs) { try checkedOpen(directory, seq: expectedSeq) }
        }
        report.add("open.journal_replay.median", replay.median.ms, "ms")

        // 5. Compaction: the board into a snapshot, and an empty journal.
        let compactions = try Progress.step("compact() with \(n) entries, ×\(runs)") {
            try Progress.measure(runs) { try log.compact() }
        }
        report.add("compact.median", compactions.median.ms, "ms")
        report.add("compact.max", compactions.max.ms, "ms")
        let snapshotSize = try fileSize(directory.path + "/snapshot-\(log.generation).bin")
        report.add("snapshot.size", Double(snapshotSize), "bytes")
        report.add("snapshot.size.mb", Double(snapshotSize) / 1_048_576, "MB")

        // 4a. Everything in the snapshot: open = snapshot decode, empty journal.
        let load = try Progress.step("ChangeLog.open with \(n) entries in the snapshot, ×\(runs)") {
            try Progress.measure(runs) { try checkedOpen(directory, seq: expectedSeq) }
        }
        report.add("open.snapshot.median", load.median.ms, "ms")

        try codecs(board: log.board, seq: log.seq)
    }

    /// Opens the directory and checks it reached `seq`.
    private func checkedOpen(_ directory: DataDirectory, seq: UInt64) throws {
        let opened = try ChangeLog.open(directory)
        guard opened.seq == seq else { throw BenchError("opened at sequence \(opened.seq), expected \(seq)") }
        blackHole(opened)
    }

    /// Snapshot.encode/decode alone, against Foundation's JSON on the same `BoardDocument`.
    private func codecs(board: Board, seq: UInt64) throws {
        let runs = sizes.repeats
        var snapshot: [UInt8] = []
        var json = Data()
        let encoder = SitRoomJSON.encoder()
        let decoder = SitRoomJSON.decoder()
        let (binaryEncode, binaryDecode, jsonEncode, jsonDecode) = try Progress.step("snapshot and JSON codecs, ×\(runs) each") {
            (
                try Progress.measure(runs) { snapshot = try Snapshot.encode(board, seq: seq) },
                try Progress.measure(runs) { blackHole(try Snapshot.decode(snapshot)) },
                // Building the BoardDocument (sorting the tables) is inside both timings, as in Snapshot.encode.
                try Progress.measure(runs) { json = try encoder.encode(BoardDocument(board, seq: seq)) },
                try Progress.measure(runs) { blackHole(try decoder.decode(BoardDocument.self, from: json).board) }
            )
        }
        report.add("snapshot.encode.median", binaryEncode.median.ms, "ms")
        report.add("snapshot.decode.median", binaryDecode.median.ms, "ms")
        report.add("json.encode.median", jsonEncode.median.ms, "ms")
        report.add("json.decode.median", jsonDecode.median.ms, "ms")
        report.add("json.size", Double(json.count), "bytes")
        report.add("json.size.mb", Double(json.count) / 1_048_576, "MB")
    }

    private func fileSize(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw BenchError("stat \(path): \(String(cString: strerror(errno)))") }
        return Int(info.st_size)
    }
}
