import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

@Suite struct UpdateTests {
    func model() -> AppModel { RenderFixture.demoModel(width: 80, height: 24) }

    @Test func movingKeepsTheCursorInsideThePanel() {
        var m = model()
        #expect(m.focus == .coverage)
        _ = m.update(key: .down)
        _ = m.update(key: .char("j"))
        #expect(m.cursor(.coverage).selected == 2)
        _ = m.update(key: .char("G"))
        #expect(m.cursor(.coverage).selected == m.board.hospitals.count - 1)
        _ = m.update(key: .pageDown)
        #expect(m.cursor(.coverage).selected == m.board.hospitals.count - 1)
        _ = m.update(key: .char("g"))
        #expect(m.cursor(.coverage).selected == 0)
        _ = m.update(key: .up)
        #expect(m.cursor(.coverage).selected == 0)
        _ = m.update(key: .pageDown)
        #expect(m.cursor(.coverage).selected == Dashboard.visibleRows(m, .coverage))
    }

    @Test func theSelectedRowIsAlwaysVisible() {
        var m = model()
        for _ in 0..<20 { _ = m.update(key: .down) }
        let text = RenderFixture.render(m, 80, 24)
        let content = PanelID.coverage.content(m)
        let name = content.rows[20].cells[0].text
        #expect(text.text.contains(String(name.prefix(4))))
        let y = (0..<24).first { text.lines[$0].contains(String(name.prefix(4))) }!
        #expect(text[1, y].role == .selected)
    }

    @Test func tabCyclesPanelsAndDigitsOpenFullViews() {
        var m = model()
        _ = m.update(key: .tab)
        #expect(m.focus == .contacts)
        _ = m.update(key: .tab)
        #expect(m.focus == .strike)
        _ = m.update(key: .backTab)
        #expect(m.focus == .contacts)
        _ = m.update(key: .char("4"))
        #expect(m.screen == .full(.log))
        #expect(RenderFixture.render(m, 80, 24).text.contains("4 Situation log"))
        _ = m.update(key: .escape)
        #expect(m.screen == .dashboard)
    }

    @Test func enterOpensTheDetailOfTheSelectedRecordAndEscGoesBack() throws {
        var m = model()
        _ = m.update(key: .enter)
        let first = PanelID.coverage.content(m).rows[0].id
        #expect(m.screen == .detail(.hospital(first)))
        let text = RenderFixture.render(m, 80, 24).text
        let h = try #require(m.board.hospitals[first])
        #expect(text.contains(h.name))
        #expect(text.contains("ER status"))
        #expect(text.contains(h.erStatus!.by))
        _ = m.update(key: .escape)
        #expect(m.screen == .dashboard)
    }

    @Test func helpListsEveryBinding() {
        var m = model()
        m.height = 40
        _ = m.update(key: .char("?"))
        #expect(m.screen == .help)
        // Every binding and every command is in the help's lines...
        let words = HelpView.lines(width: 60).map { $0.map(\.0).joined() }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for b in KeyMap.bindings { #expect(words.contains(b.help), "\(b.help)") }
        for g in QuickCommandParser.grammar { #expect(words.contains(g.syntax.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(g.syntax)") }
        // ...and scrolling with j shows every line on some screen.
        // (122 columns: the help's inner 120 cells make two columns of 60, as the lines above.)
        m.width = 122
        var seen = RenderFixture.render(m, 122, 40).text
        for _ in 0..<80 {
            _ = m.update(key: .char("j"))
            seen += RenderFixture.render(m, 122, 40).text
        }
        for line in HelpView.lines(width: 60) where !line.isEmpty {
            let first = line.map(\.0).joined().trimmingCharacters(in: .whitespaces)
            #expect(seen.contains(String(first.prefix(20))), "\(first)")
        }
        #expect(m.screen == .help, "j scrolls the help rather than leaving it")
    }

    @Test func quitAndRedrawAreEffects() {
        var m = model()
        #expect(m.update(key: .char("q")) == [.quit])
        #expect(m.update(key: .ctrl("c")) == [.quit])
        #expect(m.update(key: .ctrl("l")) == [.redrawAll])
        #expect(m.update(key: .char("z")) == [])
        #expect(m.flash?.text.contains("? lists every key") == true)
    }

    /// Ctrl-Z suspends from anywhere, a half-typed form or command line included, and leaves it as it was.
    @Test func ctrlZSuspendsEvenFromAFormAndKeepsIt() {
        var m = model()
        #expect(m.update(key: .ctrl("z")) == [.suspend])
        _ = m.update(key: .char("4"))
        _ = m.update(key: .char("a"))
        for c in "half typed" { _ = m.update(key: .char(c)) }
        #expect(m.update(key: .ctrl("z")) == [.suspend])
        #expect(m.form?.field(LogEntry.Field.text)?.editor.text == "half typed")
        _ = m.update(key: .escape)
        _ = m.update(key: .char("y"))
        _ = m.update(key: .char(":"))
        _ = m.update(key: .char("e"))
        #expect(m.update(key: .ctrl("z")) == [.suspend])
        #expect(m.prompt?.editor.text == "e")
    }

    @Test func everyKeyInTheTableIsBoundOncePerPanel() {
        // A panel's own binding may stand in for the everywhere one; never two of either kind.
        for panel in PanelID.allCases {
            var everywhere: [Key: String] = [:]
            var own: [Key: String] = [:]
            for b in KeyMap.bindings where b.panels == nil || b.panels!.contains(panel) {
                for k in b.keys {
                    if b.panels == nil {
                        #expect(everywhere[k] == nil, "\(k) bound to \(everywhere[k] ?? "") and \(b.help)")
                        everywhere[k] = b.help
                    } else {
                        #expect(own[k] == nil, "\(k) bound twice in \(panel)")
                        own[k] = b.help
                    }
                }
            }
        }
        #expect(KeyMap.action(for: .char("A"), in: .alerts) == .acknowledge)
        #expect(KeyMap.action(for: .char("A"), in: .contacts) == .editAgency)
        #expect(KeyMap.action(for: .char("A")) == .editAgency)
    }

    @Test func theCursorFollowsItsRecordWhenRowsMove() throws {
        var m = model()
        for _ in 0..<2 { _ = m.update(key: .down) }
        let id = try #require(m.cursor(.coverage).id)
        var board = m.board
        let first = PanelID.coverage.content(m).rows.last!.id
        try board.apply(Change(officer: "lee", at: m.now, action: .reportHospital(id: first, HospitalReport(erState: .closed))))
        m.boardChanged(board, seq: m.seq + 1, changedIds: [first])
        let rows = PanelID.coverage.content(m).rows
        #expect(rows[m.cursor(.coverage).selected].id == id)
        #expect(m.cursor(.coverage).selected == 3, "one row moved above it")
        #expect(m.save == .saved(332))
        let index = try #require(rows.firstIndex { $0.id == first })
        #expect(index < 3, "a newly closed ER sorts to the top")
        // The coverage table's first row is on screen line 5 (top bar, 2 summary lines, border, header).
        #expect(RenderFixture.render(m, 80, 24)[1, 5 + index].role == .changed)
    }
}

@Suite struct PasteUpdateTests {
    @Test func aPasteOutsideAFieldIsIgnoredNotTakenAsKeys() {
        var m = RenderFixture.demoModel()
        let effects = m.update(key: .paste("q\ndy"))
        #expect(!effects.contains(.quit))
        #expect(m.prompt == nil && m.form == nil, "no delete question, nothing opened")
        #expect(m.flash?.text.contains("pasted text ignored") == true)
    }

    @Test func aPasteIntoAFieldIsTextOnOneLine() {
        var m = RenderFixture.demoModel()
        _ = m.update(key: .char("4"))
        _ = m.update(key: .char("a"))
        let before = m.form?.fields[m.form!.focus].text ?? ""
        _ = m.update(key: .paste("line one\nq\tdy"))
        #expect(m.form != nil, "the form is still open")
        #expect(m.form?.fields[m.form!.focus].text == before + "line one q dy")
    }
}

