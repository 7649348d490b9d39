import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
import SitRoomDrills

@Suite struct ChangeLogTests {
    @Test func committedChangesSurviveReopening() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let results = log.commit((1...5).map { Sample.logEntry($0) })
        #expect(results == (1...5).map { .saved(UInt64($0)) })
        let again = try ChangeLog.open(dir, mode: .readOnly)
        #expect(again.seq == 5)
        #expect(again.board == log.board)
        #expect(again.board.log.map(\.id) == (1...5).map { "log-\($0)" })
    }

    @Test func rejectedChangesAreNotWrittenAndTheRestAre() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let bad = Change(officer: "kim", at: Sample.t0, action: .removeHospital(id: "A9999999"))
        let results = log.commit([Sample.logEntry(1), bad, Sample.logEntry(2)])
        #expect(results == [.saved(1), .rejected(ChangeError("unknown hospital A9999999", field: "id")), .saved(2)])
        #expect(try ChangeLog.open(dir).seq == 2)
    }

    @Test func filesArePrivate() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        _ = try ChangeLog.open(dir).commit(Sample.logEntry(1))
        let fm = FileManager.default
        #expect((try fm.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int) == 0o700)
        for name in try fm.contentsOfDirectory(atPath: dir.path) {
            #expect((try fm.attributesOfItem(atPath: dir.path + "/" + name)[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        chmod(dir.path, 0o777)
        #expect(throws: StoreError.self) { try ChangeLog.open(dir) }
    }

    /// Cut the journal at every byte of its last two records: what was complete is kept, the torn
    /// rest is cut off and reported, and the file ends on a record boundary again.
    @Test func tornTailIsCutAtEveryByteOfTheLastTwoRecords() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let changes = (1...5).map { Sample.logEntry($0) }
        _ = log.commit(changes)
        let journal = dir.journalPath(1)
        let bytes = Sample.fileBytes(journal)
        let records = JournalScanner.scan(bytes).records
        #expect(records.count == 5)
        let boards = (0...5).map { n in changes.prefix(n).reduce(into: Board()) { b, c in try! b.apply(c) } }
        for cut in records[3].offset..<bytes.count {
            let copy = try Sample.copy(dir, to: tmp.sub("cut-\(cut)"))
            Sample.write(Array(bytes.prefix(cut)), to: copy.journalPath(1))
            let complete = records.filter { $0.end <= cut }
            let reopened = try ChangeLog.open(copy)
            #expect(reopened.seq == UInt64(complete.count), "cut at \(cut)")
            #expect(reopened.board == boards[complete.count], "cut at \(cut)")
            let boundary = complete.last?.end ?? 0
            #expect(Sample.fileBytes(copy.journalPath(1)).count == boundary, "cut at \(cut)")
            #expect(reopened.notes.isEmpty == (cut == boundary), "cut at \(cut): \(reopened.notes)")
            // Writing goes on from the boundary.
            #expect(reopened.commit(Sample.logEntry(99)) == .saved(UInt64(complete.count + 1)))
            try? FileManager.default.removeItem(atPath: copy.path)
        }
    }

    @Test func aFlippedBitInAnEarlierRecordRefusesToOpenAndTouchesNothing() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        _ = try ChangeLog.open(dir).commit((1...5).map { Sample.logEntry($0) })
        let journal = dir.journalPath(1)
        let good = Sample.fileBytes(journal)
        let records = JournalScanner.scan(good).records
        for target in [records[1].offset + 20, records[1].offset + 2, records[1].offset + 9] {  // payload, length, seq
            var bytes = good
            bytes[target] ^= 0x04
            Sample.write(bytes, to: journal)
            let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                .map { ($0, Sample.fileBytes(dir.path + "/" + $0)) }
            do {
                _ = try ChangeLog.open(dir)
                Issue.record("opened a damaged journal (flip at \(target))")
            } catch let StoreError.corruptJournal(_, afterSeq, _, resumesAtSeq, _) {
                #expect(afterSeq == 1)
                #expect(resumesAtSeq == 3)
            }
            let after = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                .map { ($0, Sample.fileBytes(dir.path + "/" + $0)) }
            #expect(after.map(\.0) == before.map(\.0))
            #expect(after.map(\.1) == before.map(\.1), "no file may change")
            let report = Checker.check(dir, repair: true)
            #expect(report.verdict == .corrupt)
            #expect(Sample.fileBytes(journal) == bytes, "--repair never cuts damage")
        }
        Sample.write(good, to: journal)
        #expect(try ChangeLog.open(dir).seq == 5)
    }

    @Test func aBadLastRecordIsATornWrite() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        _ = try ChangeLog.open(dir).commit((1...3).map { Sample.logEntry($0) })
        var bytes = Sample.fileBytes(dir.journalPath(1))
        bytes[bytes.count - 3] ^= 0xff
        Sample.write(bytes, to: dir.journalPath(1))
        #expect(Checker.check(dir, repair: false).verdict == .tornTail)
        #expect(Checker.check(dir, repair: true).verdict == .repaired)
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
        #expect(try ChangeLog.open(dir).seq == 2)
    }

    @Test func compactionKeepsEverythingAndStartsANewJournal() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        _ = log.commit((1...10).map { Sample.logEntry($0) })
        try log.compact()
        _ = log.commit(Sample.logEntry(11))
        try log.compact()
        #expect(log.generation == 3)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(names == ["CURRENT", "lock", "snapshot-2.bin", "journal-2.log", "snapshot-3.bin", "journal-3.log", "history"])
        // The first generation moved to the history, whole.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/history")) == ["snapshot-1.bin", "journal-1.log"])
        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 11)
        #expect(reopened.board == log.board)
    }

    @Test func compactionPolicyRunsByItself() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        log.policy = CompactionPolicy(maxRecords: 4, maxInterval: 3600, background: false)
        for n in 1...9 { _ = log.commit(Sample.logEntry(n)) }
        #expect(log.generation == 3)
        #expect(try ChangeLog.open(dir).board == log.board)
    }

    /// Fail the k-th file operation of a compaction, for every k until it succeeds: whatever was
    /// acknowledged is there on reopening, and writing goes on.
    @Test func compactionInterruptedAtEveryStepLosesNothing() throws {
        var k = 1
        var stopped = 0
        while true {
            let tmp = TempDir()
            let fs = FaultInjectingFileSystem()
            let dir = DataDirectory(tmp.sub("data"), fs: fs)
            try dir.create()
            let log = try ChangeLog.open(dir)
            _ = log.commit((1...20).map { Sample.logEntry($0) })
            fs.arm(.init(nil, at: k, effect: .fail(errno: ENOSPC)))
            var failed = false
            do { try log.compact() } catch { failed = true }
            let hit = fs.injected > 0
            fs.disarm()
            let reopened = try ChangeLog.open(DataDirectory(dir.path))
            #expect(reopened.seq == 20, "step \(k)")
            #expect(reopened.board == log.board, "step \(k)")
            #expect(reopened.commit(Sample.logEntry(21)) == .saved(21), "step \(k)")
            if log.failure == nil {
                #expect(log.commit(Sample.logEntry(22)) == .saved(22), "step \(k): the first writer goes on too")
                #expect(try ChangeLog.open(DataDirectory(dir.path)).seq == 22)
            } else {
                // The directory sync after CURRENT was replaced failed: a crash may keep either
                // CURRENT, so this writer stops (and says so) rather than append to one of them.
                stopped += 1
                #expect(log.commit(Sample.logEntry(22)).seq == nil, "step \(k): a stopped writer saves nothing")
                #expect(try ChangeLog.open(DataDirectory(dir.path)).seq == 21)
            }
            if !hit {
                #expect(!failed, "step \(k): a compaction that met no fault failed")
                break
            }
            k += 1
            #expect(k < 50, "compaction never finished")
            if k >= 50 { break }
        }
        #expect(k > 5, "a compaction has several steps to interrupt")
        #expect(stopped == 1, "only the directory sync after CURRENT's rename stops the writer")
    }

    @Test(arguments: [FaultInjectingFileSystem.Operation.write, .sync])
    func aFailedWriteIsNotSavedAndHarmsNothing(op: FaultInjectingFileSystem.Operation) throws {
        let tmp = TempDir()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("data"), fs: fs)
        try dir.create()
        let log = try ChangeLog.open(dir)
        _ = log.commit((1...3).map { Sample.logEntry($0) })
        let before = log.board
        fs.arm(.init(op, at: 1, effect: .fail(errno: ENOSPC)))
        let result = log.commit(Sample.logEntry(4))
        guard case .notSaved(let why) = result else {
            Issue.record("expected not saved, got \(result)")
            return
        }
        #expect(why.contains("No space left on device"))
        #expect(log.board == before)
        #expect(log.seq == 3)
        fs.disarm()
        #expect(log.commit(Sample.logEntry(5)) == .saved(4))
        let reopened = try ChangeLog.open(DataDirectory(dir.path))
        #expect(reopened.board.log.map(\.id) == ["log-1", "log-2", "log-3", "log-5"])
    }

    @Test func twoWritersOnOneDirectoryShareOneOrder() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let a = try ChangeLog.open(dir)
        let b = try ChangeLog.open(dir)
        let watcher = try ChangeLog.open(dir, mode: .readOnly)
        #expect(a.commit(Sample.logEntry(1, officer: "a")) == .saved(1))
        #expect(b.commit(Sample.logEntry(2, officer: "b")) == .saved(2))
        #expect(a.commit(Sample.logEntry(3, officer: "a")) == .saved(3))
        // A change that no longer applies once the other's append is read is rejected, not written.
        #expect(b.commit(Sample.logEntry(3, officer: "b")) == .rejected(ChangeError("log entry log-3 already exists", field: "id")))
        try a.compact()
        #expect(b.commit(Sample.logEntry(4, officer: "b")) == .saved(4))
        let seen = try watcher.refresh()
        #expect(seen.map(\.seq) == [1, 2, 3, 4])
        try a.refresh()
        #expect(a.board == b.board)
        #expect(watcher.board == b.board)
        #expect(try ChangeLog.open(dir).board == b.board)
    }

    /// A commit reads CURRENT only when it is no longer the file the log last read: one stat, not
    /// an open and a read, under the lock at every commit. Any replacement is still followed, however
    /// many compactions happened in between, and so is a write in place.
    @Test func aWatcherNeverRepairs() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        _ = try ChangeLog.open(dir).commit((1...2).map { Sample.logEntry($0) })
        var bytes = Sample.fileBytes(dir.journalPath(1))
        bytes.append(contentsOf: [1, 2, 3])
        Sample.write(bytes, to: dir.journalPath(1))
        let watcher = try ChangeLog.open(dir, mode: .readOnly)
        #expect(watcher.seq == 2)
        #expect(Sample.fileBytes(dir.journalPath(1)) == bytes)
        #expect(watcher.commit(Sample.logEntry(3)) == .rejected(ChangeError(StoreError.readOnly.description)))
    }
}

/// The automatic compaction writes its snapshot on another thread while commits go on.
@Suite struct BackgroundCompactionTests {
    @Test func commitsGoOnWhileTheSnapshotIsWrittenAndNothingIsLostOrRepeated() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let follower = try ChangeLog.open(dir, mode: .readOnly)
        _ = log.commit((1...50).map { Sample.logEntry($0) })
        log.startCompaction()
        #expect(log.isCompacting)
        // Committed while the snapshot of #50 is being written: they go to the old journal, and
        // are copied to the new one when it switches.
        for n in 51...60 { _ = log.commit(Sample.logEntry(n)) }
        log.finishCompaction(waiting: true)
        #expect(!log.isCompacting)
        #expect(log.generation == 2)
        for n in 61...65 { _ = log.commit(Sample.logEntry(n)) }
        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 65 && reopened.board == log.board)
        // The snapshot holds #50; the new journal #51 onwards.
        let journal = Sample.fileBytes(dir.path + "/journal-2.log")
        #expect(JournalScanner.scan(journal).records.map(\.seq) == Array(51...65))
        // A follower that read the old journal sees every change once.
        _ = try follower.refresh()
        #expect(follower.seq == 65 && follower.board == log.board)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.contains(".partial-") })
    }

    @Test func ifAnotherConsoleCompactedFirstTheWorkIsDropped() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let a = try ChangeLog.open(dir)
        let b = try ChangeLog.open(dir)
        _ = a.commit((1...20).map { Sample.logEntry($0) })
        a.startCompaction()
        _ = b.commit(Sample.logEntry(21))
        try b.compact()
        a.finishCompaction(waiting: true)
        #expect(a.generation == 2, "a follows b's generation and drops its own")
        _ = a.commit(Sample.logEntry(22))
        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 22 && reopened.board == a.board)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.contains(".partial-") })
    }

    @Test func aSnapshotThatCannotBeWrittenLeavesEverythingAsItWas() throws {
        let tmp = TempDir()
        let fs = FaultInjectingFileSystem()
        let dir = DataDirectory(tmp.sub("data"), fs: fs)
        try dir.create()
        let log = try ChangeLog.open(dir)
        _ = log.commit((1...10).map { Sample.logEntry($0) })
        fs.arm(.init(.sync, at: 1, effect: .fail(errno: ENOSPC)))  // the snapshot's fsync, on the background thread
        log.startCompaction()
        log.finishCompaction(waiting: true)
        #expect(fs.injected == 1)
        #expect(log.generation == 1)
        #expect(log.commit(Sample.logEntry(11)).seq == 11)
        #expect(try ChangeLog.open(dir).seq == 11)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.contains(".partial-") })
    }

    @Test func theLeftoverOfAKilledProcessIsRemovedAtTheNextCompaction() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        _ = log.commit(Sample.logEntry(1))
        // No process has pid 2^22 - 1 here (pid_max is at most 2^22).
        Sample.write([1, 2, 3], to: dir.path + "/snapshot-2.bin.partial-4194303-1")
        try log.compact()
        _ = log.commit(Sample.logEntry(2))
        try log.compact()
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.contains(".partial-") })
    }
}
