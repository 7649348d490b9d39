import Foundation
// Every end-to-end test drives processes and tmux through SitRoomProcess (Spawn, ChildProcess,
// TmuxSession, Poll): exported here once rather than imported in every file.
@_exported import SitRoomProcess
#if canImport(Glibc)
import Glibc
#endif

extension TmuxSession {
    /// Runs any process to completion (posix_spawn, pipes, empty signal mask): for `sitroom apply`,
    /// `sitroom export`... from tests.
    static func run(_ args: [String], stdin: String?, environment: [String: String]? = nil) -> (status: Int32, stdout: String, stderr: String) {
        let result = Spawn.run(args, stdin: stdin, environment: environment)
        return (result.status, result.stdout, result.stderr)
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
