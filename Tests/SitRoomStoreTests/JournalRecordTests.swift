import Foundation
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct JournalRecordTests {
    /// Every change the demo makes (most kinds, with optional fields set and unset) reads back equal.
    @Test func changesRoundTripThroughTheBinaryPayload() throws {
        var changes = DemoSituation.changes(now: Sample.t0)
        changes += [
            Change(officer: "kim", at: Sample.t0, action: .removeLog(id: "log-001")),
            Change(officer: "kim", at: Sample.t0, action: .editStrike(id: "s", StrikePatch(end: Sample.t0))),
            Change(officer: "kim", at: Sample.t0, action: .removeHospital(id: "A1")),
            Change(officer: "kim", at: Sample.t0, action: .editHospital(id: "A1", HospitalPatch(name: "서울", updateIntervalMinutes: 30))),
        ]
        for (i, change) in changes.enumerated() {
            var bytes: [UInt8] = []
            try JournalRecord.encode(change, seq: UInt64(i + 1), into: &bytes)
            let record = try #require(JournalScanner.scan(bytes).records.first)
            #expect(record.payload.first == JournalRecord.binaryTag)
            #expect(try JournalRecord.decodeChange(record.payload) == change, "\(change.action.type)")
        }
    }

    @Test func jsonPayloadsAreStillRead() throws {
        let change = Sample.logEntry(7)
        var bytes: [UInt8] = []
        JournalRecord.encode(seq: 1, payload: [UInt8](try SitRoomJSON.encoder().encode(change)), into: &bytes)
        let record = try #require(JournalScanner.scan(bytes).records.first)
        #expect(try JournalRecord.decodeChange(record.payload) == change)
    }
}

extension JournalRecordTests {
    /// The undo kinds (a hospital revert with figures set and empty, the other reverts and restores)
    /// read back equal from the positional binary payload.
    @Test func undoChangesRoundTripThroughTheBinaryPayload() throws {
        var hospital = Hospital(id: "A1", name: "서울대학교병원", region: "Seoul", hospitalClass: .regionalCentre)
        hospital.erStatus = Reported(ERStatus(state: .diverting, reason: "CT down"), at: Sample.t0, by: "kim")
        hospital.icuBeds = Reported(Capacity(available: 0, staffed: 12), at: Sample.t0.addingTimeInterval(-60), by: "lee")
        hospital.policePost = Reported(true, at: Sample.t0, by: "park")
        let actions: [ChangeAction] = [
            .revertHospital(id: "A1", fields: [.erState, .erReason, .icuBeds, .erBeds, .policePost], to: hospital),
            .revertHospital(id: "A1", fields: [], to: Hospital(id: "A1", name: "x")),
            .revertStrike(id: "s", fields: [.end, .participants], to: StrikeAction(
                id: "s", organisation: "KIRA", form: .walkout, start: Sample.t0, participants: Reported(10, at: Sample.t0, by: "kim"))),
            .revertStrike(id: "s", fields: [.end], to: StrikeAction(
                id: "s", organisation: "KIRA", form: .walkout, start: Sample.t0, end: Sample.t0.addingTimeInterval(60))),
            .revertContact(id: "c", fields: [.lastVerified, .phone], to: Contact(id: "c", agencyId: "knpa", person: "Lee", lastReached: Sample.t0)),
            .revertAction(id: "a", fields: [.due, .status], to: ActionItem(
                id: "a", text: "t", ownerAgencyId: "knpa", status: .done,
                history: [Reported(.open, at: Sample.t0, by: "kim"), Reported(.done, at: Sample.t0, by: "lee")])),
            .restoreAction(ActionItem(id: "a", text: "t", ownerAgencyId: "knpa", due: Sample.t0, history: [Reported(.open, at: Sample.t0, by: "kim")])),
            .restoreLog(LogEntry(id: "l", eventTime: Sample.t0, entered: Stamp(at: Sample.t0, by: "kim"), text: "x", agencyId: "knpa"), position: 3),
        ]
        for (i, action) in actions.enumerated() {
            let change = Change(officer: "lee", at: Sample.t0, action: action)
            var bytes: [UInt8] = []
            try JournalRecord.encode(change, seq: UInt64(i + 1), into: &bytes)
            let record = try #require(JournalScanner.scan(bytes).records.first)
            #expect(try JournalRecord.decodeChange(record.payload) == change, "\(action.type)")
        }
    }
}
