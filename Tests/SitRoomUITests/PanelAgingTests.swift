import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// A new minute refreshes only the time cells of the coverage, contacts and strike rows built for
/// the board (and the strike actions' few rows): the screen must be exactly the one a fresh build at that minute draws.
@Suite struct PanelAgingTests {
    static func fresh(_ m: AppModel) -> AppModel {
        var copy = AppModel(board: m.board, seq: m.seq, now: m.now, timeZone: m.timeZone, officer: m.officer, save: m.save)
        copy.trends = m.trends
        copy.screens = m.screens
        copy.focus = m.focus
        copy.filters = m.filters
        copy.sortColumns = m.sortColumns
        return copy
    }

    @Test(arguments: [PanelID.coverage, .contacts, .strike])
    func agedRowsEqualRowsBuiltAtThatMinute(panel: PanelID) {
        var m = RenderFixture.demoModel()
        m.screens = [.full(panel)]
        m.focus = panel
        _ = RenderFixture.render(m, 200, 60)
        // Minutes, an hour (reports go stale), a day (ages change unit).
        for step: TimeInterval in [60, 60 * 59, 3600 * 23] {
            m.now = m.now.addingTimeInterval(step)
            let aged = RenderFixture.render(m, 200, 60).text
            #expect(aged == RenderFixture.render(Self.fresh(m), 200, 60).text, "after \(step) s")
            #expect(panel.content(m).rows.map(\.cells.description) == panel.content(Self.fresh(m)).rows.map(\.cells.description))
        }
        let stale = panel.content(m).rows.filter { $0.cells.contains { $0.text.hasPrefix("!") } }
        #expect(panel != .coverage || !stale.isEmpty, "a day later some reports are stale")
    }
}
