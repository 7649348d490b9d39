import Foundation
// Every end-to-end test drives processes and tmux through SitRoomProcess (Spawn, ChildProcess,
// TmuxSession, Poll): exported here once rather than imported in every file.
@_exported import SitRoomProcess
#if canImport(Glibc)
import Glibc
#endif

/// The built `sitroom` run to completion with `args` (and `stdin`), as a test runs its commands.
func sitroom(_ args: [String], stdin: String? = nil) -> (status: Int32, stdout: String, stderr: String) {
    TmuxSession.run([TmuxSession.sitroomBinary] + args, stdin: stdin)
}

extension TmuxSession {
    /// Runs any process to completion (posix_spawn, pipes, empty signal mask): for `sitroom apply`,
    /// `sitroom export`... from tests.
    static func run(_ args: [String], stdin: String?, environment: [String: String]? = nil) -> (status: Int32, stdout: String, stderr: String) {
        let result = Spawn.run(args, stdin: stdin, environment: environment)
        return (result.status, result.stdout, result.stderr)
    }

    /// The live console on `data` as `officer`, in Seoul time, in a 256-colour terminal of the given
    /// size; `extra` arguments go after the standard ones.
    static func console(
        data: String, officer: String, width: Int, height: Int, _ extra: [String] = [], remainOnExit: Bool = false
    ) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        command: [sitroomBinary, "--data", data, "--officer", officer, "--tz", "Asia/Seoul"] + extra,
                        environment: ["TERM": "xterm-256color"], remainOnExit: remainOnExit)
    }

    /// Goes to SNUH (A1100017) on the console and opens its ER/ICU form.
    func openSNUHForm() throws {
        sendKeys(":")
        sendText("goto A1100017")
        sendKeys("Enter")
        sendKeys("e")
        try waitFor("ER/ICU status — 서울대학교병원")
    }

    /// In the open ER/ICU form, replaces the ICU beds field with `value` (not saved yet).
    func typeICU(_ value: String) {
        for _ in 0..<3 { sendKeys("Tab") }
        sendKeys("C-u")
        sendText(value)
    }

    /// The built `sitroom` executable: found next to the test binary (via /proc/self/exe, going up
    /// towards the build products folder). SITROOM_BINARY overrides it.
    static var sitroomBinary: String {
        if let override = ProcessInfo.processInfo.environment["SITROOM_BINARY"], !override.isEmpty {
            return override
        }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" && !dir.path.isEmpty {
            let candidate = dir.appendingPathComponent("sitroom").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
               !isDirectory.boolValue, access(candidate, X_OK) == 0 {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        return "sitroom"
    }
}
