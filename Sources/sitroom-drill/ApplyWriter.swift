import Foundation
import SitRoomDrills
#if canImport(Glibc)
import Glibc
#endif

/// One cycle of `sitroom apply`: start it, feed it uniquely tagged log entries in bursts of varying
/// size (so that group commits vary), read each `ok <seq>` as it comes, kill -9 it at `life` seconds.
struct ApplyWriter: Sendable {
    let sitroom: String
    let data: String
    let cycle: Int
    let life: Double
    let compactEvery: Int
    let seed: UInt64

    func run() -> WriterCycle {
        var result = WriterCycle()
        var rng = SeededRandom(seed: seed)
        guard let input = DrillSpawn.makePipe(), let output = DrillSpawn.makePipe(), let errors = DrillSpawn.makePipe() else {
            result.failures.append("apply cycle \(cycle): no pipes")
            return result
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        let started = Date()
        let pid = DrillSpawn.spawn([sitroom, "apply", "--data", data, "--officer", "drill-apply",
                                    "--compact-every", String(compactEvery)], &actions)
        posix_spawn_file_actions_destroy(&actions)
        close(input.read)
        close(output.write)
        close(errors.write)
        guard let pid else {
            close(input.write)
            close(output.read)
            close(errors.read)
            result.failures.append("apply cycle \(cycle): cannot start \(sitroom)")
            return result
        }
        _ = fcntl(input.write, F_SETFL, fcntl(input.write, F_GETFL) | O_NONBLOCK)
        var pending: [UInt8] = []
        var lineBuffer: [UInt8] = []
        var answered = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        var exitedEarly: Int32?

        func take(_ bytes: ArraySlice<UInt8>, at time: Date) {
            lineBuffer += bytes
            while let newline = lineBuffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: lineBuffer[..<newline], as: UTF8.self)
                lineBuffer.removeSubrange(...newline)
                // Answers come in input order: the k-th line of output is about the k-th line sent.
                guard answered < result.sent.count else {
                    result.failures.append("apply cycle \(cycle): an answer for a line never sent: \(line)")
                    continue
                }
                let tag = result.sent[answered]
                answered += 1
                if line.hasPrefix("ok "), let seq = UInt64(line.dropFirst(3)) {
                    result.acks.append(Ack(tag: tag, seq: seq))
                    if result.recovery == nil { result.recovery = time.timeIntervalSince(started) }
                } else {
                    result.failures.append("apply cycle \(cycle): [\(tag)] \(line)")
                }
            }
        }

        let killAt = started.addingTimeInterval(life)
        var n = 0
        while Date() < killAt {
            // Keep a few hundred lines in flight: enough for large group commits, few enough that
            // the pipe never holds back the kill.
            if result.sent.count - answered < 400 && pending.count < 32_768 {
                for _ in 0..<Int.random(in: 1...120, using: &rng) {
                    let tag = "a\(cycle)n\(n)"
                    n += 1
                    result.sent.append(tag)
                    pending += Array(#"{"type":"log.add","record":{"id":"\#(tag)","eventTime":"2026-11-23T09:00:00Z","text":"drill [\#(tag)] 서울","category":"drill","severity":"info"}}"#.utf8)
                    pending.append(UInt8(ascii: "\n"))
                }
            }
            if !pending.isEmpty {
                let written = pending.withUnsafeBytes { write(input.write, $0.baseAddress, $0.count) }
                if written > 0 { pending.removeFirst(written) }
            }
            let wait = Int32(max(0, min(2.0, killAt.timeIntervalSinceNow * 1000)))
            var p = pollfd(fd: output.read, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, wait) > 0 {
                let got = chunk.withUnsafeMutableBytes { read(output.read, $0.baseAddress, $0.count) }
                if got > 0 {
                    take(chunk[..<got], at: Date())
                } else if got == 0 {
                    var status: Int32 = 0
                    if waitpid(pid, &status, WNOHANG) == pid { exitedEarly = status }
                    break
                }
            }
        }
        if exitedEarly == nil { kill(pid, SIGKILL) }
        let status = exitedEarly.map { ($0 >> 8) & 0xff } ?? DrillSpawn.wait(pid)
        close(input.write)
        // What it printed before it died was printed after its fsync: those are acknowledged too.
        let (rest, stderr) = DrillSpawn.drain(output.read, errors.read)
        take(rest[...], at: Date())
        let errorText = String(decoding: stderr, as: UTF8.self)
        result.tornTailsCut = errorText.components(separatedBy: "cut off a torn last record").count - 1
        if exitedEarly != nil || status != 128 + SIGKILL {
            result.failures.append("apply cycle \(cycle): exited with \(status) before the kill: \(errorText)")
        }
        return result
    }
}
