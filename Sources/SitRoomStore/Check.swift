import Foundation
import SitRoomCore
#if canImport(Glibc)
import Glibc
#endif

/// What `sitroom check` found, like redis-check-aof: a line per file, and a verdict.
public struct CheckReport: Sendable {
    public enum Verdict: Sendable, Equatable { case healthy, tornTail, repaired, corrupt, unreadable }

    public var lines: [String] = []
    public var verdict: Verdict = .healthy
}

public enum Checker {
    /// Verifies the snapshot and the journal without changing anything, unless `repair` is asked
    /// for, in which case a torn last record (and only that) is cut off.
    public static func check(_ dir: DataDirectory, repair: Bool) -> CheckReport {
        var report = CheckReport()
        func say(_ s: String) { report.lines.append(s) }
        let fs = dir.fs
        let gen: Int
        do { gen = try dir.readCurrent() } catch {
            say("CURRENT: \(error)")
            report.verdict = .unreadable
            return report
        }
        say("CURRENT: generation \(gen)")
        var board: Board
        var seq: UInt64
        do {
            guard let bytes = try fs.readFile(dir.snapshotPath(gen)) else { throw StoreError.badSnapshot("missing") }
            (board, seq) = try Snapshot.decode(bytes)
            say("snapshot-\(gen).bin: ok, sequence \(seq), \(bytes.count) bytes, checksum verified")
        } catch {
            say("snapshot-\(gen).bin: \(error)")
            report.verdict = .unreadable
            return report
        }
        let journalPath = dir.journalPath(gen)
        let bytes: [UInt8]
        do { bytes = try fs.readFile(journalPath) ?? [] } catch {
            say("journal-\(gen).log: \(error)")
            report.verdict = .unreadable
            return report
        }
        let (records, tail) = JournalScanner.scan(bytes)
        let first = records.first?.seq ?? seq + 1
        say("journal-\(gen).log: \(records.count) good records"
            + (records.isEmpty ? "" : ", sequences \(first)-\(records.last!.seq)") + ", \(bytes.count) bytes")
        for record in records where record.seq > seq {
            guard record.seq == seq + 1 else {
                say("record at byte \(record.offset): sequence \(record.seq), expected \(seq + 1)")
                report.verdict = .corrupt
                return report
            }
            do {
                try board.apply(try JournalRecord.decodeChange(record.payload))
                seq = record.seq
            } catch {
                say("record \(record.seq) does not apply: \(error)")
                report.verdict = .corrupt
                return report
            }
        }
        say("replay: every record applies; the board is at sequence \(seq)")
        switch tail {
        case .clean:
            say("tail: clean")
        case .torn(let offset, let count):
            say("tail: torn last record, \(count) bytes at byte \(offset) (a write cut short by a crash)")
            report.verdict = .tornTail
            if repair {
                do {
                    try cutTornTail(dir, journalPath: journalPath, at: offset, expectedSize: bytes.count)
                    say("repair: cut the journal to \(offset) bytes")
                    report.verdict = .repaired
                } catch {
                    say("repair failed: \(error)")
                }
            } else {
                say("run again with --repair to cut it off (opening for writing also does this)")
            }
        case .corrupt(let offset, let next, let nextSeq):
            say("tail: DAMAGED record at byte \(offset) after sequence \(seq); good records resume at "
                + "sequence \(nextSeq) (byte \(next)); sequences \(seq + 1)-\(nextSeq &- 1) are affected")
            say("nothing was changed; this is not a torn write and --repair will not cut it")
            report.verdict = .corrupt
        }
        return report
    }

    private static func cutTornTail(_ dir: DataDirectory, journalPath: String, at offset: Int, expectedSize: Int) throws {
        let fs = dir.fs
        let lock = try fs.open(dir.lockPath, O_RDWR | O_CREAT, 0o600)
        defer { fs.close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        let fd = try fs.open(journalPath, O_RDWR, 0)
        defer { fs.close(fd) }
        // Someone appended since we read it: their writer repairs on its own; do not cut their record.
        guard try fs.size(fd) == Int64(expectedSize) else { throw StoreError.failed("the journal changed while checking") }
        try fs.truncate(fd, to: Int64(offset))
        try fs.sync(fd)
    }
}
