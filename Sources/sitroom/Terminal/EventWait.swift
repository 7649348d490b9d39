import CNcurses
import Glibc
import SitRoomUI

extension Terminal {
    /// Sleeps in poll() on stdin, the signal self-pipe and `watching` until something happens or
    /// `timeoutMs` passes (negative: no limit), then returns everything that is ready: keys in the
    /// order typed (KEY_RESIZE as `.resize`), readable watched fds, signals. `[.tick]` on timeout.
    /// A watched fd that hung up stays "readable": the caller must read it or stop watching it.
    func waitForEvents(timeoutMs: Int32, watching: [Int32]) -> [TerminalEvent] {
        guard active else { return [.signal(SIGHUP)] }
        let deadline = timeoutMs < 0 ? nil : Terminal.monotonicMs() + Int64(timeoutMs)
        // Keys ncurses already holds (or a resize it has noticed) come first, without sleeping.
        var events = readKeys()
        if !events.isEmpty { return events }

        while true {
            var fds: [pollfd] = []
            let stdinSlot = inputClosed ? -1 : fds.count
            if !inputClosed { fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
            let pipeSlot = fds.count
            fds.append(pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0))
            let watchStart = fds.count
            for fd in watching { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }

            let wait: Int32
            if let deadline {
                wait = Int32(clamping: max(0, deadline - Terminal.monotonicMs()))
            } else {
                wait = -1
            }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            let interrupted = ready < 0  // EINTR: most likely SIGWINCH, so look for KEY_RESIZE

            var signals: [TerminalEvent] = []
            var windowChanged = false
            if ready > 0, fds[pipeSlot].revents != 0 {
                for signal in drainSignalPipe() {
                    if signal == TerminalSignals.windowChange {
                        windowChanged = true
                    } else {
                        signals.append(.signal(signal))
                    }
                }
            }
            let stdinRevents = stdinSlot >= 0 && ready > 0 ? fds[stdinSlot].revents : 0
            if stdinRevents != 0 || windowChanged || interrupted {
                events += readKeys()
            }
            if stdinRevents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, events.isEmpty {
                // The terminal went away: report it like a hangup, once, and stop polling it.
                inputClosed = true
                signals.append(.signal(SIGHUP))
            }
            if ready > 0 {
                for (offset, fd) in watching.enumerated() where fds[watchStart + offset].revents != 0 {
                    events.append(.readable(fd))
                }
            }
            events += signals
            if !events.isEmpty { return events }
            if let deadline, Terminal.monotonicMs() >= deadline { return [.tick] }
            // Woken for nothing complete (half an escape sequence, a stray wake-up): sleep again.
        }
    }

    /// Everything wgetch has without waiting (the window is in no-delay mode): bytes of text and
    /// function keys, decoded into keys by `inputDecoder` (which keeps a character cut at the end of
    /// one batch for the next).
    private func readKeys() -> [TerminalEvent] {
        var keys = inputDecoder.decode(readInputs())
        if inputDecoder.isHolding {
            // An escape sequence cut off at the end of what has arrived: give the rest 50 ms.
            var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if !inputClosed, poll(&fd, 1, 50) > 0 { keys += inputDecoder.decode(readInputs()) }
            keys += inputDecoder.release()
        }
        if inputDecoder.isPasting {
            // A paste still arriving: its end marker should follow at once. After half a second
            // of nothing, keys are keys again.
            var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if inputClosed || poll(&fd, 1, 500) == 0 { inputDecoder.endPaste() }
        }
        return keys.map { key in
            if key == .resize {
                previous = nil
                return .resize
            }
            return .key(key)
        }
    }

    private func readInputs() -> [InputDecoder.Input] {
        var inputs: [InputDecoder.Input] = []
        // A bound, so a flood of input cannot keep the loop from drawing.
        for _ in 0..<4096 {
            let code = wgetch(cn_stdscr())
            if code == ERR { break }
            inputs.append(code >= 0 && code < 256 ? .byte(UInt8(code)) : .key(KeyDecoder.functionKey(code)))
        }
        return inputs
    }

    private func drainSignalPipe() -> [Int32] {
        var signals: [Int32] = []
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(signalPipe.read, &bytes, bytes.count)
            if n <= 0 { break }
            signals += bytes[0..<n].map { Int32($0) }
        }
        return signals
    }

    static func monotonicMs() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
