import Foundation
import SitRoomCore
import SitRoomDrills
import SitRoomPostgres
import SitRoomStore
import Synchronization
import Testing

/// The network fails: each test stops and starts a server of its own.
@Suite struct ServerOutageTests {
    static var quick: PostgresChangeStore.Timeouts {
        var t = PostgresChangeStore.Timeouts()
        t.backoffFirst = 0.1
        t.backoffMax = 0.4
        t.probeEvery = 0.3
        t.query = 3
        return t
    }

    /// Calls `tend` until `done` holds, at most `seconds`.
    static func tend(_ store: PostgresChangeStore, seconds: Double, until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            store.tend()
            if done() { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func aStoppedServerIsShownRefusedAndFoundAgain() throws {
        let server = try ScratchPostgres.start()
        defer { server.destroy() }
        let address = try PostgresAddress(parsing: try server.createDatabase("outage"))
        let store = try PostgresChangeStore.open(address, timeouts: Self.quick)
        let other = try PostgresChangeStore.open(address, readOnly: true, timeouts: Self.quick)
        #expect(store.commit(Sample.log(1)).seq == 1)

        try server.stop(mode: "fast")
        // Noticed without a commit: the connection closed.
        #expect(Self.tend(store, seconds: 5) { store.link.isDisconnected }, "still \(store.link)")
        let refused = store.commit(Sample.log(2))
        guard case .notSaved(let why) = refused else {
            Issue.record("a commit with the server down was \(refused)")
            return
        }
        #expect(why.contains("DISCONNECTED"), "\(why)")
        #expect(why.contains("nothing is queued"), "\(why)")
        #expect(store.seq == 1)
        #expect(store.board.log.count == 1)

        try server.startServer()
        #expect(Self.tend(store, seconds: 15) { store.link == .connected }, "still \(store.link)")
        #expect(store.commit(Sample.log(2)).seq == 2)
        // The follower reconnects too and catches up by sequence number.
        #expect(Self.tend(other, seconds: 15) { other.link == .connected }, "still \(other.link)")
        _ = try other.refresh(waiting: true)
        #expect(other.seq == 2)
        #expect(other.board == store.board)
    }

    /// Commits one at a time while the server crashes (pg_ctl -m immediate) and comes back; every
    /// refused change is sent again, unchanged, until saved. Each change is a report that could be
    /// applied twice without error, so only the log can tell: nothing acknowledged is lost, nothing
    /// is in it twice, and every acknowledged number is the one the server holds.
    @Test func aServerRestartInTheMiddleOfABurstLosesAndRepeatsNothing() throws {
        let server = try ScratchPostgres.start()
        defer { server.destroy() }
        let address = try PostgresAddress(parsing: try server.createDatabase("burst"))
        let store = try PostgresChangeStore.open(address, timeouts: Self.quick)
        #expect(store.commit(Sample.hospital("H1")).seq == 1)

        let restarted = Restart(server)
        var acknowledged: [Int: UInt64] = [:]
        var refusals = 0
        let deadline = Date().addingTimeInterval(60)
        for tag in 1...400 {
            if tag == 40 { restarted.begin() }
            let change = Sample.report("H1", tag: tag)
            while Date() < deadline {
                store.tend()
                let result = store.commit(change)
                if let seq = result.seq {
                    acknowledged[tag] = seq
                    break
                }
                guard case .notSaved = result else {
                    Issue.record("tag \(tag): \(result)")
                    return
                }
                refusals += 1
                restarted.sawRefusal()
                usleep(20_000)
            }
        }
        restarted.wait()
        #expect(restarted.error == nil, "\(restarted.error.map { "\($0)" } ?? "")")
        #expect(refusals > 0, "the restart did not land in the burst")
        #expect(acknowledged.count == 400)

        let rows = try serverChanges(server, address)
        #expect(rows.map(\.seq) == Array(1...UInt64(rows.count)), "sequence numbers with a gap")
        var seenAt: [Int: [UInt64]] = [:]
        for (seq, change) in rows {
            guard case .reportHospital(_, let report) = change.action, let reason = report.erReason,
                  let tag = Int(reason.dropFirst(4)) else { continue }
            seenAt[tag, default: []].append(seq)
        }
        let twice = seenAt.filter { $0.value.count > 1 }
        #expect(twice.isEmpty, "applied twice: \(twice)")
        for (tag, seq) in acknowledged {
            #expect(seenAt[tag] == [seq], "tag \(tag) acknowledged as #\(seq), on the server at \(seenAt[tag] ?? [])")
        }
        print("burst through a server crash: \(acknowledged.count) acknowledged, \(refusals) refusals while it was down, \(rows.count) rows")
    }
}

/// Crashes the server on another thread and starts it again once the burst has been refused
/// (so that the outage is seen, however fast or slow the machine).
final class Restart: Sendable {
    private let server: ScratchPostgres
    private let done = DispatchSemaphore(value: 0)
    private let refused = DispatchSemaphore(value: 0)
    /// Set on the restarting thread before `done` is signalled; read after `wait()`.
    private let failure = Mutex<(any Error)?>(nil)
    private let started = Atomic<Bool>(false)

    var error: (any Error)? { failure.withLock { $0 } }

    init(_ server: ScratchPostgres) { self.server = server }

    /// The burst had a commit refused while the server was down.
    func sawRefusal() { refused.signal() }

    func begin() {
        started.store(true, ordering: .relaxed)
        Thread.detachNewThread { [self] in
            do {
                try server.stop(mode: "immediate")
                // Up again after the first refusal, or after 10 s without one (the test then fails
                // on `refusals > 0`).
                _ = refused.wait(timeout: .now() + 10)
                try server.startServer()
            } catch {
                failure.withLock { $0 = error }
            }
            done.signal()
        }
    }

    func wait() { if started.load(ordering: .relaxed) { done.wait() } }
}

@Suite struct ServerBehindTests {
    /// The server comes back with fewer changes than the console saw (restored from an older
    /// backup): writing on would leave a gap, so the console stops writing and says why.
    @Test func aServerThatLostChangesStopsTheWritingNotTheFollowing() throws {
        let server = try SharedServer.server()
        let address = try SharedServer.freshDatabase()
        let store = try PostgresChangeStore.open(address, timeouts: ServerOutageTests.quick)
        for n in 1...3 { #expect(store.commit(Sample.log(n)).seq == UInt64(n)) }
        _ = try server.sql(address.database, """
            UPDATE sitroom_head SET seq = 1; DELETE FROM sitroom_changes WHERE seq > 1;
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid();
            """)
        #expect(ServerOutageTests.tend(store, seconds: 10) { store.failure != nil }, "link: \(store.link)")
        #expect(store.failure?.contains("the server is at change #1 but this console had #3") == true, "\(store.failure ?? "")")
        guard case .notSaved(let why) = store.commit(Sample.log(4)) else {
            Issue.record("a console ahead of its server wrote")
            return
        }
        #expect(why.contains("lost changes"))
        #expect(try server.sql(address.database, "SELECT max(seq) FROM sitroom_changes") == "1")
    }
}
