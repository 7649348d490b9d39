import Foundation
import Testing
@testable import SitRoomCore

/// `Board.check` says what `apply` would say, without copying the board.
@Suite struct CheckTests {
    @Test func checkAgreesWithApplyForEveryKindValidOrNot() throws {
        var board = try Fixture.board()
        let id = Fixture.snuh.id
        let invalid: [ChangeAction] = [
            .reportHospital(id: id, HospitalReport(icuBeds: Capacity(available: 14, staffed: 12))),
            .reportHospital(id: "A9999999", HospitalReport(erState: .open)),
            .editHospital(id: id, HospitalPatch(name: " ")),
            .addLog(LogEntry(id: "x", eventTime: Fixture.t0, text: " ")),
            .addLog(LogEntry(id: "x", eventTime: Fixture.t0, text: "ok", hospitalId: "A9999999")),
        ]
        for (i, action) in (Fixture.everyKind + invalid).enumerated() {
            let change = Fixture.change(action, at: Double(i))
            let applied = Result { try board.applying(change) }
            let checked = Result { try board.check(change) }
            switch (applied, checked) {
            case (.success, .success): break
            case (.failure(let a), .failure(let c)): #expect("\(a)" == "\(c)", "\(action.type)")
            default: Issue.record("\(action.type): apply \(applied) but check \(checked)")
            }
            if case .success(let next) = applied { board = next }
        }
        // A log entry whose id is taken.
        try board.apply(Fixture.change(.addLog(LogEntry(id: "dup", eventTime: Fixture.t0, text: "first"))))
        #expect(throws: ChangeError.self) { try board.check(Fixture.change(.addLog(LogEntry(id: "dup", eventTime: Fixture.t0, text: "again")))) }
    }
}
