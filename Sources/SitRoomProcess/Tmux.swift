import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// The tmux client for one server on its own socket (`-L`), with no config file and UTF-8 forced.
public struct TmuxClient: Sendable {
    public let socket: String

    public init(socket: String) { self.socket = socket }

    /// A socket name no other run uses: `<prefix>-<pid>-<random>`.
    public static func uniqueSocket(_ prefix: String) -> String {
        "\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    /// The tmux binary, or a clear failure if it is not installed.
    public static func tmuxPath() throws -> String {
        guard let path = Spawn.which("tmux") else {
            throw TmuxError(description: "tmux is not installed (not found in PATH)")
        }
        return path
    }

    /// Runs one client command (several with ";" between them) against this server.
    @discardableResult
    public func run(_ args: [String]) -> Spawn.Result {
        // LC_ALL would override the pane's LANG; TMUX would make tmux think it is nested; NO_COLOR
        // would reach the pane through the server's global environment (a pane that wants it
        // gets it with -e or env).
        Spawn.run(["tmux", "-L", socket, "-u", "-f", "/dev/null"] + args, environment: ["LANG": "C.UTF-8"],
                  removing: ["TMUX", "TMUX_PANE", "LC_ALL", "NO_COLOR"])
    }

    /// Stops the server and everything in it (each pane's process gets SIGHUP).
    public func killServer() { run(["kill-server"]) }
}

/// A detached tmux session on its own server, no status line, one command in one pane of exactly
/// `width` x `height`, for driving a program like a user would: send keys, read the screen, resize.
/// The server is killed by `kill()` and on deinit.
public final class TmuxSession {
    public let client: TmuxClient
    public var socket: String { client.socket }
    public let width: Int
    public let height: Int
    public let target = "main"
    private let keepTrailingBlanks: Bool
    private var killed = false

    /// Starts `command` (run directly, not through a shell: pass ["sh", "-c", "..."] for one) with
    /// LANG=C.UTF-8 and `environment` set in the pane. `remainOnExit`: keep the pane (and the
    /// server) when the command exits, so its last screen can still be captured. `terminal`: the
    /// pane's TERM (tmux's default-terminal). `keepTrailingBlanks`: captures keep every row's
    /// trailing blanks (-N), so each row is the full width. `socket`: the server's socket name, for
    /// a caller that must know it before the server starts (to clean up after an interruption).
    public init(width: Int = 120, height: Int = 30, command: [String], environment: [String: String] = [:],
                remainOnExit: Bool = false, terminal: String? = nil, keepTrailingBlanks: Bool = false,
                socket: String = TmuxClient.uniqueSocket("sitroom-test")) throws {
        precondition(!command.isEmpty)
        _ = try TmuxClient.tmuxPath()
        client = TmuxClient(socket: socket)
        self.width = width
        self.height = height
        self.keepTrailingBlanks = keepTrailingBlanks
        var args = ["start-server", ";",
                    "set-option", "-g", "status", "off", ";",
                    "set-option", "-s", "escape-time", "0", ";",
                    "set-option", "-g", "remain-on-exit", remainOnExit ? "on" : "off", ";"]
        if let terminal { args += ["set-option", "-g", "default-terminal", terminal, ";"] }
        args += ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            args += ["-e", "\(key)=\(value)"]
        }
        args += ["--"] + command
        let result = client.run(args)
        guard result.status == 0 else {
            kill()
            throw TmuxError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit {
        kill()
    }

    /// The tmux binary, or a clear failure if it is not installed.
    public static func tmuxPath() throws -> String { try TmuxClient.tmuxPath() }

    /// Runs a tmux client command against this session's server.
    @discardableResult
    public func tmux(_ args: [String]) -> Spawn.Result {
        client.run(args)
    }

    /// Each argument is either a tmux key name ("Enter", "Escape", "Down", "BSpace", "Tab", "BTab",
    /// "PPage", "NPage", "Home", "End", "DC", "F5", "C-c", "M-x"...), sent as that key, or anything
    /// else, sent as literal text (`send-keys -l`).
    public func sendKeys(_ keys: String...) {
        for key in keys {
            if Self.isKeyName(key) {
                tmux(["send-keys", "-t", target, key])
            } else {
                tmux(["send-keys", "-t", target, "-l", key])
            }
        }
    }

    /// Sends `text` literally, even if it looks like a key name.
    public func sendText(_ text: String) {
        tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes (`send-keys -H`), as a terminal would pass them on.
    public func sendBytes(_ bytes: [UInt8]) {
        tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Pastes `text` through a tmux buffer, as a terminal paste arrives: all at once. `scratch`: a
    /// file to pass it through.
    public func paste(_ text: String, scratch: String) throws {
        try text.write(toFile: scratch, atomically: false, encoding: .utf8)
        let load = tmux(["load-buffer", "-b", "paste", scratch])
        guard load.status == 0 else { throw TmuxError(description: "load-buffer: \(load.stderr)") }
        tmux(["paste-buffer", "-d", "-b", "paste", "-t", target])
    }

    /// Types a command into a shell in the pane and presses Enter.
    public func type(_ line: String) {
        sendText(line)
        sendKeys("Enter")
    }

    private static let keyNames: Set<String> = [
        "Enter", "Escape", "Tab", "BTab", "BSpace", "Space", "Up", "Down", "Left", "Right", "Home", "End",
        "PPage", "PageUp", "PgUp", "NPage", "PageDown", "PgDn", "DC", "Delete", "IC", "Insert",
    ]

    /// A key name, optionally with modifiers: "C-c", "M-x", "S-Up", "C-M-Left", "F5".
    public static func isKeyName(_ key: String) -> Bool {
        var rest = Substring(key)
        var modified = false
        while rest.count > 2, ["C-", "M-", "S-"].contains(rest.prefix(2)) {
            rest = rest.dropFirst(2)
            modified = true
        }
        if keyNames.contains(String(rest)) { return true }
        if rest.first == "F", let n = Int(rest.dropFirst()), (1...24).contains(n) { return true }
        return modified && rest.count == 1
    }

    /// The pane's text, one line per row joined with "\n" (trailing blanks trimmed unless
    /// `keepTrailingBlanks`; a wide character appears once). With `colors`, the escape sequences
    /// for attributes and colours too.
    public func capture(colors: Bool = false) -> String {
        var args = ["capture-pane", "-p", "-t", target]
        if keepTrailingBlanks { args.append("-N") }
        if colors { args.append("-e") }
        var text = tmux(args).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Polls the screen until it contains `text`; returns that screen. Throws after `timeout`
    /// seconds with the last screen in the message.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen every `interval` seconds until `condition` holds for it; returns that screen.
    @discardableResult
    public func waitUntil(timeout: Double = 5, interval: Double = 0.05, _ what: String = "the condition",
                          _ condition: (String) -> Bool) throws -> String {
        var screen = ""
        let met = Poll.until(timeout: timeout, every: interval) {
            screen = capture()
            return condition(screen)
        }
        guard met else {
            throw TmuxError(description: "timed out after \(timeout) s waiting for \(what); screen:\n\(screen)")
        }
        return screen
    }

    /// Resizes the window (the program gets SIGWINCH). tmux holds back a resize that follows another
    /// within about 250 ms: use `resizeAndWait` when the next step needs this size in place.
    public func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Resizes and waits until tmux says the pane has that size (so the program has been sent its
    /// SIGWINCH, and another resize will not be merged with this one).
    public func resizeAndWait(width: Int, height: Int, timeout: Double = 5) throws {
        resize(width: width, height: height)
        var size = ""
        let applied = Poll.until(timeout: timeout) {
            size = tmux(["display-message", "-p", "-t", target, "#{pane_width}x#{pane_height}"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return size == "\(width)x\(height)"
        }
        guard applied else {
            throw TmuxError(description: "the pane is \(size), not \(width)x\(height), \(timeout) s after resize-window")
        }
    }

    /// The pid of the command in the pane; nil once the server is gone.
    public func panePID() -> pid_t? {
        let result = tmux(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard result.status == 0 else { return nil }
        return pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether the pane's command has exited (only meaningful with `remainOnExit`).
    public func paneIsDead() -> Bool {
        let result = tmux(["display-message", "-p", "-t", target, "#{pane_dead}"])
        return result.status != 0 || result.stdout.hasPrefix("1")
    }

    /// Appends everything the pane's program writes to the terminal to `path` (`pipe-pane -o`).
    public func pipeOutput(to path: String) throws {
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let result = tmux(["pipe-pane", "-t", target, "-o", "cat >> \(quoted)"])
        guard result.status == 0 else { throw TmuxError(description: "tmux pipe-pane failed: \(result.stderr)") }
    }

    /// Stops the server and everything in it. Idempotent.
    public func kill() {
        guard !killed else { return }
        killed = true
        client.killServer()
    }
}
