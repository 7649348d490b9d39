import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import Synchronization
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

    /// The sparklines' window, read from either history, and on a thread of its own with a fresh
    /// connection (how a console seeds them): the same trends as replaying the changes here.
    @Test(arguments: Backend.allCases)
    func theTrendsOfAWindowAreTheSameFromEitherHistory(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let store = try situation.open()
        var changes = [Sample.hospital("H1"), Sample.hospital("H2")]
        for tag in 1...12 {
            let beds = Capacity(available: tag % 5, staffed: 20)
            changes.append(Change(officer: "kim", at: Sample.t0.addingTimeInterval(Double(tag)),
                                  action: .reportHospital(id: tag.isMultiple(of: 2) ? "H1" : "H2", HospitalReport(erBeds: beds))))
        }
        for change in changes { #expect(store.commit(change).seq != nil) }

        // The window starts at t0+6: six reports before it, six in it.
        let end = Sample.t0.addingTimeInterval(16), window: TimeInterval = 10
        let start = end.addingTimeInterval(-window)
        var board = Board()
        let before = changes.prefix { $0.at <= start }
        for change in before { try board.apply(change) }
        var expected = BoardTrends(board: board, seq: UInt64(before.count), at: start, window: window)
        for (i, change) in changes.enumerated().dropFirst(before.count) {
            try board.apply(change)
            expected.record(seq: UInt64(i + 1), change: change, board: board)
        }
        #expect(expected.series(.erBedsAvailable).samples.count > 1)

        #expect(try store.history().trends(endingAt: end, window: window) == expected)
        let opener = try #require(store.historyOpener)
        let fromAnotherThread = try #require(try Self.onAnotherThread { try opener().trends(endingAt: end, window: window) })
        #expect(fromAnotherThread == expected)
    }

    /// Runs `work` on a thread of its own and waits for it.
    static func onAnotherThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) throws -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<T, any Error>?>(nil)
        Thread {
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + 30) == .success else { return nil }
        return try result.withLock { $0 }?.get()
    }
}
