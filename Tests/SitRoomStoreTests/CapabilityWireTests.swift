import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The capability tables in snapshots: "SRSNAP03" carries them after the briefings, and an
/// "SRSNAP02" snapshot (written before them) still reads, with the tables empty.
@Suite struct CapabilityWireTests {
    static func boardWithCapability() throws -> Board {
        var board = DemoSituation.board(now: Sample.t0)
        let id = try #require(board.hospitalsByName.first?.id)
        for action in [
            ChangeAction.setConditions(ConditionTable(Array(ConditionTable.egenDefault.conditions.prefix(5)))),
            .reportCapability(id: id, CapabilityReport(
                conditions: ["Y0010": ConditionStatus(.available), "Y0020": ConditionStatus(.unavailable, reason: "신경외과 부재")],
                equipment: ["hvctayn": 1, "hv10": 2], hours: .restricted("08:00–22:00"), visits: ERVisits(total: 80, severe: 20, mild: 60))),
            .addRestriction(Restriction(id: "r1", hospitalId: id, text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
                                        from: Sample.t0, until: Sample.t0.addingTimeInterval(36_000))),
            .setBaselines(BaselineValues(national: ["openERs": 409, "capable/Y0020": 109], hospitals: [id: ["erBedsStaffed": 40]])),
        ] {
            try board.apply(Change(officer: "kim", at: Sample.t0, action: action))
        }
        return board
    }

    /// `bytes`, an SRSNAP05 snapshot of `board`, as SRSNAP02 wrote it: the body without the tables
    /// added since (capability's, then security's, then the roster, then the alert rules).
    static func version2(_ bytes: [UInt8], of board: Board, seq: UInt64) -> [UInt8] {
        var tail = WireWriter()
        CapabilityWire.write(BoardDocument(board, seq: seq), to: &tail)
        SecurityWire.write(board, to: &tail)
        RosterWire.write(board, to: &tail)
        AlertRulesWire.write(board, to: &tail)
        return reframed(bytes, cutting: tail.bytes.count, as: "SRSNAP02", seq: seq)
    }

    /// `bytes` as SRSNAP03 wrote it: the body without the roster (nor the alert rules).
    static func version3(_ bytes: [UInt8], of board: Board, seq: UInt64) -> [UInt8] {
        var tail = WireWriter()
        RosterWire.write(board, to: &tail)
        AlertRulesWire.write(board, to: &tail)
        return reframed(bytes, cutting: tail.bytes.count, as: "SRSNAP03", seq: seq)
    }

    /// `bytes` as SRSNAP04 wrote it: the body without the alert rules and the figures' origins.
    static func version4(_ bytes: [UInt8], of board: Board, seq: UInt64) -> [UInt8] {
        var tail = WireWriter()
        AlertRulesWire.write(board, to: &tail)
        return reframed(bytes, cutting: tail.bytes.count, as: "SRSNAP04", seq: seq)
    }

    static func reframed(_ bytes: [UInt8], cutting tail: Int, as magic: String, seq: UInt64) -> [UInt8] {
        let body = Array(bytes[Snapshot.headerSize..<(bytes.count - tail)])
        var out = Array(magic.utf8)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i)))) }
        let crc = CRC32C.checksum(body)
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: UInt32(body.count) >> (8 * UInt32(i)))) }
        return out + body
    }

    @Test func aSnapshotCarriesTheCapabilityTables() throws {
        let board = try Self.boardWithCapability()
        #expect(board.conditions.count == 5 && !board.capabilities.isEmpty && board.restrictions["r1"] != nil && !board.baselines.isEmpty)
        let bytes = try Snapshot.encode(board, seq: 12)
        #expect(Array(bytes.prefix(8)) == Array("SRSNAP05".utf8))
        let (back, seq) = try Snapshot.decode(bytes)
        #expect(seq == 12)
        #expect(back == board)
        #expect(try Snapshot.encode(back, seq: 12) == bytes, "the same board gives the same bytes")
        #expect(try Snapshot.decode(bytes, hospitalsOnly: true).board.hospitals == board.hospitals)
    }

    @Test func aVersionTwoSnapshotReadsWithTheNewTablesEmpty() throws {
        let board = try Self.boardWithCapability()
        let old = Self.version2(try Snapshot.encode(board, seq: 5), of: board, seq: 5)
        let (back, seq) = try Snapshot.decode(old)
        #expect(seq == 5)
        var expected = board
        expected.conditions = .egenDefault
        expected.capabilities = [:]
        expected.restrictions = [:]
        expected.baselines = Baselines()
        expected.feedConflicts = [:]
        expected.securityIncidents = [:]
        expected.hospitalSecurity = [:]
        expected.securityTypes = .standard
        #expect(back == expected)
        // Read as version 3, the same bytes are short of the tables: refused, not misread.
        var relabelled = old
        relabelled.replaceSubrange(0..<8, with: Array("SRSNAP03".utf8))
        #expect(throws: StoreError.self) { try Snapshot.decode(relabelled) }
    }

    @Test func capabilityChangesSurviveTheJournalAndCompaction() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        let board = try Self.boardWithCapability()
        let id = try #require(board.capabilities.keys.first)
        var changes = [Change(officer: "kim", at: Sample.t0, action: .addHospital(board.hospitals[id]!))]
        changes.append(Change(officer: "kim", at: Sample.t0, action: .reportCapability(id: id, CapabilityReport(
            conditions: ["Y0020": ConditionStatus(.available)], hours: .allDay))))
        changes.append(Change(officer: "lee", at: Sample.t0, action: .addRestriction(Restriction(
            id: "r9", hospitalId: id, text: "분만 불가", from: Sample.t0))))
        changes.append(Change(officer: "lee", at: Sample.t0.addingTimeInterval(60), action: .endRestrictions(ids: ["r9"])))
        for c in changes { #expect(log.commit(c).seq != nil) }
        let expected = log.board
        #expect(expected.capabilities[id]?.hours?.value == .allDay)
        #expect(expected.restrictions["r9"]?.ended?.by == "lee")
        #expect(try ChangeLog.open(dir, mode: .readOnly).board == expected)
        try log.compact()
        log.close()
        #expect(try ChangeLog.open(dir, mode: .readOnly).board == expected)
    }
}
