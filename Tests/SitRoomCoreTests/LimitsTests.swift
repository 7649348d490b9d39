import Foundation
import Testing
@testable import SitRoomCore

/// The model's limits, checked in `Board.apply`, which every door (console, apply, import, server) goes through.
@Suite struct LimitsTests {
    static let long = String(repeating: "x", count: Limits.textCharacters + 1)
    static let id = Fixture.snuh.id

    @Test func aTwentyMillionCharacterLogEntryIsRefusedNamingItsField() throws {
        let board = try Fixture.board()
        let huge = String(repeating: "ok ", count: 20_000_000 / 3) + "ok"
        #expect(huge.count == 20_000_000)
        let change = Fixture.change(.addLog(LogEntry(id: "l", eventTime: Fixture.t0, text: huge)))
        let refusal = ChangeError("log text: at most 2000 characters (got 20000000)", field: "text")
        #expect(throws: refusal) { try board.applying(change) }
        #expect(throws: refusal) { try board.check(change) }
        #expect(refusal.message.hasPrefix("log text: " + Limits.textTooLong))
    }

    @Test func textUpToTheLimitFitsCountedInCharactersNotBytes() throws {
        var board = try Fixture.board()
        let hangul = String(repeating: "응", count: Limits.textCharacters)  // three UTF-8 bytes each
        try board.apply(Fixture.change(.addLog(LogEntry(id: "a", eventTime: Fixture.t0, text: hangul))))
        try board.apply(Fixture.change(.addLog(LogEntry(id: "b", eventTime: Fixture.t0, text: String(Self.long.dropFirst())))))
        #expect(throws: ChangeError("log text: at most 2000 characters (got 2001)", field: "text")) {
            try board.apply(Fixture.change(.addLog(LogEntry(id: "c", eventTime: Fixture.t0, text: hangul + "응"))))
        }
        #expect(board.log.map(\.id) == ["a", "b"])
    }

    /// One over the limit in each text an officer types, with the field the refusal names.
    @Test(arguments: [
        (ChangeAction.addHospital(Hospital(id: "H", name: LimitsTests.long)), "hospital name", "name"),
        (.addHospital(Hospital(id: LimitsTests.long, name: "n")), "hospital id", "id"),
        (.editHospital(id: LimitsTests.id, HospitalPatch(address: LimitsTests.long)), "address", "address"),
        (.editHospital(id: LimitsTests.id, HospitalPatch(erPhone: LimitsTests.long)), "ER phone", "erPhone"),
        (.reportHospital(id: LimitsTests.id, HospitalReport(erState: .limited, erReason: LimitsTests.long)), "ER status reason", "erReason"),
        (.addStrike(StrikeAction(id: "s", organisation: "KMA", form: .rally, start: Fixture.t0, notes: LimitsTests.long)), "notes", "notes"),
        (.addAgency(Agency(id: "a", name: "n", phone: LimitsTests.long)), "phone", "phone"),
        (.editContact(id: "c1", ContactPatch(email: LimitsTests.long)), "email", "email"),
        (.editContact(id: "c1", ContactPatch(person: LimitsTests.long)), "person", "person"),
        (.logCall(CallRecord(id: "k", agencyId: "knpa", outcome: .reached, note: LimitsTests.long)), "call note", "note"),
        (.addLog(LogEntry(id: "l", eventTime: Fixture.t0, category: LimitsTests.long, text: "t")), "category", "category"),
        (.addAction(ActionItem(id: "a", text: LimitsTests.long, ownerAgencyId: "knpa")), "action text", "text"),
        (.setIncident(Incident(name: LimitsTests.long, periodStart: Fixture.t0)), "incident name", "name"),
        (.markBriefing(Briefing(id: "b", title: LimitsTests.long)), "briefing title", "title"),
    ])
    func everyTextIsHeldToTheLimit(action: ChangeAction, label: String, field: String) throws {
        let board = try Fixture.board()
        let change = Fixture.change(action)
        let refusal = ChangeError("\(label): at most 2000 characters (got 2001)", field: field)
        #expect(throws: refusal) { try board.applying(change) }
        #expect(throws: refusal) { try board.check(change) }
    }

    @Test(arguments: [
        (ChangeAction.reportHospital(id: LimitsTests.id, HospitalReport(erBeds: Capacity(available: 1, staffed: 1_000_001))), "ER beds staffed", "erBeds"),
        (.reportHospital(id: LimitsTests.id, HospitalReport(icuDoctors: Staffing(onDuty: Int.max, minimum: 1))), "ICU doctors on duty", "icuDoctors"),
        (.reportHospital(id: LimitsTests.id, HospitalReport(traineesOnRoll: 1_000_001)), "trainees on roll", "traineesOnRoll"),
        (.editStrike(id: "s1", StrikePatch(participants: 1_000_001)), "participants", "participants"),
        (.editHospital(id: LimitsTests.id, HospitalPatch(updateIntervalMinutes: 1_000_001)), "update interval", "updateIntervalMinutes"),
        (.editContact(id: "c1", ContactPatch(escalation: 1_000_001)), "escalation order", "escalation"),
    ])
    func everyFigureIsHeldToTheLimit(action: ChangeAction, label: String, field: String) throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addStrike(StrikeAction(id: "s1", organisation: "KIRA", form: .walkout, start: Fixture.t0))))
        let change = Fixture.change(action)
        let refusal = #expect(throws: ChangeError.self) { try board.applying(change) }
        #expect(refusal?.field == field)
        #expect(refusal?.message.hasPrefix("\(label): \(Limits.figureTooLarge) (got ") == true, "\(String(describing: refusal))")
        #expect(throws: refusal!) { try board.check(change) }
    }

    @Test func aFigureAtTheLimitIsTaken() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.reportHospital(id: Self.id, HospitalReport(
            erBeds: Capacity(available: Limits.figure, staffed: Limits.figure), traineesOnRoll: Limits.figure))))
        #expect(board.hospitals[Self.id]?.erBeds?.value.staffed == 1_000_000)
    }
}
