import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// `sitroom check` reads every file of the history, not only the live generation; `--repair`
/// rebuilds a damaged snapshot from an earlier one and the journals, losing nothing.
@Suite struct HistoryCheckTests {
    /// 200 changes, a generation every 40: journals 1-4 in history/ (with snapshot-1 only, all
    /// made within the hour), generations 5 and 6 in the directory.
    /// `afterCommit` is called with the number of changes committed so far.
    static func directory(_ tmp: TempDir, changes: Int = 200, afterCommit: (Int, DataDirectory) throws -> Void = { _, _ in })
        throws -> (DataDirectory, ChangeLog) {
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: 40, background: false)
        for (i, change) in HistoryTests.changes(changes).enumerated() {
            try #require(log.commit(change).seq != nil)
            try afterCommit(i + 1, dir)
        }
        return (dir, log)
    }

    /// Flips one byte in the middle of the payload of the middle record; returns its sequence.
    static func flipMiddleRecord(_ path: String) -> UInt64 {
        var bytes = Sample.fileBytes(path)
        let records = JournalScanner.scan(bytes).records
        let target = records[records.count / 2]
        bytes[target.offset + JournalRecord.headerSize + target.payload.count / 2] ^= 0x20
        Sample.write(bytes, to: path)
        return target.seq
    }

    /// A byte in the middle of a snapshot's body (the header's sequence number is not checksummed).
    static func flipMiddleByte(_ path: String) {
        var bytes = Sample.fileBytes(path)
        bytes[Snapshot.headerSize + (bytes.count - Snapshot.headerSize) / 2] ^= 0x20
        Sample.write(bytes, to: path)
    }

    @Test func aHealthyHistoryIsCheckedFileByFileAndEverySnapshotAgainstTheReplay() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.directory(tmp)
        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .healthy, "\(report.lines)")
        #expect(report.damage.isEmpty)
        for n in 1...4 { #expect(report.lines.contains { $0.hasPrefix("history/journal-\(n).log: 40 good records") }, "\(report.lines)") }
        #expect(report.lines.contains { $0.hasPrefix("history/snapshot-1.bin: ok, sequence 0") })
        #expect(report.lines.contains { $0.hasPrefix("snapshot-6.bin: ok, sequence 200") && $0.hasSuffix("equal to the replay of the journals") })
        #expect(report.lines.contains("replay: every record applies; the board is at sequence \(log.seq)"))
    }

    @Test func aFlippedByteInAHistoryJournalIsDamageReportedByItsSequences() throws {
        let tmp = TempDir()
        let (dir, _) = try Self.directory(tmp)
        let path = dir.historyPath + "/journal-2.log"
        let lost = Self.flipMiddleRecord(path)
        #expect((41...80).contains(lost))
        let damaged = Sample.fileBytes(path)
        // What the officer runs into: that moment is not in the history any more.
        #expect(throws: StoreError.self) { try History.open(dir).board(at: .seq(lost + 10)) }

        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .corrupt)
        #expect(report.damage.contains { $0.file == "history/journal-2.log" && $0.sequences == lost...lost && !$0.repaired }, "\(report.damage)")
        // The moments that needed the change: up to the next snapshot (snapshot-5, at sequence 160).
        let loss = try #require(report.damage.first { $0.text.hasPrefix("damage: change \(lost) is in no readable journal") })
        #expect(loss.sequences == lost...lost)
        #expect(loss.text.contains("the board at sequences \(lost)–159 cannot be rebuilt"), "\(loss.text)")
        #expect(loss.text.contains("from sequence 160 (snapshot-5.bin) on the history is whole"), "\(loss.text)")

        // --repair cannot bring a change back, says so, and touches nothing.
        let repaired = Checker.check(dir, repair: true)
        #expect(repaired.verdict == .corrupt)
        #expect(Sample.fileBytes(path) == damaged)
        // The live board is whole: the directory still opens and takes changes.
        let log = try ChangeLog.open(dir)
        #expect(log.seq == 200)
        #expect(log.commit(Sample.logEntry(1)) == .saved(201))
    }

    @Test func aJournalMissingFromTheHistoryIsAGapOfItsSequences() throws {
        let tmp = TempDir()
        let (dir, _) = try Self.directory(tmp)
        try FileManager.default.removeItem(atPath: dir.historyPath + "/journal-3.log")
        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .corrupt)
        #expect(report.damage.contains { $0.sequences == 81...120 && $0.text.contains("the board at sequences 81–159 cannot be rebuilt") },
                "\(report.lines)")
    }

    @Test func aDamagedHistorySnapshotIsReportedAndRebuiltFromTheReplay() throws {
        let tmp = TempDir()
        let (dir, _) = try Self.directory(tmp) { committed, dir in
            // Made two hours later than it was, snapshot-2 is kept when it moves to history/.
            if committed == 40 { try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(7200)], ofItemAtPath: dir.snapshotPath(2)) }
        }
        let path = dir.historyPath + "/snapshot-2.bin"
        let original = Sample.fileBytes(path)
        try #require(!original.isEmpty)
        Self.flipMiddleByte(path)

        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .corrupt)
        let damage = try #require(report.damage.first { $0.file == "history/snapshot-2.bin" })
        #expect(damage.sequences == 40...40 && !damage.repaired)
        #expect(damage.text.contains("run again with --repair"), "\(damage.text)")
        // Reading the history passes over it, to the snapshot before.
        #expect(try History.open(dir).board(at: .seq(50)).seq == 50)

        let repaired = Checker.check(dir, repair: true)
        #expect(repaired.verdict == .repaired, "\(repaired.lines)")
        #expect(repaired.damage.allSatisfy { $0.repaired })
        #expect(Sample.fileBytes(path) == original, "the same board at the same sequence gives the same bytes")
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
    }

    @Test func theFirstSnapshotDamagedLeavesTheHistoryBeforeTheNextOneUnreadable() throws {
        let tmp = TempDir()
        let (dir, _) = try Self.directory(tmp)
        Self.flipMiddleByte(dir.historyPath + "/snapshot-1.bin")
        let report = Checker.check(dir, repair: true)
        #expect(report.verdict == .corrupt)
        #expect(report.damage.contains { $0.file == "history/snapshot-1.bin" && $0.sequences == 0...159 }, "\(report.lines)")
    }

    enum LiveDamage: String, CaseIterable { case flippedByte, missing, truncated }

    @Test(arguments: LiveDamage.allCases)
    func aDamagedLiveSnapshotIsRefusedNamingTheRepairWhichRebuildsItLosingNothing(_ kind: LiveDamage) throws {
        let tmp = TempDir()
        let (dir, log) = try Self.directory(tmp, changes: 215)  // generation 6 holds 200, its journal 201-215
        let before = (board: log.board, seq: log.seq)
        #expect(log.generation == 6 && before.seq == 215)
        let path = dir.snapshotPath(6)
        let original = Sample.fileBytes(path)
        switch kind {
        case .flippedByte: Self.flipMiddleByte(path)
        case .missing: try FileManager.default.removeItem(atPath: path)
        case .truncated: Sample.write(Array(original.prefix(10)), to: path)
        }

        for mode in [ChangeLog.Mode.write, .readOnly] {
            do {
                _ = try ChangeLog.open(dir, mode: mode)
                Issue.record("opened with a damaged snapshot (\(kind))")
            } catch let error as StoreError {
                guard case .snapshotNeedsRepair(let file, _, _) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(file == "snapshot-6.bin")
                #expect("\(error)".contains("`sitroom check --repair --data \(dir.path)`"), "\(error)")
            }
        }

        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .corrupt)
        #expect(report.damage.contains { $0.file == "snapshot-6.bin" && $0.sequences == 200...200 && !$0.repaired }, "\(report.lines)")

        let repair = Checker.check(dir, repair: true)
        #expect(repair.verdict == .repaired, "\(repair.lines)")
        #expect(repair.lines.contains { $0.contains("repair: rebuilt from snapshot-5.bin and the journals after it") }, "\(repair.lines)")
        #expect(repair.lines.contains { $0.hasPrefix("verified: the data directory opens again at sequence 215") })
        #expect(Sample.fileBytes(path) == original)

        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == before.seq)
        #expect(reopened.board == before.board)
        #expect(reopened.commit(Sample.logEntry(1)) == .saved(216))
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
    }

    /// A background compaction copies what was committed while it wrote the snapshot into the new
    /// journal: the rebuilt snapshot is at the sequence the journal starts after, not at the end of
    /// the old one.
    @Test func aSnapshotOfABackgroundCompactionIsRebuiltAtItsOwnSequence() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        _ = log.commit((1...10).map { Sample.logEntry($0) })
        log.startCompaction()
        _ = log.commit((11...14).map { Sample.logEntry($0) })
        log.finishCompaction(waiting: true)
        #expect(log.generation == 2)
        let before = log.board
        let path = dir.snapshotPath(2)
        let original = Sample.fileBytes(path)
        #expect(try Snapshot.verify(original) == 10)
        Self.flipMiddleByte(path)
        #expect(Checker.check(dir, repair: true).verdict == .repaired)
        #expect(Sample.fileBytes(path) == original)
        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 14 && reopened.board == before)
    }
}
