import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// View 8 (the capability matrix) and `:where` on the demo board, against reviewed screens in
/// Screens/ (SITROOM_RECORD=1 rewrites them), and their keys.
@Suite struct CapabilityViewTests {
    static func matrix(width: Int, height: Int) -> AppModel {
        var m = RenderFixture.demoModel(width: width, height: height)
        _ = m.update(key: .char("8"))
        return m
    }

    static func type(_ m: inout AppModel, _ line: String) {
        _ = m.update(key: .char(":"))
        for c in line { _ = m.update(key: .char(c)) }
        _ = m.update(key: .enter)
    }

    /// Where the matrix is on a screen of the model's size.
    static func geometry(_ m: AppModel) -> (inner: Rect, header: Int, across: CapabilityView.Across) {
        let main = Dashboard.mainArea(width: m.width, height: m.height)
        let inner = main.inset(by: 1)
        let header = CapabilityView.headerLines(innerHeight: inner.height, m.board.conditions)
        let total = m.board.conditions.conditions.count
        let c = m.cursor(.capability)
        var across = CapabilityView.across(width: inner.width, conditions: total, left: c.left)
        let left = CapabilityView.scrolled(left: c.left, column: c.column, shown: across.shown, total: total)
        across = CapabilityView.across(width: inner.width, conditions: total, left: left)
        return (inner, header, across)
    }

    @Test func theDemoHasCapabilityForTheMatrix() {
        let m = Self.matrix(width: 80, height: 24)
        #expect(m.board.conditions.conditions.count == 27)
        #expect(m.board.capabilities.count > m.board.hospitals.count / 2)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theMatrixMatchesTheReviewedScreen(width: Int, height: Int) throws {
        let m = Self.matrix(width: width, height: height)
        #expect(m.screen == .full(.capability))
        let screen = RenderFixture.render(m, width, height).text
        try RenderFixture.expectReviewedScreen(screen, "capability-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (200, 60), (61, 17), (120, 40)])
    func everyMatrixRowIsExactlyTheScreenWide(width: Int, height: Int) {
        var m = Self.matrix(width: width, height: height)
        for step in 0..<3 {
            let buffer = RenderFixture.render(m, width, height)
            for y in 0..<height {
                var cells = 0
                for x in 0..<width where !buffer[x, y].isContinuation { cells += TextWidth.of(buffer[x, y].text) }
                #expect(cells == width, "\(width)x\(height) row \(y) step \(step): \(cells) cells")
            }
            for _ in 0..<14 { _ = m.update(key: .right) }
            _ = m.update(key: .pageDown)
        }
    }

    /// Each mark stands at its condition's column under the condition's label, on every row, whatever
    /// the width of the names before it (Korean, two cells a letter; a long ASCII one; a cut one).
    @Test(arguments: [(80, 24), (200, 60), (61, 17)])
    func theMarksLineUpUnderTheirLabels(width: Int, height: Int) throws {
        var m = Self.matrix(width: width, height: height)
        var board = m.board
        for (id, name) in [("W1", "Wide Name Hospital With A Very Long English Name"), ("W2", "가나다라마바사아자차카타파하병원")] {
            try board.apply(Change(officer: "t", at: m.now, action: .addHospital(Hospital(id: id, name: name, region: "Busan"))))
            try board.apply(Change(officer: "t", at: m.now, action: .reportCapability(
                id: id, CapabilityReport(conditions: [board.conditions.conditions[0].code: ConditionStatus(.available)]))))
        }
        m.boardChanged(board, seq: m.seq + 4, changedIds: [])
        _ = m.update(key: .char("/"))
        for c in "busan" { _ = m.update(key: .char(c)) }
        _ = m.update(key: .enter)
        for _ in 0..<20 { _ = m.update(key: .right) }
        let buffer = RenderFixture.render(m, width, height)
        let (inner, header, across) = Self.geometry(m)
        let rows = PanelID.capability.content(m).rows
        let conditions = m.board.conditions.conditions
        try #require(rows.count >= 2 && across.shown > 0)
        for i in across.first..<(across.first + across.shown) {
            let x = inner.x + across.x(i)!
            #expect(buffer[x, inner.y].text == String(CapabilityView.label(conditions[i])[0]), "the label of \(conditions[i].code)")
            for (line, row) in rows.prefix(inner.height - header - 1).enumerated() {
                let key = row.cells[CapabilityPanel.fixedColumns.count + i].text
                let mark = CapabilityMark.glyph(CapabilityMark.availability(sortKey: key), ascii: false)
                #expect(buffer[x, inner.y + header + line].text == mark, "\(row.id) condition \(conditions[i].code)")
            }
        }
        // The legend names the condition under the column cursor (in full where there is room).
        let column = m.cursor(.capability).column
        #expect(buffer.lines[inner.maxY - 1].contains(conditions[column].short + " \(column + 1)/\(conditions.count)"))
        if width == 200 { #expect(buffer.lines[inner.maxY - 1].contains(conditions[column].english)) }
    }

    @Test func theConditionsScrollSidewaysWhenTheyDoNotFit() {
        var m = Self.matrix(width: 61, height: 17)
        let total = m.board.conditions.conditions.count
        let before = Self.geometry(m).across
        #expect(before.first == 0 && before.shown < total, "61 columns cannot show \(total) conditions")
        #expect(RenderFixture.render(m, 61, 17).lines.contains { $0.hasSuffix(">│") }, "a > says there are more")
        for _ in 0..<(total + 3) { _ = m.update(key: .right) }
        #expect(m.cursor(.capability).column == total - 1)
        let after = Self.geometry(m).across
        #expect(after.x(total - 1) != nil && after.first > 0 && after.first % CapabilityView.group == 0)
        let screen = RenderFixture.render(m, 61, 17).text
        #expect(screen.contains(m.board.conditions.conditions[total - 1].short))
        for _ in 0..<(total + 3) { _ = m.update(key: .left) }
        #expect(m.cursor(.capability).column == 0 && Self.geometry(m).across.first == 0)
        // Tab still goes to the next view (9, hospital security).
        _ = m.update(key: .tab)
        #expect(m.screen == .full(.security))
    }

    @Test func sSortsTheERsThatCanTreatTheSelectedConditionFirst() throws {
        var m = Self.matrix(width: 120, height: 40)
        for _ in 0..<2 { _ = m.update(key: .right) }
        _ = m.update(key: .char("s"))
        let column = CapabilityPanel.fixedColumns.count + 2
        let keys = PanelID.capability.content(m).rows.map { $0.cells[column].text }
        let available = keys.count { $0 == "1" }
        try #require(available > 0 && available < keys.count)
        #expect(keys.prefix(available).allSatisfy { $0 == "1" }, "✓ first")
        #expect(RenderFixture.render(m, 120, 40).text.contains("↓" + m.board.conditions.conditions[2].short))
        _ = m.update(key: .char("s"))
        #expect(m.sortColumns[.capability] == nil)
    }

    @Test func enterOpensTheHospitalAndTheFilterKeepsARegion() throws {
        var m = Self.matrix(width: 120, height: 40)
        _ = m.update(key: .char("/"))
        for c in "incheon" { _ = m.update(key: .char(c)) }
        _ = m.update(key: .enter)
        let rows = PanelID.capability.content(m).rows
        try #require(!rows.isEmpty)
        #expect(rows.allSatisfy { m.board.hospitals[$0.id]?.region == "Incheon" })
        _ = m.update(key: .down)
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.hospital(rows[1].id)))
        let text = RenderFixture.render(m, 120, 40).text
        #expect(text.contains(m.board.hospitals[rows[1].id]!.name))
    }

    @Test func withoutUnicodeTheMarksAreASCII() {
        var m = Self.matrix(width: 80, height: 24)
        m.asciiSparklines = true
        let text = RenderFixture.render(m, 80, 24).text
        #expect(!text.contains("✓") && !text.contains("✗"))
        #expect(text.contains("Y") && text.contains("N"))
    }

    // MARK: :where

    @Test func whereListsTheCapableERsAndEnterOpensOne() throws {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        Self.type(&m, "where stroke Seoul")
        let code = try #require(m.board.conditions.matching("stroke").first?.code)
        #expect(m.prompt == nil)
        #expect(m.screen == .capable(CapableList(condition: code, region: "Seoul")))
        let expected = m.board.capableHospitals(condition: code, region: "Seoul", now: m.now)
        try #require(expected.count >= 3)
        let text = RenderFixture.render(m, 120, 40).text
        // A name too long for the column keeps its beginning and its end.
        let order = expected.prefix(5).compactMap { h in
            text.split(separator: "\n").firstIndex { $0.contains(h.name.prefix(3)) && $0.contains(h.name.suffix(4)) }
        }
        #expect(order.count == 5 && order == order.sorted(), "the board's order")
        _ = m.update(key: .down)
        _ = m.update(key: .down)
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.hospital(expected[2].id)))
        _ = m.update(key: .escape)
        if case .capable(let list) = m.screen { #expect(list.selected == 2) } else { Issue.record("back to the list") }
        _ = m.update(key: .escape)
        #expect(m.screen == .dashboard)
    }

    @Test func whereOnAnUnknownConditionKeepsTheLineAndNamesTheClosest() throws {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        Self.type(&m, "where strke")
        let prompt = try #require(m.prompt)
        #expect(prompt.editor.text == "where strke")
        #expect(prompt.error?.contains("Y0020") == true, "\(prompt.error ?? "")")
        #expect(m.screen == .dashboard)
    }

    @Test func whereMatchesTheReviewedScreen() throws {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        Self.type(&m, "where stroke Seoul")
        try RenderFixture.expectReviewedScreen(RenderFixture.render(m, 120, 40).text, "where-120x40")
    }

    // MARK: Coverage, detail, summary strip

    @Test func theCoverageRowShowsTheCountAndTheRestrictionMark() throws {
        let m = RenderFixture.demoModel(width: 120, height: 40)
        let rows = PanelID.coverage.content(m).rows
        let restricted = Set(m.board.restrictionsInForce(at: m.now).keys)
        try #require(!restricted.isEmpty, "the demo has restrictions in force")
        for row in rows {
            #expect((row.cells[CoveragePanel.marksColumn].text == "R") == restricted.contains(row.id), "\(row.id)")
            if let cap = m.board.capabilities[row.id], !cap.conditions.isEmpty {
                #expect(row.cells[CoveragePanel.capabilityColumn].text == "\(cap.availableCount(of: m.board.conditions))/27")
            }
        }
        // A restriction that expires takes its mark with it at the next minute.
        let id = try #require(restricted.sorted().first)
        let ends = m.board.restrictionsInForce(at: m.now)[id]!.compactMap(\.until).min()
        if let ends {
            var later = m
            later.tick(ends.addingTimeInterval(60))
            let row = PanelID.coverage.content(later).rows.first { $0.id == id }!
            #expect(row.cells[CoveragePanel.marksColumn].text == (later.board.restrictions(of: id, at: later.now).isEmpty ? "" : "R"))
        }
    }

    @Test func theDetailListsEveryConditionWithItsAgeAndScrolls() throws {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        let id = try #require(m.board.capabilities.keys.sorted().first)
        m.screens = [.dashboard, .detail(.hospital(id))]
        let lines = DetailView.content(m, .hospital(id)).1.map { $0.map(\.0).joined() }
        for c in m.board.conditions.conditions {
            #expect(lines.contains { $0.contains(c.short) && $0.contains(c.korean) }, "\(c.code)")
        }
        #expect(lines.contains { $0.hasPrefix("Equipment") })
        #expect(lines.contains { $0.hasPrefix("Restrictions") })
        let first = RenderFixture.render(m, 120, 40).text
        #expect(first.contains("j/k scroll"))
        for _ in 0..<60 { _ = m.update(key: .down) }
        let scrolled = RenderFixture.render(m, 120, 40).text
        #expect(scrolled.contains("Restrictions") && !scrolled.contains("Report every"))
    }

    @Test func theSummaryStripHoldsNowAgainstNormal() throws {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        var board = m.board
        // Without the demo's open security incidents, whose count goes first and takes the room.
        board.securityIncidents = [:]
        let table = board.conditions
        var national = Dictionary(uniqueKeysWithValues: table.codes.map { (BaselineFigure.capable($0), 40) })
        national[BaselineFigure.erDoctorsOnDuty] = 300
        try board.apply(Change(officer: "t", at: m.now, action: .setBaselines(BaselineValues(national: national))))
        m.boardChanged(board, seq: m.seq + 1, changedIds: [])
        let n = m.nowAgainstNormal
        let doctors = m.summary.erDoctors.onDuty
        let wide = RenderFixture.render(m, 200, 60).lines
        #expect(wide[1].contains("27-cond ERs \(n.capableNow!)/40"), "\(wide[1])")
        #expect(wide[2].contains("ER doctors \(Format.grouped(doctors)) vs 300 normal (\(Format.percent(Double(doctors) / 300)))"), "\(wide[2])")
        let narrow = RenderFixture.render(m, 80, 24)
        #expect(narrow.lines[1].contains("Cap \(Format.percent(Double(n.capableNow!) / 40))"), "\(narrow.text)")
        #expect(narrow.lines[2].contains("Dr \(Format.percent(Double(doctors) / 300))") && !narrow.lines[2].contains("ret "), "\(narrow.text)")
        for y in 1...2 {
            #expect(!narrow.lines[y].contains("…"), "line \(y) fits at 80: \(narrow.lines[y])")
        }
        // Without baselines the strip is as it was.
        var none = RenderFixture.demoModel()
        none.board.baselines = Baselines()
        let plain = RenderFixture.render(none, 80, 24)
        #expect(plain.lines[2].contains("ret ") && !plain.lines[2].contains("Dr "))
    }
}
