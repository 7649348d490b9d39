import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// Kill `sitroom apply` with SIGKILL at a random moment, many times: every change it acknowledged
/// with `ok <seq>` is on disk exactly once, and nothing is ever unreadable.
@Suite(.serialized) struct CrashTests {
    static let cycles = Int(ProcessInfo.processInfo.environment["SITROOM_CRASH_CYCLES"] ?? "") ?? 60

    @Test func killedApplyLosesNothingAcknowledged() throws {
        let root = NSTemporaryDirectory() + "sitroom-crash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let initRun = try ChildProcess([TmuxSession.sitroomBinary, "init", "--data", data])
        initRun.closeInput()
        #expect(initRun.waitExit() == 0)

        var rng = SeededRandom(seed: testSeed())
        var acknowledged: [UInt64: String] = [:]  // seq -> log entry id
        var totalAcks = 0
        var maxRecovery = 0.0
        for cycle in 0..<Self.cycles {
            // Small compaction thresholds so that some kills land in the middle of a compaction.
            let child = try ChildProcess([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "crash",
                                          "--compact-every", String(Int.random(in: 5...60, using: &rng))])
            // Keep feeding lines (in small bursts, so that group commits vary in size) until the kill
            // time comes: the kill lands while records are being written and synced.
            let killAt = Date().addingTimeInterval(Double.random(in: 0.04...0.3, using: &rng))
            var sent: [String] = []
            var acks: [String] = []
            var n = 0
            while Date() < killAt {
                for _ in 0..<Int.random(in: 1...20, using: &rng) {
                    let id = "c\(cycle)-\(n)"
                    sent.append(id)
                    n += 1
                    let line = #"{"type":"log.add","record":{"id":"\#(id)","eventTime":"2026-11-23T09:00:00Z","text":"crash \#(cycle) 서울","category":"test","severity":"info"}}"#
                    child.write(line + "\n")
                }
                acks += child.readLines(timeout: Double.random(in: 0...0.003, using: &rng))
            }
            child.kill9()
            child.waitExit()
            acks += child.readAll()
            // Acks are printed in input order, so the k-th ok belongs to the k-th line.
            for (k, line) in acks.enumerated() {
                #expect(line.hasPrefix("ok "), "cycle \(cycle): \(line)")
                guard let seq = UInt64(line.dropFirst(3)) else { continue }
                #expect(acknowledged[seq] == nil, "seq \(seq) acknowledged twice")
                acknowledged[seq] = sent[k]
                totalAcks += 1
            }
            let started = Date()
            let log = try ChangeLog.open(DataDirectory(data))
            maxRecovery = max(maxRecovery, Date().timeIntervalSince(started))
            var seen: [String: Int] = [:]
            for entry in log.board.log { seen[entry.id, default: 0] += 1 }
            #expect(seen.values.allSatisfy { $0 == 1 }, "cycle \(cycle): a change is present twice")
            for (seq, id) in acknowledged {
                #expect(seen[id] == 1, "cycle \(cycle): acknowledged #\(seq) \(id) is missing")
                #expect(log.seq >= seq)
            }
        }
        #expect(totalAcks > 0)
        print("crash test: \(Self.cycles) kill -9 cycles, \(totalAcks) acknowledged, 0 lost, 0 duplicated; "
            + "slowest recovery \(String(format: "%.1f", maxRecovery * 1000)) ms")
    }
}
