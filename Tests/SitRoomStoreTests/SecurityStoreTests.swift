import CSV
import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// Hospital security through the stores' doors: snapshots (SRSNAP03, and SRSNAP02 still read),
/// the JSON and CSV exports, alerts.toml, and a commit raising and clearing police-late.
@Suite struct SecurityStoreTests {
    static let now = Sample.t0

    static func demo() -> Board { DemoSituation.board(now: now) }

    @Test func theSecurityTablesRoundTripThroughASnapshot() throws {
        let board = Self.demo()
        #expect(board.securityIncidents.count == 5 && board.hospitalSecurity.count == 6)
        let bytes = try Snapshot.encode(board, seq: 12)
        #expect(Array(bytes.prefix(8)) == Array("SRSNAP05".utf8))
        #expect(try Snapshot.decode(bytes).board == board)
    }

    /// A snapshot written before the security tables: the SRSNAP02 body is the SRSNAP05 body
    /// without them (and the roster), and reads to the board with none (and the standard types).
    @Test func anSRSNAP02SnapshotStillReads() throws {
        var board = Self.demo()
        var tables = WireWriter()
        SecurityWire.write(board, to: &tables)
        let current = try Snapshot.encode(board, seq: 12)
        RosterWire.write(board, to: &tables)
        AlertRulesWire.write(board, to: &tables)
        #expect(Array(current.suffix(tables.bytes.count)) == tables.bytes, "the security tables, then the roster and the alert rules, end the body")
        let (read, seq) = try Snapshot.decode(CapabilityWireTests.version2(current, of: board, seq: 12))
        let capabilityLess = BoardDocument(Board(), seq: 0)
        board.securityIncidents = [:]
        board.hospitalSecurity = [:]
        board.conditions = capabilityLess.conditions
        board.capabilities = [:]
        board.restrictions = [:]
        board.baselines = Baselines()
        board.feedConflicts = [:]
        #expect(seq == 12 && read == board && read.securityTypes == .standard)
    }

    @Test func theJSONExportCarriesEachIncidentWithItsTimeline() throws {
        let data = try SitRoomJSON.encoder().encode(BoardDocument(Self.demo(), seq: 1))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let incidents = try #require(object["securityIncidents"] as? [[String: Any]])
        #expect(incidents.map { $0["id"] as? String } == ["S1", "S2", "S3", "S4", "S5"])
        let s2 = incidents[1]
        for step in ["occurred", "reported", "notified", "onScene", "resolved"] {
            #expect((s2[step] as? [String: Any])?["at"] is String, "S2 \(step)")
        }
        #expect(s2["outcome"] as? String == "arrest" && (s2["police"] as? [String: Any])?["text"] as? String == "112")
        #expect(object["version"] as? Int == 3 && (object["hospitalSecurity"] as? [Any])?.count == 6)
    }

    @Test func theSecurityCSVHasOneRowPerIncidentAndTheDerivedResponse() throws {
        let data = try CSVExport.data(CSVExport.sheet(.security, of: Self.demo()), bom: false)
        let reader = try CSVReader(stream: InputStream(data: data), hasHeaderRow: true)
        #expect(reader.headerRow == CSVExport.securityColumns)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(CSVExport.securityColumns, row))) }
        #expect(rows.map { $0["id"] } == ["S1", "S2", "S3", "S4", "S5"])
        #expect(rows[1]["police_response_minutes"] == "18" && rows[1]["outcome"] == "arrest" && rows[1]["hospital_name"] == "세브란스병원")
        #expect(rows[3]["police_response_minutes"] == "" && rows[3]["police_notified_by"] == "lee.nemc")
        #expect(rows[2]["hospital_security_level"] == "high" && rows[2]["police_contact"] == "양소율")
    }

    @Test func theSecuritySectionOfAlertsTomlIsRead() throws {
        let rules = try AlertRulesFile.parse("[security]\npolice_late_minutes = 30\nopen_hours = 0\nlevel_high = false\nrepeat_hours = 2\n")
        #expect(rules.policeLateMinutes == 30 && rules.securityOpenHours == 0 && !rules.securityLevelHigh && rules.securityRepeatHours == 2)
        #expect(try AlertRulesFile.parse(AlertRulesFile.defaultText) == .defaults)
        #expect(throws: AlertRulesError.self) { try AlertRulesFile.parse("[security]\npolice_late = 5\n") }
    }

    @Test func aCommitRaisesPoliceLateAndOnSceneClearsIt() throws {
        let tmp = TempDir()
        let (_, log) = try Sample.newLog(tmp)
        let now = Date()
        let setup: [ChangeAction] = [
            .addHospital(Hospital(id: "A1", name: "서울대학교병원")),
            .security(.open(SecurityIncident(id: "S1", hospitalId: "A1", type: "violence", text: "nurse hit",
                                             occurred: Stamp(at: now.addingTimeInterval(-3000), by: ""),
                                             reported: Stamp(at: now.addingTimeInterval(-2900), by: "")))),
        ]
        for action in setup { _ = log.commit([Change(officer: "kim", at: now, action: action)], applying: .defaults, officer: "kim") }
        let notified = Change(officer: "kim", at: now, action: .security(.step(id: "S1", SecurityStepReport(
            step: .notified, at: now.addingTimeInterval(-25 * 60), police: PoliceNotice(text: "112")))))
        _ = log.commit([notified], applying: .defaults, officer: "kim")
        #expect(log.board.alerts["police-late/S1"]?.severity == .critical)
        let onScene = Change(officer: "kim", at: now, action: .security(.step(id: "S1", SecurityStepReport(step: .onScene, at: now))))
        _ = log.commit([onScene], applying: .defaults, officer: "kim")
        #expect(log.board.alerts["police-late/S1"] == nil)
        #expect(log.board.alertHistory.last?.id == "police-late/S1")
    }
}
