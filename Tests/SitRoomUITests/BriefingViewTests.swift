import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// View 7 (what changed since the last briefing) and view 6 (alerts) on the demo day, after a
/// briefing and a few scripted changes.
@Suite struct BriefingViewTests {
    /// The demo at 19:33:20 KST, a briefing marked then, and ten minutes of changes.
    static func model() throws -> AppModel {
        var m = RenderFixture.demoModel()
        var board = m.board
        let t = RenderFixture.now
        func apply(_ minutes: Double, _ officer: String, _ action: ChangeAction) throws {
            let at = t.addingTimeInterval(minutes * 60)
            try board.apply(Change(officer: officer, at: at, action: action))
            for c in board.alertChanges(.defaults, at: at, officer: officer) { try board.apply(c) }
        }
        try apply(0, "kim.duty", .markBriefing(Briefing(id: "b-1933", title: "19:30 briefing")))
        let baseline = board
        try apply(2, "park.seoul", .reportHospital(id: "A1100017", HospitalReport(
            erState: .closed, erReason: "power failure in imaging", erBeds: Capacity(available: 0, staffed: 36))))
        try apply(4, "lee.nemc", .reportHospital(id: "A1100009", HospitalReport(icuBeds: Capacity(available: 0, staffed: 80))))
        try apply(5, "kim.duty", .addLog(LogEntry(id: "log-b1", eventTime: t.addingTimeInterval(240), severity: .critical,
                                                  text: "SNUH ER closed: ambulances to Severance", hospitalId: "A1100017")))
        let open = board.actions.values.filter { $0.status == .open }.map(\.id).min()!
        try apply(6, "kim.duty", .editAction(id: open, ActionPatch(status: .done)))
        try apply(8, "kim.duty", .acknowledgeAlert(id: "er-closed/A1100017", note: "119 informed"))
        m.boardChanged(board, seq: 345, changedIds: [])
        m.briefingBaseline = baseline
        m.tick(t.addingTimeInterval(600))
        return m
    }

    @Test func theBriefingViewListsWhatChangedSectionBySection() throws {
        var m = try Self.model()
        _ = m.update(key: .char("7"))
        #expect(m.screen == .full(.briefing))
        let rows = PanelID.briefing.content(m).rows
        let sections = rows.filter { BriefingPanel.isSection($0.id) && $0.spans }.map { $0.cells[0].text }
        #expect(sections.first?.hasPrefix("▸ Since “19:30 briefing”, marked 11-23 19:33 by kim.duty") == true)
        #expect(sections.contains("▸ ER status (1)"))
        #expect(sections.contains("▸ Beds and doctors (2 hospitals)"))
        #expect(sections.contains("▸ New log entries (1)"))
        #expect(sections.contains("▸ Action items: 0 opened, 1 closed"))
        #expect(sections.contains("▸ Alerts: 3 raised, 1 cleared"))  // SNUH ER closed, Asan ICU full, a report gone stale; SNUH's capability-lost notice cleared (closed, er-closed speaks for it)
        let er = try #require(rows.first { $0.id == "er:A1100017" })
        #expect(er.cells[2].text.hasPrefix("LIMITED → CLOSED  power failure in imaging"))
        let beds = try #require(rows.first { $0.id == "beds:A1100009" })
        #expect(beds.cells[2].text == "ICU 4/80→0/80")
        // Enter on a change opens its record; on a section row nothing happens.
        m.cursors[.briefing] = Cursor(selected: rows.firstIndex { $0.id == "er:A1100017" }!)
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.hospital("A1100017")))
        _ = m.update(key: .escape)
        m.cursors[.briefing] = Cursor(selected: 0)
        _ = m.update(key: .enter)
        #expect(m.screen == .full(.briefing))
    }

    @Test func withoutABriefingOrItsBaselineTheViewSaysSo() throws {
        var m = try Self.model()
        m.briefingBaseline = nil
        #expect(PanelID.briefing.content(m).rows.map { $0.cells[0].text } == [
            "▸ The board as it was at “19:30 briefing” is not in the history; nothing to compare.",
        ])
    }

    @Test(arguments: [("briefing", "7"), ("alerts", "6")])
    func theViewMatchesTheReviewedScreen(name: String, key: Character) throws {
        var m = try Self.model()
        _ = m.update(key: .char(key))
        let screen = RenderFixture.render(m, 100, 30).text
        try RenderFixture.expectReviewedScreen(screen, "\(name)-100x30")
    }
}
