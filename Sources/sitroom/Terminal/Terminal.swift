import CNcurses
import Glibc
import SitRoomUI

/// Something the run loop has to react to.
enum TerminalEvent: Equatable {
    case key(Key)
    /// The terminal changed size (ncurses has already resized; `width`/`height` are the new size).
    case resize
    /// `timeoutMs` passed with nothing else to report.
    case tick
    /// One of the watched file descriptors is readable (or hung up: read it and find out).
    case readable(Int32)
    /// SIGTERM, SIGHUP or SIGINT arrived; SIGHUP also when the terminal itself goes away.
    case signal(Int32)
}

struct TerminalError: Error, CustomStringConvertible {
    var description: String
}

/// The only place ncurses is used. Not thread-safe (neither is ncurses): use it from one thread.
final class Terminal {
    private var screen: OpaquePointer?
    private(set) var active = false
    /// Self-pipe the signal handlers write to: [read, write].
    var signalPipe: (read: Int32, write: Int32) = (-1, -1)
    /// The terminal (stdin) hung up: stop polling it.
    var inputClosed = false
    /// Bytes of text into keys (UTF-8, escape sequences the terminal description lacks).
    var inputDecoder = InputDecoder()

    /// Colour pairs started (start_color + use_default_colors done).
    var colorStarted = false
    /// use_default_colors succeeded: -1 means the terminal's own colour.
    var defaultColorsAvailable = false
    /// attrs + pair per role, from the theme.
    var looks: [Role: RoleLook] = [:]

    /// The last buffer drawn; nil forces a full draw.
    var previous: ScreenBuffer?
    var previousScreenSize = (width: 0, height: 0)

    /// setlocale(LC_ALL, ""), falling back to C.UTF-8 when that is not UTF-8; newterm (so an unknown
    /// TERM throws instead of exiting); raw, noecho, nonl, keypad, ESC delay 25 ms, no cursor; colour
    /// unless the theme is monochrome; signal handlers (see `TerminalSignals`).
    init(theme: Theme) throws {
        guard isatty(0) != 0, isatty(1) != 0 else {
            throw TerminalError(description: "sitroom needs a terminal: standard input and output must be a tty")
        }
        setlocale(LC_ALL, "")
        if !Terminal.localeIsUTF8() {
            setlocale(LC_ALL, "C.UTF-8")
        }
        TerminalSignals.recordOriginal()
        guard let screen = cn_newterm() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(description: "cannot use the terminal: TERM=\(term) is unknown or unusable")
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(description: "TERM=\(term) cannot move the cursor; sitroom draws a full screen "
                                + "and needs a terminal that can (e.g. TERM=xterm-256color, screen-256color, vt100)")
        }
        self.screen = screen
        active = true
        TerminalSignals.cursesActive = true

        raw()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Never leave an update half done because input is waiting.
        typeahead(-1)
        // Reads in waitForEvents never block: poll() does the waiting.
        wtimeout(cn_stdscr(), 0)

        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            signalPipe = (fds[0], fds[1])
        }
        TerminalSignals.install(writeFD: signalPipe.write)
        Self.bracketedPaste(true)

        setTheme(theme)
    }

    /// Bracketed paste (xterm's mode 2004, also tmux, GNOME, iTerm2, PuTTY, Windows Terminal): the
    /// terminal marks pasted text, so that it goes into a field as text and is never taken as keys.
    /// A terminal without it ignores the request.
    static func bracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(1, $0, strlen($0)) }
    }

    deinit {
        stop()
        if let screen {
            delscreen(screen)
        }
        if signalPipe.read >= 0 { close(signalPipe.read) }
        if signalPipe.write >= 0 { close(signalPipe.write) }
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = cn_codeset() else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
        return name == "UTF8"
    }

    var width: Int { Int(getmaxx(cn_stdscr())) }
    var height: Int { Int(getmaxy(cn_stdscr())) }

    /// The number of colours (COLORS), 0 without colour. Before colour is started (monochrome
    /// theme) it is what the terminal description says.
    var colors: Int {
        if colorStarted { return max(0, Int(cn_COLORS())) }
        guard has_colors() else { return 0 }
        return max(0, Int(tigetnum("colors")))
    }

    /// Ctrl-L: the next `draw` repaints the whole screen from scratch.
    func redrawAll() {
        guard active else { return }
        clearok(cn_curscr(), true)
        previous = nil
    }

    /// Ctrl-Z: SIGTSTP to ourselves. ncurses' own handler (installed by newterm) gives the terminal
    /// back, stops, and on `fg` restores the modes and repaints. Where nothing can resume us (no job
    /// control: an orphaned process group) the kernel ignores the stop and the screen comes back.
    /// Returns false, without stopping, when the console shares its parent's process group: the
    /// parent (`sh -c 'sitroom; ...'` over ssh) does no job control and nothing could resume it.
    func suspend() -> Bool {
        guard active else { return true }
        guard getpgid(getppid()) != getpgrp() else { return false }
        Self.bracketedPaste(false)
        raise(SIGTSTP)
        Self.bracketedPaste(true)
        return true
    }

    func bell() {
        guard active else { return }
        beep()
    }

    /// Gives the terminal back (endwin) and removes the signal handlers. Idempotent.
    func stop() {
        guard active else { return }
        active = false
        TerminalSignals.uninstall()
        TerminalSignals.cursesActive = false
        endwin()
        Self.bracketedPaste(false)
    }
}
