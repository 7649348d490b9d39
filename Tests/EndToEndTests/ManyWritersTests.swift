import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
#if canImport(Glibc)
import Glibc
#endif

/// Three `sitroom apply` processes on one data directory at once, all reporting figures for the same
/// ten hospitals and adding log entries of their own, compacting often; one of them is killed with
/// SIGKILL at a random moment, and this process follows the directory read-only all along.
/// Afterwards: every acknowledged change is there exactly once, no sequence number was handed out
/// twice, the sequence has no gaps, and everyone who reads the directory sees the same board.
@Suite(.serialized) struct ManyWritersTests {
    static let linesPerWriter = Int(ProcessInfo.processInfo.environment["SITROOM_MANY_WRITERS_LINES"] ?? "") ?? 3_000

    /// One writer: its process, what it was sent and what it answered.
    final class Writer {
        let name: String
        let child: ChildProcess
        var sent: [(line: String, logId: String?)] = []
        var answers: [String] = []
        var killed = false

        init(name: String, child: ChildProcess) {
            self.name = name
            self.child = child
        }
    }

    @Test func threeWritersOneKilledNothingAcknowledgedLostOrDuplicated() throws {
        let started = Date()
        let root = NSTemporaryDirectory() + "sitroom-many-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let initRun = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", data, "--demo"], stdin: nil)
        let base = try #require(initRun.stdout.split(separator: "#").last.flatMap { UInt64($0.prefix { $0.isNumber }) },
                                "init: \(initRun.stdout) \(initRun.stderr)")
        #expect(initRun.status == 0)
        let hospitals = Array(DemoSituation.board(now: Date()).hospitals.keys.sorted().prefix(10))

        var rng = SeededRandom(seed: testSeed())
        let writers = try (1...3).map { k in
            Writer(name: "w\(k)", child: try ChildProcess([
                TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "w\(k)",
                "--compact-every", String(Int.random(in: 300...900, using: &rng)),
            ]))
        }
        let victim = writers.randomElement(using: &rng)!
        // Killed once it has answered this many lines.
        let killAfter = Int.random(in: Self.linesPerWriter / 10...Self.linesPerWriter * 8 / 10, using: &rng)

        // A wall display following all along: never an error, never a step back.
        let follower = try ChangeLog.open(DataDirectory(data), mode: .readOnly)
        var followerSeq = follower.seq
        var followerRefreshes = 0

        func follow() {
            do {
                _ = try follower.refresh()
                #expect(follower.seq >= followerSeq)
                followerSeq = follower.seq
                followerRefreshes += 1
            } catch {
                Issue.record("the follower could not refresh: \(error)")
            }
        }

        // Feed all three in small bursts, reading answers as they come, until each has had all its
        // lines and the victim has been killed. The kill comes once the victim has answered
        // `killAfter` lines: it lands while it works through lines already sent (usually hundreds
        // more are waiting in its pipe), a group commit being written or synced.
        while writers.contains(where: { !$0.killed && $0.sent.count < Self.linesPerWriter }) || !victim.killed {
            for w in writers where !w.killed {
                for _ in 0..<min(Int.random(in: 1...25, using: &rng), Self.linesPerWriter - w.sent.count) {
                    let n = w.sent.count
                    if n % 3 == 2 {
                        let id = "\(w.name)-\(n)"
                        w.sent.append((#"{"type":"log.add","record":{"id":"\#(id)","text":"\#(w.name) line \#(n) 응급실","category":"test"}}"#, id))
                    } else {
                        let h = hospitals[Int.random(in: 0..<hospitals.count, using: &rng)]
                        let beds = Int.random(in: 0...60, using: &rng)
                        w.sent.append((#"{"type":"hospital.report","id":"\#(h)","report":{"erBeds":{"available":\#(beds),"staffed":60}}}"#, nil))
                    }
                    w.child.write(w.sent[n].line + "\n")
                }
                let fed = w.sent.count == Self.linesPerWriter
                w.answers += w.child.readLines(timeout: fed && w === victim ? 0.002 : 0)
                if w === victim && (w.answers.count >= killAfter || (fed && w.answers.count == w.sent.count)) {
                    w.answers += w.child.readLines(timeout: Double.random(in: 0...0.005, using: &rng))
                    w.child.kill9()
                    w.child.waitExit()
                    w.answers += w.child.readAll()
                    w.killed = true
                }
            }
            follow()
        }
        // Then end their input and collect the rest.
        #expect(victim.answers.count < victim.sent.count, "\(victim.name) had answered everything when it was killed")
        for w in writers where !w.killed { w.child.closeInput() }
        for w in writers where !w.killed {
            w.answers += w.child.readAll()
            w.child.waitExit()
        }
        follow()

        // Every answer is `ok <seq>`, in input order: the k-th belongs to the k-th line.
        var ackedSeqs: [UInt64: String] = [:]
        var ackedLogIds: Set<String> = []
        var unackedLogIds: Set<String> = []
        var acks = 0
        for w in writers {
            #expect(w.answers.count <= w.sent.count)
            if w !== victim { #expect(w.answers.count == w.sent.count, "\(w.name): \(w.answers.count) answers to \(w.sent.count) lines") }
            for (k, answer) in w.answers.enumerated() {
                guard answer.hasPrefix("ok "), let seq = UInt64(answer.dropFirst(3)) else {
                    Issue.record("\(w.name) line \(k + 1): \(answer)")
                    continue
                }
                #expect(ackedSeqs[seq] == nil, "#\(seq) acknowledged to \(ackedSeqs[seq] ?? "") and to \(w.name)")
                ackedSeqs[seq] = w.name
                acks += 1
                if let id = w.sent[k].logId { ackedLogIds.insert(id) }
            }
            for (line, id) in w.sent.dropFirst(w.answers.count) { if let id { unackedLogIds.insert(id) } else { _ = line } }
        }

        // The directory: healthy, and the same board whoever reads it.
        let check = TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", data], stdin: nil)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let log = try ChangeLog.open(DataDirectory(data), mode: .readOnly)
        let export = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data], stdin: nil)
        #expect(export.status == 0)
        let mine = String(decoding: try SitRoomJSON.encoder(pretty: true).encode(BoardDocument(log.board, seq: log.seq)), as: UTF8.self)
        #expect(export.stdout == mine + "\n", "export differs from an in-process open")
        _ = try follower.refresh()
        #expect(follower.seq == log.seq && follower.board == log.board, "the follower ended elsewhere")

        // Nothing acknowledged lost, nothing twice.
        var seen: [String: Int] = [:]
        for entry in log.board.log where entry.category == "test" { seen[entry.id, default: 0] += 1 }
        #expect(seen.values.allSatisfy { $0 == 1 }, "a log entry is there twice")
        let lost = ackedLogIds.filter { seen[$0] == nil }
        #expect(lost.isEmpty, "acknowledged and lost: \(lost.sorted().prefix(10))")
        #expect(Set(seen.keys).isSubset(of: ackedLogIds.union(unackedLogIds)))

        // Sequence numbers: opening checked that they run without a gap up to log.seq. Every one
        // after the demo's is either acknowledged or one of the victim's unanswered lines.
        let maxAcked = ackedSeqs.keys.max() ?? 0
        #expect(log.seq >= maxAcked)
        let unanswered = victim.sent.count - victim.answers.count
        let landedUnanswered = Int(log.seq - base) - acks
        #expect(landedUnanswered >= 0 && landedUnanswered <= unanswered,
                "\(log.seq - base) changes after the demo, \(acks) acknowledged, \(unanswered) unanswered")
        #expect(ackedSeqs.keys.allSatisfy { $0 > base && $0 <= log.seq })
        let landedUnansweredLogs = seen.keys.filter { unackedLogIds.contains($0) }.count
        #expect(landedUnansweredLogs <= landedUnanswered)

        print("many writers: 3 × \(Self.linesPerWriter) lines, \(victim.name) killed after \(victim.sent.count) sent / "
            + "\(victim.answers.count) answered; \(acks) acknowledged, \(lost.count) lost, "
            + "\(seen.values.filter { $0 > 1 }.count) duplicated, \(landedUnanswered) unanswered saved anyway; "
            + "final #\(log.seq) generation \(log.generation); follower refreshed \(followerRefreshes)×; "
            + String(format: "%.1f s", Date().timeIntervalSince(started)))
    }
}
