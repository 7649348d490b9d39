import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomStore
import SitRoomUI

/// The run loop: one thread, one model. Keys, the clock and the store's news go into
/// `AppModel.update` as messages; the effects it hands back are performed here, against the store
/// and the terminal, and what they learn goes back in as messages. The model is drawn into a
/// buffer; the terminal writes only what changed.
final class ConsoleSession {
    private let log: any ChangeStore
    private var model: AppModel
    private let catalog: ThemeCatalog
    private let rules: AlertRules
    private let terminal: Terminal
    private let presence: any ConsolePresence
    private var running = true
    private var frames = Frames()
    /// Rung once the frame is drawn.
    private var bellWanted = false
    private var seeding: TrendSeeding?
    private var dump = ScreenDump(environment: ProcessInfo.processInfo.environment)

    init(log: any ChangeStore, officer: String, identity: Identity?, terminal: Terminal, themeName: String, catalog: ThemeCatalog,
         timeZone: TimeZone, rules: AlertRules, past: (board: Board, seq: UInt64, at: Date)? = nil) {
        self.log = log
        self.terminal = terminal
        self.rules = rules
        self.catalog = catalog
        let readOnlyReason = identity?.readOnlyReason
        let save: SaveStatus = log.isReadOnly || readOnlyReason != nil ? .readOnly(log.seq) : .saved(log.seq)
        model = AppModel(board: log.board, seq: log.seq, now: Date(), timeZone: timeZone, officer: officer, save: save)
        model.origin = identity?.origin
        model.readOnlyReason = readOnlyReason
        model.themeName = themeName
        if let past { model.showPast(past.board, seq: past.seq, at: past.at) }
        model.asciiSparklines = Sparkline.Style(environment: ProcessInfo.processInfo.environment) == .ascii
        model.localAlertRules = rules
        model.server = Self.serverStatus(log)
        if let note = log.notes.last { model.say("recovered: " + note, role: .warning, seconds: 10) }
        // A console that may change nothing (a watch role) is not counted among those writing.
        presence = log.joinConsoles(officer: officer, writing: readOnlyReason == nil)
    }

    /// Opens the terminal and runs the console until it quits; returns the exit status.
    static func run(log: any ChangeStore, officer: String, identity: Identity?, theme: Theme, themeName: String, catalog: ThemeCatalog,
                    timeZone: TimeZone, rules: AlertRules, past: (board: Board, seq: UInt64, at: Date)? = nil) -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme)
        } catch {
            FileHandle.standardError.write(Data("sitroom: cannot use this terminal: \(error)\n".utf8))
            return 1
        }
        let session = ConsoleSession(log: log, officer: officer, identity: identity, terminal: terminal, themeName: themeName,
                                     catalog: catalog, timeZone: timeZone, rules: rules, past: past)
        session.loop()
        return 0
    }

    private func loop() {
        defer {
            terminal.stop()
            presence.leave()
            log.close()
        }
        let watcher = log.makeWaker()
        var started = false
        while running {
            model.width = terminal.width
            model.height = terminal.height
            let frame = frames.next(model)
            terminal.draw(frame)
            dump?.write(frame)
            if bellWanted {
                bellWanted = false
                terminal.bell()
            }
            if !started {
                started = true
                send(.started)
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
                send(.trendsSeeded(outcome))
            }
            log.tend()  // a snapshot written on another thread; a lost server found again
            send(.tick(Date(), link: Self.serverStatus(log), pollStore: watcher == nil || log.refreshPending))
            for event in events {
                switch event {
                case .key(let key): send(.key(key))
                case .resize: frames.stale = true
                case .tick: break
                case .readable:
                    watcher?.drain()
                    send(.storeWoke)
                case .signal: running = false
                }
            }
        }
    }

    private func send(_ message: ConsoleMessage) {
        for effect in model.update(message) { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit: running = false
        case .render: frames.stale = true
        case .redrawAll: terminal.redrawAll()
        case .bell: bellWanted = true
        case .suspend:
            if !terminal.suspend() { send(.suspendFailed) }
        case .setTheme(let name): switchTheme(name)
        case .commit(let change):
            let before = log.board
            let results = log.commit([change], applying: rules, officer: model.officer)
            send(.committed(change, results[0], before: before, board: log.board, seq: log.seq))
        case .syncAlerts:
            _ = log.commit([], applying: rules, officer: model.officer)
            send(.alertsSynced(board: log.board, seq: log.seq))
        case .follow:
            do {
                let fresh = try log.refresh(waiting: true)
                send(.followed(fresh, board: log.board, seq: log.seq))
            } catch {
                send(.followFailed("\(error)"))
            }
        case .listConsoles: send(.consoles(presence.others()))
        case .seedTrends(let end):
            if let opener = log.historyOpener {
                seeding = TrendSeeding(openHistory: opener, endingAt: end)
            } else {
                send(.trendsSeeded(nil))
            }
        case .loadBriefingBaseline(let briefing):
            do {
                send(.briefingBaseline(try log.history().board(at: .briefing(briefing)).board))
            } catch {
                send(.briefingBaselineFailed("\(error)"))
            }
        }
    }

    private func switchTheme(_ name: String) {
        do {
            var (loaded, _) = try catalog.load(name)
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { loaded = loaded.withoutColour() }
            terminal.setTheme(loaded)
            terminal.redrawAll()
            send(.themeSwitched(name, failure: nil))
        } catch {
            send(.themeSwitched(name, failure: "\(error)"))
        }
    }

    static func serverStatus(_ log: any ChangeStore) -> ServerStatus {
        ServerStatus(link: log.link, location: log.location, failure: log.failure)
    }
}
