import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way sitroom's tests, bench and drills start a process: posix_spawn with an empty signal
/// mask and every signal at its default (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF).
///
/// Not Foundation.Process: it hangs for ever on `tmux new-session -d` (the daemonised server keeps
/// a descriptor Foundation uses to notice the exit). And test threads block most signals, the bench
/// ignores SIGINT/SIGTERM while it cleans up: a child would inherit either (no SIGWINCH, so no
/// KEY_RESIZE; kill-server leaving processes behind).
public enum Spawn {
    /// Where one of the child's standard descriptors comes from.
    public enum Stream: Sendable {
        /// The same descriptor as ours.
        case inherit
        /// /dev/null (read and write).
        case null
        /// Our descriptor, duplicated onto the child's (keep ours close-on-exec: see `makePipe`).
        case fd(Int32)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// What `run` gives back. `status`: the exit code, 128 + the signal that killed it, 127 if it
    /// could not start, -1 if it could not be waited for (see `Termination.status`).
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// How a waited-for child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        /// waitpid failed with this errno (ECHILD: not our child, or already reaped): how it ended
        /// is unknown, and must not pass for a clean exit.
        case unknown(errno: Int32)

        /// The shell's convention: the exit code, or 128 + the signal; -1 when unknown.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            case .unknown: -1
            }
        }

        init(waitStatus: Int32) {
            let signal = waitStatus & 0x7f
            self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        }
    }

    /// Starts `arguments` (`arguments[0]` looked up in PATH when it has no "/"). `environment` is
    /// added to (or replaces) ours and `removing` are dropped; `directory` is its working directory.
    @discardableResult
    public static func start(_ arguments: [String], stdin: Stream = .null, stdout: Stream = .inherit,
                             stderr: Stream = .inherit, environment: [String: String] = [:],
                             removing: [String] = [], directory: String? = nil) throws -> pid_t {
        precondition(!arguments.isEmpty)
        // A child that stops reading must not kill us with SIGPIPE on the next write to its pipe.
        signal(SIGPIPE, SIG_IGN)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            switch stream {
            case .inherit: break
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_RDWR, 0)
            case .fd(let fd): posix_spawn_file_actions_adddup2(&actions, fd, target)
            }
        }
        if let directory {
            guard let addChdir = addChdirAction(), addChdir(&actions, directory) == 0 else {
                throw Failure("cannot run \(arguments[0]) in \(directory): no posix_spawn_file_actions_addchdir_np")
            }
        }

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
        guard rc == 0 else { throw Failure("cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's posix_spawn_file_actions_addchdir_np (since 2.29), which Swift's Glibc module does
    /// not declare: looked up by name.
    private static func addChdirAction() -> AddChdir? {
        dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    }

    /// Runs `arguments` to completion, feeding it `input` (nil: /dev/null) and collecting both outputs.
    public static func run(_ arguments: [String], stdin input: String? = nil, environment: [String: String]? = nil,
                           removing: [String] = [], directory: String? = nil) -> Result {
        guard let toChild = makePipe(), let fromOut = makePipe(), let fromErr = makePipe() else {
            return Result(status: 127, stdout: "", stderr: "pipe: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do {
            pid = try start(arguments, stdin: input == nil ? .null : .fd(toChild.read), stdout: .fd(fromOut.write),
                            stderr: .fd(fromErr.write), environment: environment ?? [:], removing: removing,
                            directory: directory)
        } catch {
            for fd in [toChild.read, toChild.write, fromOut.read, fromOut.write, fromErr.read, fromErr.write] { close(fd) }
            return Result(status: 127, stdout: "", stderr: "\(error)")
        }
        close(toChild.read)
        close(fromOut.write)
        close(fromErr.write)
        let (out, err) = pump(Array((input ?? "").utf8), to: toChild.write, from: fromOut.read, and: fromErr.read)
        return Result(status: wait(pid).status, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Waits for `pid` to end. The one waitpid loop: retried on EINTR, any other failure reported.
    public static func wait(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .unknown(errno: errno) }
        }
        return Termination(waitStatus: status)
    }

    /// How `pid` ended if it has (and reaps it), nil while it runs.
    public static func poll(_ pid: pid_t) -> Termination? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return Termination(waitStatus: status) }
            if r == 0 { return nil }
            if errno != EINTR { return .unknown(errno: errno) }
        }
    }

    /// Waits at most `timeout` seconds for `pid` to end; nil if it is still running then.
    public static func wait(_ pid: pid_t, timeout: Double) -> Termination? {
        var ended: Termination?
        _ = Poll.until(timeout: timeout, every: 0.002) {
            ended = poll(pid)
            return ended != nil
        }
        return ended
    }

    /// SIGKILL, then waits: how it ended.
    @discardableResult
    public static func kill9(_ pid: pid_t) -> Termination {
        kill(pid, SIGKILL)
        return wait(pid)
    }

    /// A pipe whose both ends are close-on-exec, so that a child keeps only what is dup2'd onto 0-2
    /// (a stray copy of a write end would keep a reader waiting for an EOF that never comes).
    /// Atomically (pipe2): with pipe then fcntl, a child spawned by another thread in between would
    /// inherit both ends.
    public static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = pipe2Function() {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        } else {
            guard pipe(&fds) == 0 else { return nil }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        return (fds[0], fds[1])
    }

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's pipe2, which Swift's Glibc module does not declare: looked up by name.
    private static func pipe2Function() -> Pipe2? {
        dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    }

    /// Reads both descriptors until both are closed at the other end, then closes them.
    public static func drain(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
        pump([], to: -1, from: a, and: b)
    }

    /// Feeds `input` to `inFD` (closed once written; -1: none) and reads both outputs at once, so
    /// that neither side can fill a pipe and stall, until the child closes them; closes all three.
    private static func pump(_ input: [UInt8], to inFD: Int32, from outFD: Int32, and errFD: Int32) -> ([UInt8], [UInt8]) {
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var inOpen = inFD >= 0, outOpen = true, errOpen = true
        if inOpen && input.isEmpty { close(inFD); inOpen = false }
        if inOpen { _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK) }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while outOpen || errOpen {
            var fds: [pollfd] = []
            if inOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if Glibc.poll(&fds, nfds_t(fds.count), -1) < 0 {
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
        if outOpen { close(outFD) }
        if errOpen { close(errFD) }
        return (out, err)
    }

    /// Looks `name` up in PATH.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where access("\(dir)/\(name)", X_OK) == 0 {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// The process's state letter from /proc/PID/stat ("R", "S", "T", "Z"...), nil once it is gone.
    /// After quitting, a process can be a zombie for a moment: check for "Z", not just existence.
    public static func processState(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].first(where: { $0 != " " })
    }

    /// True while `pid` exists and is not a zombie.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = processState(pid) else { return false }
        return state != "Z" && state != "X"
    }
}

/// Waiting for an event instead of sleeping for a while: polls a condition until a deadline.
public enum Poll {
    /// Checks `condition` every `every` seconds until it holds (true) or `timeout` seconds have
    /// passed (false; the condition is checked once more at the deadline).
    @discardableResult
    public static func until(timeout: Double, every: Double = 0.02, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(UInt32(max(0, min(every, deadline.timeIntervalSinceNow)) * 1e6) + 1)
        }
    }
}
