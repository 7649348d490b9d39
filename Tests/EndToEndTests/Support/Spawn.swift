import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a process to completion with posix_spawn, pipes and an empty signal mask.
///
/// Not Foundation.Process: it hangs for ever on `tmux new-session -d` (the daemonised server keeps
/// a descriptor Foundation uses to notice the exit). And test threads block most signals: a child
/// would inherit that mask (no SIGWINCH, so no KEY_RESIZE; kill-server leaving processes behind),
/// hence POSIX_SPAWN_SETSIGMASK with an empty set and POSIX_SPAWN_SETSIGDEF with every signal.
enum Spawn {
    /// Spawn attributes giving the child an empty signal mask and default handlers: test threads
    /// block signals, and a child would inherit the mask (tmux then never sees KEY_RESIZE, and
    /// kill-server leaves processes behind). Destroy with posix_spawnattr_destroy.
    static func cleanSignalAttributes() -> posix_spawnattr_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attr
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `arguments[0]` is looked up in PATH when it has no "/". `environment`: nil inherits ours;
    /// otherwise these variables are added to (or replace) ours, and `removing` are dropped.
    /// The status is the exit code, or 128 + the signal that killed it, or 127 if it could not start.
    static func run(_ arguments: [String], stdin input: String?, environment: [String: String]? = nil,
                    removing: [String] = []) -> Result {
        precondition(!arguments.isEmpty)
        signal(SIGPIPE, SIG_IGN)  // a child that stops reading must not kill the test process
        guard let toChild = makePipe(), let fromChildOut = makePipe(), let fromChildErr = makePipe() else {
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
        posix_spawn_file_actions_adddup2(&actions, fromChildOut.write, 1)
        posix_spawn_file_actions_adddup2(&actions, fromChildErr.write, 2)
        // Our pipe ends are close-on-exec, so the child keeps only 0, 1 and 2.

        var attr = Spawn.cleanSignalAttributes()
        defer { posix_spawnattr_destroy(&attr) }

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment ?? [:] { env[key] = value }
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
        close(fromChildOut.write)
        close(fromChildErr.write)
        guard rc == 0 else {
            close(toChild.write)
            close(fromChildOut.read)
            close(fromChildErr.read)
            return Result(status: 127, stdout: "", stderr: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }

        let (out, err) = pump(input: input.map { Array($0.utf8) } ?? [], to: toChild.write,
                              from: fromChildOut.read, and: fromChildErr.read)
        return Result(status: waitForExit(pid), stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// The exit code, 128 + signal if it was killed.
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let termSignal = status & 0x7f
        if termSignal == 0 { return (status >> 8) & 0xff }
        return 128 + termSignal
    }

    /// Feeds `input` and reads both outputs at once (so neither side can fill a pipe and stall),
    /// until the child closes its outputs.
    private static func pump(input: [UInt8], to inFD: Int32, from outFD: Int32, and errFD: Int32) -> ([UInt8], [UInt8]) {
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
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The process's state letter from /proc/PID/stat ("R", "S", "Z"...), nil if it is gone.
    /// After quitting, a process can be a zombie for a moment: check for "Z", not just existence.
    static func processState(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].first(where: { $0 != " " })
    }

    /// True while `pid` exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = processState(pid) else { return false }
        return state != "Z" && state != "X"
    }
}
