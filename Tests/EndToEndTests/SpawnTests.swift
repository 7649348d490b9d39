import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SitRoomProcess's Spawn: the one way the tests, bench and drills start processes.
@Suite struct SpawnTests {
    @Test func aChildGetsAnEmptySignalMaskAndDefaultHandlersWhateverTheCallerBlocks() throws {
        // Block SIGUSR1 and SIGWINCH on this thread only: a child would inherit the mask.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR1)
        sigaddset(&blocked, SIGWINCH)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let status = Spawn.run(["cat", "/proc/self/status"])
        #expect(status.status == 0)
        func mask(_ name: String) -> UInt64? {
            let line = status.stdout.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            return line.flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        #expect(mask("SigBlk") == 0, "\(status.stdout)")
        // This process ignores SIGPIPE (Spawn does so); the child must not. Signals 32 and 33 are
        // glibc's own (sigfillset leaves them out), so only 1-31 are checked.
        #expect(mask("SigIgn").map { $0 & 0x7fff_ffff } == 0, "\(status.stdout)")
    }

    @Test func runFeedsInputReportsStatusAndRunsInTheDirectoryGiven() {
        let r = Spawn.run(["sh", "-c", "pwd; cat; echo oops >&2; exit 3"], stdin: "서울\n", directory: "/usr")
        #expect(r.status == 3)
        #expect(r.stdout == "/usr\n서울\n")
        #expect(r.stderr == "oops\n")
        let missing = Spawn.run(["/nonexistent/program"])
        #expect(missing.status == 127)
        #expect(missing.stderr.contains("cannot run /nonexistent/program"))
    }

    /// A second wait for the same child (ECHILD) says the end is unknown: never a clean exit.
    @Test func waitTellsSignalsAndUnknownEndsApart() throws {
        let pid = try Spawn.start(["sleep", "30"])
        #expect(Spawn.wait(pid, timeout: 0.1) == nil, "still sleeping")
        #expect(Spawn.kill9(pid) == .signalled(SIGKILL))
        let again = Spawn.wait(pid)
        #expect(again == .unknown(errno: ECHILD))
        #expect(again.status == -1)
        let quick = try Spawn.start(["true"])
        #expect(Spawn.wait(quick, timeout: 5) == .exited(0))
    }

    @Test func childProcessWaitsOnceAndKeepsTheAnswer() throws {
        let child = try ChildProcess(["sh", "-c", "read line; echo got $line; exit 4"])
        child.write("x\n")
        #expect(child.readAll() == ["got x"])
        #expect(child.waitExit() == 4)
        #expect(child.waitExit() == 4)
        #expect(child.termination() == .exited(4))
    }

    @Test func pipesAreCloseOnExecFromTheStart() throws {
        let pipe = try #require(Spawn.makePipe())
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        #expect(fcntl(pipe.read, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(pipe.write, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func pollStopsAtTheDeadlineOrTheEvent() {
        let started = Date()
        #expect(!Poll.until(timeout: 0.2) { false })
        #expect(Date().timeIntervalSince(started) >= 0.2)
        var calls = 0
        #expect(Poll.until(timeout: 5) { calls += 1; return calls == 3 })
        #expect(calls == 3)
    }
}
