import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

@Suite struct FormTests {
    typealias LogStub = EntryTests.LogStub

    func model() -> AppModel { RenderFixture.demoModel(width: 100, height: 30) }

    func type(_ text: String, _ m: inout AppModel) { for c in text { _ = m.update(key: .char(c)) } }

    func focus(_ key: some RecordField, _ m: inout AppModel) {
        while m.form?.fields[m.form!.focus].key != key.rawValue { _ = m.update(key: .tab) }
    }

    func replace(_ key: some RecordField, with text: String, _ m: inout AppModel) {
        focus(key, &m)
        _ = m.update(key: .ctrl("u"))
        type(text, &m)
    }

    @Test func editingAHospitalSendsOnlyTheChangedFigures() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        let id = PanelID.coverage.content(m).rows[0].id
        let before = try #require(m.board.hospitals[id])
        _ = m.update(key: .char("e"))
        #expect(m.form?.kind == .hospitalStatus(id))
        replace(Hospital.Figure.icuBeds, with: "1/20", &m)
        #expect(m.form?.field(Hospital.Figure.icuBeds)?.error == nil)
        let effects = m.update(key: .enter)
        guard case .commit(let change)? = effects.first else {
            Issue.record("no commit: \(effects) \(String(describing: m.form?.message))")
            return
        }
        #expect(change.action == .reportHospital(id: id, HospitalReport(icuBeds: Capacity(available: 1, staffed: 20))))
        log.run(effects, into: &m)
        #expect(m.form == nil)
        let after = try #require(m.board.hospitals[id])
        #expect(after.erBeds == before.erBeds, "untouched figures keep their own stamps")
        #expect(after.icuBeds?.by == "kim.duty")
    }

    /// A field not being typed in shows how its text begins (cut with "…"), not the tail its
    /// cursor would follow; the focused one follows the cursor.
    @Test func fieldsOtherThanTheFocusedOneShowTheirBeginning() throws {
        var m = RenderFixture.demoModel(width: 80, height: 24)
        let id = PanelID.coverage.content(m).rows[0].id
        let reason = try #require(m.board.hospitals[id]?.erStatus?.value.reason)
        _ = m.update(key: .char("e"))
        let lines = RenderFixture.render(m, 80, 24).lines
        let line = try #require(lines.first { $0.contains("Reason") })
        let shown = line.components(separatedBy: "Reason").last!.trimmingCharacters(in: .whitespaces)
        let begins = try #require(shown.components(separatedBy: "…").first, "\(line)")
        #expect(shown.contains("…") && begins.count >= 8 && reason.hasPrefix(begins), "\(line)")
    }

    /// Enter on a new record's empty form keeps it open and says what to fill in; on an untouched
    /// edit form it closes with "nothing changed".
    @Test func enterOnAnEmptyNewFormSaysWhatToFillIn() {
        var m = model()
        m.screens = [.dashboard, .full(.actions)]
        m.focus = .actions
        _ = m.update(key: .char("a"))
        #expect(m.form?.kind == .newAction)
        #expect(m.update(key: .enter) == [.bell])
        #expect(m.form?.message == "nothing filled in yet: type the Action, or Esc to close")
        _ = m.update(key: .escape)
        #expect(m.form == nil)
        _ = m.update(key: .char("e"))
        #expect(m.form != nil)
        #expect(m.update(key: .enter).isEmpty)
        #expect(m.form == nil && m.flash?.text == "nothing changed")
    }

    @Test func theModelsOwnMessageShowsOnTheFieldAndEnterRefuses() {
        var m = model()
        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.icuBeds, with: "21/20", &m)
        #expect(m.form?.field(Hospital.Figure.icuBeds)?.error == "ICU available 21 exceeds staffed 20")
        #expect(m.update(key: .enter) == [.bell])
        #expect(m.form != nil)
        let screen = RenderFixture.render(m, 100, 30).text
        #expect(screen.contains("ICU available 21 exceeds staffed 20"))
    }

    @Test func numbersRejectLettersAndChoicesCycle() {
        var m = model()
        _ = m.update(key: .char("e"))
        focus(Hospital.Figure.openIncidents, &m)
        let before = m.form?.field(Hospital.Figure.openIncidents)?.text
        #expect(m.update(key: .char("x")) == [.bell])
        #expect(m.form?.field(Hospital.Figure.openIncidents)?.text == before)
        focus(Hospital.Figure.erState, &m)
        let start = m.form?.field(Hospital.Figure.erState)?.text
        _ = m.update(key: .char(" "))
        #expect(m.form?.field(Hospital.Figure.erState)?.text != start)
        _ = m.update(key: .char("d"))
        #expect(m.form?.field(Hospital.Figure.erState)?.text == "diverting")
    }

    @Test func escOnAChangedFormAsksBeforeDiscarding() {
        var m = model()
        _ = m.update(key: .char("e"))
        _ = m.update(key: .escape)
        #expect(m.form == nil, "an unchanged form just closes")
        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.erReason, with: "CT down", &m)
        _ = m.update(key: .escape)
        #expect(m.form?.askingToDiscard == true)
        #expect(RenderFixture.render(m, 100, 30).text.contains("Discard your changes?"))
        _ = m.update(key: .char("n"))
        #expect(m.form?.field(Hospital.Figure.erReason)?.text == "CT down", "n goes back to the form, text intact")
        _ = m.update(key: .escape)
        _ = m.update(key: .char("y"))
        #expect(m.form == nil)
    }

    @Test func aFigureAnotherOfficerChangedMeanwhileIsAConflict() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        let id = PanelID.coverage.content(m).rows[0].id
        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.icuBeds, with: "1/20", &m)
        // Another console saves a different ICU figure while this form is open.
        try log.board.apply(Change(officer: "lee", at: m.now, action: .reportHospital(id: id, HospitalReport(icuBeds: Capacity(available: 5, staffed: 20)))))
        log.seq += 1
        m.boardChanged(log.board, seq: log.seq, changedIds: [id])
        #expect(m.update(key: .enter) == [.bell])
        #expect(m.form?.conflicts == [Conflict(key: "icuBeds", label: "ICU beds a/s", mine: "1/20", theirs: "5/20")])
        #expect(RenderFixture.render(m, 100, 30).text.contains("Changed by another officer"))
        _ = m.update(key: .char("n"))
        #expect(m.form == nil, "taking theirs leaves nothing to save")
        #expect(m.board.hospitals[id]?.icuBeds?.value == Capacity(available: 5, staffed: 20))

        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.icuBeds, with: "2/20", &m)
        try log.board.apply(Change(officer: "lee", at: m.now, action: .reportHospital(id: id, HospitalReport(icuBeds: Capacity(available: 6, staffed: 20)))))
        log.seq += 1
        m.boardChanged(log.board, seq: log.seq, changedIds: [id])
        _ = m.update(key: .enter)
        log.run(m.update(key: .char("y")), into: &m)
        #expect(m.board.hospitals[id]?.icuBeds?.value == Capacity(available: 2, staffed: 20), "y keeps mine")
    }

    @Test func aFailedSaveKeepsTheFormOpenAndFilled() {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq, fail: "No space left on device")
        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.erReason, with: "CT down", &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.form?.field(Hospital.Figure.erReason)?.text == "CT down")
        #expect(m.form?.message?.contains("NOT SAVED") == true)
        #expect(m.save == .notSaved("No space left on device"))
        log.fail = nil
        log.run(m.update(key: .enter), into: &m)
        #expect(m.form == nil)
        #expect(m.flash?.text.contains("saved #332") == true)
    }

    @Test func addingALogEntryAndAnActionItem() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        _ = m.update(key: .char("4"))
        _ = m.update(key: .char("a"))
        type("응급실 앞 대기 인원 증가", &m)
        focus(LogEntry.Field.severity, &m)
        _ = m.update(key: .char("w"))
        log.run(m.update(key: .enter), into: &m)
        let entry = try #require(m.board.log.last)
        #expect(entry.text == "응급실 앞 대기 인원 증가")
        #expect(entry.severity == .warning)
        #expect(entry.entered.by == "kim.duty")
        _ = m.update(key: .char("5"))
        _ = m.update(key: .char("a"))
        type("Post officers at the Anam ER", &m)
        replace(ActionItem.Field.ownerAgencyId, with: "police", &m)
        replace(ActionItem.Field.due, with: "18:00", &m)
        log.run(m.update(key: .enter), into: &m)
        let item = try #require(m.board.actions.values.first { $0.text == "Post officers at the Anam ER" })
        #expect(item.ownerAgencyId == "knpa")
        #expect(item.due != nil)
        #expect(m.undoStack.count == 2)
    }

    /// A 100 KB paste into a field: the field stops at its capacity, says so once (one bell, not one
    /// per character dropped), and the entry then saves as it stands.
    @Test func aHugePasteFillsTheFieldToItsCapacityAndSaysSoOnce() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        _ = m.update(key: .char("4"))
        _ = m.update(key: .char("a"))
        var bells = 0
        for i in 0..<100_000 {
            bells += m.update(key: .char(i % 10 == 9 ? " " : "x")).filter { $0 == .bell }.count
        }
        let field = try #require(m.form?.field(LogEntry.Field.text))
        #expect(field.editor.characters.count == LineEditor.capacity)
        #expect(bells == 1)
        #expect(m.form?.message?.contains(LineEditor.fullMessage) == true)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.form == nil, "\(String(describing: m.form?.message))")
        #expect(m.board.log.last?.text.count == LineEditor.capacity - 1)  // the last pasted space is trimmed
    }

    /// The console's form refuses what `sitroom apply` refuses, in the same words: the model's, on the
    /// field (`ApplyCommandTests` sends the same figure through `apply`). A text field holds no more
    /// than the model takes, and says so with the model's words for the limit.
    @Test func theFormRefusesWhatTheModelRefusesInItsWords() throws {
        var m = model()
        _ = m.update(key: .char("e"))
        replace(Hospital.Figure.erBeds, with: "1/2000000", &m)
        #expect(m.form?.field(Hospital.Figure.erBeds)?.error == "ER beds staffed: at most 1000000 (got 2000000)")
        #expect(m.update(key: .enter) == [.bell])
        replace(Hospital.Figure.openIncidents, with: "99999999999999999999", &m)
        #expect(m.form?.field(Hospital.Figure.openIncidents)?.error == "Open incidents: \(Limits.figureTooLarge)")
        #expect(LineEditor.capacity == Limits.textCharacters)
        #expect(LineEditor.fullMessage.hasPrefix(Limits.textTooLong))
    }

    @Test func theCommandLineStopsAtItsCapacityToo() {
        var m = model()
        _ = m.update(key: .char(":"))
        var bells = 0
        for _ in 0..<(LineEditor.capacity + 100) { bells += m.update(key: .char("z")).filter { $0 == .bell }.count }
        #expect(m.prompt?.editor.characters.count == LineEditor.capacity)
        #expect(m.prompt?.error == LineEditor.fullMessage)
        #expect(bells == 1)
    }

    @Test func strikeActionsAreRecordsOfTheStrikePanel() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        _ = m.update(key: .char("1"))
        let first = try #require(m.selectedRecord(.strike))
        guard case .strike(let id) = first else {
            Issue.record("the strike panel starts with the organisations' actions, got \(first)")
            return
        }
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.strike(id)))
        _ = m.update(key: .escape)
        _ = m.update(key: .char("e"))
        #expect(m.form?.kind == .editStrike(id))
        replace(StrikeAction.Field.participants, with: "9500", &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.board.strikes[id]?.participants?.value == 9500)
        #expect(m.board.strikes[id]?.participants?.by == "kim.duty")
        _ = m.update(key: .char("a"))
        #expect(m.form?.kind == .newStrike)
        type("대한병원협회 (KHA)", &m)
        focus(StrikeAction.Field.form, &m)
        _ = m.update(key: .char("r"))
        log.run(m.update(key: .enter), into: &m)
        #expect(m.board.strikes.values.contains { $0.organisation == "대한병원협회 (KHA)" && $0.form == .rally })
    }

    @Test func aContactsAgencyIsEditedWithShiftA() throws {
        var m = model()
        var log = LogStub(board: m.board, seq: m.seq)
        _ = m.update(key: .char("3"))
        guard case .contact(let id)? = m.selectedRecord(.contacts), let agency = m.board.contacts[id]?.agencyId else {
            Issue.record("no contact selected")
            return
        }
        _ = m.update(key: .char("A"))
        #expect(m.form?.kind == .editAgency(agency))
        replace(Agency.Field.phone, with: "02-0000-9999", &m)
        log.run(m.update(key: .enter), into: &m)
        #expect(m.board.agencies[agency]?.phone == "02-0000-9999")
    }

    @Test func aContactsDetailIsItsAgencysCallLog() throws {
        var m = model()
        let call = try #require(m.board.calls.last)
        let contact = try #require(m.board.contacts.values.first { $0.agencyId == call.agencyId })
        m.screens.append(.detail(.contact(contact.id)))
        let text = RenderFixture.render(m, 120, 40).text
        #expect(text.contains("Call log of"))
        #expect(text.contains(call.outcome.rawValue))
    }
}
