import Foundation
import SitRoomProcess
import SitRoomUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

// What the live-console workloads need to drive the real `sitroom` binary in tmux, beyond
// SitRoomProcess's Spawn and TmuxSession: clean-up on interruption, /proc readings and a
// cell-level screen diff.

/// Every tmux server and path the live workloads have made and not yet removed, so that an
/// interrupted run (SIGINT, SIGTERM, SIGHUP) still kills its sessions and removes its scratch
/// directory. The signal handlers run on a dispatch queue, hence the lock.
final class LiveCleanup: Sendable {
    static let shared = LiveCleanup()
    private struct State {
        var sockets: Set<String> = []
        var paths: [String] = []
        var sources: [any DispatchSourceSignal] = []
    }
    private let state = Mutex(State())

    func add(socket: String) { state.withLock { _ = $0.sockets.insert(socket) } }
    func remove(socket: String) { state.withLock { _ = $0.sockets.remove(socket) } }
    func add(path: String) { state.withLock { $0.paths.append(path) } }
    func remove(path: String) { state.withLock { $0.paths.removeAll { $0 == path } } }

    /// Kills every registered tmux server and removes every registered path.
    func cleanUp() {
        let (sockets, paths) = state.withLock { ($0.sockets, $0.paths) }
        for socket in sockets { TmuxClient(socket: socket).killServer() }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    /// While the live workloads run: on SIGINT, SIGTERM or SIGHUP, clean up and exit.
    func installSignalHandlers() {
        state.withLock { state in
            guard state.sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    FileHandle.standardError.write(Data("sitroom-bench: interrupted; killing the tmux sessions\n".utf8))
                    LiveCleanup.shared.cleanUp()
                    _exit(128 + sig)
                }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    func removeSignalHandlers() {
        state.withLock { state in
            for source in state.sources { source.cancel() }
            state.sources = []
            for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        }
    }
}

extension TmuxSession {
    /// The bench's pane: TERM=xterm-256color, captures keeping every row's full width, its server
    /// registered with LiveCleanup (before it starts) until `stopBenchPane`.
    static func benchPane(width: Int, height: Int, command: [String], environment: [String: String]) throws -> TmuxSession {
        let socket = TmuxClient.uniqueSocket("sitroom-bench")
        LiveCleanup.shared.add(socket: socket)
        do {
            return try TmuxSession(width: width, height: height, command: command, environment: environment,
                                   terminal: "xterm-256color", keepTrailingBlanks: true, socket: socket)
        } catch {
            LiveCleanup.shared.remove(socket: socket)
            throw error
        }
    }

    /// Stops the server and everything in it (the console gets SIGHUP). Idempotent.
    func stopBenchPane() {
        kill()
        LiveCleanup.shared.remove(socket: socket)
    }

    /// The pid of the `sitroom` process: the pane's own pid when the command runs directly,
    /// otherwise (a shell in between) its child named sitroom.
    func sitroomPID() throws -> pid_t {
        guard let pane = panePID() else { throw BenchError("cannot read the pane's pid") }
        if ProcReading.command(pane) == "sitroom" { return pane }
        if let child = ProcReading.children(of: pane).first(where: { ProcReading.command($0) == "sitroom" }) { return child }
        throw BenchError("the pane's process \(pane) is \(ProcReading.command(pane) ?? "gone"), not sitroom")
    }
}

/// Readings from /proc (Linux).
enum ProcReading {
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// /proc/PID/comm.
    static func command(_ pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The fields of /proc/PID/stat after the command name: [0] is the state (field 3), [1] the
    /// parent, [11] utime and [12] stime (fields 14 and 15, in clock ticks, the whole thread group).
    private static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// utime + stime of the whole process, in clock ticks.
    static func cpuTicks(_ pid: pid_t) -> Int? {
        guard let fields = statFields(pid), fields.count > 12,
              let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Context switches summed over the process's threads (/proc/PID/status counts only the main
    /// thread, so /proc/PID/task/*/status). A voluntary one is the process going to sleep, so one
    /// per wake-up; an involuntary one is a preemption while running (another process, e.g. tmux
    /// reading what was just written, got the CPU), which says how busy the machine is, not how
    /// often the console wakes.
    static func contextSwitches(_ pid: pid_t) -> (voluntary: Int, involuntary: Int)? {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        var total = (voluntary: 0, involuntary: 0)
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else { continue }
            total.voluntary += field(status, "voluntary_ctxt_switches:")
            total.involuntary += field(status, "nonvoluntary_ctxt_switches:")
        }
        return total
    }

    /// VmHWM (peak resident set size) in kB.
    static func peakRSSKilobytes(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let value = field(status, "VmHWM:")
        return value > 0 ? value : nil
    }

    private static func field(_ status: String, _ name: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }

    /// Processes whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { pid_t($0) }.filter { child in
            guard let fields = statFields(child), fields.count > 1 else { return false }
            return pid_t(fields[1]) == pid
        }
    }

    /// The size of a file in bytes (0 if it does not exist yet).
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// A pane's screen as cells (text and style), parsed from `capture-pane -p -e -N`, for counting
/// the cells that differ between two captures.
struct ScreenCells: Equatable {
    /// The SGR state of a cell: attribute flags and the colour parameters as tmux wrote them.
    struct Style: Equatable {
        var flags: UInt16 = 0
        var fg: [Int] = []
        var bg: [Int] = []
    }

    struct Cell: Equatable {
        /// The character; "" for the right half of a wide character.
        var text: String
        var style: Style
    }

    private(set) var rows: [[Cell]]

    /// tmux carries the SGR state from one line to the next (it writes only the differences), so
    /// the capture is read as one stream. A wide character appears once and takes 2 cells; rows
    /// are padded (or cut) to `width` with default blanks.
    init(capture: String, width: Int, height: Int) {
        var style = Style()
        var rows: [[Cell]] = []
        for line in capture.split(separator: "\n", omittingEmptySubsequences: false).prefix(height) {
            var row: [Cell] = []
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                if chars[i] == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
                    // CSI: parameters up to the final byte; only SGR ("m") matters.
                    var j = i + 2
                    var params = ""
                    while j < chars.count, let ascii = chars[j].asciiValue, (0x30...0x3F).contains(ascii) || ascii == 0x20 {
                        params.append(chars[j])
                        j += 1
                    }
                    if j < chars.count, chars[j] == "m" { Self.apply(params, to: &style) }
                    i = j + 1
                    continue
                }
                let character = chars[i]
                let cellWidth = TextWidth.of(character)
                if cellWidth <= 0 {
                    if !row.isEmpty { row[row.count - 1].text.append(character) }
                } else {
                    row.append(Cell(text: String(character), style: style))
                    if cellWidth == 2 { row.append(Cell(text: "", style: style)) }
                }
                i += 1
            }
            if row.count < width { row += Array(repeating: Cell(text: " ", style: Style()), count: width - row.count) }
            rows.append(Array(row.prefix(width)))
        }
        while rows.count < height { rows.append(Array(repeating: Cell(text: " ", style: Style()), count: width)) }
        self.rows = rows
    }

    /// Applies one SGR parameter list ("1;38;5;231") to `style`.
    private static func apply(_ params: String, to style: inout Style) {
        let values = params.isEmpty ? [0] : params.split(separator: ";", omittingEmptySubsequences: false).map {
            Int($0.split(separator: ":").first ?? "") ?? 0
        }
        var i = 0
        while i < values.count {
            let p = values[i]
            switch p {
            case 0: style = Style()
            case 1...9: style.flags |= 1 << UInt16(p)
            case 21: style.flags |= 1 << 10  // double underline
            case 22: style.flags &= ~UInt16((1 << 1) | (1 << 2))
            case 23: style.flags &= ~UInt16(1 << 3)
            case 24: style.flags &= ~UInt16((1 << 4) | (1 << 10))
            case 25: style.flags &= ~UInt16(1 << 5)
            case 27: style.flags &= ~UInt16(1 << 7)
            case 28: style.flags &= ~UInt16(1 << 8)
            case 29: style.flags &= ~UInt16(1 << 9)
            case 53: style.flags |= 1 << 11
            case 55: style.flags &= ~UInt16(1 << 11)
            case 30...37, 90...97: style.fg = [p]
            case 39: style.fg = []
            case 40...47, 100...107: style.bg = [p]
            case 49: style.bg = []
            case 38, 48, 58:
                // 38;5;n or 38;2;r;g;b (58: the underline colour, ignored).
                let count = i + 1 < values.count && values[i + 1] == 2 ? 4 : 2
                let colour = [p] + values[min(i + 1, values.count)..<min(i + 1 + count, values.count)]
                if p == 38 { style.fg = colour } else if p == 48 { style.bg = colour }
                i += count
            default: break
            }
            i += 1
        }
    }

    /// Cells that differ between two screens, and the runs they form (maximal stretches of
    /// consecutive changed cells on one row: each needs one cursor movement).
    static func difference(_ a: ScreenCells, _ b: ScreenCells) -> (cells: Int, runs: Int) {
        var cells = 0, runs = 0
        for (rowA, rowB) in zip(a.rows, b.rows) {
            var inRun = false
            for (cellA, cellB) in zip(rowA, rowB) {
                if cellA != cellB {
                    cells += 1
                    if !inRun { runs += 1 }
                    inRun = true
                } else {
                    inRun = false
                }
            }
        }
        return (cells, runs)
    }
}
