import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// The sparklines of the summary strip and of a hospital's detail, for a scripted day.
@Suite struct TrendRenderTests {
    static let now = RenderFixture.now

    /// Two hospitals over the last 24 hours: SNUH's ER beds fall from 12 to 0 and come back to 6
    /// (limited while below 3), its ICU stays at 3, its doctors go from 6 to 3 and back, its
    /// trainees absent from 600 to 688; Severance reports once, diverting, 3 hours ago.
    static func model() throws -> AppModel {
        var board = Board()
        var trends = BoardTrends()
        var seq: UInt64 = 0
        func apply(hoursAgo: Double, _ action: ChangeAction) throws {
            let change = Change(officer: "kim", at: now.addingTimeInterval(-hoursAgo * 3600), action: action)
            try board.apply(change)
            seq += 1
            trends.record(seq: seq, change: change, board: board)
        }
        func report(_ id: String, hoursAgo: Double, state: ERState, er: Int, icu: Int, docs: Int, absent: Int? = nil) throws {
            try apply(hoursAgo: hoursAgo, .reportHospital(id: id, HospitalReport(
                erState: state, erBeds: Capacity(available: er, staffed: 20), icuBeds: Capacity(available: icu, staffed: 10),
                erDoctors: Staffing(onDuty: docs, minimum: 4), traineesOnRoll: absent.map { _ in 700 }, traineesAbsent: absent)))
        }
        try apply(hoursAgo: 30, .setIncident(Incident(name: "Trend test", periodStart: now.addingTimeInterval(-12 * 3600))))
        try apply(hoursAgo: 30, .addHospital(Hospital(id: "A1100017", name: "서울대학교병원", romanizedName: "Seoul National University Hospital")))
        try apply(hoursAgo: 30, .addHospital(Hospital(id: "A1100011", name: "세브란스병원", romanizedName: "Severance Hospital")))
        try report("A1100017", hoursAgo: 26, state: .open, er: 12, icu: 3, docs: 6, absent: 600)
        for (i, er) in [10, 9, 7, 5, 4, 2, 0, 0, 1, 3, 4, 6].enumerated() {
            try report("A1100017", hoursAgo: 22 - Double(i) * 1.75, state: er < 3 ? .limited : .open, er: er, icu: 3,
                       docs: er < 5 ? 3 : 6, absent: 600 + i * 8)
        }
        try report("A1100011", hoursAgo: 3, state: .diverting, er: 0, icu: 1, docs: 2)
        var m = AppModel(board: board, seq: seq, now: now, timeZone: RenderFixture.seoul, officer: "kim.duty", save: .saved(seq))
        m.trends = trends
        return m
    }

    static func strip(_ m: AppModel, _ width: Int) -> [String] {
        Array(RenderFixture.render(m, width, 24).lines[1...2]).map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test func theStripAt80ColumnsHasShortSparksAndEveryFigure() throws {
        let lines = Self.strip(try Self.model(), 80)
        #expect(lines[0] == " ERs open 1 ltd 0 div 1 closed 0  │ ER 6/40 █▇▆▅▄▂▁▂▃▄▅▅ │ ICU 4/20 ▁▁▁▁▁▁▁▁▁▁██")
        #expect(lines[1].hasPrefix(" Absent 688/700 98% ▁▂▂▃▄▄▅▆▇▇██ ret 0 │ Orders 0/0 ok │ "))
    }

    @Test func theStripAt200ColumnsHasAnHourACell() throws {
        let lines = Self.strip(try Self.model(), 200)
        #expect(lines[0] == " ERs open 1 limited 0 diverting 1 closed 0 · not open ▁▁▁▁▁▁▁▁▁▁███████▁▁▁████  │ ER beds 6/40 █▇▇▆▆▅▅▄▃▃▂▂▁▁▁▂▂▃▃▃▃▅▅▅"
                + "  │ ICU 4/20 ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁████  NICU 0/0  PICU 0/0")
        #expect(lines[1].hasPrefix(" Trainees absent 688/700 98% ▁▁▁▂▂▂▂▃▄▄▄▄▅▅▅▆▆▇▇▇▇███  returned 0  │ Orders 0 issued · 0 complied  │ "))
    }

    @Test func sparkWidthsShareTheRoomAndDropTheExtraFirst() {
        let text: [SummaryStrip.Piece] = [.text(String(repeating: "x", count: 50), .normal),
                                          .spark(.erBedsAvailable), .spark(.icuAvailable), .spark(.ersNotOpen)]
        let order: [BoardTrends.National] = [.erBedsAvailable, .icuAvailable, .ersNotOpen]
        // 79 - 50 = 29 cells: two sparks of 12 (a blank each); a third would get 4, under its 8.
        #expect(SummaryStrip.sparkWidths(text, room: 79, priority: order) == [.erBedsAvailable: 12, .icuAvailable: 12])
        // Plenty: all three at the most, 24.
        #expect(SummaryStrip.sparkWidths(text, room: 199, priority: order).values.sorted() == [24, 24, 24])
        // 5 cells left: one spark of 4; 4 left: none.
        #expect(SummaryStrip.sparkWidths(text, room: 55, priority: order) == [.erBedsAvailable: 4])
        #expect(SummaryStrip.sparkWidths(text, room: 54, priority: order).isEmpty)
    }

    @Test func oneTimeScaleForTheWholeStrip() {
        // The demo at 120 columns: the first line has room for sparks of 6 cells, the second for
        // 12; both get 6 (4 hours a cell). The census came in 8 to 12 hours ago: blank before it.
        // Without the demo's baselines: their now-against-normal would take the room the sparks share.
        var model = RenderFixture.demoModel()
        model.board.baselines = Baselines()
        let lines = Self.strip(model, 120)
        #expect(lines[0].contains("│ ER beds 279/1392    ▁▃█  │ ICU 97/1742    ▁▄█  NICU"))
        #expect(lines[1].hasPrefix(" Trainees absent 7,134/8,062 88%    ▁▁▁  returned 163"))
    }

    @Test func blankSparksKeepTheirPlaceUntilTheHistoryArrives() throws {
        var m = try Self.model()
        let seeded = Self.strip(m, 80)
        m.trends = BoardTrends()
        let blank = Self.strip(m, 80)
        #expect(blank[0] == " ERs open 1 ltd 0 div 1 closed 0  │ ER 6/40              │ ICU 4/20")
        // The figures after a blank spark stay where they were.
        #expect(blank[1].firstRange(of: "ret 0")?.lowerBound.utf16Offset(in: blank[1])
                == seeded[1].firstRange(of: "ret 0")?.lowerBound.utf16Offset(in: seeded[1]))
    }

    @Test func asciiSparks() throws {
        var m = try Self.model()
        m.asciiSparklines = true
        #expect(Self.strip(m, 80)[0] == " ERs open 1 ltd 0 div 1 closed 0  │ ER 6/40 ^^=--.__.--- │ ICU 4/20 __________^^")
    }

    static func detail(_ m: AppModel, _ width: Int, _ height: Int) -> [String] {
        var m = m
        m.screens.append(.detail(.hospital("A1100017")))
        return RenderFixture.render(m, width, height).text.split(separator: "\n").map { line in
            // Inside the box, trailing blanks cut.
            String(line.dropFirst().dropLast().reversed().drop { $0 == " " }.reversed())
        }
    }

    @Test func onWideScreensTheDetailHasItsDayBesideTheFigures() throws {
        let lines = Self.detail(try Self.model(), 120, 40)
        let start = try #require(lines.firstIndex { $0.hasPrefix(" Figure") })
        #expect(Array(lines[start...(start + 6)]) == [
            " Figure              Value         As of        Age    By              Last 24 hours  1 h a cell",
            " ER status           open          11-23 16:48  !2h45  kim",
            " ER beds             6/20          11-23 16:48  !2h45  kim             █▇▇▆▆▅▅▄▃▃▂▂▁▁▁▂▂▃▃▃▃▅▅▅  low 0  high 12",
            " Adult ICU           3/10          11-23 16:48  !2h45  kim             ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁  low 3  high 3",
            " Neonatal ICU        —",
            " Paediatric ICU      —",
            " ER doctors          6/4           11-23 16:48  !2h45  kim             ████████▁▁▁▁▁▁▁▁▁▁▁▁▁███  low 3  high 6",
        ])
        // Nothing is pushed down: the last figure is still on the screen.
        #expect(lines.contains { $0.hasPrefix(" Open incidents") })
        // At 200 columns: half an hour a cell.
        let wide = Self.detail(try Self.model(), 200, 60)
        #expect(wide.contains(" ER doctors          6/4           11-23 16:48  !2h45  kim             "
                              + "█████████████████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁██████  low 3  high 6"))
    }

    @Test func onNarrowScreensTheSparksGetLinesOfTheirOwn() throws {
        let lines = Self.detail(try Self.model(), 80, 40)
        let start = try #require(lines.firstIndex { $0.hasPrefix(" Last 24 hours") })
        #expect(lines[start - 2] == " ICU doctors         —")
        #expect(Array(lines[start...(start + 4)]) == [
            " Last 24 hours       1 h a cell",
            " ER beds available   █▇▇▆▆▅▅▄▃▃▂▂▁▁▁▂▂▃▃▃▃▅▅▅  low 0  high 12",
            " Adult ICU available ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁  low 3  high 3",
            " ER doctors on duty  ████████▁▁▁▁▁▁▁▁▁▁▁▁▁███  low 3  high 6",
            "",
        ])
        #expect(lines[start + 5].hasPrefix(" Trainees on roll"))
    }

    @Test func aHospitalWithoutTrendsHasBlankSparksAndADash() throws {
        var m = try Self.model()
        m.trends = BoardTrends()
        let lines = Self.detail(m, 200, 60)
        #expect(lines.contains(" ER beds             6/20          11-23 16:48  !2h45  kim             "
                               + String(repeating: " ", count: 48) + "  —"))
        #expect(lines.contains { $0.hasSuffix("Last 24 hours  30 min a cell") })
    }
}
