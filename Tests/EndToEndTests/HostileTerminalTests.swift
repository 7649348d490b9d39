import Foundation
import SitRoomCore
import Testing

/// Issue 8, hostile terminals: every TERM a duty officer is likely to arrive with, no locale, NO_COLOR,
/// and a resize storm from 1x1 to 400x120. The console opens `--at #base` (the clock stands still),
/// so two screens of the same size must be the same, character for character.
@Suite(.serialized) struct HostileTerminalTests {
    let demo: DemoData
    let console: HostileConsole

    init() throws {
        demo = try DemoData("hostile-term")
        console = HostileConsole(demo: demo)
    }

    var frozen: [String] { ["--at", "#\(demo.base)"] }

    func waitForBoard(_ tmux: TmuxSession) throws -> String {
        // The sparklines come a moment after the first frame (the history is read after it, on
        // another thread); a capture can land while that frame is being written, so wait until
        // two captures 200 ms apart agree.
        var screen = try tmux.waitUntil(timeout: 8, "the board and its sparklines") {
            $0.contains("AS AT #\(demo.base)") && $0.contains("2 ER/ICU coverage") && $0.contains("? help") && $0.contains("▁")
        }
        for _ in 0..<15 {
            usleep(200_000)
            let next = tmux.capture()
            if HostileConsole.withoutClock(next) == HostileConsole.withoutClock(screen) { return next }
            screen = next
        }
        return screen
    }

    func quit(_ tmux: TmuxSession) throws {
        tmux.sendKeys("q")
        try tmux.waitUntil(timeout: 5, "the console to exit 0") { _ in console.exitStatus() == "exit=0" }
    }

    @Test func everyCommonTermDrawsTheBoardAndDumbOrUnknownIsRefusedClearly() throws {
        defer { demo.remove() }
        for term in ["xterm-256color", "screen-256color", "tmux-256color", "vt100", "linux"] {
            let tmux = try console.open(term: term, arguments: ["--watch"])
            // The Linux console's fonts lack the block characters: sparklines in ASCII there.
            let screen = try tmux.waitUntil(timeout: 8, "the board and its sparklines on \(term)") {
                $0.contains("watching #\(demo.base)") && $0.contains("2 ER/ICU coverage")
                    && $0.split(separator: "\n").count == 30 && $0.contains(term == "linux" ? "_" : "▁")
            }
            if term == "linux" { #expect(!screen.contains("▁"), "\(screen)") }
            try quit(tmux)
        }
        for (term, says) in [("dumb", "TERM=dumb cannot move the cursor"), ("no-such-terminal", "TERM=no-such-terminal is unknown")] {
            let tmux = try console.open(term: term, stderrToFile: true, arguments: frozen)
            try tmux.waitUntil(timeout: 5, "\(term) to be refused with status 1") { _ in console.exitStatus() == "exit=1" }
            let screen = tmux.capture()
            let said = (try? String(contentsOfFile: console.stderrFile, encoding: .utf8)) ?? ""
            #expect(said.contains(says), "\(said)")
            #expect(!screen.contains("SITROOM"), "nothing drawn on \(term):\n\(screen)")
        }
    }

    /// This machine has only C, C.UTF-8 and POSIX: under C or no LANG at all the console switches to
    /// C.UTF-8 and draws the same screen (Korean names included), not question marks.
    @Test func localeCOrUnsetDrawsTheSameScreenAsUTF8() throws {
        defer { demo.remove() }
        var screens: [String: String] = [:]
        for lang in ["C.UTF-8", "C", nil] as [String?] {
            let tmux = try console.open(lang: lang, arguments: frozen)
            screens[lang ?? "unset"] = HostileConsole.withoutClock(try waitForBoard(tmux))
            try quit(tmux)
        }
        let reference = try #require(screens["C.UTF-8"])
        #expect(reference.contains("순천향대학교부속서울병원"))
        #expect(screens["C"] == reference)
        #expect(screens["unset"] == reference)
    }

    /// SGR parameters that set a colour: 30-37, 40-47, 90-97, 100-107, 38/48 (256 or RGB).
    static func colourParameters(_ screen: String) -> [String] {
        var found: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !$0.isNumber && $0 != ";" }) else { break }
            if rest[end] == "m" {
                for p in rest[..<end].split(separator: ";") {
                    if let n = Int(p), (30...37).contains(n) || (40...47).contains(n) || (90...97).contains(n)
                        || (100...107).contains(n) || n == 38 || n == 48 {
                        found.append(String(p))
                    }
                }
            }
            rest = rest[end...]
        }
        return found
    }

    @Test func noColorDrawsWithAttributesOnly() throws {
        defer { demo.remove() }
        let coloured = try console.open(arguments: frozen)
        _ = try waitForBoard(coloured)
        #expect(!Self.colourParameters(coloured.capture(colors: true)).isEmpty, "the check itself sees colour")
        try quit(coloured)
        let plain = try console.open(extra: ["NO_COLOR=1"], arguments: frozen)
        let screen = try waitForBoard(plain)
        let escapes = plain.capture(colors: true)
        #expect(Self.colourParameters(escapes).isEmpty, "colour under NO_COLOR: \(Self.colourParameters(escapes).prefix(10))")
        #expect(escapes.contains("\u{1B}[1m") || escapes.contains(";1m"), "bold is still used")
        // The same words: only the colours went.
        try quit(plain)
        let again = try console.open(arguments: frozen)
        #expect(HostileConsole.withoutClock(try waitForBoard(again)) == HostileConsole.withoutClock(screen))
        try quit(again)
    }

    /// Hundreds of resizes in a few seconds (full drill: 1,000; CI: 200), 1x1 and 400x120 among them;
    /// then back at 100x30 the screen is exactly the one drawn before the storm, and the console is
    /// alive and quits normally.
    @Test func aResizeStormLeavesTheScreenAsItWas() throws {
        defer { demo.remove() }
        let tmux = try console.open(arguments: frozen)
        let reference = HostileConsole.withoutClock(try waitForBoard(tmux))
        let pid = try #require(HostileConsole.childPID(tmux))
        let count = HostileConsole.full ? 1_000 : 200
        var generator = SeededRandom(seed: testSeed())
        var sizes: [(Int, Int)] = [(1, 1), (400, 120), (1, 120), (400, 1), (2, 2), (59, 15), (60, 16)]
        while sizes.count < count {
            sizes.append((Int.random(in: 1...400, using: &generator), Int.random(in: 1...120, using: &generator)))
        }
        let started = Date()
        for (i, (w, h)) in sizes.enumerated() {
            tmux.resize(width: w, height: h)
            // tmux holds back a resize that follows another closely; a SIGWINCH of our own makes the
            // console look at the size on every step as well.
            kill(pid, SIGWINCH)
            if i % 50 == 0 { #expect(HostileConsole.state(pid).map { $0 != "Z" } == true, "alive after \(i) resizes") }
        }
        let stormSeconds = Date().timeIntervalSince(started)
        // The extremes, each held until drawn.
        // tmux holds the next resize back for about 250 ms: the console has that long at 1x1.
        try tmux.resizeAndWait(width: 1, height: 1)
        #expect(HostileConsole.state(pid).map { $0 != "Z" } == true)
        try tmux.resizeAndWait(width: 400, height: 120)
        let huge = try tmux.waitUntil(timeout: 5, "the board at 400x120") {
            $0.split(separator: "\n").count == 120 && $0.contains("1 Strike status") && $0.contains("3 Inter-agency contacts")
        }
        #expect(huge.split(separator: "\n").allSatisfy { $0.count <= 400 })
        try tmux.resizeAndWait(width: 100, height: 30)
        let settled = Date()
        try tmux.waitUntil(timeout: 5, "the screen before the storm") { HostileConsole.withoutClock($0) == reference }
        print("resize storm: \(sizes.count) resizes in \(String(format: "%.1f", stormSeconds)) s, the screen back as before in \(String(format: "%.2f", Date().timeIntervalSince(settled))) s")
        #expect(console.exitStatus() == nil, "still running")
        try quit(tmux)
    }
}
