import Foundation
import Testing
@testable import SitRoomCore

@Suite struct AlertTests {
    static let id = Fixture.snuh.id

    /// Applies whatever the rules ask for at `offset` seconds, and returns the ids raised and cleared.
    static func sync(_ board: inout Board, _ rules: AlertRules = .defaults, at offset: TimeInterval = 0)
        throws -> (raised: [String], cleared: [String])
    {
        let changes = board.alertChanges(rules, at: Fixture.t0.addingTimeInterval(offset), officer: "rules")
        for c in changes { try board.apply(c) }
        return (changes.compactMap { if case .raiseAlert(let a) = $0.action { a.id } else { nil } },
                changes.compactMap { if case .clearAlert(let id) = $0.action { id } else { nil } })
    }

    static func report(_ board: inout Board, _ r: HospitalReport, at offset: TimeInterval = 0) throws {
        try board.apply(Fixture.change(.reportHospital(id: id, r), at: offset))
    }

    @Test func adultICURaisesBelowTheCountOrThePercentAndClearsAbove() throws {
        var board = try Fixture.board()
        var rules = AlertRules()
        rules.icuBelow = 2
        rules.icuBelowPercent = 10
        // 2 of 20 is neither below 2 nor below 10 %.
        try Self.report(&board, HospitalReport(icuBeds: Capacity(available: 2, staffed: 20)))
        #expect(try Self.sync(&board, rules).raised == [])
        try Self.report(&board, HospitalReport(icuBeds: Capacity(available: 1, staffed: 20)))
        #expect(try Self.sync(&board, rules).raised == ["icu-low/\(Self.id)"])
        #expect(board.alerts["icu-low/\(Self.id)"]?.severity == .warning)
        // Still low: nothing new.
        try Self.report(&board, HospitalReport(icuBeds: Capacity(available: 0, staffed: 20)))
        #expect(try Self.sync(&board, rules) == ([], []))
        // 3 of 40 is above 2 but below 10 % of 40.
        try Self.report(&board, HospitalReport(icuBeds: Capacity(available: 3, staffed: 40)))
        #expect(try Self.sync(&board, rules) == ([], []))
        try Self.report(&board, HospitalReport(icuBeds: Capacity(available: 4, staffed: 40)))
        #expect(try Self.sync(&board, rules).cleared == ["icu-low/\(Self.id)"])
        #expect(board.alerts.isEmpty)
        #expect(board.alertHistory.map(\.id) == ["icu-low/\(Self.id)"])
        #expect(board.alertHistory.first?.cleared?.by == "rules")
    }

    @Test func neonatalICUHasItsOwnThreshold() throws {
        var board = try Fixture.board()
        var rules = AlertRules()
        rules.nicuBelow = 1
        rules.nicuBelowPercent = 0
        try Self.report(&board, HospitalReport(nicuBeds: Capacity(available: 1, staffed: 10)))
        #expect(try Self.sync(&board, rules).raised == [])
        try Self.report(&board, HospitalReport(nicuBeds: Capacity(available: 0, staffed: 10)))
        #expect(try Self.sync(&board, rules).raised == ["nicu-low/\(Self.id)"])
        #expect(board.alerts["nicu-low/\(Self.id)"]?.severity == .critical)
    }

    @Test func erStatusRaisesClosedAndDivertingAsTwoRules() throws {
        var board = try Fixture.board()
        try Self.report(&board, HospitalReport(erState: .limited))
        #expect(try Self.sync(&board).raised == [])
        try Self.report(&board, HospitalReport(erState: .diverting))
        #expect(try Self.sync(&board).raised == ["er-diverting/\(Self.id)"])
        try Self.report(&board, HospitalReport(erState: .closed))
        #expect(try Self.sync(&board) == (["er-closed/\(Self.id)"], ["er-diverting/\(Self.id)"]))
        #expect(board.alerts["er-closed/\(Self.id)"]?.text == "서울대학교병원 ER closed")
        var off = AlertRules()
        off.erClosed = false
        #expect(try Self.sync(&board, off).cleared == ["er-closed/\(Self.id)"])
    }

    @Test func doctorsBelowTheMinimumRaiseOneAlertForERAndICU() throws {
        var board = try Fixture.board()
        try Self.report(&board, HospitalReport(erDoctors: Staffing(onDuty: 4, minimum: 4), icuDoctors: Staffing(onDuty: 2, minimum: 2)))
        #expect(try Self.sync(&board).raised == [])
        try Self.report(&board, HospitalReport(erDoctors: Staffing(onDuty: 3, minimum: 4), icuDoctors: Staffing(onDuty: 1, minimum: 2)))
        #expect(try Self.sync(&board).raised == ["doctors-short/\(Self.id)"])
        #expect(board.alerts["doctors-short/\(Self.id)"]?.text == "서울대학교병원 ER doctors 3/4, ICU doctors 1/2")
    }

    @Test func aReportOlderThanItsIntervalIsStaleAndANewOneClearsIt() throws {
        var board = try Fixture.board()
        // Never reported: shown as stale on the board, but no alert.
        #expect(try Self.sync(&board, at: 7200).raised == [])
        try Self.report(&board, HospitalReport(erState: .open))
        let interval = Double(Fixture.snuh.updateIntervalMinutes) * 60
        #expect(try Self.sync(&board, at: interval).raised == [])
        #expect(try Self.sync(&board, at: interval + 1).raised == ["stale-report/\(Self.id)"])
        try Self.report(&board, HospitalReport(erState: .open), at: interval + 60)
        #expect(try Self.sync(&board, at: interval + 60).cleared == ["stale-report/\(Self.id)"])
    }

    @Test func anOpenActionPastItsDueTimeIsOverdueUntilDone() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addAction(ActionItem(id: "a9", text: "brief the minister", ownerAgencyId: "knpa",
                                                              due: Fixture.t0.addingTimeInterval(600)))))
        #expect(try Self.sync(&board, at: 600).raised == [])
        #expect(try Self.sync(&board, at: 601).raised == ["action-overdue/a9"])
        try board.apply(Fixture.change(.editAction(id: "a9", ActionPatch(status: .done)), at: 700))
        #expect(try Self.sync(&board, at: 700).cleared == ["action-overdue/a9"])
    }

    @Test func complianceBelowThePercentOfOrdersIssued() throws {
        var board = try Fixture.board()
        var rules = AlertRules()
        #expect(rules.complianceBelowPercent == 0, "off by default")
        try Self.report(&board, HospitalReport(ordersIssued: 10, ordersComplied: 0))
        #expect(try Self.sync(&board, rules).raised == [])
        rules.complianceBelowPercent = 50
        try Self.report(&board, HospitalReport(ordersIssued: 10, ordersComplied: 5))
        #expect(try Self.sync(&board, rules).raised == [])  // 50 % is not below 50 %
        try Self.report(&board, HospitalReport(ordersComplied: 4))
        #expect(try Self.sync(&board, rules).raised == ["compliance-low/\(Self.id)"])
        #expect(board.alerts["compliance-low/\(Self.id)"]?.text == "서울대학교병원 return-to-work compliance 4/10")
        var off = AlertRules()
        off.complianceBelowPercent = 0
        #expect(try Self.sync(&board, off).cleared == ["compliance-low/\(Self.id)"])
    }

    @Test func acknowledgingKeepsTheAlertUntilItClearsAndOnlyOnce() throws {
        var board = try Fixture.board()
        try Self.report(&board, HospitalReport(erState: .closed))
        _ = try Self.sync(&board)
        let alertId = "er-closed/\(Self.id)"
        try board.apply(Fixture.change(.acknowledgeAlert(id: alertId, note: "police informed"), by: "lee", at: 30))
        #expect(board.alerts[alertId]?.acknowledged == Stamp(at: Fixture.t0.addingTimeInterval(30), by: "lee"))
        #expect(board.alerts[alertId]?.note == "police informed")
        #expect(try Self.sync(&board) == ([], []))
        #expect(throws: ChangeError.self) {
            try board.apply(Fixture.change(.acknowledgeAlert(id: alertId, note: ""), by: "park", at: 40))
        }
        #expect(throws: ChangeError.self) { try board.apply(Fixture.change(.acknowledgeAlert(id: "er-closed/nope", note: ""))) }
        try Self.report(&board, HospitalReport(erState: .open), at: 50)
        #expect(try Self.sync(&board, at: 50).cleared == [alertId])
        #expect(board.alertHistory.last?.note == "police informed")
    }

    @Test func clearingOrAcknowledgingAClearedAlertSaysWhoClearedIt() throws {
        var board = try Fixture.board()
        try Self.report(&board, HospitalReport(erState: .closed))
        _ = try Self.sync(&board)
        let alertId = "er-closed/\(Self.id)"
        try board.apply(Fixture.change(.clearAlert(id: alertId), by: "lee", at: 30))
        let cleared = "alert already cleared by lee at \(ISO8601.format(Fixture.t0.addingTimeInterval(30)))"
        #expect(throws: ChangeError(cleared, field: "id")) {
            try board.apply(Fixture.change(.clearAlert(id: alertId), by: "park", at: 40))
        }
        #expect(throws: ChangeError(cleared, field: "id")) {
            try board.apply(Fixture.change(.acknowledgeAlert(id: alertId, note: ""), by: "park", at: 40))
        }
        #expect(throws: ChangeError.unknown("alert", "er-closed/nope")) {
            try board.apply(Fixture.change(.clearAlert(id: "er-closed/nope")))
        }
    }

    @Test func raisingAnAlertTwiceIsRejected() throws {
        var board = try Fixture.board()
        try Self.report(&board, HospitalReport(erState: .closed))
        let changes = board.alertChanges(.defaults, at: Fixture.t0, officer: "a")
        try board.apply(changes[0])
        #expect(throws: ChangeError.self) { try board.apply(changes[0]) }
    }

    @Test func alertHistoryKeepsTheNewestThousand() throws {
        var board = try Fixture.board()
        for i in 0..<(Board.alertHistoryLimit + 5) {
            try board.apply(Fixture.change(.raiseAlert(Alert(rule: .actionOverdue, subject: "x\(i)", text: "t", severity: .warning,
                                                             raised: Stamp(at: Fixture.t0, by: "a")))))
            try board.apply(Fixture.change(.clearAlert(id: "action-overdue/x\(i)")))
        }
        #expect(board.alertHistory.count == Board.alertHistoryLimit)
        #expect(board.alertHistory.first?.subject == "x5")
    }

    @Test func briefingsAreKeptInOrderWithTheirStamp() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.markBriefing(Briefing(id: "b1", title: "09:00 briefing")), by: "kim", at: 0))
        try board.apply(Fixture.change(.markBriefing(Briefing(id: "b2", title: "17:00 briefing")), by: "lee", at: 28800))
        #expect(board.briefings.map(\.title) == ["09:00 briefing", "17:00 briefing"])
        #expect(board.lastBriefing?.marked.by == "lee")
        #expect(throws: ChangeError.self) { try board.apply(Fixture.change(.markBriefing(Briefing(id: "b2", title: "again")))) }
        #expect(throws: ChangeError.self) { try board.apply(Fixture.change(.markBriefing(Briefing(id: "b3", title: " ")))) }
    }

    @Test func aVersion1DocumentReadsWithNoAlertsOrBriefings() throws {
        var doc = BoardDocument(try Fixture.board(), seq: 3)
        let json = try SitRoomJSON.encoder(pretty: false).encode(doc)
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["version"] = 1
        for key in ["alerts", "alertHistory", "briefings"] { object[key] = nil }
        let old = try JSONSerialization.data(withJSONObject: object)
        let read = try SitRoomJSON.decoder().decode(BoardDocument.self, from: old)
        #expect(read.version == 1)
        doc.version = 1
        #expect(read == doc)
        #expect(read.board == (try Fixture.board()))
    }
}
