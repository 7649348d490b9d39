import Foundation
import SitRoomCore

extension AppModel {
    /// The one way a console's model changes: keys, the clock and the store's answers come in,
    /// effects for the run loop to perform go out. `.render` among them: draw the whole screen.
    public mutating func update(_ message: ConsoleMessage) -> [Effect] {
        switch message {
        case .key(let key):
            return update(key: key) + [.render]
        case .started:
            // After the first frame, so that the screen comes up at once: the sparklines stay blank
            // until the trends are read rather than draw a flat line that would say "no change all day".
            return [.seedTrends(endingAt: now)] + briefingBaselineEffects() + [.render]
        case .tick(let time, let link, let pollStore):
            return tick(time, link: link, pollStore: pollStore)
        case .storeWoke:
            return frozenAt == nil ? [.follow] : []
        case .followed(let fresh, let board, let seq):
            return followed(fresh, board: board, seq: seq)
        case .followFailed(let why):
            say("cannot read the journal: \(why)", role: .error, seconds: 30)
            return [.render]
        case .committed(let change, let result, let before, let board, let seq):
            return committed(change, result, before: before, board: board, seq: seq)
        case .alertsSynced(let board, let seq):
            return showStoreBoard(board, seq: seq) ? [.render] : []
        case .consoles(let others):
            guard let others, others != consoles else { return [] }
            consoles = others
            return [.render]
        case .trendsSeeded(let seeded):
            var trends = seeded ?? BoardTrends(board: board, seq: seq, at: now)
            trends.catchUp(to: board, seq: seq, at: now)
            self.trends = trends
            return [.render]
        case .briefingBaseline(let baseline):
            briefingBaseline = baseline
            return [.render]
        case .briefingBaselineFailed(let why):
            briefingBaseline = nil
            say("the briefing view cannot compare: \(why)", role: .warning, seconds: 8)
            return [.render]
        case .themeSwitched(let name, let failure):
            if let failure {
                say(failure, role: .error, seconds: 8)
            } else {
                themeName = name
                say("theme \(name)", role: .muted)
            }
            return [.render]
        case .suspendFailed:
            say("Ctrl-Z: no job control here, nothing could bring the console back", role: .warning, seconds: 8)
            return [.render]
        }
    }

    /// `--at`: the board as it was at `moment`, the clock standing still there; nothing is followed.
    public mutating func showPast(_ board: Board, seq: UInt64, at moment: Date) {
        boardChanged(board, seq: seq, changedIds: [])
        frozenAt = moment
        tick(moment)
    }

    /// Whether this console writes (not `--watch`, not `--at`).
    public var isWriting: Bool {
        if case .readOnly = save { return false }
        return true
    }

    /// The clock moved on: expired highlights, the link, the minute's alert sync (a writing
    /// console only), who else writes (every second), and a look at the store when it cannot wake us.
    private mutating func tick(_ time: Date, link: ServerStatus, pollStore: Bool) -> [Effect] {
        var effects: [Effect] = []
        // An expired highlight or message: a clock-only refresh would leave it on screen.
        if tick(time) { effects.append(.render) }
        if link != server {
            if server.isDisconnected, !link.isDisconnected, let address = link.server {
                say("connected again to \(address): catching up", role: .saved, seconds: 6)
            }
            server = link
            effects.append(.render)
        }
        if isWriting, abs(now.timeIntervalSince(alertsSyncedAt)) >= 60 {
            alertsSyncedAt = now
            effects.append(.syncAlerts)
        }
        if abs(now.timeIntervalSince(consolesListedAt)) >= 1 {
            consolesListedAt = now
            effects.append(.listConsoles)
        }
        if pollStore, frozenAt == nil { effects.append(.follow) }
        return effects
    }

    /// Other consoles' changes: highlighted, recorded in the trends; the bell when one raised an
    /// alert and the rules ask for it.
    private mutating func followed(_ fresh: [(seq: UInt64, change: Change)], board: Board, seq: UInt64) -> [Effect] {
        guard !fresh.isEmpty else { return [] }
        var effects: [Effect] = [.render]
        if ringsOnRaisedAlerts, fresh.contains(where: { $0.change.action.kind == .raiseAlert }) {
            effects.append(.bell)
        }
        trends.record(fresh, before: self.board, after: board)
        boardChanged(board, seq: seq, changedIds: Set(fresh.compactMap { $0.change.action.subjectId }))
        if fresh.contains(where: { $0.change.action.kind == .markBriefing }) {
            effects += briefingBaselineEffects()
        }
        return effects
    }

    /// This console's change answered; the bell when the commit raised an alert and the rules ask.
    private mutating func committed(_ change: Change, _ result: CommitResult, before: Board, board: Board, seq: UInt64) -> [Effect] {
        if let saved = result.seq { trends.record(seq: saved, change: change, board: board) }
        committed(result, board: board, seq: seq)
        showStoreBoard(board, seq: seq)
        var effects: [Effect] = [.render]
        if case .markBriefing = change.action { effects += briefingBaselineEffects() }
        if ringsOnRaisedAlerts, board.alerts.keys.contains(where: { before.alerts[$0] == nil }) { effects.append(.bell) }
        return effects
    }

    /// The store moved on during a commit beyond what its answer showed (others' changes taken in
    /// first, a change not saved, alerts derived): show its board. Returns whether it had moved.
    @discardableResult
    mutating func showStoreBoard(_ board: Board, seq: UInt64) -> Bool {
        guard seq != self.seq else { return false }
        trends.catchUp(to: board, seq: seq, at: now)
        boardChanged(board, seq: seq, changedIds: [])
        return true
    }

    /// The briefing view compares with the board just after the last briefing: read it from the
    /// history when the board has a briefing the baseline is not of.
    private mutating func briefingBaselineEffects() -> [Effect] {
        guard let briefing = board.lastBriefing else {
            briefingBaseline = nil
            return []
        }
        guard briefingBaseline?.lastBriefing != briefing else { return [] }
        return [.loadBriefingBaseline(briefing)]
    }
}
