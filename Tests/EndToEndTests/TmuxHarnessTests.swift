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
        #expect(Poll.until(timeout: 5) { !Spawn.isRunning(pid) })
    }

    /// The pane's program gets SIGWINCH (the test thread's blocked mask is not inherited) and sees
    /// the new size once resizeAndWait returns, twice in a row (tmux holds back a quick second resize).
    @Test func resizeAndWaitReachesTheProgram() throws {
        let file = NSTemporaryDirectory() + "sitroom-winch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let session = try TmuxSession(width: 80, height: 24, command: [
            "sh", "-c", "trap 'stty size > \"$0\"' WINCH; echo ready; while :; do sleep 0.05; done", file,
        ])
        try session.waitFor("ready")
        for (width, height) in [(50, 12), (70, 20)] {
            try session.resizeAndWait(width: width, height: height)
            let seen = Poll.until(timeout: 5) {
                (try? String(contentsOfFile: file, encoding: .utf8)) == "\(height) \(width)\n"
            }
            #expect(seen, "the program saw \((try? String(contentsOfFile: file, encoding: .utf8)) ?? "nothing")")
        }
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
