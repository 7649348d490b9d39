import Testing
@testable import SitRoomUI

/// The smallest screen sitroom draws (60x16) still shows what the wall is for.
@Suite struct SmallScreenTests {
    @Test func sixtyBySixteenKeepsTheAlertCountAndThreeCoverageRows() {
        let m = RenderFixture.demoModel(width: 60, height: 16)
        let lines: [String] = RenderFixture.render(m, 60, 16).lines
        let alerts = "▲" + String(m.board.alerts.count)
        #expect(lines[0].contains(alerts), "the top bar keeps the alert count: \(lines[0])")
        let coverage = lines.firstIndex { $0.contains("ER/ICU coverage") }
        let bottom = lines.firstIndex { $0.hasPrefix("└") }
        if let coverage, let bottom {
            let rows: Int = bottom - coverage - 2
            #expect(rows >= 3, "rows of the coverage panel:\n\(lines.joined(separator: "\n"))")
        } else {
            Issue.record("no coverage panel:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.contains { $0.contains("Strike status") } && lines.contains { $0.contains("Inter-agency contacts") })
    }
}
