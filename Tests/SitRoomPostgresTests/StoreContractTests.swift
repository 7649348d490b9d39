import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import Testing

/// The `ChangeStore` protocol's rules, run against both implementations: a data directory and a
/// PostgreSQL server. A console must not be able to tell them apart.
@Suite struct StoreContractTests {
    @Test(arguments: Backend.allCases)
    func commitsAreNumberedInOrderAndReadBack(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let store = try situation.open()
        #expect(store.seq == 0)
        #expect(store.commit(Sample.log(1)).seq == 1)
        #expect(store.commit(Sample.log(2)).seq == 2)
        let group = store.commit([Sample.log(3), Sample.log(4), Sample.log(5)], deriving: nil)
        #expect(group.map(\.seq) == [3, 4, 5])
        #expect(store.board.log.map(\.id) == ["log-1", "log-2", "log-3", "log-4", "log-5"])
        store.close()
        let reopened = try situation.open()
        #expect(reopened.seq == 5)
        #expect(reopened.board == store.board)
        reopened.close()
    }

    @Test(arguments: Backend.allCases)
    func anInvalidChangeIsRejectedAndTheRestOfItsGroupSaved(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let store = try situation.open()
        let ghost = Change(officer: "kim", at: Sample.t0, action: .removeHospital(id: "NOPE"))
        let results = store.commit([Sample.hospital("H1"), ghost, Sample.log(1)], deriving: nil)
        #expect(results[0].seq == 1)
        guard case .rejected = results[1] else {
            Issue.record("removing a hospital that is not there was \(results[1])")
            return
        }
        #expect(results[2].seq == 2)
        #expect(store.seq == 2)
        store.close()
        #expect(try situation.open().seq == 2)
    }

    @Test(arguments: Backend.allCases)
    func othersCommitsArriveInOrder(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let a = try situation.open()
        let b = try situation.open()
        for n in 1...5 { #expect(a.commit(Sample.log(n)).seq == UInt64(n)) }
        let seen = try b.refresh(waiting: true)
        #expect(seen.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(seen.map(\.change) == (1...5).map { Sample.log($0) })
        #expect(b.board == a.board)
        #expect(b.commit(Sample.log(6, officer: "lee")).seq == 6)
        #expect(try a.refresh(waiting: true).map(\.seq) == [6])
        #expect(try a.refresh(waiting: true).isEmpty)
        #expect(a.board == b.board)
    }

    /// The conflict rule: a change is checked against the board as it is after everyone else's
    /// commits, not as this console last saw it.
    @Test(arguments: Backend.allCases)
    func aStaleConsoleIsCheckedAgainstTheLatestBoard(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let a = try situation.open()
        #expect(a.commit(Sample.hospital("H1")).seq == 1)
        let b = try situation.open()
        #expect(b.board.hospitals["H1"] != nil)
        #expect(a.commit(Change(officer: "kim", at: Sample.t0, action: .removeHospital(id: "H1"))).seq == 2)
        // b has not refreshed: it still shows H1, and edits it.
        let late = b.commit(Sample.report("H1", tag: 1))
        guard case .rejected = late else {
            Issue.record("an edit of a hospital another console removed was \(late)")
            return
        }
        #expect(b.seq == 2)
        #expect(b.board.hospitals["H1"] == nil)
    }

    @Test(arguments: Backend.allCases)
    func derivedChangesGoInTheSameCommit(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let store = try situation.open()
        _ = store.commit(Sample.hospital("H1"))
        let t = Sample.t0
        let results = store.commit(
            [Change(officer: "kim", at: t, action: .reportHospital(id: "H1", HospitalReport(erState: .closed)))],
            deriving: { $0.alertChanges(.defaults, at: t, officer: "kim", subjects: ["H1"]) })
        #expect(results.map(\.seq) == [2, 3])
        #expect(store.board.alerts["er-closed/H1"] != nil)
        #expect(store.commit([], deriving: { $0.alertChanges(.defaults, at: t, officer: "kim") }).isEmpty)
        store.close()
        let reopened = try situation.open()
        #expect(reopened.board == store.board)
    }

    @Test(arguments: Backend.allCases)
    func aReadOnlyStoreRefusesToWrite(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let writer = try situation.open()
        _ = writer.commit(Sample.log(1))
        let watcher = try situation.open(readOnly: true)
        #expect(watcher.isReadOnly)
        #expect(watcher.seq == 1)
        guard case .rejected = watcher.commit(Sample.log(2)) else {
            Issue.record("a read-only store wrote")
            return
        }
        _ = writer.commit(Sample.log(3))
        #expect(try watcher.refresh(waiting: true).map(\.seq) == [2])
    }

    /// What the wall display relies on: another console's commit wakes it, well within a second.
    @Test(arguments: Backend.allCases)
    func theWakerFiresWhenAnotherConsoleCommits(_ backend: Backend) throws {
        let situation = try Situation(backend)
        let writer = try situation.open()
        let follower = try situation.open(readOnly: true)
        let waker = try #require(follower.makeWaker())
        waker.drain()
        #expect(!readable(waker.fd, within: 50))
        let start = Date()
        #expect(writer.commit(Sample.log(1)).seq == 1)
        #expect(readable(waker.fd, within: 1_000), "no wake-up within a second")
        waker.drain()
        #expect(try follower.refresh(waiting: true).map(\.seq) == [1])
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test(arguments: Backend.allCases)
    func aLocalStoreIsAlwaysReachableAndAServerSaysConnected(_ backend: Backend) throws {
        let store = try Situation(backend).open()
        store.tend()
        #expect(store.link == (backend == .directory ? .local : .connected))
        #expect(store.failure == nil)
    }
}
