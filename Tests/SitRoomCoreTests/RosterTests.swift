import Foundation
import Testing
@testable import SitRoomCore

/// The roster and the role check made where a change is committed (`Board.apply`, `Board.check`).
@Suite struct RosterTests {
    static let keyA = "SHA256:" + String(repeating: "a", count: 43)
    static let keyB = "SHA256:" + String(repeating: "b", count: 43)

    /// SNUH, an agency and a contact; then a roster: boss (admin, OS user boss), sup (supervisor),
    /// kim (officer, OS user kim and key A), lee (watch, key B).
    static func staffed() throws -> Board {
        var b = try Fixture.board()
        for o in [Officer(id: "boss", name: "상황실장", role: .admin, osUsers: ["boss"]),
                  Officer(id: "sup", name: "박감독", role: .supervisor, osUsers: ["sup"]),
                  Officer(id: "kim", name: "김민준", desk: "ER", role: .officer, osUsers: ["kim"], keys: [keyA]),
                  Officer(id: "lee", name: "이서연", role: .watch, keys: [keyB])] {
            try b.apply(Fixture.change(.roster(.add(o)), by: "boss"))
        }
        return b
    }

    static func refusal(_ board: Board, _ change: Change) -> String? {
        var b = board
        do { try b.apply(change); return nil } catch { return "\(error)" }
    }

    static let report = ChangeAction.reportHospital(id: "A1100017", HospitalReport(erState: .limited, erBeds: Capacity(available: 2, staffed: 20)))

    @Test func withoutARosterEveryoneMayDoEverything() throws {
        var b = try Fixture.board()
        try b.apply(Change(officer: "anyone", at: Fixture.t0, action: Self.report))
        try b.apply(Change(officer: "anyone", at: Fixture.t0, action: .removeContact(id: "c1")))
        #expect(!b.hasRoster)
    }

    @Test func theFirstOfficerMustBeAnAdmin() throws {
        let b = try Fixture.board()
        let officer = Officer(id: "kim", name: "김민준", role: .officer, osUsers: ["kim"])
        #expect(Self.refusal(b, Fixture.change(.roster(.add(officer))))?.contains("first officer on the roster must be an admin") == true)
    }

    @Test func eachRoleMayDoItsOwnAndNoMore() throws {
        let b = try Self.staffed()
        // watch: nothing at all.
        #expect(Self.refusal(b, Change(officer: "lee", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "svc", key: Self.keyB)))
                == "entering or changing reports needs the officer role; lee is watch")
        // officer: reports, by OS user or by key.
        #expect(Self.refusal(b, Fixture.change(Self.report, by: "kim")) == nil)
        #expect(Self.refusal(b, Change(officer: "kim", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "svc", key: Self.keyA))) == nil)
        // ...but not an acknowledgement, a briefing, a hospital's details, another's record removed, the roster.
        var raised = b
        try raised.apply(Fixture.change(.raiseAlert(Alert(rule: .erClosed, subject: "A1100017", text: "closed", severity: .critical,
                                                          raised: Stamp(at: Fixture.t0, by: ""))), by: "kim"))
        let ack = ChangeAction.acknowledgeAlert(id: Alert.id(rule: .erClosed, subject: "A1100017"), note: "")
        #expect(Self.refusal(raised, Fixture.change(ack, by: "kim")) == "acknowledging an alert needs the supervisor role; kim is officer")
        #expect(Self.refusal(raised, Fixture.change(ack, by: "sup")) == nil)
        #expect(Self.refusal(b, Fixture.change(.markBriefing(Briefing(id: "b1", title: "17:00")), by: "kim"))?.contains("supervisor") == true)
        #expect(Self.refusal(b, Fixture.change(.removeContact(id: "c1"), by: "kim"))
                == "deleting a record another officer entered needs the supervisor role; kim is officer")
        #expect(Self.refusal(b, Fixture.change(.removeContact(id: "c1"), by: "sup")) == nil)
        let newcomer = Officer(id: "park", name: "박", role: .officer, osUsers: ["park"])
        #expect(Self.refusal(b, Fixture.change(.roster(.add(newcomer)), by: "sup")) == "changing the roster needs the admin role; sup is supervisor")
        #expect(Self.refusal(b, Fixture.change(.roster(.add(newcomer)), by: "boss")) == nil)
    }

    @Test func anOfficerMayDeleteTheirOwnLogEntryNotAnothers() throws {
        var b = try Self.staffed()
        try b.apply(Fixture.change(.addLog(LogEntry(id: "l-kim", eventTime: Fixture.t0, text: "mine")), by: "kim"))
        try b.apply(Fixture.change(.addLog(LogEntry(id: "l-sup", eventTime: Fixture.t0, text: "theirs")), by: "sup"))
        #expect(Self.refusal(b, Fixture.change(.removeLog(id: "l-kim"), by: "kim")) == nil)
        #expect(Self.refusal(b, Fixture.change(.removeLog(id: "l-sup"), by: "kim"))?.contains("needs the supervisor role") == true)
    }

    @Test func anIdentityCannotSpeakForAnotherOfficer() throws {
        let b = try Self.staffed()
        // OS user kim claiming to be sup; key B (lee's) claiming to be kim; no origin at all; no such officer.
        #expect(Self.refusal(b, Change(officer: "sup", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "kim")))
                == "kim is not officer sup on the roster")
        #expect(Self.refusal(b, Change(officer: "kim", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "kim", key: Self.keyB)))?
                    .contains("is not officer kim") == true)
        #expect(Self.refusal(b, Change(officer: "kim", at: Fixture.t0, action: Self.report))?.contains("says nothing of who made it") == true)
        let stranger = Self.refusal(b, Change(officer: "choi", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "choi")))
        #expect(stranger?.contains("choi is not on this situation's roster") == true)
        #expect(stranger?.contains("sitroom officers add choi --name NAME --role officer --os-user choi") == true)
        #expect(b.officers(identifiedBy: Origin(osUser: "svc", key: Self.keyA)).map(\.id) == ["kim"])
        #expect(b.officers(identifiedBy: Origin(osUser: "kim", key: Self.keyB)).map(\.id) == ["lee"], "a key decides over the OS user")
    }

    @Test func aRetiredOfficerChangesNothingAndTheLastAdminStays() throws {
        var b = try Self.staffed()
        try b.apply(Fixture.change(.roster(.retire(id: "kim")), by: "boss", at: 60))
        #expect(b.roster["kim"]?.retired == Stamp(at: Fixture.t0.addingTimeInterval(60), by: "boss"))
        #expect(Self.refusal(b, Fixture.change(Self.report, by: "kim")) == "officer kim is retired and can change nothing")
        #expect(b.officers(identifiedBy: Origin(osUser: "kim")).isEmpty)
        #expect(Self.refusal(b, Fixture.change(.roster(.retire(id: "boss")), by: "boss"))?.contains("no admin left") == true)
        var demoted = try #require(b.roster["boss"])
        demoted.role = .supervisor
        #expect(Self.refusal(b, Fixture.change(.roster(.edit(demoted)), by: "boss"))?.contains("no admin left") == true)
        #expect(Self.refusal(b, Fixture.change(.roster(.retire(id: "kim")), by: "boss")) == "officer kim is already retired")
    }

    @Test func aFormSeesTheRefusalBeforeSaving() throws {
        let b = try Self.staffed()
        #expect(throws: ChangeError.self) { try b.check(Change(officer: "lee", at: Fixture.t0, action: Self.report, origin: Origin(osUser: "x", key: Self.keyB))) }
        try b.check(Fixture.change(Self.report, by: "kim"))
    }

    @Test func badRosterRecordsAreRefused() throws {
        let b = try Self.staffed()
        for (officer, words) in [
            (Officer(id: "no identity", name: "x", role: .officer, osUsers: ["x"]), "officer id"),
            (Officer(id: "x", name: " ", role: .officer, osUsers: ["x"]), "needs a name"),
            (Officer(id: "x", name: "x", role: .officer), "needs an identity"),
            (Officer(id: "x", name: "x", role: .officer, keys: ["SHA256:short"]), "is not a key fingerprint"),
            (Officer(id: "x", name: "x", role: .officer, osUsers: ["a b"]), "is not an OS user name"),
            (Officer(id: "x", name: "x", role: .officer, osUsers: ["x"], publicKeys: ["garbage"]), "is not a public key line"),
            (Officer(id: "kim", name: "x", role: .officer, osUsers: ["x"]), "already exists"),
        ] {
            #expect(Self.refusal(b, Fixture.change(.roster(.add(officer)), by: "boss"))?.contains(words) == true, "\(words)")
        }
    }
}
