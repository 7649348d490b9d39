import Foundation
import SitRoomProcess
#if canImport(Glibc)
import Glibc
#endif

/// The live-console workloads (benchmarks 5–7 of issue 7): the real `sitroom` binary, found next
/// to this one, running in tmux at 200x60 (TERM=xterm-256color, TZ=Asia/Seoul, LANG=C.UTF-8) on a
/// copy of `--scenario DIR` or on a fresh `sitroom init --demo` directory.
///
/// - **Idle** (`idle.*`): a `--watch` console and a writing console, each left alone for
///   `sizes.idleSeconds` once its first frame is up and it has stopped using CPU. CPU is utime +
///   stime from /proc/PID/stat over the wall time; wake-ups are voluntary context switches summed
///   over /proc/PID/task/*/status (preemptions, the involuntary ones, are printed beside them). A writing console also syncs the alert rules
///   once a minute (a commit when an alert changes), so a 60 s window holds one sync.
/// - **Terminal output** (`term.*`): what the terminal receives (`tmux pipe-pane -o`) for one
///   field changed by another process (`sitroom apply --command 'er <id> beds=a/s'`), the fading
///   of that change's row highlight 3 s later, one `j` and one PageDown, against the cells that
///   changed on screen. See `measureOutput`.
/// - **Memory** (`live.peak_rss*`): VmHWM of the writing console after its first frame, and after
///   the measurements above and 20 PageDowns more.
///
/// A measurement that goes wrong (tmux timing, an unexpected screen) prints why and leaves its
/// figures out; it does not fail the run. A missing `sitroom` binary does. Every tmux server has
/// its own socket and is killed afterwards, also on SIGINT/SIGTERM/SIGHUP.
struct LiveConsoleBench {
    static let width = 200
    static let height = 60

    let sizes: Sizes
    let scratch: Scratch
    let report: Report
    /// The sitroom executable (`locateSitroom()`).
    let binary: String
    /// A data directory to open instead of the demo; it is copied first, never written.
    let scenario: String?

    func run() throws {
        guard Spawn.which("tmux") != nil else {
            Progress.say("live console workloads skipped: tmux is not installed (not found in PATH)")
            return
        }
        LiveCleanup.shared.add(path: scratch.path)
        LiveCleanup.shared.installSignalHandlers()
        defer {
            LiveCleanup.shared.removeSignalHandlers()
            LiveCleanup.shared.remove(path: scratch.path)
        }
        let directory = scratch.path + "/live"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        if let scenario {
            try Progress.step("copying the scenario \(scenario) (the live consoles write to their data directory)") {
                try FileManager.default.copyItem(atPath: scenario, toPath: directory)
            }
        } else {
            let made = Spawn.run([binary, "init", "--demo", "--data", directory])
            guard made.status == 0 else {
                Progress.say("live console workloads skipped: `sitroom init --demo` failed (\(made.status)): \(made.stderr)")
                return
            }
        }
        Progress.say("live consoles: \(binary) on \(scenario ?? "a fresh demo directory"), \(Self.width)x\(Self.height) in tmux")

        attempt("idle --watch console") {
            try Progress.step(String(format: "idle --watch console, %.0f s window", sizes.idleSeconds)) {
                try idle(binary, directory, watch: true, prefix: "idle")
            }
        }
        attempt("idle writing console") {
            try Progress.step(String(format: "idle writing console, %.0f s window (it syncs the alert rules once a minute)", sizes.idleSeconds)) {
                try idle(binary, directory, watch: false, prefix: "idle.writer")
            }
        }
        attempt("terminal output and memory") {
            try Progress.step("terminal output of a writing console (one update, j, PageDown) and its memory") {
                try terminalOutputAndMemory(binary, directory)
            }
        }
    }

    /// The `sitroom` executable next to this one (`swift build -c release` builds both): beside
    /// `CommandLine.arguments[0]`, else beside /proc/self/exe.
    static func locateSitroom() throws -> String {
        var candidates: [String] = []
        let arg0 = CommandLine.arguments[0]
        if arg0.contains("/") {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent().appendingPathComponent("sitroom").path)
        }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let besideExe = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("sitroom").path
            if !candidates.contains(besideExe) { candidates.append(besideExe) }
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        throw BenchError("the live console workloads need the sitroom executable next to sitroom-bench "
            + "(looked for \(candidates.joined(separator: ", "))): run `swift build -c release` first "
            + "(it builds both), then .build/release/sitroom-bench")
    }

    /// Runs one measurement; a failure is printed, not thrown.
    private func attempt(_ what: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            Progress.say("live: \(what) not measured: \(error)")
        }
    }

    // MARK: - Consoles

    private struct Console {
        let pane: TmuxSession
        let pid: pid_t
        /// From `tmux new-session` to the first frame in capture-pane (polled every 20 ms).
        let firstFrameNanos: UInt64

        /// Kills the tmux server (the console gets SIGHUP) and waits for the console to go.
        func stop() {
            pane.stopBenchPane()
            if !Poll.until(timeout: 3, { !Spawn.isRunning(pid) }), ProcReading.command(pid) == "sitroom" {
                Progress.say("live: the console \(pid) did not exit on SIGHUP; killing it")
                kill(pid, SIGKILL)
            }
        }
    }

    private func startConsole(_ binary: String, _ directory: String, watch: Bool) throws -> Console {
        let command = [binary, "--data", directory] + (watch ? ["--watch"] : ["--officer", "bench"])
        let started = monotonicNanos()
        let pane = try TmuxSession.benchPane(width: Self.width, height: Self.height, command: command,
                                environment: ["LANG": "C.UTF-8", "TZ": "Asia/Seoul", "TERM": "xterm-256color"])
        let marker = watch ? "watching #" : "saved #"
        do {
            try pane.waitUntil(timeout: 60, interval: 0.02, "the first frame (\"SITROOM\" and \"\(marker)\")") {
                $0.contains("SITROOM") && $0.contains(marker)
            }
            let firstFrame = monotonicNanos() - started
            return Console(pane: pane, pid: try pane.sitroomPID(), firstFrameNanos: firstFrame)
        } catch {
            pane.stopBenchPane()
            throw error
        }
    }

    /// Waits until the console has used at most one clock tick of CPU in half a second: after the
    /// first frame it still loads the trends and draws again, and a writer syncs the alerts.
    private func waitUntilQuiet(_ pid: pid_t, timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ProcReading.cpuTicks(pid)
        while true {
            usleep(500_000)
            guard let now = ProcReading.cpuTicks(pid), let before = last else {
                throw BenchError("the console (pid \(pid)) has exited")
            }
            if now - before <= 1 { return }
            if Date() >= deadline { throw BenchError("the console was still busy after \(timeout) s") }
            last = now
        }
    }

    // MARK: - Benchmark 5: idle

    private func idle(_ binary: String, _ directory: String, watch: Bool, prefix: String) throws {
        let console = try startConsole(binary, directory, watch: watch)
        defer { console.stop() }
        if watch { report.add("live.first_frame", console.firstFrameNanos.ms, "ms") }
        try waitUntilQuiet(console.pid)
        let pid = console.pid
        guard let cpu0 = ProcReading.cpuTicks(pid), let switches0 = ProcReading.contextSwitches(pid) else {
            throw BenchError("cannot read /proc/\(pid)")
        }
        let t0 = monotonicNanos()
        usleep(UInt32(sizes.idleSeconds * 1e6))
        guard Spawn.isRunning(pid), let cpu1 = ProcReading.cpuTicks(pid),
              let switches1 = ProcReading.contextSwitches(pid) else {
            throw BenchError("the console (pid \(pid)) exited during the idle window")
        }
        let wall = (monotonicNanos() - t0).seconds
        let cpuSeconds = Double(cpu1 - cpu0) / ProcReading.ticksPerSecond
        report.add(prefix + ".cpu_percent", cpuSeconds / wall * 100, "%")
        let wakeups = switches1.voluntary - switches0.voluntary
        let preemptions = switches1.involuntary - switches0.involuntary
        report.add(prefix + ".wakeups_per_s", Double(wakeups) / wall, "wakeups/s")
        report.add(prefix + ".preemptions_per_s", Double(preemptions) / wall, "/s")
        Progress.say(String(format: "  %d clock ticks of CPU, %d wake-ups and %d preemptions in %.1f s",
                            cpu1 - cpu0, wakeups, preemptions, wall))
    }

    // MARK: - Benchmarks 6 and 7: terminal output and memory

    private func terminalOutputAndMemory(_ binary: String, _ directory: String) throws {
        let console = try startConsole(binary, directory, watch: false)
        defer { console.stop() }
        try waitUntilQuiet(console.pid)
        guard let firstFrameKB = ProcReading.peakRSSKilobytes(console.pid) else {
            throw BenchError("cannot read VmHWM of \(console.pid)")
        }
        report.add("live.peak_rss.first_frame", Double(firstFrameKB) / 1024, "MB")

        attempt("terminal output") {
            try terminalOutput(console, binary, directory)
        }
        attempt("memory after 20 PageDowns") {
            for _ in 0..<20 {
                console.pane.sendKeys("NPage")
                usleep(50_000)
            }
            _ = try waitUntilStable(console.pane)
            guard Spawn.isRunning(console.pid), let kilobytes = ProcReading.peakRSSKilobytes(console.pid) else {
                throw BenchError("the console (pid \(console.pid)) has exited")
            }
            report.add("live.peak_rss", Double(kilobytes) / 1024, "MB")
        }
    }

    private func terminalOutput(_ console: Console, _ binary: String, _ directory: String) throws {
        let pane = console.pane
        let file = scratch.path + "/live-terminal.out"
        try pane.pipeOutput(to: file)
        // The clock ticks every second: the pipe carries something within about a second.
        let deadline = Date().addingTimeInterval(5)
        while ProcReading.fileSize(file) == 0 {
            if Date() >= deadline { throw BenchError("tmux pipe-pane delivered nothing in 5 s (\(file))") }
            usleep(50_000)
        }

        let tickBytes = try clockTickBytes(pane, file)
        report.add("term.clock_tick.bytes", tickBytes, "bytes")

        attempt("terminal output of an update") {
            try measureUpdate(pane, file, tickBytes: tickBytes, binary, directory)
        }
        attempt("terminal output of j") {
            add("term.scroll", try measureOutput(pane, file, tickBytes: tickBytes, expectCommit: false) { pane.sendKeys("j") })
        }
        attempt("terminal output of PageDown") {
            add("term.page", try measureOutput(pane, file, tickBytes: tickBytes, expectCommit: false) { pane.sendKeys("NPage") })
        }
    }

    /// One field changed by another process, and the fading of the row highlight it causes.
    private func measureUpdate(_ pane: TmuxSession, _ file: String, tickBytes: Double, _ binary: String, _ directory: String) throws {
        let hospital = try pickHospital(binary, directory, screen: pane.capture())
        Progress.say("  update: er \(hospital.id) beds=\(hospital.newBeds) (\(hospital.name), was \(hospital.oldBeds))")
        var appliedAt = Date()
        defer {
            // A console that leaves the highlight up until its next full frame would fade it inside
            // the next measurement: redraw everything (^L) first, outside any window.
            sleepUntil(appliedAt.timeIntervalSince1970 + 4)
            pane.sendKeys("C-l")
            usleep(300_000)
            _ = try? waitUntilStable(pane)
        }
        // Room in the minute for the update and the fading of its highlight 3 s later.
        let update = try measureOutput(pane, file, tickBytes: tickBytes, expectCommit: true, room: 10) {
            appliedAt = Date()
            let applied = Spawn.run([binary, "apply", "--data", directory, "--command", "--officer", "bench"],
                                         stdin: "er \(hospital.id) beds=\(hospital.newBeds)\n")
            guard applied.status == 0, applied.stdout.hasPrefix("ok") else {
                throw BenchError("sitroom apply failed (\(applied.status)): \(applied.stdout)\(applied.stderr)")
            }
        }
        add("term.update", update)
        // The changed rows stay highlighted for 3 s: their fading is the update's second frame. It
        // follows on from the update's window, which ended just after a second boundary.
        attempt("terminal output of the update's highlight fading") {
            add("term.update_fade", try measureOutput(pane, file, tickBytes: tickBytes, expectCommit: false, aligned: false) {})
        }
    }

    private func add(_ prefix: String, _ output: Output) {
        report.add(prefix + ".bytes", output.bytes, "bytes")
        report.add(prefix + ".changed_cells", Double(output.cells), "cells")
        report.add(prefix + ".cell_runs", Double(output.runs), "runs")
        if output.cells > 0 {
            report.add(prefix + ".bytes_per_changed_cell", output.bytes / Double(output.cells), "bytes/cell")
            report.add(prefix + ".vs_cells", output.bytes / Double(output.cells + Self.cursorMoveBytes * output.runs), "x")
        }
        Progress.say(String(format: "  %@: %d bytes received, minus %d clock ticks (%.0f bytes); %d cells changed in %d runs",
                            prefix, output.rawBytes, output.ticks, Double(output.rawBytes) - output.bytes,
                            output.cells, output.runs))
    }

    /// Bytes of one clock tick (the top bar's seconds): the pipe's growth over a quiet window of
    /// `sizes.quietSeconds` seconds inside one minute, divided by the ticks in it. Retried once
    /// if anything but the clock changed on screen meanwhile.
    private func clockTickBytes(_ pane: TmuxSession, _ file: String) throws -> Double {
        let seconds = sizes.quietSeconds
        for _ in 1...2 {
            let start = alignToSecond(room: seconds + 1)
            let before = Self.normalizeClock(pane.capture(colors: true))
            let bytes0 = ProcReading.fileSize(file)
            sleepUntil(Double(start + seconds) + 0.1)
            let bytes1 = ProcReading.fileSize(file)
            if Self.normalizeClock(pane.capture(colors: true)) == before {
                return Double(bytes1 - bytes0) / Double(seconds)
            }
            Progress.say("  the screen changed during the quiet window; again")
        }
        throw BenchError("the screen kept changing during a quiet window (not only the clock)")
    }

    /// The result of `measureOutput`.
    private struct Output {
        /// Bytes the terminal received, minus the clock ticks of the window.
        var bytes: Double
        var rawBytes: Int
        var ticks: Int
        var cells: Int
        var runs: Int
    }

    /// The cursor-movement estimate per run of changed cells: a CUP such as ESC[47;123H is 8-9 bytes.
    static let cursorMoveBytes = 8

    /// What the terminal receives for `action` (a commit from another process, or a key).
    ///
    /// How: start right after a second boundary (+100 ms, so that tick's output is in) with at least
    /// 6 s left in the minute (a new minute redraws the relative times); note the pipe file's size
    /// and the screen (`capture-pane -p -e -N`); run `action`; poll every 20 ms until the screen
    /// differs; wait 300 ms and until two captures 100 ms apart agree; wait for the next second
    /// boundary + 100 ms; note the size and the screen again. `bytes` is the growth minus
    /// (second boundaries crossed × `tickBytes`): the clock's own ticks.
    ///
    /// The reference, `cells`: the screen before and after as cells (character + SGR attributes and
    /// colours, parsed from the `-e` escapes; a wide character is 2 cells, both changed when it
    /// changes), with the top bar's HH:MM:SS replaced by a constant in both (its ticks are
    /// subtracted from the bytes), counted where they differ, including a row highlight that moved.
    /// `runs`: maximal stretches of changed cells on a row, each costing a cursor movement.
    /// `vs_cells` = bytes / (cells + 8 × runs): 1 would be one byte per changed cell plus one
    /// cursor movement per run; a UTF-8 Hangul or box-drawing cell is 3 bytes and every colour
    /// change adds an SGR sequence, so 2 is the target, not the floor.
    ///
    /// `expectCommit`: the top bar's sequence number must advance (true) or stay (false); otherwise
    /// something else happened on screen (a writer's alert sync), and the measurement is retried once.
    /// `aligned` false: start now, without waiting for a second boundary, and without a retry (for
    /// what follows on from the previous measurement, which ended just after a boundary).
    private func measureOutput(_ pane: TmuxSession, _ file: String, tickBytes: Double, expectCommit: Bool,
                               room: Int = 6, aligned: Bool = true, _ action: () throws -> Void) throws -> Output {
        var problem = ""
        for _ in 1...(aligned ? 2 : 1) {
            let startSecond = aligned ? alignToSecond(room: room) : Int(Date().timeIntervalSince1970.rounded(.down))
            let beforeColored = pane.capture(colors: true)
            let seqBefore = Self.topBarSeq(pane.capture())
            let bytes0 = ProcReading.fileSize(file)
            try action()
            let before = Self.normalizeClock(beforeColored)
            let changeDeadline = Date().addingTimeInterval(10)
            while Self.normalizeClock(pane.capture(colors: true)) == before {
                if Date() >= changeDeadline { throw BenchError("the screen did not change within 10 s") }
                usleep(20_000)
            }
            usleep(300_000)
            _ = try waitUntilStable(pane)
            let endSecond = Int(Date().timeIntervalSince1970.rounded(.down)) + 1
            sleepUntil(Double(endSecond) + 0.1)
            let bytes1 = ProcReading.fileSize(file)
            let afterColored = pane.capture(colors: true)
            let seqAfter = Self.topBarSeq(pane.capture())

            if endSecond / 60 != startSecond / 60 {
                problem = "the window crossed a minute boundary"
            } else if let a = seqBefore, let b = seqAfter, expectCommit ? b <= a : b != a {
                problem = "the top bar's sequence number went from #\(a) to #\(b)"
            } else if seqBefore == nil || seqAfter == nil {
                problem = "no sequence number in the top bar"
            } else {
                let ticks = endSecond - startSecond
                let raw = bytes1 - bytes0
                let diff = ScreenCells.difference(
                    ScreenCells(capture: before, width: Self.width, height: Self.height),
                    ScreenCells(capture: Self.normalizeClock(afterColored), width: Self.width, height: Self.height))
                return Output(bytes: Double(raw) - Double(ticks) * tickBytes, rawBytes: raw, ticks: ticks,
                              cells: diff.cells, runs: diff.runs)
            }
            Progress.say("  \(problem); again")
        }
        throw BenchError(problem)
    }

    /// Polls until two captures 100 ms apart agree (the clock aside); returns the screen.
    private func waitUntilStable(_ pane: TmuxSession, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = Self.normalizeClock(pane.capture(colors: true))
        while true {
            usleep(100_000)
            let now = Self.normalizeClock(pane.capture(colors: true))
            if now == last { return now }
            if Date() >= deadline { throw BenchError("the screen was still changing after \(timeout) s") }
            last = now
        }
    }

    /// The top bar with its clock (HH:MM:SS) replaced by 00:00:00, so that two captures compare
    /// equal when only the clock ticked.
    static func normalizeClock(_ capture: String) -> String {
        guard let newline = capture.firstIndex(of: "\n") else {
            return capture.replacing(#/\d\d:\d\d:\d\d/#, with: "00:00:00")
        }
        return String(capture[..<newline]).replacing(#/\d\d:\d\d:\d\d/#, with: "00:00:00") + capture[newline...]
    }

    /// The sequence number in the top bar ("saved #N", "watching #N").
    static func topBarSeq(_ screen: String) -> Int? {
        let top = screen.prefix { $0 != "\n" }
        guard let hash = top.range(of: "saved #") ?? top.range(of: "watching #") else { return nil }
        return Int(top[hash.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    /// Sleeps until just after a second boundary (+100 ms) that leaves at least `room` whole
    /// seconds before the next minute; returns that boundary (Unix seconds).
    private func alignToSecond(room: Int) -> Int {
        while true {
            let next = Int(Date().timeIntervalSince1970.rounded(.down)) + 1
            sleepUntil(Double(next) + 0.1)
            let second = next % 60
            if second >= 1 && second + room <= 59 { return next }
        }
    }

    private func sleepUntil(_ unixTime: Double) {
        let wait = unixTime - Date().timeIntervalSince1970
        if wait > 0 { usleep(UInt32(wait * 1e6)) }
    }

    private struct Hospital {
        let id: String
        let name: String
        let oldBeds: String
        let newBeds: String
    }

    /// The first hospital (by id, from `sitroom export --format csv --table hospitals`, which is
    /// small even for a large board) whose name is on screen, and ER beds one different from what
    /// it reports.
    private func pickHospital(_ binary: String, _ directory: String, screen: String) throws -> Hospital {
        let exported = Spawn.run([binary, "export", "--data", directory, "--format", "csv", "--table", "hospitals"])
        let table = Self.parseCSV(exported.stdout)
        guard exported.status == 0, let header = table.first,
              let idColumn = header.firstIndex(of: "id"), let nameColumn = header.firstIndex(of: "name"),
              let availableColumn = header.firstIndex(of: "er_beds_available"),
              let staffedColumn = header.firstIndex(of: "er_beds_staffed") else {
            throw BenchError("sitroom export --format csv --table hospitals failed (\(exported.status)): \(exported.stderr.prefix(500))")
        }
        let rows = table.dropFirst().filter { $0.count == header.count }.sorted { $0[idColumn] < $1[idColumn] }
        guard let chosen = rows.first(where: { screen.contains($0[nameColumn] + " ") }) ?? rows.first else {
            throw BenchError("the board has no hospitals")
        }
        let available = Int(chosen[availableColumn]) ?? 0
        let staffed = Int(chosen[staffedColumn]) ?? 0
        let newBeds = staffed > 0 ? "\(available > 0 ? available - 1 : 1)/\(staffed)" : "1/10"
        return Hospital(id: chosen[idColumn], name: chosen[nameColumn],
                        oldBeds: staffed > 0 ? "\(available)/\(staffed)" : "none", newBeds: newBeds)
    }

    /// RFC 4180: fields separated by commas, records by CRLF or LF, quoted fields may hold commas,
    /// line breaks and doubled quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
