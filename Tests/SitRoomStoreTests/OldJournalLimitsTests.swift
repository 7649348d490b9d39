import Foundation
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// A journal an older sitroom wrote may hold text and figures over today's `Limits` (`apply` took a
/// 20 MB log entry): it still opens, reads back through history and checks healthy, while every
/// new change is held to the limits.
@Suite struct OldJournalLimitsTests {
    @Test func aJournalFromBeforeTheLimitsStillOpensAndNewChangesAreHeldToThem() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        #expect(log.commit(Sample.logEntry(1)) == .saved(1))
        log.close()
        let long = String(repeating: "x", count: Limits.textCharacters * 10)
        let old = Change(officer: "kim", at: Sample.t0, action: .addLog(LogEntry(id: "old", eventTime: Sample.t0, text: long)))
        let journal = dir.journalPath(try dir.readCurrent())
        var bytes = Sample.fileBytes(journal)
        try JournalRecord.encode(old, seq: 2, into: &bytes)  // as an older sitroom appended it
        Sample.write(bytes, to: journal)

        let reopened = try ChangeLog.open(dir)
        #expect(reopened.seq == 2, "\(reopened.notes)")
        #expect(reopened.board.log.last?.text.count == long.count)
        var again = old
        again.action = .addLog(LogEntry(id: "new", eventTime: Sample.t0, text: long))
        #expect(reopened.commit(again) == .rejected(ChangeError("log text: at most 2000 characters (got 20000)", field: "text")))
        reopened.close()

        #expect(try History.open(dir).board(at: .seq(2)).board.log.last?.id == "old")
        let report = Checker.check(dir, repair: false)
        #expect(report.verdict == .healthy, "\(report.lines)")
    }
}
