import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// `6` shows the alerts, `A` acknowledges the selected one, `B` marks a briefing.
@Suite struct AlertKeysTests {
    func model() -> AppModel { RenderFixture.demoModel(width: 100, height: 30) }

    @Test func theAlertsViewListsUnacknowledgedCriticalAlertsFirst() {
        var m = model()
        _ = m.update(key: .char("6"))
        #expect(m.screen == .full(.alerts))
        let rows = PanelID.alerts.content(m).rows
        let active = m.board.alerts.count
        #expect(rows.count >= active)
        let first = m.board.alerts[rows[0].id]
        #expect(first?.severity == .critical && first?.acknowledged == nil)
        #expect(rows[0].cells[0].text == "▲ CRIT")
        // Every active alert comes before any cleared one.
        #expect(rows.prefix(active).allSatisfy { m.board.alerts[$0.id] != nil })
        #expect(rows.dropFirst(active).allSatisfy { $0.id.hasPrefix("cleared:") })
    }

    @Test func aAcknowledgesTheSelectedAlertWithANote() throws {
        var m = model()
        _ = m.update(key: .char("6"))
        let id = PanelID.alerts.content(m).rows[0].id
        _ = m.update(key: .char("A"))
        guard case .text(_, .acknowledge(let alertId))? = m.prompt?.kind else {
            Issue.record("no acknowledgement prompt: \(String(describing: m.prompt))")
            return
        }
        #expect(alertId == id)
        for c in "called ER" { _ = m.update(key: .char(c)) }
        let effects = m.update(key: .enter)
        guard case .commit(let change)? = effects.first else {
            Issue.record("no commit: \(effects)")
            return
        }
        #expect(change.action == .acknowledgeAlert(id: id, note: "called ER"))
        var board = m.board
        try board.apply(change)
        m.committed(.saved(332), board: board, seq: 332)
        #expect(m.prompt == nil)
        #expect(m.flash?.text.hasPrefix("saved #332: acknowledged") == true)
        // Esc on the prompt writes nothing.
        _ = m.update(key: .char("A"))
        #expect(m.update(key: .escape) == [])
        #expect(m.prompt == nil)
    }

    @Test func anAcknowledgedAlertIsNotAskedAgainAndAElsewhereStillEditsTheAgency() {
        var m = model()
        _ = m.update(key: .char("6"))
        let rows = PanelID.alerts.content(m).rows
        let acked = rows.firstIndex { m.board.alerts[$0.id]?.acknowledged != nil }!
        for _ in 0..<acked { _ = m.update(key: .down) }
        _ = m.update(key: .char("A"))
        #expect(m.prompt == nil)
        #expect(m.flash?.text.hasPrefix("already acknowledged by") == true)

        var d = model()
        _ = d.update(key: .char("3"))
        _ = d.update(key: .char("A"))
        #expect(d.form != nil, "A on a contact edits its agency")
    }

    @Test func bMarksABriefingTitledWithTheTime() {
        var m = model()
        _ = m.update(key: .char("B"))
        #expect(m.prompt?.editor.text == Format.time(m.now, m.timeZone) + " briefing")
        let effects = m.update(key: .enter)
        guard case .commit(let change)? = effects.first, case .markBriefing(let b) = change.action else {
            Issue.record("no briefing commit: \(effects)")
            return
        }
        #expect(b.title == Format.time(m.now, m.timeZone) + " briefing")

        var empty = model()
        _ = empty.update(key: .char("B"))
        _ = empty.update(key: .ctrl("u"))
        #expect(empty.update(key: .enter) == [])
        #expect(empty.prompt?.error?.contains("needs a title") == true)
    }

    @Test func aHospitalWithANewAlertHasItsNameInTheAlertColour() {
        let m = model()
        let rows = PanelID.coverage.content(m)
        let new = Set(m.board.alerts.values.filter { !$0.isAcknowledged && $0.severity >= .warning }.map(\.subject))
        #expect(!new.isEmpty)
        for row in rows.rows {
            #expect((row.cells[0].role == .alert) == new.contains(row.id), "\(row.id)")
        }
    }
}
