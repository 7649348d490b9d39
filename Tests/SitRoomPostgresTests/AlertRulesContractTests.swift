import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import Testing

/// The alert rules on the board (`rules.set`), on both stores: set by an admin, refused to anyone
/// else in the commit, and followed by another console from its next commit, whatever rules that
/// console brought (a server's console has only the defaults).
@Suite struct AlertRulesContractTests {
    static var noClosedAlert: AlertRules {
        var rules = AlertRules()
        rules.erClosed = false
        return rules
    }

    static func closed(_ id: String, by officer: String) -> Change {
        // Now, so that the report is not stale: only the ER rule may speak.
        Change(officer: officer, at: Date(), action: .reportHospital(id: id, HospitalReport(erState: .closed, erReason: "no doctors")))
    }

    @Test(arguments: Backend.allCases)
    func theBoardsRulesAreEveryConsolesAndOnlyAnAdminSetsThem(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let admin = try situation.open()
        admin.origin = Origin(osUser: "svc")
        for officer in [Officer(id: "boss", name: "상황실장", role: .admin, osUsers: ["svc"]),
                        Officer(id: "kim", name: "김민준", role: .officer, keys: [RosterContractTests.key])] {
            #expect(admin.commit(Change(officer: "boss", at: Sample.t0, action: .roster(.add(officer)))).seq != nil)
        }
        #expect(admin.commit(Change(officer: "boss", at: Sample.t0, action: .addHospital(Hospital(id: "H1", name: "서울대학교병원")))).seq != nil)

        // A report gone stale with no alert yet (committed without the rules): what looking at every
        // hospital would raise, so that a refused rules.set would show it did.
        #expect(admin.commit(Change(officer: "boss", at: Sample.t0, action: .addHospital(Hospital(id: "H2", name: "세브란스병원")))).seq != nil)
        #expect(admin.commit(Change(officer: "boss", at: Sample.t0, action: .reportHospital(id: "H2", HospitalReport(erState: .open)))).seq != nil)

        let officer = try situation.open()
        officer.origin = Origin(osUser: "svc", key: RosterContractTests.key)
        let before = officer.seq
        let refused = officer.commit([Change(officer: "kim", at: Sample.t0, action: .setAlertRules(Self.noClosedAlert))],
                                     applying: .defaults, officer: "kim")
        #expect(refused == [.rejected(ChangeError("setting the alert rules needs the admin role; kim is officer", field: "officer"))])
        #expect(officer.seq == before, "a refused change wrote alerts")

        #expect(admin.commit([Change(officer: "boss", at: Sample.t0, action: .setAlertRules(Self.noClosedAlert))],
                             applying: .defaults, officer: "boss").first?.seq != nil)
        // kim's console brought the defaults, which would raise er-closed; the board's rules do not.
        #expect(officer.commit([Self.closed("H1", by: "kim")], applying: .defaults, officer: "kim").count == 1)
        #expect(officer.board.alertRules == Self.noClosedAlert && officer.board.alerts["er-closed/H1"] == nil)

        // Taking the rules off looks at every hospital at once: the closed ER raises its alert in that commit.
        let back = admin.commit([Change(officer: "boss", at: Sample.t0, action: .setAlertRules(nil))], applying: .defaults, officer: "boss")
        #expect(back.count == 2)
        #expect(admin.board.alertRules == nil && admin.board.alerts["er-closed/H1"] != nil)

        let reader = try situation.open(readOnly: true)
        #expect(reader.board.alerts["er-closed/H1"] != nil && reader.board.alertRules == nil)
        let then = try reader.history().board(at: .seq(reader.seq - 2))
        #expect(then.board.alertRules == Self.noClosedAlert)
        #expect(then.board.figureOrigins["H1"]?.origin == Origin(osUser: "svc", key: RosterContractTests.key))
        admin.close(); officer.close(); reader.close()
    }
}
