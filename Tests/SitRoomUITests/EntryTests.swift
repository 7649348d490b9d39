import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// The model's side of data entry; `LogStub` plays the change log (the store has its own tests).
@Suite struct EntryTests {
    func model() -> AppModel { RenderFixture.demoModel(width: 80, height: 24) }

    /// Commits like the run loop does, against an in-memory board.
    struct LogStub {
        var board: Board
        var seq: UInt64
        var fail: String?

        mutating func run(_ effects: [Effect], into m: inout AppModel) {
            for case .commit(let change) in effects {
                if let fail {
                    m.committed(.notSaved(fail), board: board, seq: seq)
                    continue
                }
                do {
                    try board.apply(change)
                    seq += 1
                    m.committed(.saved(seq), board: board, seq: seq)
                } catch let e as ChangeError {
                    m.committed(.rejected(e), board: board, seq: seq)
                } catch {}
            }
        }
    }

    func type(_ text: String, _ m: inout AppModel) -> [Effect] {
        text.flatMap { m.update(key: .char($0)) }
    }

    @Test func slashFiltersTheFocusedPanelAsYouTypeAndEscClears() {
        var m = model()
        _ = m.update(key: .char("/"))
        _ = type("incheon", &m)
        let rows = PanelID.coverage.content(m).rows
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { m.board.hospitals[$0.id]?.region == "Incheon" })
        #expect(RenderFixture.render(m, 80, 24).text.contains("/incheon"))
        _ = m.update(key: .enter)
        #expect(m.prompt == nil)
        #expect(m.filters[.coverage] == "incheon", "Enter keeps the filter")
        _ = m.update(key: .escape)
        #expect(m.filters[.coverage] == nil)
        #expect(PanelID.coverage.content(m).rows.count == m.board.hospitals.count)
    }

    @Test func filteringByKoreanAndByIdWorks() {
        var m = model()
        m.filters[.coverage] = "서울대"
        #expect(PanelID.coverage.content(m).rows.contains { $0.id == "A1100017" })
        m.filters[.coverage] = "a1100017"
        #expect(PanelID.coverage.content(m).rows.map(\.id) == ["A1100017"])
    }

    @Test func sortCyclesColumnsStablyAndBack() {
        var m = model()
        let own = PanelID.coverage.content(m).rows.map(\.id)
        _ = m.update(key: .char("s"))
        #expect(m.sortColumns[.coverage] == 0)
        let byName = PanelID.coverage.content(m).rows.map { $0.cells[0].text }
        #expect(byName == byName.sorted())
        for _ in 0..<CoveragePanel.columns.count { _ = m.update(key: .char("s")) }
        #expect(m.sortColumns[.coverage] == nil)
        #expect(PanelID.coverage.content(m).rows.map(\.id) == own)
    }

    @Test func deleteAsksFirstAndUndoBringsTheRecordBack() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        let id = PanelID.coverage.content(m).rows[0].id
        let before = try #require(m.board.hospitals[id])
        _ = m.update(key: .char("d"))
        guard case .confirm(let question, _)? = m.prompt?.kind else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.contains(before.name))
        #expect(m.update(key: .char("n")).isEmpty)
        #expect(m.board.hospitals[id] != nil, "n keeps it")
        _ = m.update(key: .char("d"))
        log.run(m.update(key: .char("y")), into: &m)
        #expect(m.board.hospitals[id] == nil)
        #expect(m.save == .saved(332))
        #expect(m.flash?.text.contains("saved #332") == true)
        log.run(m.update(key: .char("u")), into: &m)
        #expect(m.board.hospitals[id] == before, "undo is a new change that puts it back")
        #expect(m.save == .saved(333))
        log.run(m.update(key: .ctrl("r")), into: &m)
        #expect(m.board.hospitals[id] == nil, "redo deletes it again")
        #expect(m.save == .saved(334))
    }

    @Test func aFailedSaveShowsNotSavedAndKeepsNothingHalfDone() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq, fail: "No space left on device")
        let id = PanelID.coverage.content(m).rows[0].id
        _ = m.update(key: .char("d"))
        log.run(m.update(key: .char("y")), into: &m)
        #expect(m.save == .notSaved("No space left on device"))
        #expect(m.board.hospitals[id] != nil)
        #expect(RenderFixture.render(m, 80, 24).lines[0].contains("NOT SAVED"))
        #expect(m.prompt != nil, "the question stays so the officer can try again")
    }

    @Test func aWatchConsoleRefusesToEdit() {
        var m = model()
        m.save = .readOnly(331)
        _ = m.update(key: .char("d"))
        #expect(m.update(key: .char("y")).isEmpty)
        #expect(m.flash?.text.contains("read-only") == true)
    }
}
