import Foundation
import SitRoomUI
#if canImport(Glibc)
import Glibc
#endif

// What the live-console workloads need to drive the real `sitroom` binary in tmux: a process
// runner, a tmux session, /proc readings and a cell-level screen diff.

/// Runs a process to completion with posix_spawn, pipes and an empty signal mask (the same approach
/// as Tests/EndToEndTests/Support/Spawn.swift): not Foundation.Process, which hangs for ever on
/// `tmux new-session -d` (the daemonised server keeps a descriptor Foundation waits on).
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `arguments[0]` is looked up in PATH when it has no "/". `environment` is added to ours;
    /// `removing` are dropped. The status is the exit code, 128 + the killing signal, or 127 if the
    /// program could not start. `stdin` nil: /dev/null.
    static func run(_ arguments: [String], stdin input: String? = nil, environment: [String: String] = [:],
                    removing: [String] = []) -> Result {
        precondition(!arguments.isEmpty)
        signal(SIGPIPE, SIG_IGN)
        guard let toChild = makePipe(), let fromOut = makePipe(), let fromErr = makePipe() else {
            return Result(status: 127, stdout: "", stderr: "pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, toChild.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, fromOut.write, 1)
        posix_spawn_file_actions_adddup2(&actions, fromErr.write, 2)

        // An empty signal mask and default handlers: the bench ignores SIGINT/SIGTERM while the
        // live workloads run (to clean up), and neither tmux nor the console must inherit that.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        for key in removing { env[key] = nil }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envp)
        close(toChild.read)
        close(fromOut.write)
        close(fromErr.write)
        guard rc == 0 else {
            close(toChild.write)
            close(fromOut.read)
            close(fromErr.read)
            return Result(status: 127, stdout: "", stderr: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        let (out, err) = pump(Array((input ?? "").utf8), to: toChild.write, from: fromOut.read, and: fromErr.read)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { status = 127 << 8; break }
        }
        let signalled = status & 0x7f
        return Result(status: signalled == 0 ? (status >> 8) & 0xff : 128 + signalled,
                      stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Feeds the input and reads both outputs at once until the child closes them.
    private static func pump(_ input: [UInt8], to inFD: Int32, from outFD: Int32, and errFD: Int32) -> ([UInt8], [UInt8]) {
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var inOpen = true, outOpen = true, errOpen = true
        if input.isEmpty { close(inFD); inOpen = false }
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while outOpen || errOpen {
            var fds: [pollfd] = []
            if inOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for p in fds where p.revents != 0 {
                if p.fd == inFD && inOpen {
                    let n = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
                    if n > 0 { written += n }
                    if (n < 0 && errno != EAGAIN && errno != EINTR) || written == input.count {
                        close(inFD)
                        inOpen = false
                    }
                } else if p.fd == outFD || p.fd == errFD {
                    let n = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
                    if n > 0 {
                        if p.fd == outFD { out += chunk[..<n] } else { err += chunk[..<n] }
                    } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(p.fd)
                        if p.fd == outFD { outOpen = false } else { errOpen = false }
                    }
                }
            }
        }
        if inOpen { close(inFD) }
        return (out, err)
    }

    private static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Looks `name` up in PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where access("\(dir)/\(name)", X_OK) == 0 {
            return "\(dir)/\(name)"
        }
        return nil
    }
}

/// Every tmux server and path the live workloads have made and not yet removed, so that an
/// interrupted run (SIGINT, SIGTERM, SIGHUP) still kills its sessions and removes its scratch
/// directory. The signal handlers run on a dispatch queue, hence the lock.
final class LiveCleanup: @unchecked Sendable {
    static let shared = LiveCleanup()
    private let lock = NSLock()
    private var sockets: Set<String> = []
    private var paths: [String] = []
    private var sources: [DispatchSourceSignal] = []

    func add(socket: String) { lock.withLock { _ = sockets.insert(socket) } }
    func remove(socket: String) { lock.withLock { _ = sockets.remove(socket) } }
    func add(path: String) { lock.withLock { paths.append(path) } }
    func remove(path: String) { lock.withLock { paths.removeAll { $0 == path } } }

    /// Kills every registered tmux server and removes every registered path.
    func cleanUp() {
        let (sockets, paths) = lock.withLock { (self.sockets, self.paths) }
        for socket in sockets { TmuxPane.killServer(socket: socket) }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    /// While the live workloads run: on SIGINT, SIGTERM or SIGHUP, clean up and exit.
    func installSignalHandlers() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    FileHandle.standardError.write(Data("sitroom-bench: interrupted; killing the tmux sessions\n".utf8))
                    LiveCleanup.shared.cleanUp()
                    _exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    func removeSignalHandlers() {
        lock.withLock {
            for source in sources { source.cancel() }
            sources = []
            for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        }
    }
}

/// A detached tmux session on its own server (`-L <unique socket>`, no config file, no status
/// line, TERM=xterm-256color in the pane) running one command directly in one pane of exactly
/// `width` x `height`. The server is killed by `kill()` (and on deinit).
final class TmuxPane {
    let socket: String
    let width: Int
    let height: Int
    private static let target = "main"
    private var killed = false

    init(width: Int, height: Int, command: [String], environment: [String: String]) throws {
        self.width = width
        self.height = height
        socket = "sitroom-bench-\(getpid())-\(UUID().uuidString.prefix(8))"
        LiveCleanup.shared.add(socket: socket)
        var args = ["start-server", ";",
                    "set-option", "-g", "status", "off", ";",
                    "set-option", "-g", "default-terminal", "xterm-256color", ";",
                    "set-option", "-s", "escape-time", "0", ";",
                    "new-session", "-d", "-s", Self.target, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            args += ["-e", "\(key)=\(value)"]
        }
        args += ["--"] + command
        let result = tmux(args)
        guard result.status == 0 else {
            kill()
            throw BenchError("tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit { kill() }

    @discardableResult
    func tmux(_ args: [String]) -> Subprocess.Result {
        Self.client(socket: socket, args)
    }

    private static func client(socket: String, _ args: [String]) -> Subprocess.Result {
        // LC_ALL would override the pane's LANG; TMUX would make tmux think it is nested; NO_COLOR
        // would reach the console through the server's global environment.
        Subprocess.run(["tmux", "-L", socket, "-u", "-f", "/dev/null"] + args, environment: ["LANG": "C.UTF-8"],
                       removing: ["TMUX", "TMUX_PANE", "LC_ALL", "NO_COLOR"])
    }

    static func killServer(socket: String) {
        _ = client(socket: socket, ["kill-server"])
    }

    /// A tmux key name ("NPage", "Enter") or a single literal character ("j").
    func send(_ key: String) {
        if key.count == 1 {
            tmux(["send-keys", "-t", Self.target, "-l", key])
        } else {
            tmux(["send-keys", "-t", Self.target, key])
        }
    }

    /// The pane, one line per row; with `colors` the SGR sequences too (`-e`). `-N` keeps the
    /// trailing spaces, so that every row is the full width.
    func capture(colors: Bool = false) -> String {
        var args = ["capture-pane", "-p", "-N", "-t", Self.target]
        if colors { args.append("-e") }
        var text = tmux(args).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Polls every `interval` seconds until `condition` holds for the plain screen.
    @discardableResult
    func waitUntil(timeout: Double, interval: Double = 0.05, _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            if Date() >= deadline {
                throw BenchError("timed out after \(timeout) s waiting for \(what); the screen:\n\(screen)")
            }
            usleep(UInt32(interval * 1e6))
            screen = capture()
        }
        return screen
    }

    /// The pid of the `sitroom` process: the pane's own pid when the command runs directly,
    /// otherwise (a shell in between) its child named sitroom.
    func sitroomPID() throws -> pid_t {
        let result = tmux(["display-message", "-p", "-t", Self.target, "#{pane_pid}"])
        guard result.status == 0, let pane = pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("cannot read the pane's pid: \(result.stderr)")
        }
        if ProcReading.command(pane) == "sitroom" { return pane }
        if let child = ProcReading.children(of: pane).first(where: { ProcReading.command($0) == "sitroom" }) { return child }
        throw BenchError("the pane's process \(pane) is \(ProcReading.command(pane) ?? "gone"), not sitroom")
    }

    /// Appends everything the pane's program writes to the terminal to `path` (`pipe-pane -o`).
    func pipeOutput(to path: String) throws {
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let result = tmux(["pipe-pane", "-t", Self.target, "-o", "cat >> \(quoted)"])
        guard result.status == 0 else { throw BenchError("tmux pipe-pane failed: \(result.stderr)") }
    }

    /// Stops the server and everything in it: the console gets SIGHUP. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        tmux(["kill-server"])
        LiveCleanup.shared.remove(socket: socket)
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

    /// True while `pid` exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = statFields(pid)?.first else { return false }
        return state != "Z" && state != "X"
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
