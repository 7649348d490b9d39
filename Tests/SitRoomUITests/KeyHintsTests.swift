import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// The bottom line offers the keys of the place the officer is in, and only keys that do that there.
@Suite struct KeyHintsTests {
    static let contexts: [HintContext] = [.dashboard, .detail, .readOnlyDetail, .help, .form, .capable]
        + [PanelID.strike, .coverage, .contacts, .log, .actions, .alerts, .briefing, .capability, .security, .officers].map { .panel($0) }

    @Test(arguments: contexts)
    func everyOfferedKeyIsBoundToItsActionThere(_ context: HintContext) throws {
        let panel: PanelID? = if case .panel(let p) = context { p } else { nil }
        let hints = KeyMap.hints(context)
        #expect(hints.count >= 2)
        for hint in hints {
            guard let action = hint.action else { continue }
            let bound = KeyMap.bindings.filter { b in
                guard b.action == action else { return false }
                guard let only = b.panels else { return true }
                return panel.map { only.contains($0) } ?? false
            }
            let binding = try #require(bound.first, "\(context): \(hint.key) \(hint.word) names \(action), which is not bound there")
            let tokens = binding.label.split(separator: " ").map(String.init)
            #expect(tokens.contains { (token: String) in hint.key.contains(token) }, "\(context): \"\(hint.key)\" is not a key of \(binding.label)")
            #expect(binding.keys.contains { KeyMap.action(for: $0, in: panel) == action }, "\(context): \(binding.label) does something else there")
        }
    }

    /// View 5 offers `:done <id>`: every item's id is on its row, in full, even at 60x16, and a
    /// console's longer ids (act-1x2k9ab) widen the column rather than being cut.
    @Test func theActionsViewShowsTheIdsItsHintAsksFor() throws {
        var m = RenderFixture.demoModel(width: 60, height: 16)
        m.screens.append(.full(.actions))
        let lines = RenderFixture.render(m, 60, 16).lines
        #expect(lines.last?.contains(":done <id>") == true, "\(lines.last ?? "")")
        let shown = lines.compactMap { $0.split(separator: " ").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│")) } }
        for item in m.board.actions.values.filter({ $0.status == .open }) {
            #expect(shown.contains(item.id), "\(item.id) not on screen:\n\(lines.joined(separator: "\n"))")
        }
        try m.board.apply(Change(officer: "kim", at: RenderFixture.now, action: .addAction(ActionItem(
            id: "act-1x2k9ab", text: "long id", ownerAgencyId: "moe", due: RenderFixture.now.addingTimeInterval(60)))))
        let wider = RenderFixture.render(m, 60, 16).lines
        #expect(wider.contains { $0.hasPrefix("│act-1x2k9ab ") }, "\(wider.joined(separator: "\n"))")
    }

    /// `e` in a detail edits the record shown, as the key line says; a log entry's or an alert's
    /// detail does not offer it.
    @Test func eInADetailEditsTheRecordShown() {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        func bottom() -> String { String(RenderFixture.render(m, 120, 40).lines.last ?? "") }
        let cases: [(RecordRef, PanelID, FormKind?)] = [
            (.hospital("A1100017"), .coverage, .hospitalStatus("A1100017")),
            (.hospital("A1100017"), .strike, .strikeFigures("A1100017")),
            (.contact("gyeonggi-1"), .contacts, .editContact("gyeonggi-1")),
            (.action("act-002"), .actions, .editAction("act-002")),
            (.logEntry("log-001"), .log, nil),
        ]
        for (record, panel, form) in cases {
            m.form = nil
            m.focus = panel
            m.screens = [.dashboard, .full(panel), .detail(record)]
            #expect(bottom().contains("e edit") == (form != nil), "\(record): \(bottom())")
            _ = m.update(key: .char("e"))
            #expect(m.form?.kind == form, "\(record) from \(panel)")
        }
    }

    /// A watching console (--watch, --at) offers only keys that look, and a change typed on its
    /// command line is refused there, on the line the officer is reading.
    @Test func aWatchingConsoleOffersNoKeyThatWritesAndSaysWhyOnTheLine() {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        m.save = .readOnly(m.seq)
        func bottom() -> String { String(RenderFixture.render(m, 120, 40).lines.last ?? "") }
        #expect(bottom().contains(": command") && bottom().contains("? help") && !bottom().contains("u undo"), "\(bottom())")
        m.screens.append(.full(.alerts))
        #expect(bottom().contains("Enter open") && !bottom().contains("A acknowledge"), "\(bottom())")
        m.screens = [.dashboard, .full(.actions)]
        #expect(!bottom().contains(":done") && !bottom().contains("e edit"), "\(bottom())")
        m.screens = [.dashboard]
        _ = m.update(key: .char(":"))
        for c in "er snuh o" { _ = m.update(key: .char(c)) }
        #expect(m.update(key: .enter).isEmpty)
        #expect(m.prompt?.error?.hasPrefix("read-only") == true, "\(String(describing: m.prompt))")
        _ = m.update(key: .escape)
        _ = m.update(key: .char("u"))
        #expect(m.flash?.text.hasPrefix("read-only") == true, "\(m.flash?.text ?? "")")
    }

    @Test func theBottomLineFollowsTheScreen() {
        var m = RenderFixture.demoModel(width: 120, height: 40)
        func bottom() -> String { String(RenderFixture.render(m, 120, 40).lines.last ?? "") }
        #expect(bottom().contains("? help") && bottom().contains(": command"))
        m.screens.append(.full(.alerts))
        #expect(bottom().contains("A acknowledge"), "\(bottom())")
        m.screens.append(.detail(.hospital("A1100017")))
        #expect(bottom().contains("j/k scroll") && bottom().contains("Esc back"), "\(bottom())")
        m.screens = [.dashboard]
        _ = m.update(key: .char("e"))
        #expect(m.form != nil)
        #expect(bottom().contains("Enter save") && bottom().contains("Esc cancel"), "\(bottom())")
    }
}
