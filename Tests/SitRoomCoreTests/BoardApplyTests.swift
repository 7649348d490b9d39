import Foundation
import Testing
@testable import SitRoomCore

@Suite struct BoardApplyTests {
    @Test func everyChangeKindApplies() throws {
        var board = try Fixture.board()
        var seen = Set<ChangeAction.Kind>()
        for (i, action) in Fixture.everyKind.enumerated() {
            try board.apply(Fixture.change(action, at: Double(i)))
            seen.insert(action.kind)
        }
        #expect(seen == Set(ChangeAction.Kind.allCases))
        #expect(board.hospitals["A2"] == nil)
        #expect(board.calls.count == 1)
        #expect(board.incident.name == "Test incident")
    }

    @Test func reportStampsEachGivenFigureOnly() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.reportHospital(id: "A1100017", HospitalReport(
            erState: .open, erBeds: Capacity(available: 5, staffed: 20))), by: "kim", at: 0))
        try board.apply(Fixture.change(.reportHospital(id: "A1100017", HospitalReport(
            icuBeds: Capacity(available: 1, staffed: 12))), by: "lee", at: 60))
        let h = try #require(board.hospitals["A1100017"])
        #expect(h.erBeds == Reported(Capacity(available: 5, staffed: 20), at: Fixture.t0, by: "kim"))
        #expect(h.icuBeds?.by == "lee")
        #expect(h.icuBeds?.at == Fixture.t0.addingTimeInterval(60))
        #expect(h.erStatus?.value.state == .open)
        #expect(h.erStatus?.by == "kim")
    }

    @Test(arguments: [
        (ChangeAction.reportHospital(id: "A1100017", HospitalReport(icuBeds: Capacity(available: 14, staffed: 12))),
         "ICU available 14 exceeds staffed 12", "icuBeds"),
        (.reportHospital(id: "A9999999", HospitalReport(erState: .closed)), "unknown hospital A9999999", "id"),
        (.reportHospital(id: "A1100017", HospitalReport(erBeds: Capacity(available: -1, staffed: 3))),
         "ER beds available must not be negative (got -1)", "erBeds"),
        (.reportHospital(id: "A1100017", HospitalReport(traineesOnRoll: 10, traineesAbsent: 11)),
         "trainees absent 11 exceeds on roll 10", "traineesAbsent"),
        (.reportHospital(id: "A1100017", HospitalReport(ordersIssued: 5, ordersServed: 6)),
         "orders served 6 exceeds issued 5", "ordersServed"),
        (.addHospital(Fixture.snuh), "hospital A1100017 already exists", "id"),
        (.addHospital(Hospital(id: "X1", name: "  ")), "hospital name must not be empty", "name"),
        (.addContact(Contact(id: "c9", agencyId: "nope", person: "X")), "unknown agency nope", "agencyId"),
        (.removeAgency(id: "knpa"), "agency knpa still has 1 contact(s); remove them first", "id"),
        (.addAction(ActionItem(id: "a9", text: "x", ownerAgencyId: "mars")), "unknown agency mars", "ownerAgencyId"),
        (.logCall(CallRecord(id: "k", agencyId: "knpa", contactId: "zz", outcome: .reached)), "unknown contact zz", "id"),
        (.removeLog(id: "nope"), "unknown log entry nope", "id"),
        (.editStrike(id: "nope", StrikePatch(scope: "x")), "unknown strike action nope", "id"),
    ])
    func invalidChangesAreRejectedWithFieldAndReason(action: ChangeAction, message: String, field: String) throws {
        var board = try Fixture.board()
        let before = board
        #expect(throws: ChangeError(message, field: field)) { try board.apply(Fixture.change(action)) }
        #expect(board == before, "a rejected change must leave the board untouched")
    }

    @Test func applyIsDeterministic() throws {
        let changes = Fixture.everyKind.enumerated().map { Fixture.change($1, at: Double($0)) }
        var a = try Fixture.board(), b = try Fixture.board()
        for c in changes { try a.apply(c) }
        for c in changes { try b.apply(c) }
        #expect(a == b)
        #expect(try Fixture.board().applying(changes[0]) == Fixture.board().applying(changes[0]))
    }

    @Test func reachedCallUpdatesLastReached() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.logCall(CallRecord(id: "k1", agencyId: "knpa", contactId: "c1", outcome: .noAnswer)), at: 10))
        #expect(board.contacts["c1"]?.lastReached == nil)
        try board.apply(Fixture.change(.logCall(CallRecord(id: "k2", agencyId: "knpa", contactId: "c1", outcome: .reached)), at: 20))
        #expect(board.contacts["c1"]?.lastReached == Fixture.t0.addingTimeInterval(20))
        #expect(board.calls.map(\.by) == ["kim", "kim"])
    }

    @Test func actionStatusChangesAreKeptInHistory() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addAction(ActionItem(id: "a1", text: "x", ownerAgencyId: "knpa")), at: 0))
        try board.apply(Fixture.change(.editAction(id: "a1", ActionPatch(status: .done)), by: "lee", at: 30))
        let item = try #require(board.actions["a1"])
        #expect(item.history.map(\.value) == [.open, .done])
        #expect(item.history.last?.by == "lee")
    }
}
