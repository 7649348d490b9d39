import Foundation
import Testing

/// Issue 23's screen audit: every view, detail, form and prompt at 60x16, 80x24, 120x40 and 200x60,
/// on the demo and on hostile data, opened in tmux: what the terminal shows must be, cell by cell,
/// the frame the console meant to draw, each row exactly the terminal's width, and every box closed.
@Suite struct ScreenAuditTests {
    static let sizes = [(60, 16), (80, 24), (120, 40), (200, 60)]

    /// One screen to audit: keys from the dashboard, text that shows it is up (none of it on the
    /// dashboard), and the keys that leave it.
    struct Step {
        let name: String
        let keys: [String]
        let shows: [String]
        var leave: [String] = ["Escape"]
    }

    /// Panels only the dashboard shows together (the focus stays on the last one opened).
    static let dashboard = ["1 Strike status", "3 Inter-agency contacts"]

    static let steps: [Step] = [
        Step(name: "dashboard", keys: [], shows: dashboard, leave: []),
        Step(name: "help", keys: ["?"], shows: ["┏━ Help"]),
        Step(name: "view 1 strike", keys: ["1"], shows: ["┏━ 1 Strike status", "Esc back"]),
        Step(name: "strike action detail", keys: ["1", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "strike action form", keys: ["1", "a"], shows: ["┏━ New strike action", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "view 2 coverage", keys: ["2"], shows: ["┏━ 2 ER/ICU coverage", "Esc back"]),
        Step(name: "hospital detail", keys: ["2", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "hospital detail, end", keys: ["2", "Enter", "G"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "ER/ICU form", keys: ["2", "e"], shows: ["┏━ ER/ICU status", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "delete prompt", keys: ["2", "d"], shows: ["to delete hospital"], leave: ["Escape", "Escape"]),
        Step(name: "filter matching nothing", keys: ["2", "/", "zzzz"], shows: ["no row matches"], leave: ["Escape", "Escape", "Escape"]),
        Step(name: "view 3 contacts", keys: ["3"], shows: ["┏━ 3 Inter-agency", "Esc back"]),
        Step(name: "contact detail", keys: ["3", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "contact form", keys: ["3", "e"], shows: ["┏━ Contact", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "new contact form", keys: ["3", "a"], shows: ["┏━ New contact", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "agency form", keys: ["3", "A"], shows: ["┏━ Agency", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "view 4 log", keys: ["4"], shows: ["┏━ 4 Situation log", "Esc back"]),
        Step(name: "log entry detail", keys: ["4", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "log entry form", keys: ["4", "a"], shows: ["┏━ New log entry", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "view 5 actions", keys: ["5"], shows: ["┏━ 5 Action items", "Esc back"]),
        Step(name: "action detail", keys: ["5", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "action form", keys: ["5", "e"], shows: ["┏━ Action item", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "discard prompt", keys: ["4", "a", "half a log entry", "Escape"], shows: ["Discard your changes?"], leave: ["y", "Escape"]),
        Step(name: "new action form", keys: ["5", "a"], shows: ["┏━ New action item", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: "view 6 alerts", keys: ["6"], shows: ["┏━ 6 Alerts", "Esc back"]),
        Step(name: "alert detail", keys: ["6", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "acknowledge prompt", keys: ["6", "A"], shows: ["Acknowledge \""], leave: ["Escape", "Escape"]),
        Step(name: "view 7 briefing", keys: ["7"], shows: ["┏━ 7 Since the last briefing", "Esc back"]),
        Step(name: "briefing prompt", keys: ["7", "B"], shows: ["Mark a briefing"], leave: ["Escape", "Escape"]),
        Step(name: "view 8 capability", keys: ["8"], shows: ["┏━ 8 Capability", "←→ condition"]),
        Step(name: "view 8, conditions scrolled", keys: ["8", "l", "l", "l", "l", "l", "l"], shows: ["┏━ 8 Capability", "←→ condition"]),
        Step(name: "capability detail", keys: ["8", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "view 9 security", keys: ["9"], shows: ["┏━ 9 Hospital security", "e next step"]),
        Step(name: "security incident detail", keys: ["9", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
        Step(name: "new security incident form", keys: ["9", "a"], shows: ["┏━ New hospital security", "Enter save"], leave: ["Escape", "Escape"]),
        Step(name: ": line with an error", keys: [":", "er nosuch open", "Enter"], shows: ["✖ no hospital matches"], leave: ["Escape"]),
        Step(name: ":where list", keys: [":", "where STEMI", "Enter"], shows: ["┏━ Where: STEMI"]),
    ]

    /// The hostile hospitals of `HostileDataTests`, found with the filter and opened.
    static let hostileSteps: [Step] = [
        Step(name: "hostile rows in coverage", keys: ["2", "/", "X00000", "Enter"], shows: ["coverage /X00000", "Esc back"], leave: ["Escape", "Escape"]),
        Step(name: "longest name's detail", keys: ["2", "/", "긴가나", "Enter", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape", "Escape"]),
        Step(name: "escape-sequence name's detail", keys: ["2", "/", "PWNED", "Enter", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape", "Escape"]),
        Step(name: "right-to-left name's detail", keys: ["2", "/", "latipsoH", "Enter", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape", "Escape"]),
        Step(name: "hostile log entry", keys: ["4", "Enter"], shows: ["j/k scroll"], leave: ["Escape", "Escape"]),
    ]

    /// The audit's own check can fail: a side pushed out of place, a corner missing, a wide
    /// character counted as two cells.
    @Test func theBoxCheckNamesWhatIsOutOfPlace() {
        let closed = ["┌─ 2 ─┐", "│가 b │", "└─────┘"]
        #expect(ScreenAudit.openBoxes(closed.map(ScreenAudit.cells)).isEmpty)
        #expect(ScreenAudit.cells("가b") == ["가", "", "b"])
        let pushed = ["┌─ 2 ─┐", "│가 bc │", "└─────┘"]
        #expect(ScreenAudit.openBoxes(pushed.map(ScreenAudit.cells)) == ["the box at row 0, column 0: row 1, column 6 is \" \", not its side"])
        let open = ["┌─ 2 ─┐", "│ab  │", "└─────"]
        #expect(ScreenAudit.openBoxes(open.map(ScreenAudit.cells)) == [
            "the box at row 0, column 0: row 1, column 6 is \"\", not its side",
            "the box at row 0, column 0: its bottom-right corner (row 2, column 6) is \"\"",
        ])
        #expect(ScreenAudit.openBoxes([["┏", "━"], ["│", " "]]) == ["the box at row 0, column 0 has no top-right corner"])
    }

    /// Runs every step on one console at one size; returns the failures.
    func audit(data: String, root: String, width: Int, height: Int, steps: [Step]) throws -> [String] {
        let dump = root + "/screen-dump"
        let tmux = try ScreenAudit.console(data: data, dumpPath: dump, width: width, height: height)
        defer { tmux.kill() }
        let audit = ScreenAudit(tmux: tmux, dumpPath: dump)
        try tmux.waitFor("✔ saved", timeout: 10)
        var failures: [String] = []
        for step in steps {
            for key in step.keys { tmux.sendKeys(key) }
            do {
                try tmux.waitUntil(timeout: 5, interval: 0.02, "\(step.name) at \(width)x\(height)") { screen in
                    step.shows.allSatisfy { screen.contains($0) }
                }
                if let problem = audit.check(step.name, width: width, height: height) { failures.append(problem) }
            } catch {
                failures.append("\(error)")
            }
            for key in step.leave { tmux.sendKeys(key) }
            // Esc on the dashboard clears a message the step left ("nothing saved").
            tmux.sendKeys("0", "Escape")
            // Back on the dashboard with its key line showing, so the next step's marker on the key
            // line can show.
            try tmux.waitUntil(timeout: 12, interval: 0.02, "the dashboard after \(step.name) at \(width)x\(height)") {
                screen in Self.dashboard.allSatisfy { screen.contains($0) } && !screen.contains("Esc back") && screen.contains("Tab panel")
            }
        }
        if let problem = try auditConflict(tmux, audit, data: data, width: width, height: height) {
            failures.append(problem)
        }
        tmux.sendKeys("q")
        return failures
    }

    /// The conflict prompt: SNUH's form open with ICU typed, another officer saves ICU first.
    func auditConflict(_ tmux: TmuxSession, _ audit: ScreenAudit, data: String, width: Int, height: Int) throws -> String? {
        try tmux.openSNUHForm()
        tmux.typeICU("1/58")
        let other = sitroom(["apply", "--data", data, "--officer", "other", "--command"], stdin: "er A1100017 icu=9/58\n")
        guard other.status == 0, let seq = other.stdout.split(separator: " ").last.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) else {
            return "the other officer's change failed: \(other.stdout)\(other.stderr)"
        }
        try tmux.waitUntil(timeout: 5, "the console to follow #\(seq)") { $0.contains("#\(seq)") }
        tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: 5, "the conflict prompt at \(width)x\(height)") { $0.contains("Changed by another officer") }
        let problem = audit.check("conflict prompt", width: width, height: height)
        tmux.sendKeys("n")
        return problem
    }

    /// Each size on its own console, so the four run side by side.
    @Test(arguments: sizes)
    func everyScreenOfTheDemoIsWhatTheConsoleMeant(width: Int, height: Int) throws {
        let demo = try DemoData("audit-demo")
        defer { demo.remove() }
        let failures = try audit(data: demo.path, root: demo.root, width: width, height: height, steps: Self.steps)
        #expect(failures.isEmpty, "\(failures.count) of \(Self.steps.count + 1) screens (the conflict prompt too) differ:\n\(failures.joined(separator: "\n\n"))")
    }

    @Test(arguments: sizes)
    func everyScreenOfHostileDataIsWhatTheConsoleMeant(width: Int, height: Int) throws {
        let demo = try DemoData("audit-hostile")
        defer { demo.remove() }
        let csv = try HostileDataTests.writeHostileCSV(root: demo.root)
        let imported = sitroom(["import", "hospitals", "--data", demo.path, "--officer", "kim", csv])
        #expect(imported.stdout.contains("added 6"), "\(imported.stdout)\(imported.stderr)")
        let text = "\u{1B}[2J 응급실 폐쇄 🚑🏥 Bệnh viện Chợ Rẫy 北京协和医院 \u{202E}desrever zero\u{200B}width e\u{301}"
        let escaped = text.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        let entry = #"{"type":"log.add","record":{"id":"hostile-log","text":"\#(escaped)","severity":"critical"}}"#
        let applied = sitroom(["apply", "--data", demo.path, "--officer", "kim"], stdin: entry + "\n")
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let steps = Self.steps + Self.hostileSteps
        let failures = try audit(data: demo.path, root: demo.root, width: width, height: height, steps: steps)
        #expect(failures.isEmpty, "\(failures.count) of \(steps.count + 1) screens (the conflict prompt too) differ:\n\(failures.joined(separator: "\n\n"))")
    }
}
