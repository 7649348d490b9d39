import Foundation
import Testing

/// Issue 8, input abuse: a 100 KB paste into a field, bytes that are not UTF-8, every function key,
/// Ctrl-Z and fg, SIGHUP when the link drops.
@Suite(.serialized) struct InputAbuseTests {
    let demo: DemoData
    let console: HostileConsole

    init() throws {
        demo = try DemoData("input-abuse")
        console = HostileConsole(demo: demo)
    }

    /// The "Text" field of a new log entry (view 4, `a`), with the form open.
    func openLogEntryForm(_ tmux: TmuxSession, seq: UInt64? = nil) throws {
        try tmux.waitFor("✔ saved #\(seq ?? demo.base)", timeout: 8)
        tmux.sendKeys("4")
        try tmux.waitFor("4 Situation log")
        tmux.sendKeys("a")
        try tmux.waitFor("New log entry")
    }

    /// What the Text field shows (the line of the form that holds it).
    func textField(_ tmux: TmuxSession) -> String {
        let line = tmux.capture().split(separator: "\n").first { $0.contains("Text  ") } ?? ""
        guard let label = line.range(of: "Text  ") else { return "" }
        return line[label.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " │"))
    }

    /// The tty's line editing and echo as the shell in the pane sees them: "icanon echo" when cooked,
    /// "-icanon -echo" when left raw.
    func ttyModes(_ tmux: TmuxSession) throws -> String {
        tmux.sendKeys("C-l")
        tmux.type(#"echo "tty:$(stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')""#)
        let screen = try tmux.waitUntil(timeout: 3, "stty's answer") { $0.contains("tty:i") || $0.contains("tty:-") }
        let line = screen.split(separator: "\n").first { $0.hasPrefix("tty:") } ?? ""
        return line.dropFirst(4).trimmingCharacters(in: .whitespaces)
    }

    func exportedLog() throws -> [[String: Any]] {
        let r = console.run(["export", "--format", "json"])
        let board = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(board["log"] as? [[String: Any]])
    }

    /// 100 KB (full drill: 1 MB) pasted at once: the field fills to its 2,000 characters and says so,
    /// the console does not hang (the time until the screen shows it is reported), the layout holds,
    /// and Enter saves the entry as it stands.
    @Test func aHugePasteIsBoundedAndTheEntrySaves() throws {
        defer { demo.remove() }
        let tmux = try console.open(width: 120, height: 30, arguments: [])
        try openLogEntryForm(tmux)
        let size = HostileConsole.full ? 1_000_000 : 100_000
        let words = ["병원", "ER", "closed", "응급실", "beds", "3/20"]
        var pieces: [String] = []
        var bytes = 0
        while bytes < size {
            let word = words[pieces.count % words.count] + " "
            pieces.append(word)
            bytes += word.utf8.count
        }
        let text = pieces.joined()
        let started = Date()
        try tmux.paste(text, scratch: demo.root + "/paste.txt")
        let full = try tmux.waitUntil(timeout: 30, "the field to say it is full") { $0.contains("at most 2000 characters") }
        let fullAfter = Date().timeIntervalSince(started)
        #expect(full.split(separator: "\n").count == 30)
        #expect(full.contains("SITROOM") && full.contains("Enter save"), "the layout holds:\n\(full)")
        // Enter comes after the whole paste: the entry is saved once the console has taken all of it.
        tmux.sendKeys("Enter")
        let saved = try tmux.waitFor("✔ saved #\(demo.base + 1)", timeout: 60)
        let seconds = Date().timeIntervalSince(started)
        print("paste of \(text.utf8.count) bytes: the field full after \(String(format: "%.2f", fullAfter)) s, all of it taken and the entry saved after \(String(format: "%.2f", seconds)) s")
        #expect(seconds < (HostileConsole.full ? 60 : 15))
        #expect(saved.split(separator: "\n").count == 30)
        // The clock keeps going.
        let clock = try #require(saved.range(of: #"\d\d:\d\d:\d\d"#, options: .regularExpression).map { String(saved[$0]) })
        try tmux.waitUntil(timeout: 3, "the clock to move on") { !$0.contains(clock) }
        let entry = try #require(try exportedLog().last)
        let savedText = try #require(entry["text"] as? String)
        #expect(savedText.count <= 2000 && savedText.count > 1990)
        #expect(text.hasPrefix(savedText))
        #expect(console.run(["check"]).status == 0)
    }

    /// Before, ncurses swallowed the keys after a byte that is not UTF-8 ("x", 0xFE, "y" gave "x").
    @Test func invalidUTF8IsReplacedVisiblyAndFunctionKeysTypeNothing() throws {
        defer { demo.remove() }
        let tmux = try console.open(width: 120, height: 30, arguments: [])
        try openLogEntryForm(tmux)
        let invalid: [[UInt8]] = [[0xFF], [0xFE], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]]
        for bytes in invalid {
            tmux.sendKeys("C-u")
            tmux.sendText("x")
            tmux.sendBytes(bytes)
            tmux.sendText("y")
            let field = try tmux.waitUntil(timeout: 3, "x…y around \(bytes)") { _ in textField(tmux).hasSuffix("y") }
            let shown = textField(tmux)
            #expect(shown.hasPrefix("x") && shown.contains("�") && !shown.contains("\u{1B}"), "\(bytes): \(shown)\n\(field)")
        }
        // Every function key, with and without modifiers, and sequences no terminal description has.
        let keys = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
                    "Home", "End", "PPage", "NPage", "IC", "DC", "Up", "Down", "Left", "Right",
                    "S-Up", "S-Down", "C-Left", "C-Right", "M-Up", "C-S-Left", "S-F3", "C-F5", "M-F12", "C-DC", "S-Home"]
        tmux.sendKeys("C-u")
        tmux.sendText("start")
        for key in keys { tmux.sendKeys(key) }
        for sequence in ["\u{1B}[99~", "\u{1B}[1;9Z", "\u{1B}[200~\u{1B}[201~", "\u{1B}O5x"] { tmux.sendBytes(Array(sequence.utf8)) }
        tmux.sendKeys("End")
        tmux.sendText("end")
        try tmux.waitUntil(timeout: 3, "the field to end with \"end\"") { _ in textField(tmux).hasSuffix("end") }
        // Up/Down move between fields, so the text is typed where the focus came back to: only
        // "start" and "end" may appear, nothing of the keys' sequences.
        let screen = tmux.capture()
        #expect(screen.contains("New log entry"), "the form is still open:\n\(screen)")
        #expect(!screen.contains("[1~") && !screen.contains("~") && !screen.contains("[99") && !screen.contains(";5"), "\(screen)")
        #expect(!screen.contains("Discard"), "no key asked to discard the form:\n\(screen)")
        #expect(textField(tmux) == "startend", "\(textField(tmux))")
        #expect(console.exitStatus() == nil)
        // Under `sh -c` (no job control) Ctrl-Z would stop the console for good: it says so instead.
        let pid = try #require(HostileConsole.childPID(tmux))
        tmux.sendKeys("C-z")
        try tmux.waitFor("no job control here")
        #expect(HostileConsole.state(pid) != "T")
        #expect(textField(tmux) == "startend")
        tmux.sendKeys("Escape")
        try tmux.waitFor("Discard your changes")
        tmux.sendKeys("y")
        tmux.sendKeys("q")
        try tmux.waitUntil(timeout: 5, "exit 0") { _ in console.exitStatus() == "exit=0" }
    }

    /// A paste the terminal marks (bracketed paste, which the console asks for): on the dashboard
    /// its letters are not keys (a pasted "q" does not quit, "dy" does not delete); in a field its
    /// lines become one line of text and the form stays open.
    @Test func aMarkedPasteIsTextAndNeverKeys() throws {
        defer { demo.remove() }
        let tmux = try console.open(width: 100, height: 30, arguments: [])
        try tmux.waitFor("✔ saved #\(demo.base)", timeout: 8)
        let scratch = demo.root + "/marked-paste.txt"
        try "first line\nq\ndy third".write(toFile: scratch, atomically: false, encoding: .utf8)
        #expect(tmux.tmux(["load-buffer", "-b", "marked", scratch]).status == 0)
        tmux.tmux(["paste-buffer", "-p", "-b", "marked", "-t", "main"])
        try tmux.waitFor("pasted text ignored")
        #expect(console.exitStatus() == nil, "a pasted q did not quit")
        #expect(!tmux.capture().contains("(y/n)"), "a pasted d did not ask to delete")
        try openLogEntryForm(tmux)
        tmux.tmux(["paste-buffer", "-p", "-b", "marked", "-t", "main"])
        try tmux.waitUntil(timeout: 3, "the paste in the field") { _ in textField(tmux) == "first line q dy third" }
        #expect(tmux.capture().contains("New log entry"), "the line breaks did not save the form")
        tmux.sendKeys("Enter")
        try tmux.waitFor("✔ saved #\(demo.base + 1)")
    }

    /// Ctrl-Z in a half-typed form, then fg: the same screen, the form as it was. Then the same with
    /// SIGTSTP/SIGCONT from outside.
    @Test func ctrlZAndFgRestoreTheScreen() throws {
        defer { demo.remove() }
        let tmux = try console.openShell(width: 100, height: 30)
        tmux.type(console.commandLine([]))
        try openLogEntryForm(tmux)
        tmux.sendText("half typed")
        let before = HostileConsole.withoutClock(try tmux.waitFor("half typed"))
        let pid = try #require(HostileConsole.childPID(tmux))
        tmux.sendKeys("C-z")
        try tmux.waitUntil(timeout: 5, "the shell's Stopped") { $0.contains("Stopped") && HostileConsole.state(pid) == "T" }
        let stopped = try ttyModes(tmux)
        #expect(stopped == "icanon echo", "the shell has a cooked terminal while the console is stopped")
        tmux.type("fg")
        try tmux.waitUntil(timeout: 5, "the same screen after fg") { HostileConsole.withoutClock($0) == before }
        tmux.sendText(" more")
        try tmux.waitFor("half typed more")

        // ncurses ignores SIGTSTP while it writes a frame (so that a half-drawn screen is not left
        // behind); the clock redraws every second, so a signal can land in that window: send it
        // again until one is taken.
        var sent = 0
        repeat {
            kill(pid, SIGTSTP)
            sent += 1
        } while (try? tmux.waitUntil(timeout: 1, "SIGTSTP from outside to stop it") {
            $0.contains("Stopped") && HostileConsole.state(pid) == "T"
        }) == nil && sent < 5
        #expect(HostileConsole.state(pid) == "T", "stopped by SIGTSTP from outside (\(sent) sent)")
        tmux.type("fg")  // fg sends SIGCONT
        try tmux.waitFor("half typed more", timeout: 5)
        #expect(HostileConsole.state(pid) != "T")
        tmux.sendKeys("Escape")
        tmux.sendKeys("y")
        tmux.sendKeys("q")
        try tmux.waitUntil(timeout: 5, "the console to quit back to the shell") { _ in HostileConsole.state(pid) == nil }
    }

    /// SIGHUP (the SSH link drops): the console ends, every change it acknowledged is on disk, and
    /// the terminal is not left raw. Then the whole tmux session goes (its pane's SIGHUP, no tty left).
    @Test func sighupLosesNothingAcknowledgedAndLeavesTheTerminalCooked() throws {
        defer { demo.remove() }
        let tmux = try console.openShell(width: 100, height: 30)
        tmux.type(console.commandLine([]) + "; echo \"status=$?\"")
        try openLogEntryForm(tmux)
        tmux.sendText("acknowledged before the hangup")
        tmux.sendKeys("Enter")
        try tmux.waitFor("✔ saved #\(demo.base + 1)", timeout: 5)
        tmux.sendKeys("a")
        try tmux.waitFor("New log entry")
        tmux.sendText("typed, never saved")
        let pid = try #require(HostileConsole.childPID(tmux))
        kill(pid, SIGHUP)
        try tmux.waitUntil(timeout: 5, "the console to end") { $0.contains("status=") }
        #expect(try ttyModes(tmux) == "icanon echo", "the terminal is cooked again")
        var texts = try exportedLog().compactMap { $0["text"] as? String }
        #expect(texts.contains("acknowledged before the hangup"))
        #expect(!texts.contains("typed, never saved"))
        #expect(console.run(["check"]).status == 0)

        // The link drops with the console running: tmux's session goes, and the console with it.
        tmux.type(console.commandLine([]))
        try openLogEntryForm(tmux, seq: demo.base + 1)
        tmux.sendText("saved just before the session went")
        tmux.sendKeys("Enter")
        try tmux.waitFor("✔ saved #\(demo.base + 2)", timeout: 5)
        let second = try #require(HostileConsole.childPID(tmux))
        tmux.kill()
        #expect(HostileConsole.waitUntil(timeout: 5) { HostileConsole.state(second) == nil }, "the console ended with its terminal")
        texts = try exportedLog().compactMap { $0["text"] as? String }
        #expect(texts.contains("saved just before the session went"))
        #expect(console.run(["check"]).status == 0)
        // It took its presence with it: no console is left registered.
        let consoles = (try? FileManager.default.contentsOfDirectory(atPath: demo.path + "/consoles")) ?? []
        #expect(consoles.isEmpty, "\(consoles)")
    }
}
