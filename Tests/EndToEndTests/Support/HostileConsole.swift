import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The console in tmux the way the hostile-terminal drills need it: under a given TERM and locale
/// (set with `env` inside the pane, because tmux sets TERM itself), its exit status written to a
/// file, or under an interactive shell for Ctrl-Z/fg and for looking at the tty after it died.
struct HostileConsole {
    let demo: DemoData
    /// SITROOM_DRILL_FULL=1 (`make drills-term`): the full drill; otherwise the bounded CI size.
    static let full = ProcessInfo.processInfo.environment["SITROOM_DRILL_FULL"] == "1"

    var statusFile: String { demo.root + "/exit-status" }

    /// `env` arguments that give the pane exactly this TERM and locale (`nil` LANG: unset).
    static func environment(term: String, lang: String?, extra: [String] = []) -> [String] {
        // env takes its -u options before any NAME=VALUE.
        ["env", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "NO_COLOR"] + (lang == nil ? ["-u", "LANG"] : [])
            + ["TERM=\(term)"] + (lang.map { ["LANG=\($0)"] } ?? []) + extra
    }

    /// The console run directly under `sh -c`, which records its exit status.
    var stderrFile: String { demo.root + "/stderr" }

    /// `stderrToFile`: what the console says on standard error goes to `stderrFile` (tmux does not
    /// reliably keep the first line of a pane whose command died at once).
    func open(term: String = "xterm-256color", lang: String? = "C.UTF-8", extra: [String] = [],
              width: Int = 100, height: Int = 30, stderrToFile: Bool = false, arguments: [String]) throws -> TmuxSession {
        try? FileManager.default.removeItem(atPath: statusFile)
        try? FileManager.default.removeItem(atPath: stderrFile)
        let redirect = stderrToFile ? " 2> '\(stderrFile)'" : ""
        let script = "\"$0\" \"$@\"\(redirect); echo \"exit=$?\" > '\(statusFile)'"
        return try TmuxSession(width: width, height: height,
                               command: Self.environment(term: term, lang: lang, extra: extra)
                                   + ["sh", "-c", script, TmuxSession.sitroomBinary, "--data", demo.path,
                                      "--officer", "drill", "--tz", "Asia/Seoul"] + arguments,
                               remainOnExit: true)
    }

    /// The screen with the clock's seconds masked: the clock runs even when the board is frozen.
    static func withoutClock(_ screen: String) -> String {
        screen.replacingOccurrences(of: #"\d\d:\d\d:\d\d"#, with: "hh:mm:ss", options: .regularExpression)
    }

    /// The exit status once the console has ended (nil until then).
    func exitStatus() -> String? {
        (try? String(contentsOfFile: statusFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An interactive bash (job control, a prompt of "$ ") in the pane; run commands with `type`.
    func openShell(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let tmux = try TmuxSession(width: width, height: height,
                                   command: Self.environment(term: "xterm-256color", lang: "C.UTF-8", extra: ["PS1=$ "])
                                       + ["bash", "--norc", "--noprofile", "-i"])
        try tmux.waitFor("$")
        return tmux
    }

    /// The console's command line for a shell.
    func commandLine(_ arguments: [String]) -> String {
        ([TmuxSession.sitroomBinary, "--data", demo.path, "--officer", "drill", "--tz", "Asia/Seoul"] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
    }

    /// The pid of the first child of the pane's process (the console under sh or bash).
    static func childPID(_ tmux: TmuxSession) -> pid_t? {
        guard let parent = tmux.panePID() else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// The process state letter (R, S, T, Z...), nil once it is gone.
    static func state(_ pid: pid_t) -> Character? { Spawn.processState(pid) }

    static func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool { Poll.until(timeout: timeout, condition) }

    func run(_ subcommand: [String]) -> (status: Int32, stdout: String, stderr: String) {
        TmuxSession.run([TmuxSession.sitroomBinary] + subcommand + ["--data", demo.path], stdin: nil)
    }
}
