import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// A detached tmux session on its own server (`-L <unique socket>`, no config file, no status
/// line) running one command in one pane of exactly `width` x `height`, for driving the app like a
/// user would: send keys, read the screen. The server is killed when the session goes away.
final class TmuxSession {
    let socket: String
    let width: Int
    let height: Int
    private static let target = "main"
    private var killed = false

    /// The tmux binary, or a clear failure if it is not installed.
    static func tmuxPath() throws -> String {
        guard let path = Spawn.which("tmux") else {
            throw TmuxError(description: "tmux is not installed (not found in PATH): the end-to-end tests need it")
        }
        return path
    }

    /// Starts `command` (run directly, not through a shell: pass ["sh", "-c", "..."] for one) with
    /// LANG=C.UTF-8 and `environment` set in the pane. `remainOnExit`: keep the pane (and the
    /// server) when the command exits, so its last screen can still be captured.
    init(width: Int = 120, height: Int = 30, command: [String], environment: [String: String] = [:],
         remainOnExit: Bool = false) throws {
        precondition(!command.isEmpty)
        _ = try Self.tmuxPath()
        self.width = width
        self.height = height
        socket = "sitroom-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["start-server", ";",
                    "set-option", "-g", "status", "off", ";",
                    "set-option", "-s", "escape-time", "0", ";",
                    "set-option", "-g", "remain-on-exit", remainOnExit ? "on" : "off", ";",
                    "new-session", "-d", "-s", Self.target, "-x", String(width), "-y", String(height),
                    "-e", "LANG=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            args += ["-e", "\(key)=\(value)"]
        }
        args += ["--"] + command
        let result = tmux(args)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit {
        kill()
    }

    /// Runs a tmux client command against this session's server.
    @discardableResult
    func tmux(_ args: [String]) -> Spawn.Result {
        // LC_ALL would override the pane's LANG; TMUX would make tmux think it is nested.
        Spawn.run(["tmux", "-L", socket, "-u", "-f", "/dev/null"] + args, stdin: nil,
                  environment: ["LANG": "C.UTF-8"], removing: ["TMUX", "TMUX_PANE", "LC_ALL"])
    }

    /// Each argument is either a tmux key name ("Enter", "Escape", "Down", "BSpace", "Tab", "BTab",
    /// "PPage", "NPage", "Home", "End", "DC", "F5", "C-c", "M-x"...), sent as that key, or anything
    /// else, sent as literal text (`send-keys -l`).
    func sendKeys(_ keys: String...) {
        for key in keys {
            if Self.isKeyName(key) {
                tmux(["send-keys", "-t", Self.target, key])
            } else {
                tmux(["send-keys", "-t", Self.target, "-l", key])
            }
        }
    }

    /// Sends `text` literally, even if it looks like a key name.
    func sendText(_ text: String) {
        tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    private static let keyNames: Set<String> = [
        "Enter", "Escape", "Tab", "BTab", "BSpace", "Space", "Up", "Down", "Left", "Right", "Home", "End",
        "PPage", "PageUp", "PgUp", "NPage", "PageDown", "PgDn", "DC", "Delete", "IC", "Insert",
    ]

    /// A key name, optionally with modifiers: "C-c", "M-x", "S-Up", "C-M-Left", "F5".
    static func isKeyName(_ key: String) -> Bool {
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

    /// The pane's text, one line per row joined with "\n" (tmux trims trailing blanks; a wide
    /// character appears once). With `colors`, the escape sequences for attributes and colours too.
    func capture(colors: Bool = false) -> String {
        var args = ["capture-pane", "-p", "-t", Self.target]
        if colors { args.append("-e") }
        var text = tmux(args).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Polls the screen every 50 ms until it contains `text`; returns that screen. Throws after
    /// `timeout` seconds with the last screen in the message.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Polls until `condition` holds for the screen.
    @discardableResult
    func waitUntil(timeout: Double = 5, _ what: String = "the condition",
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            if Date() >= deadline {
                throw TmuxError(description: "timed out after \(timeout) s waiting for \(what); screen:\n\(screen)")
            }
            usleep(50_000)
            screen = capture()
        }
        return screen
    }

    /// Resizes the window (the app gets SIGWINCH). tmux delays a resize that follows another within
    /// about 250 ms.
    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", Self.target, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the command in the pane; nil once the server is gone.
    func panePID() -> pid_t? {
        let result = tmux(["display-message", "-p", "-t", Self.target, "#{pane_pid}"])
        guard result.status == 0 else { return nil }
        return pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether the pane's command has exited (only meaningful with `remainOnExit`).
    func paneIsDead() -> Bool {
        let result = tmux(["display-message", "-p", "-t", Self.target, "#{pane_dead}"])
        return result.status != 0 || result.stdout.hasPrefix("1")
    }

    /// Stops the server and everything in it. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        tmux(["kill-server"])
    }

    /// Runs any process to completion (posix_spawn, pipes, empty signal mask): for `sitroom apply`,
    /// `sitroom export`... from tests.
    static func run(_ args: [String], stdin: String?, environment: [String: String]? = nil) -> (status: Int32, stdout: String, stderr: String) {
        let result = Spawn.run(args, stdin: stdin, environment: environment)
        return (result.status, result.stdout, result.stderr)
    }

    /// The built `sitroom` executable: found next to the test binary (via /proc/self/exe, going up
    /// towards the build products folder). SITROOM_BINARY overrides it.
    static var sitroomBinary: String {
        if let override = ProcessInfo.processInfo.environment["SITROOM_BINARY"], !override.isEmpty {
            return override
        }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" && !dir.path.isEmpty {
            let candidate = dir.appendingPathComponent("sitroom").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
               !isDirectory.boolValue, access(candidate, X_OK) == 0 {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        return "sitroom"
    }
}
