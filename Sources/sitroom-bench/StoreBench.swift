import Foundation
import SitRoomCore
import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

/// Workloads 1–5: commit latency against the disk's floor, group commit, load, compaction and codecs.
struct StoreBench {
    let sizes: Sizes
    let scratch: Scratch
    let report: Report
    let now: Date

    func run() throws {
        try singleCommitsAndFloor()
        try bursts()
        try largeBoard()
    }

    // MARK: 1–2. One change at a time, and the physical floor

    private func singleCommitsAndFloor() throws {
        let n = sizes.singleCommits
        let (directory, log) = try openDemoDirectory(scratch, "single", now: now)
        defer { scratch.remove(directory) }
        var factory = ChangeFactory(board: log.board, now: now)
        let changes = factory.batch(n)
        let firstSeq = log.seq + 1

        let commits = try Progress.step("\(n) single commits (lock, catch up, append, fdatasync)") {
            var samples = Samples(reservingCapacity: n)
            for change in changes {
                let (result, nanos) = timed { log.commit(change) }
                try requireSaved([result], "single commit")
                samples.add(nanos)
            }
            return samples
        }
        report.addLatencies("commit.single", commits, unit: "ms")

        // The very bytes the journal got, record by record.
        let records = try changes.enumerated().map { index, change in
            var bytes: [UInt8] = []
            try JournalRecord.encode(change, seq: firstSeq + UInt64(index), into: &bytes)
            return bytes
        }
        report.add("commit.single.record_size.mean", Double(records.map(\.count).reduce(0, +)) / Double(n), "bytes")

        let floor = try Progress.step("\(n) bare pwrite + fdatasync of the same records") {
            try appendAndSync(records, path: directory.path + "/floor.dat")
        }
        report.addLatencies("floor.pwrite_fdatasync", floor, unit: "ms")
        report.add("commit.single.vs_floor.median", Double(commits.median) / Double(floor.median), "x")
        report.add("commit.single.vs_floor.p99", Double(commits.p99) / Double(floor.p99), "x")
    }

    /// Appends each record with pwrite at the end of a new file and fdatasyncs it, timing each pair.
    private func appendAndSync(_ records: [[UInt8]], path: String) throws -> Samples {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchError("open \(path): \(String(cString: strerror(errno)))") }
        defer {
            Glibc.close(fd)
            Glibc.unlink(path)
        }
        var samples = Samples(reservingCapacity: records.count)
        var offset: off_t = 0
        for record in records {
            let start = monotonicNanos()
            try record.withUnsafeBytes { buffer in
                var done = 0
                while done < buffer.count {
                    let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, offset + off_t(done))
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw BenchError("pwrite \(path): \(String(cString: strerror(errno)))")
                    }
                    done += n
                }
            }
            guard fdatasync(fd) == 0 else { throw BenchError("fdatasync \(path): \(String(cString: strerror(errno)))") }
            samples.add(monotonicNanos() - start)
            offset += off_t(record.count)
        }
        return samples
    }

    // MARK: 3. Bursts: one group, and batches

    private func bursts() throws {
        let n = sizes.burst
        do {
            let (directory, log) = try openDemoDirectory(scratch, "burst-group", now: now)
            defer { scratch.remove(directory) }
            var factory = ChangeFactory(board: log.board, now: now)
            let changes = factory.batch(n)
            let (results, nanos) = Progress.step("burst of \(n) changes as one group commit") {
                timed { log.commit(changes) }
            }
            try requireSaved(results, "burst")
            report.add("burst.group.total", nanos.ms, "ms")
            report.add("burst.group.throughput", Double(n) / nanos.seconds, "changes/s")
        }
        do {
            let batch = sizes.batch
            let (directory, log) = try openDemoDirectory(scratch, "burst-batches", now: now)
            defer { scratch.remove(directory) }
            var factory = ChangeFactory(board: log.board, now: now)
            let changes = factory.batch(n)
            let samples = try Progress.step("burst of \(n) changes in group commits of \(batch)") {
                var samples = Samples(reservingCapacity: n / batch + 1)
                for start in stride(from: 0, to: n, by: batch) {
                    let group = Array(changes[start..<min(start + batch, n)])
                    let (results, nanos) = timed { log.commit(group) }
                    try requireSaved(results, "batch")
                    samples.add(nanos)
                }
                return samples
            }
            report.add("burst.batches_of_\(batch).total", samples.total.ms, "ms")
            report.add("burst.batches_of_\(batch).throughput", Double(n) / samples.total.seconds, "changes/s")
            report.add("burst.batches_of_\(batch).commit.median", samples.median.ms, "ms")
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
