import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn with an empty signal mask and default handlers (a mask or an ignored signal would be
/// inherited by the child; see NOTES: Foundation.Process hangs on `tmux new-session -d`).
public enum DrillSpawn {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` (looked up in PATH when it has no "/") to completion, stdin /dev/null.
    /// The status is the exit code, 128 + the killing signal, or 127 if it could not start.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) -> Result {
        guard let out = makePipe(), let err = makePipe() else { return Result(status: 127, stdout: "", stderr: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        let pid = spawn(arguments, &actions, environment: environment)
        close(out.write)
        close(err.write)
        guard let pid else {
            close(out.read)
            close(err.read)
            return Result(status: 127, stdout: "", stderr: "cannot run \(arguments[0])")
        }
        let (o, e) = drain(out.read, err.read)
        return Result(status: wait(pid), stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Spawns with the clean signal state; nil if it could not start.
    public static func spawn(_ arguments: [String], _ actions: inout posix_spawn_file_actions_t,
                      environment: [String: String] = [:]) -> pid_t? {
        signal(SIGPIPE, SIG_IGN)
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
        for key in ["TMUX", "TMUX_PANE", "LC_ALL", "NO_COLOR"] where environment[key] == nil { env[key] = nil }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        return posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envp) == 0 ? pid : nil
    }

    /// Waits for `pid`; the exit code, or 128 + the signal that killed it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }

    public static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Reads both descriptors until both are closed at the other end, then closes them.
    public static func drain(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
        var out: [[UInt8]] = [[], []]
        var open = [a, b]
        var chunk = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 >= 0 }) {
            var fds = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for p in fds where p.revents != 0 {
                let i = p.fd == a ? 0 : 1
                let n = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    out[i] += chunk[..<n]
                } else if n == 0 || errno != EINTR {
                    close(p.fd)
                    open[i] = -1
                }
            }
        }
        for fd in open where fd >= 0 { close(fd) }
        return (out[0], out[1])
    }
}
