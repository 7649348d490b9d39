import CNcurses
import Glibc

// State read by the signal handlers. A C signal handler cannot capture context, so this has to be
// global; it is written only while no handler of ours is installed, or is a plain flag/fd.

/// Write end of the self-pipe: a handler writes the signal number as one byte.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1
/// Whether curses owns the terminal (the crash handler then calls endwin before dying).
nonisolated(unsafe) private var cursesOwnsTerminal: sig_atomic_t = 0
/// The action in place just before ours, per signal number: chained to by the
/// crash handler (the default action, or Swift's backtracer if it installed one) and by SIGWINCH
/// (ncurses' own handler, which makes get_wch return KEY_RESIZE).
nonisolated(unsafe) private let previousActions = newActionTable()
/// The actions before the terminal was set up (before newterm installed ncurses' own): `uninstall`
/// puts these back.
nonisolated(unsafe) private let originalActions = newActionTable()

private func newActionTable() -> UnsafeMutablePointer<sigaction> {
    let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 128)
    table.initialize(repeating: sigaction(), count: 128)
    return table
}

private func writeSignalByte(_ signal: Int32) {
    let fd = signalPipeWriteFD
    guard fd >= 0 else { return }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(fd, &byte, 1)
}

/// SIGTERM, SIGHUP, SIGINT: only note it; the run loop sees `.signal` and quits cleanly.
private func onTerminationSignal(_ signal: Int32) {
    let savedErrno = errno
    writeSignalByte(signal)
    errno = savedErrno
}

/// SIGWINCH: let ncurses' handler set its flag (get_wch then returns KEY_RESIZE), then wake poll().
private func onWindowChange(_ signal: Int32) {
    let savedErrno = errno
    if let previous = previousActions[Int(SIGWINCH)].__sigaction_handler.sa_handler,
       unsafeBitCast(previous, to: Int.self) != 1 /* SIG_IGN */ {
        previous(signal)
    }
    writeSignalByte(signal)
    errno = savedErrno
}

/// SEGV, BUS, ILL, FPE, ABRT, QUIT: give the terminal back, then die the way we would have died.
private func onCrashSignal(_ signal: Int32) {
    if cursesOwnsTerminal != 0 {
        cursesOwnsTerminal = 0
        endwin()
        let pasteOff: [UInt8] = [0x1B, 0x5B, 0x3F, 0x32, 0x30, 0x30, 0x34, 0x6C]  // ESC [ ? 2004 l
        _ = pasteOff.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
    }
    // Back to the action before ours (the default, or the Swift runtime's backtracer), and again.
    sigaction(signal, previousActions + Int(signal), nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signal)
}

enum TerminalSignals {
    static let termination: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT]
    static let windowChange: Int32 = SIGWINCH

    private static var all: [Int32] { termination + crash + [windowChange] }

    static var cursesActive: Bool {
        get { cursesOwnsTerminal != 0 }
        set { cursesOwnsTerminal = newValue ? 1 : 0 }
    }

    /// Notes the current actions, for `uninstall`: call before newterm.
    static func recordOriginal() {
        for signal in all {
            sigaction(signal, nil, originalActions + Int(signal))
        }
    }

    /// Installs our handlers (after newterm, so ncurses' SIGWINCH handler exists to chain to).
    static func install(writeFD: Int32) {
        signalPipeWriteFD = writeFD
        for signal in all {
            sigaction(signal, nil, previousActions + Int(signal))
        }
        set(termination, handler: onTerminationSignal, flags: SA_RESTART)
        set([windowChange], handler: onWindowChange, flags: SA_RESTART)
        // SA_NODEFER: the re-raise inside the handler is delivered at once.
        set(crash, handler: onCrashSignal, flags: SA_NODEFER)
    }

    /// Puts back what was there at `recordOriginal`.
    static func uninstall() {
        for signal in all {
            sigaction(signal, originalActions + Int(signal), nil)
        }
        signalPipeWriteFD = -1
    }

    private static func set(_ signals: [Int32], handler: @escaping @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        for signal in signals {
            sigaction(signal, &action, nil)
        }
    }
}
