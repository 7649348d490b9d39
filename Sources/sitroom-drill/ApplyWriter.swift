import Foundation
import SitRoomDrills
import SitRoomProcess
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
        guard let input = Spawn.makePipe(), let output = Spawn.makePipe(), let errors = Spawn.makePipe() else {
            result.failures.append("apply cycle \(cycle): no pipes")
            return result
        }
        let started = Date()
        let pid: pid_t
        do {
            pid = try Spawn.start([sitroom, "apply", "--data", data, "--officer", "drill-apply",
                                   "--compact-every", String(compactEvery)],
                                  stdin: .fd(input.read), stdout: .fd(output.write), stderr: .fd(errors.write))
        } catch {
            for fd in [input.read, input.write, output.read, output.write, errors.read, errors.write] { close(fd) }
            result.failures.append("apply cycle \(cycle): \(error)")
            return result
        }
        close(input.read)
        close(output.write)
        close(errors.write)
        _ = fcntl(input.write, F_SETFL, fcntl(input.write, F_GETFL) | O_NONBLOCK)
        var pending: [UInt8] = []
        var lineBuffer: [UInt8] = []
        var answered = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        var exitedEarly: Spawn.Termination?

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
                    // Closed its output: it has ended, or is about to (waited for below).
                    exitedEarly = Spawn.wait(pid, timeout: 5)
                    break
                }
            }
        }
        let ended = exitedEarly ?? Spawn.kill9(pid)
        close(input.write)
        // What it printed before it died was printed after its fsync: those are acknowledged too.
        let (rest, stderr) = Spawn.drain(output.read, errors.read)
        take(rest[...], at: Date())
        let errorText = String(decoding: stderr, as: UTF8.self)
        result.tornTailsCut = errorText.components(separatedBy: "cut off a torn last record").count - 1
        if exitedEarly != nil || ended != .signalled(SIGKILL) {
            result.failures.append("apply cycle \(cycle): exited with \(ended.status) before the kill: \(errorText)")
        }
        return result
    }
}
