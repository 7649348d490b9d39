import Foundation
import Testing
@testable import SitRoomCore

@Suite struct RangeRevertTests {
    @Test func revertingARangeGivesBackTheBoardBeforeIt() throws {
        let start = try Fixture.board()
        var board = start
        var range: [(seq: UInt64, change: Change)] = []
        for (i, action) in Fixture.everyKind.prefix(12).enumerated() {
            let change = Fixture.change(action, at: Double(i))
            range.append((UInt64(i + 4), change))
            try board.apply(change)
        }
        let plan = try RangeRevert(start: start, range: range, later: [])
        #expect(plan.skipped.isEmpty && plan.conflicts.isEmpty)
        for action in plan.undos { try board.apply(Fixture.change(action, by: "lee", at: 100)) }
        #expect(board.hospitals == start.hospitals)
        #expect(board.strikes == start.strikes)
        #expect(board.agencies == start.agencies)
        #expect(board.contacts == start.contacts)
        #expect(board.incident == start.incident)
    }

    @Test func callsAndAlertsAreSkippedAndLaterEditsAreConflicts() throws {
        let start = try Fixture.board()
        var board = start
        let id = Fixture.snuh.id
        let range: [(seq: UInt64, change: Change)] = [
            (4, Fixture.change(.reportHospital(id: id, HospitalReport(erState: .closed)))),
            (5, Fixture.change(.logCall(CallRecord(id: "k1", agencyId: "knpa", outcome: .reached)))),
        ]
        for (_, c) in range { try board.apply(c) }
        let raise = board.alertChanges(.defaults, at: Fixture.t0, officer: "kim")[0]
        let later: [(seq: UInt64, change: Change)] = [
            (6, raise),
            (7, Fixture.change(.reportHospital(id: id, HospitalReport(erBeds: Capacity(available: 1, staffed: 9))), at: 60)),
            (8, Fixture.change(.addLog(LogEntry(id: "x", eventTime: Fixture.t0, text: "unrelated")), at: 60)),
        ]
        let plan = try RangeRevert(start: start, range: range, later: later)
        #expect(plan.undos.count == 1)
        #expect(plan.skipped.map(\.seq) == [5])
        #expect(plan.conflicts.map(\.seq) == [7], "the alert follows from the report; the log entry is another record")
    }
}
