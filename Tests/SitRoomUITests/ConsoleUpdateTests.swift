import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// The console loop's decisions: what the store's answers and the clock do to the model, and which
/// effects the run loop must perform.
@Suite struct ConsoleUpdateTests {
    let now = RenderFixture.now

    func model() -> AppModel { RenderFixture.demoModel(width: 100, height: 30) }

    func change(_ action: ChangeAction, by officer: String = "lee.er") -> Change {
        Change(officer: officer, at: now, action: action)
    }

    func applying(_ changes: [Change], to board: Board) throws -> Board {
        var board = board
        for change in changes { try board.apply(change) }
        return board
    }

    /// A model whose board has lost one of its alerts, and the change that raises it again.
    func alertAboutToBeRaised() throws -> (AppModel, Change) {
        var m = model()
        let alert = try #require(m.board.alerts.values.min { $0.id < $1.id })
        let cleared = try applying([change(.clearAlert(id: alert.id))], to: m.board)
        m.boardChanged(cleared, seq: m.seq + 1, changedIds: [])
        return (m, change(.raiseAlert(alert)))
    }

    // MARK: Other consoles' changes

    @Test func anAlertRaisedElsewhereRingsWhenTheRulesAskForTheBell() throws {
        let (prepared, raise) = try alertAboutToBeRaised()
        var m = prepared
        let after = try applying([raise], to: m.board)
        let seq = m.seq + 1
        var quiet = m
        m.localAlertRules.bell = true
        let effects = m.update(.followed([(seq, raise)], board: after, seq: seq))
        #expect(effects.contains(.bell))
        #expect(effects.contains(.render))
        #expect(m.seq == seq && m.board.alerts.count == after.alerts.count)
        if let subject = raise.action.subjectId { #expect(m.changedRows[subject] != nil) }
        // Rules without the bell: the same change, no bell.
        #expect(!quiet.update(.followed([(seq, raise)], board: after, seq: seq)).contains(.bell))
    }

    @Test func aLogEntryElsewhereDoesNotRing() throws {
        var m = model()
        m.localAlertRules.bell = true
        let entry = change(.addLog(LogEntry(id: "L-900", eventTime: now, text: "ambulance diverted")))
        let after = try applying([entry], to: m.board)
        let effects = m.update(.followed([(m.seq + 1, entry)], board: after, seq: m.seq + 1))
        #expect(effects == [.render])
        #expect(m.board.log.contains { $0.id == "L-900" })
    }

    @Test func aBriefingMarkedElsewhereReloadsTheBaseline() throws {
        var m = model()
        let briefing = Briefing(id: "briefing-elsewhere", title: "20:00 briefing")
        let mark = change(.markBriefing(briefing))
        let after = try applying([mark], to: m.board)
        let effects = m.update(.followed([(m.seq + 1, mark)], board: after, seq: m.seq + 1))
        guard case .loadBriefingBaseline(let asked)? = effects.last else {
            Issue.record("no baseline asked for: \(effects)")
            return
        }
        #expect(asked.id == briefing.id)
        m.briefingBaseline = after
        // The baseline already is of that briefing: nothing more to read.
        #expect(!m.update(.started).contains { if case .loadBriefingBaseline = $0 { true } else { false } })
    }

    @Test func nothingNewFromTheStoreChangesNothing() {
        var m = model()
        let version = m.boardVersion
        #expect(m.update(.followed([], board: m.board, seq: m.seq)) == [])
        #expect(m.boardVersion == version)
    }

    @Test func aJournalThatCannotBeReadIsSaid() {
        var m = model()
        _ = m.update(.followFailed("checksum mismatch"))
        #expect(m.flash?.text == "cannot read the journal: checksum mismatch")
        #expect(m.flash?.role == .error)
    }

    // MARK: This console's commits

    @Test func aSavedBriefingUpdatesTheSaveStateAndReloadsTheBaseline() throws {
        var m = model()
        _ = m.update(.key(.char("B")))
        let effects = m.update(.key(.enter))
        guard case .commit(let mark)? = effects.first, case .markBriefing(let briefing) = mark.action else {
            Issue.record("no commit: \(effects)")
            return
        }
        #expect(effects.last == .render)
        let after = try applying([mark], to: m.board)
        let seq = m.seq + 1
        let answer = m.update(.committed(mark, .saved(seq), before: m.board, board: after, seq: seq))
        #expect(m.save == .saved(seq))
        #expect(m.seq == seq)
        #expect(m.pending == nil && m.prompt == nil)
        #expect(m.flash?.text.hasPrefix("saved #\(seq): briefing marked") == true)
        #expect(answer.contains(.loadBriefingBaseline(after.lastBriefing!)))
        #expect(after.lastBriefing?.id == briefing.id)
        #expect(!answer.contains(.bell))
    }

    @Test func aCommitThatRaisesAnAlertRingsWhenTheRulesAsk() throws {
        let (prepared, raise) = try alertAboutToBeRaised()
        var m = prepared
        m.localAlertRules.bell = true
        _ = m.update(.key(.char("B")))
        guard case .commit(let mark)? = m.update(.key(.enter)).first else {
            Issue.record("no commit")
            return
        }
        // The rules derived the alert in the same write as the briefing.
        let after = try applying([mark, raise], to: m.board)
        let seq = m.seq + 2
        let effects = m.update(.committed(mark, .saved(seq - 1), before: m.board, board: after, seq: seq))
        #expect(effects.contains(.bell))
        #expect(m.seq == seq)
    }

    @Test func aChangeNotSavedStillShowsWhereTheStoreMovedTo() throws {
        var m = model()
        m.trends = BoardTrends(board: m.board, seq: m.seq, at: now)
        _ = m.update(.key(.char("B")))
        guard case .commit(let mark)? = m.update(.key(.enter)).first else {
            Issue.record("no commit")
            return
        }
        // Before failing, the store took in another console's log entry.
        let entry = change(.addLog(LogEntry(id: "L-901", eventTime: now, text: "ICU full")))
        let moved = try applying([entry], to: m.board)
        let seq = m.seq + 1
        _ = m.update(.committed(mark, .notSaved("disk full"), before: moved, board: moved, seq: seq))
        #expect(m.save == .notSaved("disk full"))
        #expect(m.seq == seq)
        #expect(m.board.log.contains { $0.id == "L-901" })
        #expect(m.trends.seq == seq)
    }

    @Test func theMinutesAlertSyncShowsTheBoardOnlyWhenTheStoreMoved() throws {
        let (prepared, raise) = try alertAboutToBeRaised()
        var m = prepared
        #expect(m.update(.alertsSynced(board: m.board, seq: m.seq)) == [])
        let moved = try applying([raise], to: m.board)
        let seq = m.seq + 1
        #expect(m.update(.alertsSynced(board: moved, seq: seq)) == [.render])
        #expect(m.seq == seq)
        #expect(m.board.alerts.count == moved.alerts.count)
    }

    // MARK: The clock and the link

    @Test func aWritingConsoleSyncsTheAlertsOnceAMinute() {
        var m = model()
        #expect(m.update(.tick(now, link: .local, pollStore: false)).contains(.syncAlerts))
        #expect(!m.update(.tick(now.addingTimeInterval(30), link: .local, pollStore: false)).contains(.syncAlerts))
        #expect(m.update(.tick(now.addingTimeInterval(61), link: .local, pollStore: false)).contains(.syncAlerts))
    }

    @Test func aReadOnlyConsoleNeverSyncsTheAlerts() {
        var m = model()
        m.save = .readOnly(m.seq)
        for second in [0.0, 61, 122] {
            #expect(!m.update(.tick(now.addingTimeInterval(second), link: .local, pollStore: false)).contains(.syncAlerts))
        }
    }

    @Test func theOtherConsolesAreAskedForEverySecond() {
        var m = model()
        #expect(m.update(.tick(now, link: .local, pollStore: false)).contains(.listConsoles))
        #expect(!m.update(.tick(now.addingTimeInterval(0.5), link: .local, pollStore: false)).contains(.listConsoles))
        #expect(m.update(.tick(now.addingTimeInterval(1), link: .local, pollStore: false)).contains(.listConsoles))
        #expect(m.update(.consoles(["lee.er"])) == [.render])
        #expect(m.consoles == ["lee.er"])
        #expect(m.update(.consoles(["lee.er"])) == [])
        #expect(m.update(.consoles(nil)) == [])
        #expect(m.consoles == ["lee.er"])
    }

    @Test func theLinkComingBackSaysConnectedAgain() {
        var m = model()
        m.server = .disconnected(server: "db.example:5432", since: now.addingTimeInterval(-30), reason: "refused", nextTry: nil)
        let effects = m.update(.tick(now, link: .connected(server: "db.example:5432"), pollStore: false))
        #expect(effects.contains(.render))
        #expect(m.server == .connected(server: "db.example:5432"))
        #expect(m.flash?.text == "connected again to db.example:5432: catching up")
        #expect(m.flash?.role == .saved)
        // The same link a second later: nothing to draw for it.
        m.flash = nil
        #expect(!m.update(.tick(now.addingTimeInterval(1), link: .connected(server: "db.example:5432"), pollStore: false)).contains(.render))
        #expect(m.flash == nil)
    }

    @Test func losingTheLinkIsDrawnWithoutAMessage() {
        var m = model()
        m.server = .connected(server: "db.example:5432")
        let lost = ServerStatus.disconnected(server: "db.example:5432", since: now, reason: "timed out", nextTry: nil)
        #expect(m.update(.tick(now, link: lost, pollStore: false)).contains(.render))
        #expect(m.server == lost)
        #expect(m.flash == nil)
    }

    @Test func anExpiredMessageNeedsTheWholeScreen() {
        var m = model()
        m.tick(now)
        m.say("hello", seconds: 2)
        #expect(!m.update(.tick(now.addingTimeInterval(1), link: .local, pollStore: false)).contains(.render))
        #expect(m.update(.tick(now.addingTimeInterval(3), link: .local, pollStore: false)).contains(.render))
        #expect(m.flash == nil)
    }

    @Test func theStoreIsFollowedWhenItWakesOrMustBePolledUnlessThePastIsShown() {
        var m = model()
        #expect(m.update(.storeWoke) == [.follow])
        #expect(m.update(.tick(now, link: .local, pollStore: true)).contains(.follow))
        #expect(!m.update(.tick(now.addingTimeInterval(1), link: .local, pollStore: false)).contains(.follow))
        var past = model()
        past.save = .readOnly(past.seq)
        past.showPast(past.board, seq: past.seq, at: now.addingTimeInterval(-3600))
        #expect(past.update(.storeWoke) == [])
        #expect(!past.update(.tick(now, link: .local, pollStore: true)).contains(.follow))
        #expect(past.now == now.addingTimeInterval(-3600))  // the clock stands still
    }

    // MARK: Starting, trends, themes

    @Test func afterTheFirstFrameTheTrendsAndTheBaselineAreRead() throws {
        var m = model()
        let briefing = Briefing(id: "briefing-start", title: "08:00 briefing")
        m.boardChanged(try applying([change(.markBriefing(briefing))], to: m.board), seq: m.seq + 1, changedIds: [])
        let effects = m.update(.started)
        #expect(effects.first == .seedTrends(endingAt: now))
        #expect(effects.contains(.loadBriefingBaseline(m.board.lastBriefing!)))
        #expect(effects.last == .render)
        _ = m.update(.briefingBaselineFailed("history/ is missing"))
        #expect(m.briefingBaseline == nil)
        #expect(m.flash?.text == "the briefing view cannot compare: history/ is missing")
    }

    @Test func withoutAHistoryTheTrendsStartNowAndSeededOnesCatchUp() throws {
        var m = model()
        m.trends = BoardTrends()
        #expect(m.update(.trendsSeeded(nil)) == [.render])
        #expect(m.trends.seq == m.seq)
        // Trends read up to an earlier change are brought up to the board the console now has.
        let old = m.seq
        var seeded = BoardTrends(board: m.board, seq: old, at: now.addingTimeInterval(-600))
        seeded.catchUp(to: m.board, seq: old, at: now.addingTimeInterval(-600))
        let entry = change(.addLog(LogEntry(id: "L-902", eventTime: now, text: "x")))
        m.boardChanged(try applying([entry], to: m.board), seq: old + 1, changedIds: [])
        _ = m.update(.trendsSeeded(seeded))
        #expect(m.trends.seq == old + 1)
    }

    @Test func aThemeSwitchSaysWhatHappened() {
        var m = model()
        #expect(m.update(.key(.char(":"))) == [.render])
        for c in "theme wall" { _ = m.update(.key(.char(c))) }
        #expect(m.update(.key(.enter)) == [.setTheme("wall"), .render])
        _ = m.update(.themeSwitched("wall", failure: nil))
        #expect(m.themeName == "wall")
        #expect(m.flash?.text == "theme wall")
        _ = m.update(.themeSwitched("neon", failure: "no theme \"neon\""))
        #expect(m.themeName == "wall")
        #expect(m.flash?.text == "no theme \"neon\"" && m.flash?.role == .error)
    }

    @Test func keysStillDecideQuitAndSuspend() {
        var m = model()
        #expect(m.update(.key(.char("q"))).contains(.quit))
        #expect(m.update(.key(.ctrl("z"))).contains(.suspend))
        _ = m.update(.suspendFailed)
        #expect(m.flash?.text.hasPrefix("Ctrl-Z: no job control here") == true)
    }

    // MARK: The store's link as the screen shows it

    @Test func aStoresLinkBecomesTheServerStatus() {
        #expect(ServerStatus(link: .local, location: "/data", failure: nil) == .local)
        #expect(ServerStatus(link: .connected, location: "db:5432", failure: nil) == .connected(server: "db:5432"))
        #expect(ServerStatus(link: .connected, location: "db:5432", failure: "behind") == .writingStopped(server: "db:5432", reason: "behind"))
        let since = Date(timeIntervalSince1970: 1_000)
        #expect(ServerStatus(link: .disconnected(since: since, reason: "refused", nextTry: nil), location: "db:5432", failure: nil)
            == .disconnected(server: "db:5432", since: since, reason: "refused", nextTry: nil))
        #expect(ServerStatus.local.server == nil)
        #expect(ServerStatus.writingStopped(server: "db:5432", reason: "x").server == "db:5432")
    }
}
