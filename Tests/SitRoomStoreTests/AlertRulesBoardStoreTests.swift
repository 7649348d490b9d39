import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
@testable import SitRoomWire

/// The board's alert rules and the figures' origins through a data directory: the journal, a
/// compaction's SRSNAP05 snapshot, an SRSNAP04 one; and `sitroom alerts`' TOML text.
@Suite struct AlertRulesBoardStoreTests {
    static var rules: AlertRules {
        var r = AlertRules()
        r.icuBelowPercent = 15
        r.securityOpenHours = 4
        r.watchedConditions = ["Y0010", "Y0020"]
        r.bell = true
        return r
    }

    @Test func theRulesAndOriginsSurviveTheJournalAndCompaction() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        log.origin = Origin(osUser: "svc", key: "SHA256:" + String(repeating: "k", count: 43))
        #expect(log.commit(Change(officer: "kim", at: Sample.t0, action: .addHospital(Hospital(id: "H1", name: "서울대학교병원")))) == .saved(1))
        #expect(log.commit(Change(officer: "kim", at: Sample.t0, action: .reportHospital(id: "H1", HospitalReport(erState: .limited)))) == .saved(2))
        #expect(log.commit(Change(officer: "boss", at: Sample.t0, action: .setAlertRules(Self.rules))) == .saved(3))
        let expected = log.board
        #expect(expected.alertRules == Self.rules && expected.figureOrigins["H1"]?.stamp.by == "kim")

        let replayed = try ChangeLog.open(dir, mode: .readOnly)
        #expect(replayed.board == expected)
        try log.compact()
        let compacted = try ChangeLog.open(dir, mode: .readOnly)
        #expect(compacted.board == expected)
        #expect(Array(Sample.fileBytes(dir.snapshotPath(2)).prefix(8)) == Array("SRSNAP05".utf8))
    }

    @Test func anSRSNAP04SnapshotReadsWithoutRulesOrOrigins() throws {
        var board = Board()
        board.alertRules = Self.rules
        board.figureOrigins = ["H1": FigureOrigin(stamp: Stamp(at: Sample.t0, by: "kim"), origin: Origin(osUser: "svc"))]
        let v5 = try Snapshot.encode(board, seq: 7)
        #expect(try Snapshot.decode(v5).board == board)
        let v4 = CapabilityWireTests.version4(v5, of: board, seq: 7)
        #expect(Array(v4.prefix(8)) == Array("SRSNAP04".utf8))
        let old = try Snapshot.decode(v4).board
        #expect(old.alertRules == nil && old.figureOrigins.isEmpty)
    }

    @Test func theRulesPrintAsAnAlertsFileThatLoadsBack() throws {
        #expect(AlertRulesFile.text(of: .defaults) == AlertRulesFile.defaultText)
        let text = AlertRulesFile.text(of: Self.rules)
        #expect(try AlertRulesFile.parse(text) == Self.rules)
        #expect(text.contains("adult_below_percent = 15  # ... or below this % of the staffed beds (0: off)"))
        #expect(text.contains(#"watch = ["Y0010", "Y0020"] # condition codes"#))
    }

    @Test func theFileIsHeldToTheSameLimitsAsTheChange() throws {
        let codes = (0...AlertRules.watchedLimit).map { "\"C\($0)\"" }.joined(separator: ", ")
        #expect(throws: AlertRulesError(message: "capability.watch lists 201 codes; at most 200")) {
            try AlertRulesFile.parse("[capability]\nwatch = [\(codes)]\n")
        }
    }
}
