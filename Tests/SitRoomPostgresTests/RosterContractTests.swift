import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import Testing

/// The roster's rules on both stores: the committing store writes its own identity into each
/// change, the role check runs in the commit (the server's transaction, the directory's lock), and
/// another console reads the identity back.
@Suite struct RosterContractTests {
    static let key = "SHA256:" + String(repeating: "w", count: 43)

    @Test(arguments: Backend.allCases)
    func theRoleCheckRunsWhereTheChangeIsCommitted(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let admin = try situation.open()
        admin.origin = Origin(osUser: "svc")
        for officer in [Officer(id: "boss", name: "상황실장", role: .admin, osUsers: ["svc"]),
                        Officer(id: "lee", name: "이서연", role: .watch, keys: [Self.key])] {
            #expect(admin.commit(Change(officer: "boss", at: Sample.t0, action: .roster(.add(officer)))).seq != nil)
        }
        let watch = try situation.open()
        watch.origin = Origin(osUser: "svc", key: Self.key)
        let before = watch.seq
        #expect(watch.commit(Sample.log(1, officer: "lee")) == .rejected(
            ChangeError("entering or changing reports needs the officer role; lee is watch", field: "officer")))
        // Claiming to be boss from lee's key is refused too: the identity decides, not the name typed.
        guard case .rejected = watch.commit(Sample.log(2, officer: "boss")) else { Issue.record("lee's key spoke for boss"); return }
        #expect(watch.seq == before)

        #expect(admin.commit(Sample.log(3, officer: "boss")).seq == before + 1)
        let reader = try situation.open(readOnly: true)
        let seen = try reader.history().board(at: .seq(before + 1))
        #expect(seen.board.log.last?.id == Sample.log(3).action.subjectId)
        var origins: [Origin?] = []
        try reader.history().forEachChange(after: before) { _, change in origins.append(change.origin) }
        #expect(origins == [Origin(osUser: "svc")])
        admin.close(); watch.close(); reader.close()
    }
}
