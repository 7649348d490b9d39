import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomUI

/// The run loop: one thread, one model. Keys, clock ticks and other consoles' changes go into
/// `AppModel`; the model is drawn into a buffer; the terminal writes only what changed.
final class ConsoleSession {
    private let log: any ChangeStore
    /// The data directory, when the log is kept in one: presence, history, trends and the
    /// briefing baseline read its files. Nil for a server.
    private let directory: DataDirectory?
    private var model: AppModel
    private var theme: Theme
    private let catalog: ThemeCatalog
    private let rules: AlertRules
    /// When the alert rules last looked at every hospital (reports go stale, actions overdue, as
    /// time passes); a commit only looks at what it touched.
    private var alertsSynced = Date.distantPast
    /// Another console raised an alert: ring once the frame is drawn.
    private var bellWanted = false

    /// Showing an earlier board (`--at`): nothing is followed or written.
    private let isPast: Bool

    init(log: any ChangeStore, directory: DataDirectory?, officer: String, theme: Theme, themeName: String, catalog: ThemeCatalog, timeZone: TimeZone,
         rules: AlertRules, past: (board: Board, seq: UInt64, at: Date)? = nil) {
        self.log = log
        self.directory = directory
        self.rules = rules
        isPast = past != nil
        self.theme = theme
        self.catalog = catalog
        let save: SaveStatus = log.isReadOnly ? .readOnly(log.seq) : .saved(log.seq)
        model = AppModel(board: log.board, seq: log.seq, now: Date(), timeZone: timeZone, officer: officer, save: save)
        model.themeName = themeName
        if let past {
            model.boardChanged(past.board, seq: past.seq, changedIds: [])
            model.frozenAt = past.at
            model.tick(past.at)
        }
        model.asciiSparklines = Sparkline.Style(environment: ProcessInfo.processInfo.environment) == .ascii
        model.server = Self.serverStatus(log)
        if let note = log.notes.last { model.say("recovered: " + note, role: .warning, seconds: 10) }
    }

    /// Returns the exit status.
    func run() -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme)
        } catch {
            FileHandle.standardError.write(Data("sitroom: cannot use this terminal: \(error)\n".utf8))
            return 1
        }
        defer {
            terminal.stop()
            log.close()
        }
        let watcher = log.makeWaker()
        // Presence: a writing console registers itself in consoles/ (a --watch console writes nothing).
        let presence = directory.flatMap { dir in log.isReadOnly ? nil : try? Presence.register(directory: dir, officer: model.officer) }
        defer { presence?.unregister() }
        var consolesListed = Date.distantPast
        var running = true
        var frame: ScreenBuffer?
        var renderedAt = Date.distantPast
        var dirty = true
        var trendsSeeded = false
        var seeding: TrendSeeding?
        while running {
            model.width = terminal.width
            model.height = terminal.height
            if !dirty, var f = frame, f.width == model.width, f.height == model.height,
               Dashboard.tickNeedsOnlyTheClock(model, renderedAt: renderedAt) {
                Dashboard.refreshClock(&f, model)
                frame = f
            } else {
                frame = Dashboard.render(model, width: model.width, height: model.height)
                renderedAt = model.now
                dirty = false
            }
            terminal.draw(frame!)
            if bellWanted {
                bellWanted = false
                terminal.bell()
            }
            if !trendsSeeded {
                // After the first frame, so that the screen comes up at once: the trends (read on
                // another thread; the sparklines stay blank until then rather than draw a flat
                // line that would say "no change all day") and the briefing view's baseline, both
                // from the history; then draw again.
                trendsSeeded = true
                if let directory {
                    seeding = TrendSeeding(directory: directory, endingAt: model.now)
                } else {
                    model.trends = BoardTrends(board: model.board, seq: model.seq, at: model.now)  // no history to read
                }
                loadBriefingBaseline()
                dirty = true
                continue
            }
            let now = Date()
            var toNextSecond = Int32((1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)) * 1000) + 1
            if log.refreshPending {
                toNextSecond = min(toNextSecond, 20)  // a writer was mid-append: look again shortly
            }
            if seeding != nil { toNextSecond = min(toNextSecond, 50) }
            let events = terminal.waitForEvents(timeoutMs: toNextSecond, watching: watcher.map { [$0.fd] } ?? [])
            if let outcome = seeding?.take() {
                seeding = nil
                var trends = outcome ?? BoardTrends(board: model.board, seq: model.seq, at: model.now)
                trends.catchUp(to: model.board, seq: model.seq, at: model.now)
                model.trends = trends
                dirty = true
            }
            // An expired highlight or message: a clock-only refresh would leave it on screen.
            if model.tick(Date()) { dirty = true }
            log.tend()  // a snapshot written on another thread; a lost server found again
            let server = Self.serverStatus(log)
            if server != model.server {
                if model.server.isDisconnected, !server.isDisconnected {
                    model.say("connected again to \(log.location): catching up", role: .saved, seconds: 6)
                }
                model.server = server
                dirty = true
            }
            if !log.isReadOnly, abs(model.now.timeIntervalSince(alertsSynced)) >= 60 {
                alertsSynced = model.now
                syncAlerts()
            }
            if abs(model.now.timeIntervalSince(consolesListed)) >= 1 {
                consolesListed = model.now
                listConsoles(excluding: presence)
            }
            if !isPast, watcher == nil || log.refreshPending { follow() }
            for event in events {
                if event != .tick { dirty = true }
                switch event {
                case .key(let key):
                    for effect in model.update(key: key) {
                        switch effect {
                        case .quit: running = false
                        case .redrawAll: terminal.redrawAll()
                        case .suspend:
                            if !terminal.suspend() {
                                model.say("Ctrl-Z: no job control here, nothing could bring the console back", role: .warning, seconds: 8)
                            }
                        case .bell: terminal.bell()
                        case .commit(let change):
                            let alertsBefore = Set(log.board.alerts.keys)
                            let subjects = Set([change.action.subjectId].compactMap { $0 })
                            let results = log.commit([change], deriving: AlertRulesFile.deriver(rules, officer: model.officer, subjects: subjects))
                            if let seq = results[0].seq { model.trends.record(seq: seq, change: change, board: log.board) }
                            model.committed(results[0], board: log.board, seq: log.seq)
                            if log.seq != model.seq { model.boardChanged(log.board, seq: log.seq, changedIds: []) }  // caught up, not saved
                            if case .markBriefing = change.action { loadBriefingBaseline() }
                            ringIfRaised(since: alertsBefore, terminal)
                        case .setTheme(let name): switchTheme(name, terminal)
                        }
                    }
                case .resize, .tick:
                    break
                case .readable:
                    watcher?.drain()
                    if !isPast { follow() }
                case .signal:
                    running = false
                }
            }
        }
        return 0
    }

    private func switchTheme(_ name: String, _ terminal: Terminal) {
        do {
            var (loaded, _) = try catalog.load(name)
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { loaded = loaded.withoutColour() }
            theme = loaded
            terminal.setTheme(loaded)
            terminal.redrawAll()
            model.themeName = name
            model.say("theme \(name)", role: .muted)
        } catch {
            model.say("\(error)", role: .error, seconds: 8)
        }
    }

    /// Who else writes to this situation: from the server, or one readdir of the data directory's
    /// presence files (a watcher only reads them, never prunes).
    private func listConsoles(excluding own: Presence.Registration?) {
        let others: [String]
        if let known = log.otherConsoles {
            others = known
        } else if let directory {
            others = Presence.list(directory: directory, pruning: !log.isReadOnly).filter { $0.id != own?.id }.map(\.officer)
        } else {
            return
        }
        if others != model.consoles { model.consoles = others }
    }

    /// The board just after the last briefing on the board, from the history.
    private func loadBriefingBaseline() {
        guard let briefing = model.board.lastBriefing else {
            model.briefingBaseline = nil
            return
        }
        guard model.briefingBaseline?.lastBriefing != briefing else { return }
        do {
            model.briefingBaseline = try log.history().board(at: .briefing(briefing)).board
        } catch {
            model.briefingBaseline = nil
            model.say("the briefing view cannot compare: \(error)", role: .warning, seconds: 8)
        }
    }

    /// Brings the alerts up to date with the rules over the whole board (a writing console only).
    private func syncAlerts() {
        let results = log.commit([], deriving: AlertRulesFile.deriver(rules, officer: model.officer))
        // A commit first takes in what others committed; with nothing derived it returns no
        // results, and the follow that comes next finds nothing new: show the board now.
        guard results.contains(where: { $0.seq != nil }) || log.seq != model.seq else { return }
        model.trends.catchUp(to: log.board, seq: log.seq, at: model.now)
        model.boardChanged(log.board, seq: log.seq, changedIds: [])
    }

    static func serverStatus(_ log: any ChangeStore) -> ServerStatus {
        switch log.link {
        case .local: .local
        case .connected where log.failure != nil: .writingStopped(server: log.location, reason: log.failure!)
        case .connected: .connected(server: log.location)
        case .disconnected(let since, let reason, let nextTry):
            .disconnected(server: log.location, since: since, reason: reason, nextTry: nextTry)
        }
    }

    /// The terminal bell, when the rules ask for it and an alert was raised.
    private func ringIfRaised(since before: Set<String>, _ terminal: Terminal) {
        if rules.bell, log.board.alerts.keys.contains(where: { !before.contains($0) }) { terminal.bell() }
    }

    /// Applies what other consoles and `sitroom apply` wrote since the last look.
    private func follow() {
        do {
            let fresh = try log.refresh(waiting: true)
            guard !fresh.isEmpty else { return }
            if rules.bell, fresh.contains(where: { $0.change.action.type == "alert.raise" }) { bellWanted = true }
            model.trends.record(fresh, before: model.board, after: log.board)
            model.boardChanged(log.board, seq: log.seq, changedIds: Set(fresh.compactMap { $0.change.action.subjectId }))
            if fresh.contains(where: { $0.change.action.type == "briefing.mark" }) { loadBriefingBaseline() }
        } catch {
            model.say("cannot read the journal: \(error)", role: .error, seconds: 30)
        }
    }
}
