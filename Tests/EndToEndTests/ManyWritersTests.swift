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
        let child: WriterProcess
        var sent: [(line: String, logId: String?)] = []
        var answers: [String] = []
        var killed = false

        init(name: String, child: WriterProcess) {
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

        var rng = SystemRandomNumberGenerator()
        let writers = try (1...3).map { k in
            Writer(name: "w\(k)", child: try WriterProcess([
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

/// `sitroom apply` as a child with pipes on stdin and stdout, like `ChildProcess`, but safe to run
/// several at once next to other tests: our ends of the pipes are close-on-exec (a second child
/// must not inherit the first one's stdin, or the first never sees the end of its input), and each
/// descriptor is closed exactly once (`ChildProcess.closeInput()` followed by its deinit closes the
/// same number twice, which can close a descriptor another test has opened in the meantime).
final class WriterProcess {
    let pid: pid_t
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var buffer: [UInt8] = []
    private var reaped = false

    init(_ arguments: [String]) throws {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw POSIXError(.EMFILE) }
        guard pipe(&fromChild) == 0 else {
            toChild.forEach { close($0) }
            throw POSIXError(.EMFILE)
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)  // dup2 clears close-on-exec
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, arguments[0], &actions, &attr, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)
        }
        pid = child
        stdinFD = toChild[1]
        stdoutFD = fromChild[0]
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        if !reaped { kill(pid, SIGKILL); waitExit() }
        closeInput()
        if stdoutFD >= 0 { close(stdoutFD) }
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count, stdinFD >= 0 {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(stdinFD, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            done += n
        }
    }

    func closeInput() {
        if stdinFD >= 0 { close(stdinFD) }
        stdinFD = -1
    }

    /// Complete lines available within `timeout` seconds.
    func readLines(timeout: Double) -> [String] {
        var pfd = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, Int32(timeout * 1000)) > 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[..<n]) }
        }
        guard let last = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let lines = buffer[..<last].split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        buffer.removeSubrange(...last)
        return lines
    }

    /// Everything until the child closes its stdout.
    func readAll() -> [String] {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[..<n])
        }
        defer { buffer.removeAll() }
        return buffer.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    func kill9() { kill(pid, SIGKILL) }

    func waitExit() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }
}
