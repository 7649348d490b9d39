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

    @Test func slashAgainStartsANewFilterAndNoMatchSaysSo() {
        var m = model()
        _ = m.update(key: .char("/"))
        _ = type("incheon", &m)
        _ = m.update(key: .enter)
        _ = m.update(key: .char("/"))
        #expect(m.filters[.coverage] == "incheon", "kept until a key replaces it")
        _ = type("zzzz", &m)
        #expect(m.filters[.coverage] == "zzzz", "not appended to the old filter")
        #expect(PanelID.coverage.content(m).rows.isEmpty)
        #expect(RenderFixture.render(m, 80, 24).text.contains("no row matches /zzzz · Esc clears the filter"))
    }

    @Test func filteringByKoreanAndByIdWorks() {
        var m = model()
        m.filters[.coverage] = "서울대"
        #expect(PanelID.coverage.content(m).rows.contains { $0.id == "A1100017" })
        m.filters[.coverage] = "a1100017"
        #expect(PanelID.coverage.content(m).rows.map(\.id) == ["A1100017"])
        // The initials `:er snuh` takes find it in the filter too, in coverage and the matrix.
        m.filters[.coverage] = "snuh"
        #expect(PanelID.coverage.content(m).rows.contains { $0.id == "A1100017" })
        m.filters[.capability] = "snuh"
        #expect(PanelID.capability.content(m).rows.contains { $0.id == "A1100017" })
    }

    @Test func sortCyclesColumnsStablyAndBack() {
        var m = model()
        let own = PanelID.coverage.content(m).rows.map(\.id)
        _ = m.update(key: .char("s"))
        #expect(m.sortColumns[.coverage] == 0)
        let byName = PanelID.coverage.content(m).rows.map { $0.cells[0].text }
        #expect(byName == byName.sorted())
        // Only the columns the 80-column panel shows take a turn, then the panel's own order again.
        let shown = Dashboard.visibleColumns(m, .coverage, CoveragePanel.columns)
        #expect(shown.count < CoveragePanel.columns.count, "the test needs a panel that hides columns")
        var sortedBy: [Int] = [0]
        for _ in 1..<shown.count {
            _ = m.update(key: .char("s"))
            sortedBy.append(m.sortColumns[.coverage] ?? -1)
        }
        #expect(sortedBy == shown)
        let header = RenderFixture.render(m, 80, 24).text
        #expect(header.contains("↓" + CoveragePanel.columns[shown.last!].title), "the sort column is named in the title")
        _ = m.update(key: .char("s"))
        #expect(m.sortColumns[.coverage] == nil)
        #expect(PanelID.coverage.content(m).rows.map(\.id) == own)
    }

    @Test func deleteAsksFirstAndUndoBringsTheRecordBack() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        let id = PanelID.coverage.content(m).rows[0].id
        let before = try #require(m.board.hospitals[id])
        _ = m.update(key: .char("d"))
        guard case .text(let question, _)? = m.prompt?.kind else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.contains(before.name) && question.hasPrefix("Type \(id) to delete"), "\(question)")
        // A hospital goes off every wall: `y` is not enough, its id must be typed.
        _ = m.update(key: .char("y"))
        #expect(m.update(key: .enter).isEmpty)
        #expect(m.prompt?.error == "\"y\" is not \(id); Esc keeps it")
        _ = m.update(key: .escape)
        #expect(m.prompt == nil && m.board.hospitals[id] != nil, "Esc keeps it")
        _ = m.update(key: .char("d"))
        _ = type(id.lowercased(), &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.board.hospitals[id] == nil)
        #expect(m.save == .saved(332))
        #expect(m.flash?.text.contains("saved #332") == true)
        let deleted = try #require(m.flash?.text.split(separator: ":", maxSplits: 1).last).trimmingCharacters(in: .whitespaces)
        log.run(m.update(key: .char("u")), into: &m)
        #expect(m.board.hospitals[id] == before, "undo is a new change that puts it back")
        #expect(m.save == .saved(333))
        let undone = try #require(m.flash?.text)
        log.run(m.update(key: .ctrl("r")), into: &m)
        #expect(m.board.hospitals[id] == nil, "redo deletes it again")
        #expect(m.save == .saved(334))
        // The status line names what each step did, redo as the change it brings back.
        #expect(undone.hasPrefix("saved #333: undo: ") && undone.hasSuffix("(Ctrl-R redoes)"), "\(undone)")
        let redone = try #require(m.flash?.text)
        #expect(redone == "saved #334: " + undone.dropFirst("saved #333: ".count).replacingOccurrences(of: "undo: ", with: "redo: ")
                    .replacingOccurrences(of: " (Ctrl-R redoes)", with: ""), "\(redone) after \(undone); deleted: \(deleted)")
    }

    /// A briefing mark has no undo: `u` right after it says so and leaves the change before it
    /// alone; `u` again undoes that one.
    @Test func uAfterAChangeWithoutUndoSaysSoInsteadOfUndoingAnOlderOne() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        log.run(type(":log sev=notice before the mark", &m) + m.update(key: .enter), into: &m)
        let logged = try #require(m.board.log.first { $0.text == "before the mark" })
        log.run(m.update(key: .char("B")), into: &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.flash?.text.contains("briefing marked") == true, "\(m.flash?.text ?? "")")
        let seq = m.seq
        #expect(m.update(key: .char("u")).isEmpty, "nothing is committed")
        #expect(m.seq == seq && m.board.log.contains(logged))
        #expect(m.flash?.text == "your last change (briefing marked: \(m.board.briefings.last?.title ?? "")) cannot be undone here; "
                    + "u again undoes the one before (add log entry)", "\(m.flash?.text ?? "")")
        log.run(m.update(key: .char("u")), into: &m)
        #expect(!m.board.log.contains(logged), "the second u undoes the log entry")
    }

    @Test func aFailedSaveShowsNotSavedAndKeepsNothingHalfDone() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq, fail: "No space left on device")
        let id = PanelID.coverage.content(m).rows[0].id
        _ = m.update(key: .char("d"))
        _ = type(id, &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.save == .notSaved("No space left on device"))
        #expect(m.board.hospitals[id] != nil)
        #expect(RenderFixture.render(m, 80, 24).lines[0].contains("NOT SAVED"))
        #expect(m.prompt != nil, "the question stays so the officer can try again")
    }

    /// A watch console refuses at the first key, rather than after a question it cannot act on.
    @Test func aWatchConsoleRefusesToEdit() {
        var m = model()
        m.save = .readOnly(331)
        #expect(m.update(key: .char("d")).isEmpty)
        #expect(m.prompt == nil, "no question asked")
        #expect(m.flash?.text.contains("read-only") == true)
    }
}
