import Foundation
import SitRoomDrills
import SitRoomProcess
#if canImport(Glibc)
import Glibc
#endif

/// The drill's tmux server: one for the whole drill (`exit-empty off`), one session per console cycle.
final class DrillTmux {
    let server = TmuxClient(socket: "sitroom-drill-\(getpid())")

    init() throws {
        let r = client(["start-server", ";", "set-option", "-s", "exit-empty", "off", ";",
                        "set-option", "-s", "escape-time", "0", ";", "set-option", "-g", "status", "off"])
        guard r.status == 0 else { throw DrillError("tmux start-server failed (\(r.status)): \(r.stderr)") }
    }

    deinit { server.killServer() }

    @discardableResult
    func client(_ args: [String]) -> Spawn.Result {
        server.run(args)
    }
}

/// One cycle of the live console: start it in a tmux session, wait for its first frame, then enter
/// tagged log entries on the `:` line one at a time, each acknowledged only when the screen shows
/// `saved #N: log …: drill [tag]` (drawn after the commit returned); kill -9 it at `life` seconds.
struct ConsoleWriter {
    let tmux: DrillTmux
    let sitroom: String
    let data: String
    let cycle: Int
    let life: Double

    func run() -> WriterCycle {
        var result = WriterCycle()
        let session = "c\(cycle)"
        let started = Date()
        let start = tmux.client(["new-session", "-d", "-s", session, "-x", "160", "-y", "40", "-e", "LANG=C.UTF-8",
                                 "-e", "TERM=xterm-256color", "--", sitroom, "--data", data, "--officer", "drill-console"])
        guard start.status == 0 else {
            result.failures.append("console cycle \(cycle): tmux new-session failed: \(start.stderr)")
            return result
        }
        let paneInfo = tmux.client(["display-message", "-p", "-t", session, "#{pane_pid}"])
        guard let pid = pid_t(paneInfo.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            result.failures.append("console cycle \(cycle): no pane pid: \(paneInfo.stdout) \(paneInfo.stderr)")
            return result
        }
        let killAt = started.addingTimeInterval(life)
        var waitingFor: String?
        var n = 0
        while Date() < killAt {
            guard Spawn.isRunning(pid) else {
                result.failures.append("console cycle \(cycle): the console exited before the kill")
                break
            }
            let screen = tmux.client(["capture-pane", "-p", "-t", session]).stdout
            let seen = Date()
            if result.recovery == nil {
                guard screen.contains("saved #") else {
                    usleep(2_000)
                    continue
                }
                result.recovery = seen.timeIntervalSince(started)
            }
            if let tag = waitingFor {
                if let seq = Self.savedSeq(of: tag, on: screen) {
                    result.acks.append(Ack(tag: tag, seq: seq))
                    waitingFor = nil
                } else if screen.contains("NOT SAVED") {
                    result.failures.append("console cycle \(cycle): [\(tag)] NOT SAVED:\n\(screen)")
                    break
                } else {
                    usleep(2_000)
                }
                continue
            }
            let tag = "c\(cycle)n\(n)"
            n += 1
            result.sent.append(tag)
            waitingFor = tag
            tmux.client(["send-keys", "-t", session, "-l", ":log cat=drill drill [\(tag)]", ";", "send-keys", "-t", session, "Enter"])
        }
        kill(pid, SIGKILL)
        // The pane's process is the tmux server's child: wait until it is gone (or a zombie).
        if !Poll.until(timeout: 5, every: 0.001, { !Spawn.isRunning(pid) }) {
            result.failures.append("console cycle \(cycle): still running 5 s after kill -9")
        }
        tmux.client(["kill-session", "-t", session])
        return result
    }

    /// N from the message line `saved #N: log drill: drill [tag]`, if it is on the screen.
    static func savedSeq(of tag: String, on screen: String) -> UInt64? {
        for line in screen.split(separator: "\n") where line.contains("[\(tag)]") {
            guard let mark = line.range(of: "saved #") else { continue }
            let digits = line[mark.upperBound...].prefix { $0.isNumber }
            guard line[mark.upperBound...].dropFirst(digits.count).hasPrefix(": log"), let seq = UInt64(digits) else { continue }
            return seq
        }
        return nil
    }
}

struct DrillError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
