import Foundation
import Testing
@testable import SitRoomCore

/// The alert rules kept on the board (`rules.set`): an admin's change, checked like the TOML file,
/// undone to the rules before; and the origin of each hospital's last figure change.
@Suite struct BoardAlertRulesTests {
    static var quiet: AlertRules {
        var r = AlertRules()
        r.erClosed = false
        r.policeLateMinutes = 45
        r.watchedConditions = ["Y0010"]
        return r
    }

    @Test func onlyAnAdminSetsTheRulesAndUndoPutsBackThoseBefore() throws {
        let staffed = try RosterTests.staffed()
        #expect(RosterTests.refusal(staffed, Fixture.change(.setAlertRules(Self.quiet), by: "sup"))
                == "setting the alert rules needs the admin role; sup is supervisor")
        var b = staffed
        let set = Fixture.change(.setAlertRules(Self.quiet), by: "boss")
        let undo = try #require(b.inverse(of: set))
        try b.apply(set)
        #expect(b.alertRules == Self.quiet)
        #expect(b.effectiveAlertRules(.defaults) == Self.quiet)
        #expect(undo.action == .setAlertRules(nil))
        try b.apply(Fixture.change(undo.action, by: "boss"))
        #expect(b.alertRules == nil && b.effectiveAlertRules(.defaults) == .defaults)
    }

    @Test func rulesOutOfRangeAreRefusedNamingTheSetting() throws {
        var bad = AlertRules()
        bad.icuBelowPercent = 101
        var b = try Fixture.board()
        #expect(throws: ChangeError("icu.adult_below_percent must be a whole number from 0 to 100", field: "icu.adult_below_percent")) {
            try b.apply(Fixture.change(.setAlertRules(bad)))
        }
        bad = AlertRules()
        bad.watchedConditions = ["Y0010", "Y 20"]
        #expect(throws: ChangeError.self) { try b.apply(Fixture.change(.setAlertRules(bad))) }
        #expect(b.alertRules == nil)
    }

    @Test func theJSONFormReadsBackAndAMissingSettingTakesItsDefault() throws {
        for action in [ChangeAction.setAlertRules(Self.quiet), .setAlertRules(nil)] {
            let change = Fixture.change(action)
            let line = try SitRoomJSON.encoder().encode(change)
            #expect(try SitRoomJSON.decoder().decode(Change.self, from: line) == change)
        }
        let old = #"{"type":"rules.set","officer":"boss","at":"2026-12-03T10:00:00Z","record":{"er_closed":false}}"#
        let decoded = try SitRoomJSON.decoder().decode(Change.self, from: Data(old.utf8))
        var expected = AlertRules()
        expected.erClosed = false
        #expect(decoded.action == .setAlertRules(expected))
    }

    @Test func aHospitalRemembersWhereItsLastFigureChangeCameFrom() throws {
        var b = try Fixture.board()
        let key = RosterTests.keyA
        var report = Fixture.change(RosterTests.report, by: "kim", at: 60)
        report.origin = Origin(osUser: "sitroom", key: key)
        try b.apply(report)
        #expect(b.figureOrigins["A1100017"] == FigureOrigin(stamp: report.stamp, origin: Origin(osUser: "sitroom", key: key)))
        // A log entry about the hospital, an alert, or a change with no origin leave it as it was.
        try b.apply(Fixture.change(.addLog(LogEntry(id: "L9", eventTime: Fixture.t0, text: "police called", hospitalId: "A1100017")), by: "lee", at: 120))
        try b.apply(Change(officer: "old", at: Fixture.t0, action: RosterTests.report))
        #expect(b.figureOrigins["A1100017"]?.stamp.by == "kim")
        try b.apply(Fixture.change(.removeHospital(id: "A1100017"), by: "boss"))
        #expect(b.figureOrigins.isEmpty)
    }
}
