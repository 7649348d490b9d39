import Foundation
import Testing
@testable import SitRoomCore

/// `:officer role|desk|name|retire|add` and `:officers`: the roster's changes from the console's
/// `:` line, built as the existing `RosterAction`s and checked by `Board.authorize` at the commit.
@Suite struct RosterQuickCommandTests {
    static func parse(_ line: String, _ board: Board) throws -> QuickCommand {
        try QuickCommandParser.parse(line, QuickCommandContext(board: board, now: Fixture.t0, timeZone: TimeZone(identifier: "Asia/Seoul")!))
    }

    static func change(_ line: String, _ board: Board) throws -> (RosterAction, String) {
        guard case .change(.roster(let action), let summary) = try parse(line, board) else {
            throw QuickCommandError("not a roster change: \(line)")
        }
        return (action, summary)
    }

    static func refusal(_ line: String, _ board: Board) -> String? {
        do { _ = try parse(line, board); return nil } catch { return "\(error)" }
    }

    @Test func roleDeskNameAndRetireEditTheOfficerOnTheBoard() throws {
        let b = try RosterTests.staffed()
        let (role, summary) = try Self.change("officer role kim supervisor", b)
        var kim = try #require(b.roster["kim"])
        kim.role = .supervisor
        #expect(role == .edit(kim))
        #expect(summary == "kim (김민준) role officer → supervisor")
        // Abbreviated, any case, by the start of the Korean name.
        #expect(try Self.change(":OFFICER ro 김민 s", b).0 == .edit(kim))

        let (desk, deskSummary) = try Self.change("officer desk kim 경찰청 연락관", b)
        #expect(desk.officerId == "kim" && deskSummary == "kim (김민준) desk 경찰청 연락관")
        if case .edit(let o) = desk { #expect(o.desk == "경찰청 연락관" && o.keys == [RosterTests.keyA] && o.role == .officer) }
        let (name, _) = try Self.change("officer name lee \"이 서연\"", b)
        if case .edit(let o) = name { #expect(o.name == "이 서연") } else { Issue.record("not an edit") }
        #expect(try Self.change("officer retire lee", b) == (.retire(id: "lee"), "lee (이서연) retired"))
    }

    @Test func addTakesAnIdANameAndKeyedFields() throws {
        let b = try RosterTests.staffed()
        let (add, summary) = try Self.change("officer add park 박지훈 role=sup desk=\"119 상황실\" user=park,park2", b)
        #expect(add == .add(Officer(id: "park", name: "박지훈", desk: "119 상황실", role: .supervisor, osUsers: ["park", "park2"])))
        #expect(summary == "officer park (박지훈) added as supervisor")
        #expect(try Self.change("officer add choi 최유나 user=choi", b).0
                == .add(Officer(id: "choi", name: "최유나", role: .officer, osUsers: ["choi"])), "officer is the default role")
    }

    @Test func badLinesSayWhatIsWrong() throws {
        let b = try RosterTests.staffed()
        #expect(Self.refusal("officer", b)?.hasPrefix("officer needs what to change") == true)
        #expect(Self.refusal("officer promote kim", b)?.contains("is not something to change on an officer") == true)
        #expect(Self.refusal("officer role kim boss", b) == "officer role kim needs one role: watch, officer, supervisor or admin")
        #expect(Self.refusal("officer role kim officer", b) == "kim is already officer")
        #expect(Self.refusal("officer role nobody admin", b) == "no officer \"nobody\" on the roster; officers: boss, kim, lee, sup")
        #expect(Self.refusal("officer add kim 김 user=kim", b) == "officer kim is already on the roster")
        #expect(Self.refusal("officer add park 박지훈", b)?.contains("needs an identity: user=OS-USER here, or an SSH key") == true)
        #expect(Self.refusal("officer add park user=park", b)?.hasPrefix("officer add park needs a name") == true)
        #expect(Self.refusal("officer add park 박 role=chief user=park", b) == "\"chief\" is not a role (watch, officer, supervisor, admin)")
        #expect(Self.refusal("officers now", b)?.contains("officers shows the roster") == true)
        // No roster yet: how to start one, on the command line.
        #expect(Self.refusal("officer role kim admin", try Fixture.board())?.contains("sitroom officers add ID --name NAME --role admin") == true)
    }

    @Test func officersShowsTheView() throws {
        #expect(try Self.parse(":officers", try Fixture.board()) == .officers)
    }

    /// The role check is the commit's (`Board.authorize`): an admin's change applies, anyone else's
    /// is refused with the role it needs; the last admin cannot be demoted.
    @Test func onlyAnAdminsChangeApplies() throws {
        let b = try RosterTests.staffed()
        let (action, _) = try Self.change("officer role kim supervisor", b)
        var admin = b
        try admin.apply(Fixture.change(.roster(action), by: "boss"))
        #expect(admin.roster["kim"]?.role == .supervisor)
        #expect(RosterTests.refusal(b, Fixture.change(.roster(action), by: "sup"))
                == "changing the roster needs the admin role; sup is supervisor")
        let (demote, _) = try Self.change("officer role boss officer", b)
        #expect(RosterTests.refusal(b, Fixture.change(.roster(demote), by: "boss"))?.contains("no admin left") == true)
    }

    @Test func tabCompletesSubcommandsOfficersAndRoles() throws {
        let context = QuickCommandContext(board: try RosterTests.staffed(), now: Fixture.t0, timeZone: .gmt)
        #expect(QuickCommandCompletion.complete("officer ro", context).completed == "officer role ")
        #expect(QuickCommandCompletion.complete("officer role ", context).candidates == ["boss", "kim", "lee", "sup"])
        #expect(QuickCommandCompletion.complete("officer add park 박 role=su", context).completed == "officer add park 박 role=supervisor ")
    }
}
