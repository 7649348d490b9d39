import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The real binary in tmux, driven by keys like a duty officer would, the screen read back as text.
@Suite(.serialized) struct WallTests {
    let root = NSTemporaryDirectory() + "sitroom-wall-" + UUID().uuidString
    var data: String { root + "/data" }

    init() throws {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "init", "--data", root + "/data", "--demo"], stdin: nil)
        guard r.status == 0 else { throw TmuxError(description: "init failed: \(r.stderr)") }
    }

    func open(width: Int = 80, height: Int = 24, _ extra: [String] = []) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        command: [TmuxSession.sitroomBinary, "--data", data, "--officer", "e2e", "--tz", "Asia/Seoul"] + extra,
                        environment: ["TERM": "xterm-256color"], remainOnExit: true)
    }

    func apply(_ line: String) -> (status: Int32, stdout: String, stderr: String) {
        TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "desk2"], stdin: line + "\n")
    }

    @Test func opensMovesSwitchesPanelsAndOpensDetailAndHelp() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open()
        var screen = try tmux.waitFor("✔ saved #331")
        #expect(screen.contains("┏━ 2 ER/ICU coverage"), "coverage has the focus first")
        #expect(screen.contains("DEMO"))
        #expect(screen.contains("KST"))
        tmux.sendKeys("j", "j", "Down")
        screen = try tmux.waitFor("4/53")
        tmux.sendKeys("Tab")
        screen = try tmux.waitFor("┏━ 3 Inter-agency contacts")
        tmux.sendKeys("Enter")
        screen = try tmux.waitFor("Last reached")
        #expect(screen.contains("Esc back"))
        tmux.sendKeys("Escape")
        try tmux.waitFor("┏━ 3 Inter-agency contacts")
        tmux.sendKeys("?")
        screen = try tmux.waitFor("Help — keys")
        #expect(screen.contains("open the selected record"))
        tmux.sendKeys("Escape", "2")
        screen = try tmux.waitUntil("the full coverage view") { !$0.contains("Inter-agency") && $0.contains("2 ER/ICU coverage") }
        tmux.sendKeys("q")
        try tmux.waitUntil("the console to exit") { _ in tmux.paneIsDead() }
    }

    @Test func resizingRedrawsAtOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open()
        try tmux.waitFor("✔ saved #331")
        tmux.resize(width: 200, height: 60)
        var screen = try tmux.waitUntil("the three panels side by side") {
            $0.split(separator: "\n").contains { $0.contains("1 Strike status") && $0.contains("2 ER/ICU coverage") }
        }
        #expect(screen.contains("OP 08:00") || screen.contains("OP 20:00"), "the operational period shows on wide screens: \(screen)")
        usleep(300_000)
        tmux.resize(width: 40, height: 10)
        screen = try tmux.waitFor("Enlarge the window")
        #expect(screen.contains("40×10"))
        usleep(300_000)
        tmux.resize(width: 80, height: 24)
        screen = try tmux.waitFor("2 ER/ICU coverage")
        #expect(screen.split(separator: "\n").count <= 24)
        tmux.sendKeys("q")
    }

    @Test func aChangeAppliedFromAnotherShellShowsWithinASecond() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open(width: 120, height: 40)
        try tmux.waitFor("✔ saved #331")
        let r = apply(#"{"type":"hospital.report","id":"A1100017","report":{"erState":"closed","erReason":"e2e"}}"#)
        #expect(r.stdout == "ok 332\n", "\(r.stderr)")
        let started = Date()
        let screen = try tmux.waitFor("✔ saved #332", timeout: 3)
        #expect(Date().timeIntervalSince(started) < 1.0)
        let row = screen.split(separator: "\n").first { $0.contains("서울대학교병원 ") && $0.contains("RC") }
        #expect(row?.contains("CLOSED") == true, "\(screen)")
        tmux.sendKeys("q")
    }

    @Test func aWatchConsoleFollowsToo() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open(["--watch"])
        try tmux.waitFor("watching #331")
        _ = apply(#"{"type":"log.add","record":{"severity":"critical","text":"E2E wall check"}}"#)
        try tmux.waitFor("E2E wall check", timeout: 3)
        try tmux.waitFor("watching #332")
        tmux.sendKeys("C-c")
        try tmux.waitUntil("Ctrl-C to quit") { _ in tmux.paneIsDead() }
    }

    @Test func killedConsoleLosesNothingAndSigtermExitsCleanly() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        var tmux = try open()
        try tmux.waitFor("✔ saved #331")
        _ = apply(#"{"type":"log.add","record":{"text":"before the kill"}}"#)
        try tmux.waitFor("saved #332")
        let pid = try #require(tmux.panePID())
        kill(pid, SIGKILL)
        try tmux.waitUntil("the kill") { _ in tmux.paneIsDead() }
        tmux.kill()
        let check = TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", data], stdin: nil)
        #expect(check.status == 0, "\(check.stdout)")
        tmux = try open()
        try tmux.waitFor("✔ saved #332")
        let pid2 = try #require(tmux.panePID())
        kill(pid2, SIGTERM)
        try tmux.waitUntil("SIGTERM to end the console") { _ in tmux.paneIsDead() }
        // tmux marks the pane dead when its pty closes and fills in the exit status once it has
        // reaped the process: wait for the status rather than race it.
        var status = ""
        try tmux.waitUntil("tmux to reap the console") { _ in
            status = tmux.tmux(["display-message", "-p", "-t", "main", "#{pane_dead_status}:#{pane_dead_signal}"])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return status != ":" && !status.isEmpty
        }
        #expect(status == "0:", "exit status:signal after SIGTERM")
    }

    @Test func aBadThemeNameListsTheAvailableOnes() {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "--data", data, "--theme", "nope"], stdin: nil)
        try? FileManager.default.removeItem(atPath: root)
        #expect(r.status != 0)
        #expect(r.stderr.contains("available: default, light, mono, wall"))
    }
}
