import Foundation
import SitRoomChangeStore
import SitRoomCore
#if canImport(Glibc)
import Glibc
#endif

/// What `sitroom check` found, like redis-check-aof: a line per file, the damage by sequence
/// range, and a verdict.
public struct CheckReport: Sendable {
    public enum Verdict: Sendable, Equatable { case healthy, tornTail, repaired, corrupt, unreadable }

    public var lines: [String] = []
    public var verdict: Verdict = .healthy
    /// Every damaged file or lost run of changes, repaired or not.
    public var damage: [CheckDamage] = []
}

/// A damaged file, or changes in no readable journal.
public struct CheckDamage: Sendable, Equatable {
    /// As the report names it: `snapshot-3.bin`, `history/journal-1.log`.
    public var file: String
    /// The changes lost or affected; for a snapshot, the sequence it holds.
    public var sequences: ClosedRange<UInt64>?
    public var repaired: Bool
    public var text: String
}

public enum Checker {
    /// Verifies every file of the data directory, `history/` included, without changing anything.
    /// With `repair`, a torn last record of the live journal is cut off, and a damaged snapshot is
    /// rebuilt from an earlier one and the journals after it (then the directory is opened again
    /// to be sure it reads to the board the journals add up to). A damaged record is never cut.
    ///
    /// Checking takes the lock only while it opens the files; repairing holds it throughout.
    public static func check(_ dir: DataDirectory, repair: Bool) -> CheckReport {
        let fs = dir.fs
        let lock = (try? repair ? dir.createFile(dir.lockPath, O_RDWR) : fs.open(dir.lockPath, O_RDONLY, 0)) ?? -1
        defer { if lock >= 0 { fs.close(lock) } }
        func take(_ kind: Int32) { if lock >= 0 { while flock(lock, kind) != 0, errno == EINTR {} } }
        func release() { if lock >= 0 { flock(lock, LOCK_UN) } }
        take(repair ? LOCK_EX : LOCK_SH)
        var report = CheckReport()
        let current: Int
        do { current = try dir.readCurrent() } catch {
            release()
            report.lines.append("CURRENT: \(error)")
            report.verdict = .unreadable
            return report
        }
        let (generations, later, unopened) = CheckFiles.open(dir, current: current)
        defer { CheckFiles.close(generations, fs: fs) }
        if !repair { release() }
        var walk = CheckWalk(dir: dir, repair: repair, current: current)
        walk.run(generations)
        report = walk.report
        report.lines.insert("CURRENT: generation \(current)", at: 0)
        for (name, why) in unopened {
            report.damage.append(CheckDamage(file: name, sequences: nil, repaired: false, text: "\(name): cannot be opened: \(why)"))
            report.lines.append("\(name): cannot be opened: \(why)")
        }
        for name in later { report.lines.append("\(name): not named by CURRENT yet (an interrupted compaction's; the next one removes it)") }
        var tornCut = false
        switch walk.liveTail {
        case .clean: report.lines.append("tail: clean")
        case .corrupt: break  // reported with the journal
        case .torn(let offset, let count):
            report.lines.append("tail: torn last record, \(count) bytes at byte \(offset) (a write cut short by a crash)")
            if repair {
                do {
                    try cutTornTail(dir, journalPath: dir.journalPath(current), at: offset, expectedSize: walk.liveJournalSize)
                    report.lines.append("repair: cut the journal to \(offset) bytes")
                    tornCut = true
                } catch {
                    report.lines.append("repair failed: \(error)")
                }
            } else {
                report.lines.append("run again with --repair to cut it off (opening for writing also does this)")
            }
        }
        report.lines.append(contentsOf: dir.permissionLines())
        release()
        if walk.rebuiltLive, !report.damage.contains(where: { !$0.repaired }) {
            verifyOpening(dir, generation: current, expected: walk.board, seq: walk.seq, into: &report)
        }
        let unrepaired = report.damage.contains { !$0.repaired }
        if unrepaired {
            report.verdict = .corrupt
        } else if case .torn = walk.liveTail, !tornCut {
            report.verdict = .tornTail
        } else if tornCut || !report.damage.isEmpty {
            report.verdict = .repaired
        }
        return report
    }

    /// After the live snapshot was rebuilt: the directory opens, to the board the journals add up to.
    private static func verifyOpening(_ dir: DataDirectory, generation: Int, expected: Board?, seq: UInt64, into report: inout CheckReport) {
        do {
            let log = try ChangeLog.open(dir, mode: .readOnly)
            guard let expected, log.seq == seq, log.board == expected else {
                throw StoreError.failed("it opens at sequence \(log.seq), not at the end of the replay (\(seq))")
            }
            report.lines.append("verified: the data directory opens again at sequence \(seq), with the board every journal adds up to")
        } catch {
            let text = "the rebuilt directory does not open as it should: \(error)"
            report.damage.append(CheckDamage(file: "snapshot-\(generation).bin", sequences: nil, repaired: false, text: text))
            report.lines.append(text)
        }
    }

    private static func cutTornTail(_ dir: DataDirectory, journalPath: String, at offset: Int, expectedSize: Int) throws {
        let fs = dir.fs
        // The caller holds the lock: nobody appends meanwhile.
        let fd = try fs.open(journalPath, O_RDWR, 0)
        defer { fs.close(fd) }
        // Someone appended since we read it: their writer repairs on its own; do not cut their record.
        guard try fs.size(fd) == Int64(expectedSize) else { throw StoreError.failed("the journal changed while checking") }
        try fs.truncate(fd, to: Int64(offset))
        try fs.sync(fd)
    }
}
