import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct BinaryCodingTests {
    @Test func demoBoardRoundTripsThroughASnapshot() throws {
        let board = DemoSituation.board(now: Sample.t0)
        #expect(board.hospitals.count >= 40)
        let bytes = try Snapshot.encode(board, seq: 42)
        let (back, seq) = try Snapshot.decode(bytes)
        #expect(seq == 42)
        #expect(back == board)
        #expect(try Snapshot.encode(back, seq: 42) == bytes, "the same board gives the same bytes")
    }

    @Test func alertAndBriefingChangesRoundTripThroughTheJournalCoding() throws {
        let alert = Alert(rule: .icuLow, subject: "A1100017", text: "서울대학교병원 adult ICU 0/12", severity: .critical,
                          raised: Stamp(at: Sample.t0, by: "kim"), acknowledged: Stamp(at: Sample.t0, by: "lee"), note: "n")
        let actions: [ChangeAction] = [
            .raiseAlert(alert), .acknowledgeAlert(id: alert.id, note: "called the ER"), .acknowledgeAlert(id: alert.id, note: ""),
            .clearAlert(id: alert.id), .markBriefing(Briefing(id: "b1", title: "09:00 briefing", marked: Stamp(at: Sample.t0, by: "kim"))),
        ]
        for action in actions {
            let change = Change(officer: "kim", at: Sample.t0, action: action)
            var bytes: [UInt8] = []
            try JournalRecord.encode(change, seq: 7, into: &bytes)
            let (records, _) = JournalScanner.scan(bytes)
            #expect(try JournalRecord.decodeChange(try #require(records.first).payload) == change, "\(action.type)")
        }
    }

    @Test func aBoardWithAlertsAndBriefingsRoundTripsThroughASnapshot() throws {
        var board = DemoSituation.board(now: Sample.t0)
        let (history, briefings) = (board.alertHistory.count, board.briefings.count)
        for change in board.alertChanges(.defaults, at: Sample.t0, officer: "rules") { try board.apply(change) }
        let raised = try #require(board.alerts.keys.sorted().first)
        try board.apply(Change(officer: "lee", at: Sample.t0, action: .acknowledgeAlert(id: raised, note: "seen")))
        try board.apply(Change(officer: "lee", at: Sample.t0, action: .clearAlert(id: raised)))
        try board.apply(Change(officer: "kim", at: Sample.t0, action: .markBriefing(Briefing(id: "b1", title: "09:00 briefing"))))
        #expect(!board.alerts.isEmpty && board.alertHistory.count == history + 1 && board.briefings.count == briefings + 1)
        #expect(try Snapshot.decode(try Snapshot.encode(board, seq: 9)).board == board)
    }

    @Test func optionalsAndNestedValuesKeepTheirPlaces() throws {
        var h = Hospital(id: "A1", name: "한림대학교성심병원")
        h.icuBeds = Reported(Capacity(available: 0, staffed: 12), at: Sample.t0, by: "lee")
        h.policePost = Reported(true, at: Sample.t0, by: "kim")
        let back = try BinaryDecoder().decode(Hospital.self, from: BinaryEncoder().encode(h))
        #expect(back == h)
        let list: [Int?] = [1, nil, 3]
        #expect(throws: EncodingError.self, "silently mis-encoding would be worse") { try BinaryEncoder().encode(list) }
        let nested = [[1, 2], [], [3]]
        #expect(try BinaryDecoder().decode([[Int]].self, from: BinaryEncoder().encode(nested)) == nested)
    }

    @Test func damagedSnapshotIsRefused() throws {
        var bytes = try Snapshot.encode(DemoSituation.board(now: Sample.t0), seq: 7)
        bytes[bytes.count / 2] ^= 0x10
        #expect(throws: StoreError.badSnapshot("checksum mismatch")) { try Snapshot.decode(bytes) }
        #expect(throws: StoreError.self) { try Snapshot.decode(Array(bytes.prefix(30))) }
    }

    /// Found by fuzzing: a string length varint of 2^63 or more trapped in `Int(_:)`.
    @Test func stringLengthBeyondIntMaxIsRefused() {
        let length: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        #expect(throws: BinaryDecodingError.self) { try BinaryDecoder().decode(String.self, from: length + [0x41]) }
        #expect(throws: (any Error).self) { try JournalRecord.decodeChange(([0x01] + length)[...]) }
    }
}
