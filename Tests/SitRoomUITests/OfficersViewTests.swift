import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// The roster view (key O, `:officers`): every officer may look, an admin changes it from the `:`
/// line; the top bar names this console's officer and role.
@Suite struct OfficersViewTests {
    static let keyA = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"
    static let keyB = "SHA256:" + String(repeating: "b", count: 43)
    static let keyC = "SHA256:Zq1" + String(repeating: "c", count: 40)

    /// The demo with a roster: an admin with two keys, this console's officer (kim.duty, a
    /// supervisor), an officer reached over SSH, a wall display's watch account, a retired officer.
    static func model(width: Int = 100, height: Int = 30, officer: String = "kim.duty") throws -> AppModel {
        var m = RenderFixture.demoModel(width: width, height: height)
        m.officer = officer
        let now = RenderFixture.now
        func by(_ action: RosterAction, _ minutes: Double) -> Change {
            Change(officer: "han.admin", at: now.addingTimeInterval(-minutes * 60), action: .roster(action), origin: Origin(osUser: "hanjm"))
        }
        var board = m.board
        for (o, minutes) in [
            (Officer(id: "han.admin", name: "한지민", desk: "상황실장", role: .admin, osUsers: ["hanjm"], keys: [keyA, keyB],
                     publicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhanjmLaptopKeyForTests hanjm@hq-laptop"]), 600.0),
            (Officer(id: "kim.duty", name: "김민준", desk: "응급의료상황실", role: .supervisor, osUsers: ["kim"]), 590),
            (Officer(id: "lee.sy", name: "이서연", desk: "경찰청 연락관", role: .officer, keys: [keyC],
                     publicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIleeSeoyeonPoliceDesk lee@knpa"]), 580),
            (Officer(id: "wall", name: "상황판", desk: "상황실 벽", role: .watch, osUsers: ["wall"]), 570),
            (Officer(id: "choi.yn", name: "최유나", desk: "보건소", role: .officer, osUsers: ["choi"]), 560),
        ] {
            try board.apply(by(.add(o), minutes))
        }
        try board.apply(by(.retire(id: "choi.yn"), 120))
        m.boardChanged(board, seq: m.seq + 6, changedIds: [])
        return m
    }

    static func showing(_ m: AppModel) -> AppModel {
        var m = m
        _ = m.update(key: .char("O"))
        return m
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theViewMatchesTheReviewedScreen(width: Int, height: Int) throws {
        let m = Self.showing(try Self.model(width: width, height: height))
        #expect(m.screen == .full(.officers))
        let screen = RenderFixture.render(m, width, height).text
        try RenderFixture.expectReviewedScreen(screen, "officers-\(width)x\(height)")
    }

    @Test func adminsFirstThenByRoleAndTheRetiredLastAndMuted() throws {
        let rows = PanelID.officers.content(Self.showing(try Self.model())).rows
        #expect(rows.map(\.id) == ["han.admin", "kim.duty", "lee.sy", "wall", "choi.yn"])
        #expect(rows[0].cells[5].text == "2" && rows[1].cells[5].text == "—" && rows[2].cells[7].text == "SHA256:Zq1ccccc…")
        #expect(rows[4].cells.allSatisfy { $0.role == .muted } && rows[4].cells[6].text == "17:33 by han.admin")
        #expect(rows[1].cells[0].role == .title, "this console's officer")
    }

    @Test func koreanNamesLineUpInTheirColumn() throws {
        let lines = RenderFixture.render(Self.showing(try Self.model()), 100, 30).lines
        let rows = lines.filter { $0.hasPrefix("│han.admin") || $0.hasPrefix("│lee.sy") || $0.hasPrefix("│wall") }
        #expect(rows.count == 3)
        // The desk column starts at the same cell on every row, whatever the names' widths.
        func cell(of text: String, in row: String) -> Int? { row.range(of: text).map { TextWidth.of(String(row[..<$0.lowerBound])) } }
        let starts = try rows.map { row in try #require(["상황실장", "경찰청", "상황실 벽"].compactMap { cell(of: $0, in: row) }.first) }
        #expect(Set(starts).count == 1, "\(rows.joined(separator: "\n"))")
    }

    @Test func colonOfficersShowsTheViewAndItIsInTheHelp() throws {
        var m = try Self.model()
        _ = m.update(key: .char(":"))
        for c in "officers" { _ = m.update(key: .char(c)) }
        _ = m.update(key: .enter)
        #expect(m.screen == .full(.officers) && m.prompt == nil)
        #expect(KeyMap.bindings.contains { $0.keys == [.char("O")] && $0.action == .officersView })
        #expect(HelpView.lines(width: 120).contains { $0.map(\.0).joined().contains("the officers' roster") })
    }

    @Test func enterShowsTheWholeRecordWithFullFingerprintsAndKeyComments() throws {
        var m = Self.showing(try Self.model())
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.officer("han.admin")))
        let text = RenderFixture.render(m, 100, 30).text
        #expect(text.contains(Self.keyA) && text.contains(Self.keyB))
        #expect(text.contains("hanjm@hq-laptop"))
        #expect(text.contains("sitroom officers edit han.admin --key KEY.pub"))
    }

    @Test func anAdminsRoleChangeFromTheColonLineIsCommittedAsTheRosterEdit() throws {
        var m = Self.showing(try Self.model(officer: "han.admin"))
        m.origin = Origin(osUser: "hanjm")
        _ = m.update(key: .down)  // kim.duty
        _ = m.update(key: .char("e"))
        #expect(m.prompt?.editor.text == "officer role kim.duty ")
        for c in "officer" { _ = m.update(key: .char(c)) }
        let effects = m.update(key: .enter)
        guard case .commit(let change)? = effects.first else { Issue.record("no commit: \(effects)"); return }
        var kim = try #require(m.board.roster["kim.duty"])
        kim.role = .officer
        #expect(change.action == .roster(.edit(kim)) && change.officer == "han.admin" && change.origin == Origin(osUser: "hanjm"))
        // The store applies it as the board does, and the view shows the new role.
        var board = m.board
        try board.apply(change)
        m.committed(.saved(m.seq + 1), board: board, seq: m.seq + 1)
        #expect(m.flash?.text == "saved #\(m.seq): kim.duty (김민준) role supervisor → officer")
        #expect(PanelID.officers.content(m).rows.first { $0.id == "kim.duty" }?.cells[3].text == "officer")
    }

    @Test func aNonAdminIsRefusedOnTheColonLineWithTheCommitsReason() throws {
        var m = Self.showing(try Self.model())
        m.origin = Origin(osUser: "kim")
        _ = m.update(key: .char("a"))
        #expect(m.prompt?.editor.text == "officer add ")
        #expect(m.flash?.text == "only an admin changes the roster; you are supervisor")
        _ = m.update(key: .escape)
        _ = m.update(key: .char(":"))
        for c in "officer retire wall" { _ = m.update(key: .char(c)) }
        guard case .commit(let change)? = m.update(key: .enter).first else { Issue.record("no commit"); return }
        // What the store answers: Board.authorize's refusal, shown on the line, which stays.
        var board = m.board
        var refusal: ChangeError?
        do { try board.apply(change) } catch { refusal = error as? ChangeError }
        m.committed(.rejected(try #require(refusal)), board: m.board, seq: m.seq)
        #expect(m.prompt?.error == "changing the roster needs the admin role; kim.duty is supervisor")
        #expect(m.prompt?.editor.text == "officer retire wall")
    }

    @Test func dAsksBeforeRetiring() throws {
        var m = Self.showing(try Self.model())
        for _ in 0..<3 { _ = m.update(key: .down) }  // wall
        _ = m.update(key: .char("d"))
        #expect(m.prompt?.kind == .confirm(question: "Retire officer wall (상황판)?", action: .roster(.retire(id: "wall"))))
    }

    @Test func withoutARosterTheViewSaysHowToStartOne() {
        let m = Self.showing(RenderFixture.demoModel(width: 100, height: 30))
        let text = RenderFixture.render(m, 100, 30).text
        #expect(text.contains("O Officers"))
        #expect(text.contains("No roster yet"))
        #expect(text.contains("sitroom officers add ID --name NAME --role admin --os-user $USER"))
    }

    @Test func theTopBarNamesTheOfficerAndTheirRole() throws {
        let wide = RenderFixture.render(try Self.model(), 160, 40).lines[0]
        #expect(wide.contains(" kim.duty·supervisor "), "\(wide)")
        // Without a roster, just the officer, as before.
        #expect(RenderFixture.render(RenderFixture.demoModel(), 160, 40).lines[0].contains(" kim.duty "))
        // A little narrower the role goes first, then the officer.
        let middle = RenderFixture.render(try Self.model(), 120, 40).lines[0]
        #expect(middle.contains(" kim.duty ") && !middle.contains("·supervisor"), "\(middle)")
        // At 80 columns it goes before the clock and the alerts, as the officer did.
        let narrow = RenderFixture.render(try Self.model(), 80, 24).lines[0]
        #expect(!narrow.contains("kim.duty") && narrow.contains("▲"), "\(narrow)")
    }
}
