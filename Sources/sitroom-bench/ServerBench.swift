import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomDrills
import SitRoomPostgres
import SitRoomStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Issue 9's figures: the same changes through both `ChangeStore`s, a data directory and a local
/// PostgreSQL server (a throwaway one from Debian's packages, fsync and synchronous_commit on):
/// one-at-a-time commit latency, a burst in groups, and follower lag.
///
/// Follower lag: a writer commits one change every 20 ms; a read-only store on another thread,
/// woken by its `StoreWaker` (inotify, or LISTEN/NOTIFY), refreshes. The lag runs from the moment
/// the writer called `commit` (the officer pressed Enter) to the follower having the change.
struct ServerBench {
    let sizes: Sizes
    let scratch: Scratch
    let report: Report

    func run() throws {
        let server = try Progress.step("starting a throwaway PostgreSQL server") { try ScratchPostgres.start() }
        defer { server.destroy() }
        var n = 0
        func fresh(_ backend: String) throws -> () throws -> any ChangeStore {
            n += 1
            if backend == "directory" {
                let path = scratch.path + "/server-bench-\(n)"
                try DataDirectory(path).create()
                return { try ChangeLog.open(DataDirectory(path)) }
            }
            let address = try PostgresAddress(parsing: try server.createDatabase("bench\(n)"))
            return { try PostgresChangeStore.open(address, officer: "bench") }
        }
        for backend in ["directory", "postgres"] {
            let open = try fresh(backend)
            let store = try open()
            let singles = try Progress.step("\(backend): \(sizes.singleCommits) single commits") {
                try Samples.measure(sizes.singleCommits) {
                    guard store.commit(Self.change(Int(store.seq) + 1)).seq != nil else { throw BenchError("\(backend): a commit failed") }
                }
            }
            report.addLatencies("store.\(backend).commit", singles, unit: "ms")
            let groups = max(1, sizes.burst / 10 / sizes.batch)
            let burst = try Progress.step("\(backend): \(groups) groups of \(sizes.batch)") {
                try timed {
                    for _ in 0..<groups {
                        let first = Int(store.seq) + 1
                        let results = store.commit((first..<first + sizes.batch).map(Self.change), deriving: nil)
                        guard results.allSatisfy({ $0.seq != nil }) else { throw BenchError("\(backend): a group commit failed") }
                    }
                }
            }
            report.add("store.\(backend).burst", Double(groups * sizes.batch) / burst.nanos.seconds, "changes/s")
            store.close()
            let lag = try followerLag(open, count: max(50, sizes.singleCommits / 4), backend: backend)
            report.addLatencies("store.\(backend).follower_lag", lag, unit: "ms")
        }
    }

    static func change(_ n: Int) -> Change {
        Change(officer: "bench", at: Date(timeIntervalSince1970: 1_795_430_000 + Double(n)),
               action: .addLog(LogEntry(id: "b-\(n)", eventTime: Date(timeIntervalSince1970: 1_795_430_000), text: "bench \(n) 응급실")))
    }

    private func followerLag(_ open: () throws -> any ChangeStore, count: Int, backend: String) throws -> Samples {
        let writer = try open()
        let start = writer.seq
        let follower = try open()
        let sentAt = SentTimes()
        let done = DispatchSemaphore(value: 0)
        let samples = try Progress.step("\(backend): follower lag over \(count) commits, one every 20 ms") { () throws -> Samples in
            let seen = SeenTimes()
            let box = UncheckedBox(follower)
            Thread.detachNewThread {
                let follower = box.value
                let waker = follower.makeWaker()
                while follower.seq < start + UInt64(count) {
                    if let waker {
                        var p = pollfd(fd: waker.fd, events: Int16(POLLIN), revents: 0)
                        _ = poll(&p, 1, 200)
                        waker.drain()
                    }
                    follower.tend()
                    guard let fresh = try? follower.refresh(waiting: true) else { break }
                    let t = monotonicNanos()
                    for (seq, _) in fresh { seen.set(seq, t) }
                }
                done.signal()
            }
            usleep(200_000)
            for k in 1...count {
                let t = monotonicNanos()
                sentAt.set(start + UInt64(k), t)
                guard writer.commit(Self.change(Int(start) + k)).seq != nil else { throw BenchError("\(backend): a commit failed") }
                usleep(20_000)
            }
            done.wait()
            var samples = Samples()
            for k in 1...count {
                let seq = start + UInt64(k)
                if let a = sentAt.get(seq), let b = seen.get(seq) { samples.add(b > a ? b - a : 0) }
            }
            return samples
        }
        writer.close()
        return samples
    }
}

private final class SentTimes: Sendable {
    private let times = Mutex<[UInt64: UInt64]>([:])
    func set(_ seq: UInt64, _ t: UInt64) { times.withLock { $0[seq] = t } }
    func get(_ seq: UInt64) -> UInt64? { times.withLock { $0[seq] } }
}

private typealias SeenTimes = SentTimes

/// Hands a store to the follower thread; only that thread uses it from then on.
// Unchecked: a ChangeStore is not Sendable (one thread at a time) and Thread.detachNewThread takes only Sendable captures.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
