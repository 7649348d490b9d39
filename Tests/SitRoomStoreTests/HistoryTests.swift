import Foundation
import SitRoomChangeStore
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct HistoryTests {
    /// A mixed run of changes, ten seconds apart, that touches hospitals, alerts and the log.
    static func changes(_ count: Int) -> [Change] {
        var board = Board()
        var out: [Change] = []
        func add(_ action: ChangeAction) {
            let change = Change(officer: "kim", at: Sample.t0.addingTimeInterval(Double(out.count * 10)), action: action)
            if (try? board.apply(change)) != nil { out.append(change) }
        }
        add(.addHospital(Hospital(id: "H1", name: "서울대학교병원")))
        add(.addHospital(Hospital(id: "H2", name: "세브란스병원")))
        var i = 0
        while out.count < count {
            i += 1
            switch i % 4 {
            case 0: add(.reportHospital(id: "H1", HospitalReport(erState: [.open, .limited, .diverting, .closed][i / 4 % 4])))
            case 1: add(.reportHospital(id: "H2", HospitalReport(icuBeds: Capacity(available: i % 5, staffed: 10))))
            case 2: add(.addLog(LogEntry(id: "l\(i)", eventTime: Sample.t0, text: "entry \(i)")))
            default:
                for c in board.alertChanges(.defaults, at: Sample.t0.addingTimeInterval(Double(out.count * 10)), officer: "kim")
                where out.count < count { add(c.action) }
            }
        }
        return out
    }

    /// A new data directory's log that compacts every `maxRecords` records, in the foreground, so a
    /// run of changes leaves many generations, most of them moved to history/.
    static func compactingLog(in tmp: TempDir, maxRecords: Int) throws -> (DataDirectory, ChangeLog) {
        let (dir, log) = try Sample.newLog(tmp)
        log.policy = CompactionPolicy(maxRecords: maxRecords, background: false)
        return (dir, log)
    }

    @Test func theBoardAtEverySequenceIsTheBoardAfterThatManyChanges() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 7)
        let all = Self.changes(60)
        for c in all { #expect(log.commit(c).seq != nil) }
        #expect(log.generation > 5)
        let history = try History.open(dir)
        var expected = Board()
        for n in 0...all.count {
            if n > 0 { try expected.apply(all[n - 1]) }
            let (board, seq) = try history.board(at: .seq(UInt64(n)))
            #expect(seq == UInt64(n))
            #expect(board == expected, "at sequence \(n)")
        }
        #expect(try history.board(at: .seq(999)).board == log.board)
    }

    @Test func aTimeMeansEveryChangeMadeAtOrBeforeIt() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 5)
        let all = Self.changes(30)
        _ = log.commit(all)
        let history = try History.open(dir)
        for n in 1...all.count {
            let t = all[n - 1].at
            #expect(try history.board(at: .time(t)).seq == UInt64(n), "at \(t)")
            #expect(try history.board(at: .time(t.addingTimeInterval(9))).seq == UInt64(n))
        }
        #expect(try history.board(at: .time(Sample.t0.addingTimeInterval(-1))).seq == 0)
    }

    @Test func replayStartsAtThePointAndVisitsEveryLaterChange() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 4)
        let all = Self.changes(20)
        _ = log.commit(all)
        var visited: [UInt64] = []
        var last = Board()
        var handed: (board: Board, seq: UInt64)?
        let start = try History.open(dir).replay(from: .seq(12), starting: { board, seq in
            #expect(visited.isEmpty, "the starting board comes before any later change")
            handed = (board, seq)
        }) { seq, _, board in
            visited.append(seq)
            last = board
        }
        #expect(start.seq == 12)
        #expect(handed?.seq == 12 && handed?.board == start.board)
        #expect(visited == Array(13...20))
        #expect(last == log.board)
        // A point past the end: the last board is the start, and nothing follows.
        var endSeq: UInt64?
        try History.open(dir).replay(from: .seq(99), starting: { _, seq in endSeq = seq }) { _, _, _ in Issue.record("no change after the end") }
        #expect(endSeq == 20)
    }

    @Test func aBriefingPointIsJustAfterItsOwnChange() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 3)
        let all = Self.changes(10)
        _ = log.commit(all)
        // Same second as the change before it, and another change in that second after it.
        let at = all.last!.at
        _ = log.commit(Change(officer: "lee", at: at, action: .markBriefing(Briefing(id: "b1", title: "09:00 briefing"))))
        _ = log.commit(Change(officer: "lee", at: at, action: .addLog(LogEntry(id: "after", eventTime: at, text: "after"))))
        let briefing = try #require(log.board.lastBriefing)
        let (board, seq) = try History.open(dir).board(at: .briefing(briefing))
        #expect(seq == 11)
        #expect(board.lastBriefing == briefing)
        #expect(!board.log.contains { $0.id == "after" })
        #expect(throws: StoreError.self) {
            try History.open(dir).board(at: .briefing(Briefing(id: "nope", title: "x", marked: Stamp(at: at, by: "x"))))
        }
    }

    @Test func aBackdatedBriefingIsFoundWhereItIsInTheJournal() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 3)
        for c in Self.changes(12) { _ = log.commit(c) }
        // Entered now, but said to have been held before every change so far.
        _ = log.commit(Change(officer: "lee", at: Sample.t0.addingTimeInterval(-3600),
                              action: .markBriefing(Briefing(id: "b0", title: "08:00 briefing"))))
        for c in Self.changes(14).suffix(2) { _ = log.commit(Change(officer: c.officer, at: c.at.addingTimeInterval(500), action: .addLog(LogEntry(id: "late-\(c.at.timeIntervalSince1970)", eventTime: c.at, text: "late")))) }
        let briefing = try #require(log.board.lastBriefing)
        let (board, seq) = try History.open(dir).board(at: .briefing(briefing))
        #expect(seq == 13)
        #expect(board.lastBriefing == briefing)
    }

    @Test func historyKeepsEveryJournalButFewSnapshots() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 2)
        _ = Self.changes(20).map { log.commit($0) }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/history"))
        let journals = names.filter { $0.hasPrefix("journal-") }.count
        #expect(journals == log.generation - 2)
        // Made within the same hour: only the first generation's snapshot is kept.
        #expect(names.filter { $0.hasPrefix("snapshot-") } == ["snapshot-1.bin"])
    }

    @Test func aMomentBeforeTheKeptHistoryIsRefusedWithAReason() throws {
        let tmp = TempDir()
        let (dir, log) = try Self.compactingLog(in: tmp, maxRecords: 5)
        _ = Self.changes(20).map { log.commit($0) }
        // A data directory from before history was kept: its old generations are gone.
        try FileManager.default.removeItem(atPath: dir.path + "/history")
        let history = try History.open(dir)
        #expect(try history.board(at: .seq(20)).board == log.board)
        #expect(throws: StoreError.self) { try history.board(at: .seq(2)) }
    }

    @Test func aTornTailOfTheLiveJournalIsNotPartOfTheHistory() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        _ = log.commit(Self.changes(5))
        let path = dir.journalPath(log.generation)
        Sample.write(Sample.fileBytes(path) + [9, 0, 0, 0, 1, 2], to: path)
        #expect(try History.open(dir).board(at: .seq(99)).seq == 5)
    }
}
