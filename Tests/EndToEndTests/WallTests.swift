import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The real binary in tmux, driven by keys like a duty officer would, the screen read back as text.
@Suite(.serialized) struct WallTests: DemoSuite {
    let demo: DemoData

    init() throws { demo = try DemoData("wall") }

    func open(width: Int = 80, height: Int = 24, _ extra: [String] = []) throws -> TmuxSession {
        try TmuxSession.console(data: data, officer: "e2e", width: width, height: height, extra, remainOnExit: true)
    }

    func apply(_ line: String) -> (status: Int32, stdout: String, stderr: String) {
        TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--officer", "desk2"], stdin: line + "\n")
    }

    @Test func opensMovesSwitchesPanelsAndOpensDetailAndHelp() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open()
        try tmux.waitUntil("the wall, coverage focused first") {
            $0.contains("✔ saved #\(base)") && $0.contains("┏━ 2 ER/ICU coverage") && $0.contains("DEMO") && $0.contains("KST")
        }
        tmux.sendKeys("j", "j", "Down")
        try tmux.waitFor("4/53")
        tmux.sendKeys("Tab")
        try tmux.waitFor("┏━ 3 Inter-agency contacts")
        tmux.sendKeys("Enter")
        try tmux.waitUntil("the contact's detail") { $0.contains("Last reached") && $0.contains("Esc back") }
        tmux.sendKeys("Escape")
        try tmux.waitFor("┏━ 3 Inter-agency contacts")
        tmux.sendKeys("?")
        try tmux.waitUntil("the help") { $0.contains("Help — keys") && $0.contains("next panel") }
        tmux.sendKeys("Escape", "2")
        try tmux.waitUntil("the full coverage view") { !$0.contains("Inter-agency") && $0.contains("2 ER/ICU coverage") }
        tmux.sendKeys("q")
        try tmux.waitUntil("the console to exit") { _ in tmux.paneIsDead() }
    }

    @Test func resizingRedrawsAtOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open()
        try tmux.waitFor("✔ saved #\(base)")
        tmux.resize(width: 200, height: 60)
        try tmux.waitUntil("the three panels side by side, and the operational period") { screen in
            screen.split(separator: "\n").contains { $0.contains("1 Strike status") && $0.contains("2 ER/ICU coverage") }
                && (screen.contains("OP 08:00") || screen.contains("OP 20:00"))
        }
        try tmux.resizeAndWait(width: 40, height: 10)
        try tmux.waitUntil("the enlarge message") { $0.contains("Enlarge the window") && $0.contains("40×10") }
        try tmux.resizeAndWait(width: 80, height: 24)
        let screen = try tmux.waitFor("2 ER/ICU coverage")
        #expect(screen.split(separator: "\n").count <= 24)
        tmux.sendKeys("q")
    }

    @Test func aChangeAppliedFromAnotherShellShowsWithinASecond() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open(width: 120, height: 40)
        try tmux.waitFor("✔ saved #\(base)")
        let r = apply(#"{"type":"hospital.report","id":"A1100017","report":{"erState":"closed","erReason":"e2e"}}"#)
        #expect(r.stdout == "ok \(base + 1)\n", "\(r.stderr)")
        let started = Date()
        // The er-closed alert (and any capability alert the closed ER leaves behind) is saved with
        // it: the console has caught up when it shows a number past the change's.
        func savedSeq(_ screen: String) -> UInt64? {
            screen.range(of: "✔ saved #").flatMap { UInt64(screen[$0.upperBound...].prefix { $0.isNumber }) }
        }
        try tmux.waitUntil(timeout: 3, "the change on screen") { screen in
            (savedSeq(screen) ?? 0) >= base + 2 && screen.split(separator: "\n").contains {
                $0.contains("서울대학교병원 ") && $0.contains("RC") && $0.contains("CLOSED")
            }
        }
        #expect(Date().timeIntervalSince(started) < 1.0)
        tmux.sendKeys("q")
    }

    @Test func aWatchConsoleFollowsToo() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tmux = try open(["--watch"])
        try tmux.waitFor("watching #\(base)")
        _ = apply(#"{"type":"log.add","record":{"severity":"critical","text":"E2E wall check"}}"#)
        try tmux.waitFor("E2E wall check", timeout: 3)
        try tmux.waitFor("watching #\(base + 1)")
        tmux.sendKeys("C-c")
        try tmux.waitUntil("Ctrl-C to quit") { _ in tmux.paneIsDead() }
    }

    /// The console runs under `sh -c` that writes its exit status to a file: tmux sometimes leaves an
    /// exited pane's process unreaped and never reports its status.
    func openRecordingExit(_ statusFile: String) throws -> TmuxSession {
        try TmuxSession(width: 80, height: 24,
                        command: ["sh", "-c", "\"$0\" \"$@\"; echo \"exit=$?\" > \(statusFile)", TmuxSession.sitroomBinary,
                                  "--data", data, "--officer", "e2e", "--tz", "Asia/Seoul"],
                        environment: ["TERM": "xterm-256color"], remainOnExit: true)
    }

    /// The console's own pid: the child of the `sh` in the pane.
    func consolePID(_ tmux: TmuxSession) throws -> pid_t {
        let sh = try #require(tmux.panePID())
        let children = (try? String(contentsOfFile: "/proc/\(sh)/task/\(sh)/children", encoding: .utf8)) ?? ""
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
    }

    @Test func killedConsoleLosesNothingAndSigtermExitsCleanly() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let status = root + "/exit-status"
        var tmux = try openRecordingExit(status)
        try tmux.waitFor("✔ saved #\(base)")
        _ = apply(#"{"type":"log.add","record":{"text":"before the kill"}}"#)
        try tmux.waitFor("saved #\(base + 1)")
        kill(try consolePID(tmux), SIGKILL)
        try tmux.waitUntil("the kill to be recorded") { _ in
            (try? String(contentsOfFile: status, encoding: .utf8)) == "exit=137\n"
        }
        tmux.kill()
        let check = TmuxSession.run([TmuxSession.sitroomBinary, "check", "--data", data], stdin: nil)
        #expect(check.status == 0, "\(check.stdout)")
        tmux = try openRecordingExit(status)
        try tmux.waitFor("✔ saved #\(base + 1)")
        kill(try consolePID(tmux), SIGTERM)
        try tmux.waitUntil("SIGTERM to end the console with status 0") { _ in
            (try? String(contentsOfFile: status, encoding: .utf8)) == "exit=0\n"
        }
    }

    @Test func aBadThemeNameListsTheAvailableOnes() {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "--data", data, "--theme", "nope"], stdin: nil)
        try? FileManager.default.removeItem(atPath: root)
        #expect(r.status != 0)
        #expect(r.stderr.contains("available: default, light, mono, wall"))
    }
}
