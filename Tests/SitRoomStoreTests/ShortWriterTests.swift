import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// A process that opens, writes a few changes and exits (`sitroom apply`, `report`, `revert`)
/// leaves them in the journal: compaction goes by the journal's size and the generation's age,
/// not by the process's exit.
@Suite struct ShortWriterTests {
    static func names(_ dir: DataDirectory) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
    }

    @Test func aShortWriterDoesNotWriteASnapshot() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let before = try Self.names(dir)
        let snapshot = Sample.fileBytes(dir.snapshotPath(1))
        for run in 0..<3 {
            let log = try ChangeLog.open(dir)
            #expect(log.commit((1...5).map { Sample.logEntry(run * 5 + $0) }).allSatisfy { $0.seq != nil })
            log.close()
        }
        #expect(try dir.readCurrent() == 1)
        #expect(try Self.names(dir) == before)
        #expect(Sample.fileBytes(dir.snapshotPath(1)) == snapshot)
        let reopened = try ChangeLog.open(dir, mode: .readOnly)
        #expect(reopened.seq == 15)
        #expect(reopened.board.log.count == 15)
    }

    @Test func aShortWriterCompactsAJournalGrownPastTheLimit() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        for run in 0..<4 {
            let log = try ChangeLog.open(dir)
            log.policy.maxRecords = 12
            _ = log.commit((1...5).map { Sample.logEntry(run * 5 + $0) })
            log.close()
        }
        // 5, 10, then 15 records at the third run's commit: compacted there (in the background,
        // installed by close); the fourth run's 5 stay in the new journal.
        #expect(try dir.readCurrent() == 2)
        let log = try ChangeLog.open(dir)
        #expect(log.seq == 20)
        #expect(log.recordsInJournal == 5)
    }

    @Test func theAgeThatCompactsIsTheGenerationsNotTheProcesss() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let first = try ChangeLog.open(dir)
        _ = first.commit(Sample.logEntry(1))
        first.close()
        #expect(try dir.readCurrent() == 1)
        // The generation's snapshot was written longer ago than the policy's interval.
        let old = Date().addingTimeInterval(-CompactionPolicy().maxInterval - 60)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir.snapshotPath(1))
        let second = try ChangeLog.open(dir)
        _ = second.commit(Sample.logEntry(2))
        second.close()
        #expect(try dir.readCurrent() == 2)
        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 2 && reopened.recordsInJournal == 0)
        // A young generation with records in its journal: left as it is.
        _ = reopened.commit(Sample.logEntry(3))
        reopened.close()
        #expect(try dir.readCurrent() == 2)
    }
}
