import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with pipes on stdin and stdout, spawned with posix_spawn and a clean signal
/// mask (test threads block signals, and a blocked mask would be inherited), so that it can be
/// fed, read line by line, and killed with SIGKILL.
final class ChildProcess {
    let pid: pid_t
    private let stdinFD: Int32
    private let stdoutFD: Int32
    private var buffer: [UInt8] = []
    private var reaped = false
    private var inputClosed = false

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        // Close-on-exec, so that a later child does not inherit this one's stdin and keep it open.
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw POSIXError(.EMFILE) }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = Spawn.cleanSignalAttributes()
        defer { posix_spawnattr_destroy(&attr) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, arguments[0], &actions, &attr, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)
        }
        pid = child
        stdinFD = toChild[1]
        stdoutFD = fromChild[0]
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        if !reaped { kill(pid, SIGKILL); _ = waitExit() }
        closeInput()
        close(stdoutFD)
    }

    /// Writes to the child's stdin; false once the child has gone.
    @discardableResult
    func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(stdinFD, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    /// Closes the child's stdin (once: a second close could close another test's descriptor).
    func closeInput() {
        guard !inputClosed else { return }
        inputClosed = true
        close(stdinFD)
    }

    /// Reads complete lines available within `timeout` seconds (at least one if any arrives).
    func readLines(timeout: Double) -> [String] {
        var pfd = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, Int32(timeout * 1000)) > 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[..<n]) }
        }
        guard let last = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let lines = buffer[..<last].split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        buffer.removeSubrange(...last)
        return lines
    }

    /// Reads everything until the child closes stdout.
    func readAll() -> [String] {
        var lines: [String] = []
        while true {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[..<n])
        }
        lines = buffer.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        buffer.removeAll()
        return lines
    }

    func kill9() { kill(pid, SIGKILL) }

    @discardableResult
    func waitExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        return status
    }
}
