import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// Where E-Gen and an officer disagree within the hour: `~` on the coverage row, both values in
/// the hospital's detail; an hour later the mark is gone.
@Suite struct FeedConflictViewTests {
    /// The demo with SNUH's ER beds typed by hand two minutes ago and E-Gen giving other figures
    /// as of a minute ago.
    static func model() throws -> AppModel {
        var m = RenderFixture.demoModel(width: 100, height: 60)
        var board = m.board
        let hand = m.now.addingTimeInterval(-120)
        try board.apply(Change(officer: "park.seoul", at: hand, action: .reportHospital(
            id: "A1100017", HospitalReport(erBeds: Capacity(available: 6, staffed: 36)))))
        try board.apply(Change(officer: "kim.duty", at: m.now, action: .reportFeed(
            id: "A1100017", FeedReport(asOf: m.now.addingTimeInterval(-60), erBeds: Capacity(available: 1, staffed: 36)))))
        m.boardChanged(board, seq: m.seq + 2, changedIds: [])
        return m
    }

    static func snuhMarks(_ m: AppModel) throws -> String {
        let row = try #require(PanelID.coverage.content(m).rows.first { $0.id == "A1100017" })
        return row.cells[CoveragePanel.marksColumn].text
    }

    @Test func theRowIsMarkedAndTheDetailShowsBothValues() throws {
        var m = try Self.model()
        #expect(m.board.hospitals["A1100017"]?.erBeds?.value.available == 1, "the feed is newer: it stands")
        #expect(try Self.snuhMarks(m).hasSuffix(CapabilityMark.feedConflict))
        m.screens.append(.detail(.hospital("A1100017")))
        let text = RenderFixture.render(m, 100, 60).text
        #expect(text.contains("E-Gen and a hand entry differ"))
        let clock = { (d: Date) in FeedConflict.clock(d, m.timeZone) }
        #expect(text.contains("ER beds: 6/36 by park.seoul \(clock(m.now.addingTimeInterval(-120))), E-Gen 1/36 at \(clock(m.now.addingTimeInterval(-60)))"),
                "\(text)")
    }

    @Test func anHourLaterTheMarkIsGone() throws {
        var m = try Self.model()
        m.now = m.now.addingTimeInterval(FeedReport.conflictWindow + 120)
        #expect(try !Self.snuhMarks(m).contains(CapabilityMark.feedConflict))
        #expect(m.board.feedConflicts(of: "A1100017", at: m.now).isEmpty)
        #expect(m.board.feedConflicts["A1100017"]?.count == 1, "kept on the board until the next report of the figure")
    }
}
