import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
import SitRoomDrills
#if canImport(Glibc)
import Glibc
#endif

/// Several `ChangeLog`s on one directory in one process: writers committing and compacting, and
/// read-only followers calling `refresh()` as a wall display does.
@Suite struct FollowerTests {
    // MARK: Following writers that commit and compact

    /// Two writers commit (compacting on their own after 7 and 11 records, and explicitly now and
    /// then) while one follower refreshes after every step and another only every 13 steps (so it
    /// falls several generations behind): after every refresh the follower's board and sequence are
    /// those of a fresh open, its sequence never goes backwards, and it is handed every change once.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aFollowerEqualsAFreshOpenAfterEveryStep(seed: UInt64) throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        do {
            let setup = try ChangeLog.open(dir)
            try #require(setup.commit(DemoSituation.changes(now: Sample.t0)).allSatisfy { $0.seq != nil })
            setup.close()
        }
        let a = try ChangeLog.open(dir)
        let b = try ChangeLog.open(dir)
        a.policy = CompactionPolicy(maxRecords: 7)
        b.policy = CompactionPolicy(maxRecords: 11)
        let follower = try ChangeLog.open(dir, mode: .readOnly)
        let laggard = try ChangeLog.open(dir, mode: .readOnly)
        let hospitals = Array(a.board.hospitals.keys.sorted().prefix(10))
        var rng = SeededRandom(seed)
        var made = 0
        var compactions = 0
        var acknowledged: [UInt64] = []

        func changes(_ count: Int, _ writer: String) -> [Change] {
            (0..<count).map { _ in
                made += 1
                let at = Sample.t0.addingTimeInterval(Double(made))
                if rng.next(3) == 0 {
                    let report = HospitalReport(erBeds: Capacity(available: rng.next(61), staffed: 60))
                    return Change(officer: writer, at: at, action: .reportHospital(id: hospitals[rng.next(hospitals.count)], report))
                }
                return Change(officer: writer, at: at, action: .addLog(LogEntry(id: "\(writer)-\(made)", eventTime: at, text: "step \(made) 서울")))
            }
        }

        /// `everyChange`: at most one generation behind, the follower is handed every change, in
        /// order. Further behind, the generations it skipped come folded into the snapshot it loads:
        /// their changes are not handed over (the board is right all the same).
        func check(_ log: ChangeLog, _ what: String, previous: inout UInt64, everyChange: Bool = true) throws {
            let fresh = try log.refresh()
            if everyChange {
                let expectedSeqs = fresh.isEmpty ? [] : Array((previous + 1)...(previous + UInt64(fresh.count)))
                #expect(fresh.map(\.seq) == expectedSeqs, "\(what): changes handed over out of order or twice")
            } else {
                #expect(zip([previous] + fresh.map(\.seq), fresh.map(\.seq)).allSatisfy { $0 < $1 }, "\(what): out of order or twice")
            }
            #expect(log.seq >= previous, "\(what): sequence went backwards")
            let reopened = try ChangeLog.open(dir, mode: .readOnly)
            #expect(log.seq == reopened.seq, "\(what)")
            #expect(log.board == reopened.board, "\(what)")
            previous = log.seq
        }

        var followerSeq = follower.seq
        var laggardSeq = laggard.seq
        for step in 0..<250 {
            let roll = rng.next(100)
            let writer = rng.next(2) == 0 ? a : b
            let name = writer === a ? "a" : "b"
            switch roll {
            case 0..<70:
                for result in writer.commit(changes(1 + rng.next(4), name)) {
                    let seq = try #require(result.seq, "step \(step): \(result)")
                    acknowledged.append(seq)
                }
            case 70..<80:
                try writer.compact()
                compactions += 1
            case 80..<88:
                // Remove a log entry: the other writer may have removed it already (rejected then).
                if let victim = writer.board.log.randomElement(using: &rng)?.id {
                    _ = writer.commit(Change(officer: name, at: Sample.t0, action: .removeLog(id: victim)))
                }
            default:
                break
            }
            try check(follower, "step \(step)", previous: &followerSeq)
            if step % 13 == 12 { try check(laggard, "laggard at step \(step)", previous: &laggardSeq, everyChange: false) }
        }
        try check(laggard, "laggard at the end", previous: &laggardSeq, everyChange: false)
        #expect(Set(acknowledged).count == acknowledged.count, "a sequence number acknowledged twice")
        #expect(follower.seq >= acknowledged.max() ?? 0)
        #expect(compactions > 5 && a.generation > 20, "compactions: \(compactions), generation \(a.generation)")
    }

    // MARK: A dead writer's torn tail

    /// A writer killed in the middle of an append leaves part of a record at the end of the journal.
    /// A follower reads up to it and waits (it could be a live writer's record still arriving); it
    /// never cuts it. The next writer to commit cuts it, and the follower carries on from there.
    @Test func aFollowerWaitsAtATornTailAndNeverCutsItAndTheNextCommitRepairsIt() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let a = try ChangeLog.open(dir)
        let b = try ChangeLog.open(dir)
        #expect(a.commit((1...3).map { Sample.logEntry($0) }).allSatisfy { $0.seq != nil })
        let follower = try ChangeLog.open(dir, mode: .readOnly)
        var rng = SeededRandom(7)
        var record: [UInt8] = []
        try JournalRecord.encode(Sample.logEntry(1000), seq: 1000, into: &record)
        var flipped = record
        flipped[record.count - 3] ^= 0x10
        let garbages: [(String, [UInt8])] = [
            ("half a record", Array(record.prefix(record.count / 2))),
            ("a header only", Array(record.prefix(JournalRecord.headerSize))),
            ("three bytes", [0x2a, 0x00, 0x00]),
            ("a whole record with a bad checksum", flipped),
            ("random bytes", (0..<300).map { _ in UInt8(truncatingIfNeeded: rng.next(256)) }),
        ]
        var n = 10
        for (what, garbage) in garbages {
            let writer = n % 2 == 0 ? a : b
            _ = try follower.refresh()
            let journal = dir.journalPath(follower.generation)
            let goodSize = Sample.fileBytes(journal).count
            append(garbage, to: journal)
            let before = (follower.board, follower.seq)

            // The follower, and any reader opened now, ignore the garbage and leave it there.
            #expect(try follower.refresh().isEmpty, "\(what)")
            #expect(follower.board == before.0 && follower.seq == before.1, "\(what)")
            let reader = try ChangeLog.open(dir, mode: .readOnly)
            #expect(reader.seq == before.1 && reader.notes.isEmpty, "\(what)")
            #expect(Sample.fileBytes(journal).count == goodSize + garbage.count, "\(what): a reader cut the journal")

            // The next commit cuts it off and appends where the last good record ended.
            n += 1
            let result = writer.commit(Sample.logEntry(n))
            #expect(result == .saved(before.1 + 1), "\(what): \(result)")
            #expect(writer.notes.last?.contains("cut off a torn last record (\(garbage.count) bytes)") == true, "\(what): \(writer.notes)")
            var expected: [UInt8] = []
            try JournalRecord.encode(Sample.logEntry(n), seq: before.1 + 1, into: &expected)
            #expect(Sample.fileBytes(journal).count == goodSize + expected.count, "\(what)")

            let fresh = try follower.refresh()
            #expect(fresh.map(\.seq) == [before.1 + 1], "\(what)")
            let reopened = try ChangeLog.open(dir, mode: .readOnly)
            #expect(follower.board == reopened.board && follower.seq == reopened.seq, "\(what)")
            #expect(reader.board == before.0)  // untouched until it refreshes
            _ = try reader.refresh()
            #expect(reader.board == reopened.board, "\(what)")
            #expect(Checker.check(dir, repair: false).verdict == .healthy, "\(what)")
        }
    }

    /// The same with the torn tail left by a writer that died just after compacting: the follower is
    /// still in the old generation, moves on to the new one and waits at the tail there.
    @Test func aFollowerCrossesACompactionIntoATornJournal() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let a = try ChangeLog.open(dir)
        _ = a.commit((1...3).map { Sample.logEntry($0) })
        let follower = try ChangeLog.open(dir, mode: .readOnly)
        _ = a.commit(Sample.logEntry(4))
        try a.compact()
        var record: [UInt8] = []
        try JournalRecord.encode(Sample.logEntry(5), seq: 5, into: &record)
        append(Array(record.prefix(record.count - 1)), to: dir.journalPath(a.generation))
        #expect(try follower.refresh().map(\.seq) == [4])
        #expect(follower.generation == a.generation)
        #expect(Sample.fileBytes(dir.journalPath(a.generation)).count == record.count - 1)
        let b = try ChangeLog.open(dir)  // cuts it on open
        #expect(b.notes.count == 1)
        #expect(b.commit(Sample.logEntry(6)) == .saved(5))
        #expect(try follower.refresh().map(\.seq) == [5])
        #expect(follower.board == (try ChangeLog.open(dir, mode: .readOnly)).board)
    }

    // MARK: Races that once lost or damaged data (fixed: followers read under a shared lock)

    /// A follower reads records as soon as they are written, before the writer's fsync returns. When
    /// that fsync (or the write: disk full) fails, the writer cuts the journal back and reports
    /// the change NOT SAVED, but the follower has already applied it and moved its read position
    /// past it. From then on it shows a change that is not on disk, skips the change that takes its
    /// sequence number, and once the journal grows past its position it reads from the middle of a
    /// record and reports the healthy journal as damaged.
    @Test func aFollowerNeverShowsAChangeThatWasNotSaved() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let hooked = FaultInjectingFileSystem()
        let a = try ChangeLog.open(DataDirectory(dir.path, fs: hooked))
        let b = try ChangeLog.open(dir)
        let follower = try ChangeLog.open(dir, mode: .readOnly)
        #expect(a.commit(Sample.logEntry(1)) == .saved(1))
        _ = try follower.refresh()

        // The follower looks while a's fsync is under way; then the fsync fails.
        hooked.willPerform = { operation, _ in if operation == .sync { _ = try? follower.refresh(waiting: false) } }
        hooked.arm(.init(.sync, at: 1))
        let long = Change(officer: "kim", at: Sample.t0, action: .addLog(LogEntry(
            id: "never-saved", eventTime: Sample.t0, text: String(repeating: "디스크 가득 참 ", count: 40))))
        let result = a.commit(long)
        hooked.willPerform = nil
        #expect(hooked.injected == 1)
        #expect(result.seq == nil, "\(result)")
        #expect(try ChangeLog.open(dir, mode: .readOnly).board.log.map(\.id) == ["log-1"])

        #expect(!follower.board.log.contains { $0.id == "never-saved" }, "the follower shows a change that is NOT SAVED")
    
        #expect(b.commit(Sample.logEntry(2)) == .saved(2))
        _ = try? follower.refresh()
        let onDisk = try ChangeLog.open(dir, mode: .readOnly).board
        #expect(follower.board == onDisk)
    
        // The journal grows past the follower's read position: it now reads mid-record.
        for n in 3...20 { #expect(b.commit(Sample.logEntry(n)) == .saved(UInt64(n))) }
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
        let later = try ChangeLog.open(dir, mode: .readOnly).board
        #expect(throws: Never.self) { try follower.refresh() }
        #expect(follower.board == later)
    
    }

    /// The same race with a writing console, which follows others with `refresh()` (no lock): it
    /// applies another writer's record before its fsync fails; that writer cuts the journal back, but
    /// this one's next commit is written at its own (stale) end of the journal, past the end of the
    /// file. The gap reads as zeros: a bad record followed by a good one, so the directory no longer
    /// opens (journal "damaged") and the change just acknowledged, and every later one, is behind it.
    /// `sitroom check --repair` only cuts torn tails, so it cannot mend this either.
    @Test func anAcknowledgedCommitAfterAnotherWritersFailedSyncKeepsTheJournalReadable() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let hooked = FaultInjectingFileSystem()
        let a = try ChangeLog.open(DataDirectory(dir.path, fs: hooked))
        let console = try ChangeLog.open(dir)
        #expect(a.commit(Sample.logEntry(1)) == .saved(1))

        // The console follows, as on every inotify event, while a's fsync is under way; then it fails.
        hooked.willPerform = { operation, _ in if operation == .sync { _ = try? console.refresh(waiting: false) } }
        hooked.arm(.init(.sync, at: 1))
        #expect(a.commit(Sample.logEntry(2)).seq == nil)
        hooked.willPerform = nil
        #expect(hooked.injected == 1)

        let result = console.commit(Sample.logEntry(3))
        #expect(result.seq != nil)
        #expect(result == .saved(2), "the acknowledged change got the unsaved change's successor's number")
        let reopened = try ChangeLog.open(dir, mode: .readOnly)
        #expect(reopened.board.log.map(\.id) == ["log-1", "log-3"])
        #expect(Checker.check(dir, repair: false).verdict == .healthy)
    
    }

    /// A compaction never removes files from under a refresh: while a follower reads (under its
    /// shared lock) a compaction is refused, not waited for. And if a file does vanish under a
    /// refresh (moved away by hand here), the refresh fails before switching generations, so the
    /// next one starts again from CURRENT. (This once left a follower stuck for good.)
    @Test(arguments: [ChangeLog.Mode.readOnly, .write])
    func aFollowerRecoversWhenFilesVanishUnderARefresh(mode: ChangeLog.Mode) throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let w = try ChangeLog.open(dir)
        w.policy = CompactionPolicy(maxRecords: .max, maxInterval: .infinity)
        let hooked = FaultInjectingFileSystem()
        let follower = try ChangeLog.open(DataDirectory(dir.path, fs: hooked), mode: mode)
        _ = w.commit(Sample.logEntry(1))
        try w.compact()
        _ = w.commit(Sample.logEntry(2))
        try w.compact()
        _ = w.commit(Sample.logEntry(3))
        #expect(w.generation == 3)
        // While the follower reads generation 3, a compaction is refused.
        var refused = false
        hooked.didOpen = { path in
            guard path.hasSuffix("/journal-3.log") else { return }
            hooked.didOpen = nil
            do { try w.compact() } catch StoreError.busy { refused = true } catch {}
        }
        _ = try follower.refresh()
        #expect(refused)
        #expect(follower.board == (try ChangeLog.open(dir, mode: .readOnly)).board)

        // Two more generations; then the snapshot the follower needs vanishes under its refresh.
        _ = w.commit(Sample.logEntry(4))
        try w.compact()
        _ = w.commit(Sample.logEntry(5))
        try w.compact()
        let seqBefore = follower.seq
        hooked.didOpen = { path in
            guard path.hasSuffix("/journal-5.log") else { return }
            hooked.didOpen = nil
            try? FileManager.default.moveItem(atPath: dir.snapshotPath(5), toPath: dir.snapshotPath(5) + ".away")
        }
        #expect(throws: (any Error).self) { try follower.refresh() }
        // It may have read saved changes left in its old journal first; it never goes backwards
        // and never half-switches generations.
        #expect(follower.seq >= seqBefore)
        #expect(follower.generation < 5)
        try FileManager.default.moveItem(atPath: dir.snapshotPath(5) + ".away", toPath: dir.snapshotPath(5))
        _ = try follower.refresh()
        #expect(follower.board == (try ChangeLog.open(dir, mode: .readOnly)).board)
        if mode == .write { #expect(follower.commit(Sample.logEntry(6)).seq != nil) }
    }

    // MARK: Helpers

    private func append(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND)
        precondition(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// xorshift64*: the same steps for the same seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
