import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// Data directories written before the wire coding (snapshot "SRSNAP01", journal records tagged
/// 0x01, both through the generic `BinaryEncoder`) open to the same board, and take new changes.
@Suite struct LegacyDataTests {
    /// A `BoardDocument` as the old writer had it: version 2, its tables ending with the briefings.
    struct VersionTwoDocument: Encodable {
        var format, version, seq, incident, hospitals, strikes, agencies, contacts, calls, log, actions: AnyEncodableField
        var alerts, alertHistory, briefings: AnyEncodableField

        init(_ d: BoardDocument) {
            format = .init(d.format); version = .init(2); seq = .init(d.seq); incident = .init(d.incident)
            hospitals = .init(d.hospitals); strikes = .init(d.strikes); agencies = .init(d.agencies); contacts = .init(d.contacts)
            calls = .init(d.calls); log = .init(d.log); actions = .init(d.actions)
            alerts = .init(d.alerts); alertHistory = .init(d.alertHistory); briefings = .init(d.briefings)
        }
    }

    struct AnyEncodableField: Encodable {
        let encodeValue: (Encoder) throws -> Void
        init<T: Encodable>(_ value: T) { encodeValue = value.encode }
        func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
    }

    /// A snapshot file as the old writer made it: a version 2 `BoardDocument` through `BinaryEncoder`.
    static func legacySnapshot(_ board: Board, seq: UInt64) throws -> [UInt8] {
        let body = try BinaryEncoder().encode(VersionTwoDocument(BoardDocument(board, seq: seq)))
        var out = Snapshot.legacyMagic
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i)))) }
        let crc = CRC32C.checksum(body)
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: UInt32(body.count) >> (8 * UInt32(i)))) }
        return out + body
    }

    /// The demo as a version 2 writer could hold it: without the tables added since (capability's,
    /// the feed's conflicts, security's).
    static func versionTwoDemo() -> Board {
        var board = DemoSituation.board(now: Sample.t0)
        board.conditions = .egenDefault
        board.capabilities = [:]
        board.restrictions = [:]
        board.baselines = Baselines()
        board.feedConflicts = [:]
        board.securityIncidents = [:]
        board.hospitalSecurity = [:]
        board.securityTypes = .standard
        return board
    }

    static func boardWithEverything() throws -> Board {
        var board = versionTwoDemo()
        for change in board.alertChanges(.defaults, at: Sample.t0, officer: "rules") { try board.apply(change) }
        let raised = try #require(board.alerts.keys.sorted().first)
        try board.apply(Change(officer: "lee", at: Sample.t0, action: .acknowledgeAlert(id: raised, note: "seen")))
        try board.apply(Change(officer: "lee", at: Sample.t0, action: .clearAlert(id: raised)))
        try board.apply(Change(officer: "kim", at: Sample.t0, action: .markBriefing(Briefing(id: "b1", title: "09:00 briefing"))))
        return board
    }

    @Test func oldAndNewSnapshotsReadToTheSameBoard() throws {
        let board = try Self.boardWithEverything()
        #expect(!board.alerts.isEmpty && !board.alertHistory.isEmpty && !board.briefings.isEmpty && !board.log.isEmpty)
        let old = try Snapshot.decode(try Self.legacySnapshot(board, seq: 41))
        let new = try Snapshot.encode(board, seq: 41)
        #expect(Array(new.prefix(8)) == Array("SRSNAP05".utf8))
        let back = try Snapshot.decode(new)
        #expect(old.seq == 41 && back.seq == 41)
        #expect(old.board == board)
        #expect(back.board == board)
        #expect(try Snapshot.encode(back.board, seq: 41) == new, "the same board gives the same bytes")
    }

    @Test func aDamagedNewSnapshotIsRefused() throws {
        let bytes = try Snapshot.encode(try Self.boardWithEverything(), seq: 3)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        #expect(throws: StoreError.badSnapshot("checksum mismatch")) { try Snapshot.decode(flipped) }
        for cut in [25, bytes.count / 3, bytes.count - 1] {
            #expect(throws: StoreError.self) { try Snapshot.decode(Array(bytes.prefix(cut))) }
        }
    }

    /// An old directory (old snapshot, old records) opens, takes new records after the old ones in
    /// the same journal, and reopens to the same board; then compacts to the new snapshot.
    @Test func anOldDirectoryOpensAndKeepsWorking() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let start = Self.versionTwoDemo()
        Sample.write(try Self.legacySnapshot(start, seq: 0), to: dir.snapshotPath(1))
        var journal: [UInt8] = []
        var expected = start
        for n in 1...20 {
            let change = Sample.logEntry(n)
            try expected.apply(change)
            JournalRecord.encode(
                seq: UInt64(n), payload: [JournalRecord.legacyBinaryTag] + (try BinaryEncoder().encode(change)), into: &journal)
        }
        Sample.write(journal, to: dir.journalPath(1))

        let log = try ChangeLog.open(dir)
        #expect(log.board == expected && log.seq == 20)
        let more = Sample.logEntry(21)
        #expect(log.commit(more) == .saved(21))
        try expected.apply(more)
        let tags = JournalScanner.scan(Sample.fileBytes(dir.journalPath(1))).records.map { $0.payload.first }
        #expect(tags == Array(repeating: 0x01, count: 20) + [0x02], "new records follow the old ones")

        let reopened = try ChangeLog.open(dir, mode: .readOnly)
        #expect(reopened.board == expected && reopened.seq == 21)
        try log.compact()
        #expect(Array(Sample.fileBytes(dir.snapshotPath(2)).prefix(8)) == Array("SRSNAP05".utf8))
        #expect(try ChangeLog.open(dir, mode: .readOnly).board == expected)
    }
}
