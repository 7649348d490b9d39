import Foundation
import SitRoomCore
import SitRoomStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Workload 7: three writers and a follower on one data directory.
///
/// The writers are threads of this process, each with its own `ChangeLog` (its own descriptors and
/// its own `flock` open file description, so they exclude each other exactly as separate processes
/// do; what they do not pay is process start-up). Each commits its changes one at a time, as a
/// console does, compacting every `multiCompactEvery` records. The follower is a read-only
/// `ChangeLog` woken by a `DirectoryWatcher` (inotify), as a wall display is.
///
/// Lag: from a writer's `commit` returning `.saved(seq)` to the follower's `refresh()` returning
/// that sequence number. A follower reads records as soon as they are written, before the writer's
/// fsync has returned, so the lag is usually negative: the follower shows a change before it is
/// durable (`seen_before_ack` counts those; see FollowerTests for what that costs when the fsync fails).
struct MultiWriterBench {
    static let writers = 3

    let sizes: Sizes
    let scratch: Scratch
    let report: Report
    let now: Date

    func run() throws {
        let perWriter = sizes.multiChanges
        let (directory, setup) = try openDemoDirectory(scratch, "multi-writer", now: now)
        defer { scratch.remove(directory) }
        let base = setup.seq
        let expected = base + UInt64(Self.writers * perWriter)
        let board = setup.board
        let compactEvery = sizes.multiCompactEvery
        let now = self.now
        let shared = Shared()

        let outcome = try Progress.step("\(Self.writers) writer threads × \(perWriter) single commits on one directory, "
            + "compacting every \(compactEvery), and an inotify follower") { () throws -> Outcome in
            let start = DispatchSemaphore(value: 0)
            let finished = DispatchGroup()
            let followerDone = DispatchSemaphore(value: 0)

            let follower = Thread {
                shared.setFollower(Self.follow(directory, until: expected, shared: shared))
                followerDone.signal()
            }
            follower.start()
            for k in 1...Self.writers {
                finished.enter()
                let thread = Thread {
                    start.wait()
                    shared.addWriter(Self.write(directory, board: board, now: now, name: "w\(k)", count: perWriter, compactEvery: compactEvery))
                    finished.leave()
                }
                thread.start()
            }
            shared.waitUntilFollowing()
            let began = monotonicNanos()
            for _ in 0..<Self.writers { start.signal() }
            finished.wait()
            let elapsed = monotonicNanos() - began
            shared.writersDone()
            followerDone.wait()
            return Outcome(elapsed: elapsed, writers: shared.writerResults, follower: shared.followerResult)
        }

        // Every change saved once, under its own number; the follower ended where a fresh open does.
        var acked: [UInt64: UInt64] = [:]
        var commits = Samples()
        var failures: [String] = []
        for w in outcome.writers {
            failures += w.failures
            for nanos in w.latencies { commits.add(nanos) }
            for (seq, at) in w.acks {
                if acked.updateValue(at, forKey: seq) != nil { failures.append("sequence \(seq) acknowledged twice") }
            }
        }
        guard let f = outcome.follower else { throw BenchError("the follower thread did not report") }
        let reopened = try ChangeLog.open(directory, mode: .readOnly)
        if reopened.seq != expected { failures.append("ended at sequence \(reopened.seq), expected \(expected)") }
        if acked.count != Self.writers * perWriter { failures.append("\(acked.count) acknowledged, expected \(Self.writers * perWriter)") }
        if f.seq != reopened.seq || f.board != reopened.board { failures.append("the follower ended at #\(f.seq), a fresh open at #\(reopened.seq)") }
        if !failures.isEmpty { throw BenchError("multi-writer: " + failures.prefix(5).joined(separator: "; ")) }

        // Signed: negative when the follower had the change before its commit returned.
        var lags: [Double] = []
        var unseen = 0
        for (seq, committedAt) in acked {
            guard let seenAt = f.seen[seq] else { unseen += 1; continue }
            lags.append((Double(seenAt) - Double(committedAt)) / 1e6)
        }
        lags.sort()
        let early = lags.filter { $0 < 0 }.count
        func percentile(_ p: Double) -> Double {
            lags.isEmpty ? 0 : lags[min(max(Int((p * Double(lags.count)).rounded(.up)), 1), lags.count) - 1]
        }
        let total = Self.writers * perWriter
        report.add("multi.changes", Double(total), "records")
        report.add("multi.throughput", Double(total) / outcome.elapsed.seconds, "changes/s")
        report.addLatencies("multi.commit", commits, unit: "ms")
        report.add("multi.follower.lag.min", lags.first ?? 0, "ms")
        report.add("multi.follower.lag.median", percentile(0.5), "ms")
        report.add("multi.follower.lag.p99", percentile(0.99), "ms")
        report.add("multi.follower.lag.max", lags.last ?? 0, "ms")
        report.add("multi.follower.seen_before_ack", Double(early), "records")
        report.add("multi.follower.not_handed_over", Double(unseen), "records")
        report.add("multi.follower.refresh_errors", Double(f.errors.count), "records")
        Progress.say("  \(reopened.generation - setup.generation) compactions; \(early) of \(acked.count) changes reached the follower before their commit returned")
        for error in Set(f.errors).prefix(3) { Progress.say("  follower refresh failed: \(error)") }
    }

    // MARK: The threads

    struct WriterResult: Sendable {
        var acks: [(seq: UInt64, at: UInt64)] = []
        var latencies: [UInt64] = []
        var failures: [String] = []
    }

    struct FollowerResult: Sendable {
        var seen: [UInt64: UInt64] = [:]
        var errors: [String] = []
        var seq: UInt64 = 0
        var board = Board()
    }

    struct Outcome {
        var elapsed: UInt64
        var writers: [WriterResult]
        var follower: FollowerResult?
    }

    private static func write(_ directory: DataDirectory, board: Board, now: Date, name: String, count: Int, compactEvery: Int) -> WriterResult {
        var result = WriterResult()
        let log: ChangeLog
        do { log = try ChangeLog.open(directory) } catch {
            result.failures.append("\(name): cannot open: \(error)")
            return result
        }
        log.policy = CompactionPolicy(maxRecords: compactEvery, maxInterval: .infinity)
        var factory = ChangeFactory(board: board, now: now, idPrefix: name)
        result.acks.reserveCapacity(count)
        result.latencies.reserveCapacity(count)
        for _ in 0..<count {
            let change = factory.next()
            let started = monotonicNanos()
            let outcome = log.commit(change)
            let returned = monotonicNanos()
            guard let seq = outcome.seq else {
                result.failures.append("\(name): \(outcome)")
                continue
            }
            result.acks.append((seq, returned))
            result.latencies.append(returned - started)
        }
        return result
    }

    /// Waits for inotify events on the directory (100 ms at most) and refreshes, until every writer
    /// has finished and the follower has reached `target` (or 10 s after that, if it never does).
    private static func follow(_ directory: DataDirectory, until target: UInt64, shared: Shared) -> FollowerResult {
        var result = FollowerResult()
        let log: ChangeLog
        do { log = try ChangeLog.open(directory, mode: .readOnly) } catch {
            result.errors.append("cannot open: \(error)")
            shared.startedFollowing()
            return result
        }
        let watcher = DirectoryWatcher(path: directory.path)
        shared.startedFollowing()
        var giveUpAt: UInt64?
        while true {
            if let watcher {
                // As the console does: when a writer held the lock last time, look again after 20 ms.
                var pfd = pollfd(fd: watcher.fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&pfd, 1, log.refreshPending ? 20 : 100)
                watcher.drain()
            } else {
                usleep(10_000)
            }
            do {
                let fresh = try log.refresh()
                let seenAt = monotonicNanos()
                for (seq, _) in fresh { result.seen[seq] = seenAt }
            } catch {
                result.errors.append("\(error)")
            }
            if shared.areWritersDone {
                if log.seq >= target { break }
                let t = monotonicNanos()
                if let giveUpAt, t > giveUpAt { break }
                if giveUpAt == nil { giveUpAt = t + 10_000_000_000 }
            }
        }
        result.seq = log.seq
        result.board = log.board
        return result
    }

    /// What the threads hand back, behind a lock.
    final class Shared: Sendable {
        private struct State {
            var writers: [WriterResult] = []
            var follower: FollowerResult?
            var done = false
        }
        private let state = Mutex(State())
        /// Signalled once by the follower thread, waited for once by the main thread.
        private let following = DispatchSemaphore(value: 0)

        func addWriter(_ r: WriterResult) { state.withLock { $0.writers.append(r) } }
        func setFollower(_ r: FollowerResult) { state.withLock { $0.follower = r } }
        func writersDone() { state.withLock { $0.done = true } }
        var areWritersDone: Bool { state.withLock { $0.done } }
        var writerResults: [WriterResult] { state.withLock { $0.writers } }
        var followerResult: FollowerResult? { state.withLock { $0.follower } }

        func startedFollowing() { following.signal() }
        func waitUntilFollowing() { following.wait() }
    }
}
