import Foundation
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import Testing

/// The board at an earlier moment, for `report`, `--at` and the briefing view: the same answers
/// from a data directory's journals and from the server's tables.
@Suite struct HistoryContractTests {
    @Test(arguments: Backend.allCases)
    func everyKindOfMomentGivesTheSameBoard(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let store = try situation.open()
        // #1 the hospital, #2–#4 logs at t0+2…+4, #5 the briefing at t0+10, #6–#7 logs at t0+20, +21.
        _ = store.commit(Sample.hospital("H1"))
        for n in 2...4 { _ = store.commit(Sample.log(n)) }
        let briefing = Briefing(id: "b-0900", title: "09:00 briefing")
        _ = store.commit(Change(officer: "kim", at: Sample.t0.addingTimeInterval(10), action: .markBriefing(briefing)))
        _ = store.commit(Sample.log(20))
        _ = store.commit(Sample.log(21))
        #expect(store.seq == 7)

        let history = try store.history()
        let atThree = try history.board(at: .seq(3))
        #expect(atThree.seq == 3)
        #expect(atThree.board.log.map(\.id) == ["log-2", "log-3"])

        // Just before the first change made after t0+4: the briefing (#5) is the first after it.
        let atTime = try history.board(at: .time(Sample.t0.addingTimeInterval(4)))
        #expect(atTime.seq == 4)

        let marked = store.board.lastBriefing!
        let atBriefing = try history.board(at: .briefing(marked))
        #expect(atBriefing.seq == 5)
        #expect(atBriefing.board.lastBriefing?.id == "b-0900")
        #expect(atBriefing.board.log.count == 3)

        #expect(try history.board(at: .seq(7)).board == store.board)
        #expect(try history.time(ofChange: 5) == Sample.t0.addingTimeInterval(10))
        #expect(throws: StoreError.self) {
            try history.board(at: .briefing(Briefing(id: "never", title: "never held")))
        }
    }
}
