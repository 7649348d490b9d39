import Foundation
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
