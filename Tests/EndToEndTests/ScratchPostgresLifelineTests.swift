import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server cannot outlive the process that started it, even one killed with
/// SIGKILL (no atexit, no signal handler): `sitroom-drill server` starts one, is killed, and the
/// server and its files must be gone.
@Suite(.serialized) struct ScratchPostgresLifelineTests {
    @Test func theServerDiesWithTheProcessThatStartedIt() throws {
        let drill = try ChildProcess([CrashDrillTests.drillBinary, "server"])
        var lines: [String] = []
        #expect(Poll.until(timeout: 90) {
            lines += drill.readLines(timeout: 0.5)
            return lines.contains { $0.hasPrefix("its files are in ") }
        }, "the server did not come up: \(lines)")
        let directory = try #require(lines.first { $0.hasPrefix("its files are in ") }?
            .dropFirst("its files are in ".count).split(separator: ";").first.map(String.init))
        let pidFile = try String(contentsOfFile: directory + "/data/postmaster.pid", encoding: .utf8)
        let postmaster = try #require(pid_t(pidFile.split(separator: "\n").first ?? ""))
        #expect(Spawn.isRunning(postmaster))

        drill.kill9()
        #expect(drill.termination() == .signalled(SIGKILL))
        #expect(Poll.until(timeout: 30) { !Spawn.isRunning(postmaster) }, "postgres \(postmaster) still running after its starter was killed")
        #expect(Poll.until(timeout: 10) { !FileManager.default.fileExists(atPath: directory) }, "\(directory) left behind")
    }
}
