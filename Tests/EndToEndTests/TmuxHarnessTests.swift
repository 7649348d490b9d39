import Foundation
import Testing

/// The harness itself: tmux starts, shows UTF-8 text, and processes can be run with pipes.
@Suite(.serialized) struct TmuxHarnessTests {
    @Test func tmuxShowsWideText() throws {
        let session = try TmuxSession(width: 80, height: 24,
                                      command: ["sh", "-c", "printf 'hello 서울\\n'; sleep 30"],
                                      environment: [:])
        let screen = try session.waitFor("hello 서울")
        #expect(screen.contains("hello 서울"))
        let pid = try #require(session.panePID())
        #expect(Spawn.isRunning(pid))
        session.kill()
        // kill-server takes the pane's process with it.
        let deadline = Date().addingTimeInterval(5)
        while Spawn.isRunning(pid) && Date() < deadline { usleep(20_000) }
        #expect(!Spawn.isRunning(pid))
    }

    @Test func runCapturesOutput() {
        let result = TmuxSession.run(["/bin/echo", "hi"], stdin: nil)
        #expect(result.status == 0)
        #expect(result.stdout == "hi\n")
        #expect(result.stderr == "")
        let cat = TmuxSession.run(["cat"], stdin: "서울\n")
        #expect(cat.stdout == "서울\n")
    }

    @Test func keyNames() {
        #expect(TmuxSession.isKeyName("Enter"))
        #expect(TmuxSession.isKeyName("C-c"))
        #expect(TmuxSession.isKeyName("S-Up"))
        #expect(TmuxSession.isKeyName("F5"))
        #expect(!TmuxSession.isKeyName("C-section"))
        #expect(!TmuxSession.isKeyName("hello"))
    }
}
