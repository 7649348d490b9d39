import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with pipes on stdin and stdout (stderr: ours, or a pipe of the caller's), so
/// that it can be fed, read line by line and killed with SIGKILL. Killed and reaped on deinit.
public final class ChildProcess {
    public let pid: pid_t
    private let stdinFD: Int32
    private let stdoutFD: Int32
    private var buffer: [UInt8] = []
    private var ended: Spawn.Termination?
    private var inputClosed = false
    private var outputClosed = false

    public init(_ arguments: [String], environment: [String: String] = [:], stderr: Spawn.Stream = .inherit) throws {
        guard let toChild = Spawn.makePipe() else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        guard let fromChild = Spawn.makePipe() else {
            close(toChild.read)
            close(toChild.write)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE)
        }
        do {
            pid = try Spawn.start(arguments, stdin: .fd(toChild.read), stdout: .fd(fromChild.write), stderr: stderr,
                                  environment: environment)
        } catch {
            for fd in [toChild.read, toChild.write, fromChild.read, fromChild.write] { close(fd) }
            throw error
        }
        close(toChild.read)
        close(fromChild.write)
        stdinFD = toChild.write
        stdoutFD = fromChild.read
    }

    deinit {
        if ended == nil { ended = Spawn.kill9(pid) }
        closeInput()
        closeOutput()
    }

    /// Writes to the child's stdin; false once the child has gone.
    @discardableResult
    public func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(stdinFD, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    /// The descriptor of the child's stdin, for a caller that writes without blocking (O_NONBLOCK).
    public var inputDescriptor: Int32 { stdinFD }
    /// The descriptor of the child's stdout, for a caller that polls it itself.
    public var outputDescriptor: Int32 { stdoutFD }

    /// Closes the child's stdin (once: a second close could close someone else's descriptor).
    public func closeInput() {
        guard !inputClosed else { return }
        inputClosed = true
        close(stdinFD)
    }

    private func closeOutput() {
        guard !outputClosed else { return }
        outputClosed = true
        close(stdoutFD)
    }

    /// Reads complete lines available within `timeout` seconds (at least one if any arrives).
    public func readLines(timeout: Double) -> [String] {
        var pfd = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
        if Glibc.poll(&pfd, 1, Int32(timeout * 1000)) > 0 {
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
    public func readAll() -> [String] {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[..<n])
        }
        let lines = buffer.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        buffer.removeAll()
        return lines
    }

    public func kill9() { kill(pid, SIGKILL) }

    /// Waits for the child (once; later calls give the same answer): the exit code, 128 + the
    /// signal, or -1 if it could not be waited for.
    @discardableResult
    public func waitExit() -> Int32 {
        termination().status
    }

    /// How the child ended, waiting for it.
    public func termination() -> Spawn.Termination {
        if let ended { return ended }
        let result = Spawn.wait(pid)
        ended = result
        return result
    }

    /// How the child ended if it has (reaping it), nil while it runs.
    public func pollExit() -> Spawn.Termination? {
        if let ended { return ended }
        ended = Spawn.poll(pid)
        return ended
    }
}
