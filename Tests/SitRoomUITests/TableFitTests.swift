import Testing
@testable import SitRoomUI

/// The columns a table draws fit its panel: the borders stay where they belong.
@Suite struct TableFitTests {
    @Test func twoFlexibleColumnsShareTheSpareWidth() {
        let columns = [Column("a", width: 6), Column("b", width: 28, flexible: true), Column("c", width: 24, flexible: true)]
        for width in [60, 61, 100, 157] {
            let layout = Table.fit(columns, width: width)
            #expect(layout.reduce(0) { $0 + $1.width } + layout.count - 1 == width, "width \(width): \(layout)")
            #expect(layout[1].width >= layout[2].width + 4, "the first flexible column keeps its lead")
        }
    }

    /// The alerts view has two flexible columns; each used to take all the spare width, so its
    /// rows ran over the right border.
    @Test func theAlertsViewKeepsItsRightBorder() {
        for (w, h) in [(80, 24), (160, 45), (200, 60)] {
            var m = RenderFixture.demoModel(width: w, height: h)
            m.screens.append(.full(.alerts))
            let lines = RenderFixture.render(m, w, h).text.split(separator: "\n", omittingEmptySubsequences: false)
            let rows = lines.filter { $0.hasPrefix("│") }
            #expect(rows.count > 5)
            for row in rows {
                #expect(row.hasSuffix("│") || row.hasSuffix("┃"), "\(w)x\(h): \(row)")
            }
        }
    }
}
