import Foundation
import SitRoomCore

/// What the run loop must do after an update; `update` itself does no I/O. What the loop learns
/// doing it comes back as a `ConsoleMessage`.
public enum Effect: Equatable, Sendable {
    case quit
    /// Make the terminal write every cell again (Ctrl-L; a theme switched).
    case redrawAll
    /// Hand the terminal back to the shell until `fg` (Ctrl-Z; raw mode keeps the tty from doing it).
    /// `.suspendFailed` when there is no job control.
    case suspend
    /// Ring the terminal bell, once the frame is drawn.
    case bell
    /// Write this change to the log with the alert changes the rules ask for: `.committed`.
    case commit(Change)
    /// Load this theme and draw with it: `.themeSwitched`.
    case setTheme(String)
    /// Take in what other consoles committed: `.followed`, or `.followFailed`.
    case follow
    /// Bring the alerts up to date with the rules over the whole board: `.alertsSynced`.
    case syncAlerts
    /// Ask the store who else writes: `.consoles`.
    case listConsoles
    /// Read the trends of the day up to this moment from the history, on another thread: `.trendsSeeded`.
    case seedTrends(endingAt: Date)
    /// Read the board just after this briefing from the history: `.briefingBaseline`.
    case loadBriefingBaseline(Briefing)
    /// Draw the whole screen again (not only its clock) before waiting for the next event.
    case render
}

extension AppModel {
    public mutating func update(key: Key) -> [Effect] {
        // Before forms and prompts: what is typed there stays as it is for after `fg`.
        if key == .ctrl("z") { return [.suspend] }
        if case .paste(let text) = key { return paste(text) }
        if form != nil { return updateForm(key: key) }
        if prompt != nil { return updatePrompt(key: key) }
        guard let action = KeyMap.action(for: key, in: screen == .help ? nil : activePanel) else {
            if case .char(let c) = key, !c.isWhitespace {
                say("\(c): no such key here; ? lists every key", role: .muted)
            }
            return []
        }
        return perform(action)
    }

    public mutating func perform(_ action: Action) -> [Effect] {
        if screen == .help, let step = helpScroll[action] {
            helpTop = max(0, min(HelpView.maxTop(width: width, height: height - 2), helpTop + step))
            return []
        }
        if let effects = performOnCapabilityScreens(action) { return effects }
        let panel = activePanel
        switch action {
        case .moveUp: move(panel, by: -1)
        case .moveDown: move(panel, by: 1)
        case .pageUp: move(panel, by: -Dashboard.visibleRows(self, panel))
        case .pageDown: move(panel, by: Dashboard.visibleRows(self, panel))
        case .top: move(panel, by: -Int.max / 2)
        case .bottom: move(panel, by: Int.max / 2)
        case .nextPanel, .previousPanel:
            if case .dashboard = screen {
                let order = PanelID.dashboard
                let i = order.firstIndex(of: focus) ?? 0
                focus = order[(i + (action == .nextPanel ? 1 : order.count - 1)) % order.count]
            } else if case .full(let p) = screen {
                let order = PanelID.allCases
                let i = order.firstIndex(of: p) ?? 0
                let next = order[(i + (action == .nextPanel ? 1 : order.count - 1)) % order.count]
                screens[screens.count - 1] = .full(next)
            }
        case .strikeView: show(.full(.strike))
        case .coverageView: show(.full(.coverage))
        case .contactsView: show(.full(.contacts))
        case .logView: show(.full(.log))
        case .actionsView: show(.full(.actions))
        case .alertsView: show(.full(.alerts))
        case .briefingView: show(.full(.briefing))
        case .capabilityView: show(.full(.capability))
        case .nextColumn: moveColumn(panel, by: 1)
        case .previousColumn: moveColumn(panel, by: -1)
        case .sortByColumn: sortBySelectedColumn(panel)
        case .securityView: show(.full(.security))
        case .officersView: show(.full(.officers))
        case .dashboard: screens = [.dashboard]
        case .openDetail:
            let content = panel.content(self)
            let cursor = self.cursor(panel)
            guard screen == .dashboard || screen == .full(panel), !content.rows.isEmpty else { return [] }
            let row = content.rows[min(cursor.selected, content.rows.count - 1)]
            guard !BriefingPanel.isSection(row.id) else { return [] }
            detailTop = 0
            screens.append(.detail(content.record(row.id)))
        case .back:
            if screens.count > 1 {
                screens.removeLast()
            } else if filters[panel] != nil {
                filters[panel] = nil
                say("filter cleared", role: .muted)
            } else {
                flash = nil
            }
        case .help:
            if screen != .help {
                helpTop = 0
                screens.append(.help)
            }
        case .redraw: return [.redrawAll]
        case .suspend: return [.suspend]
        case .quit: return [.quit]
        case .command: prompt = Prompt(kind: .command)
        case .filter:
            guard screen == .dashboard || screen == .full(panel) else { return [] }
            // A new filter, as `/` starts a new search in less or vim: the old one stays until a key replaces it.
            prompt = Prompt(kind: .filter(panel), text: "")
        case .nextMatch: move(panel, by: 1)
        case .previousMatch: move(panel, by: -1)
        case .sort: cycleSort(panel)
        case .undo: return undo()
        case .redo: return redo()
        case .edit:
            // In a detail, `e` edits the record shown; elsewhere the one under the cursor.
            if case .detail(let record) = screen { edit(record, panel: panel) } else { edit(selectedRecord(panel), panel: panel) }
        case .editAgency:
            if case .contact(let id)? = selectedRecord(panel), let agency = board.contacts[id]?.agencyId {
                openForm(.editAgency(agency))
            } else {
                say("A acknowledges an alert in view 6; on a contact (view 3) it edits the agency", role: .muted)
            }
        case .acknowledge: startAcknowledging(in: panel)
        case .markBriefing: startBriefing()
        case .add: add(in: panel)
        case .call: startCommand(for: action, in: panel)
        case .delete: askToDelete(in: panel)
        }
        return []
    }

    /// The record under the cursor of a panel.
    func selectedRecord(_ panel: PanelID) -> RecordRef? {
        guard screen == .dashboard || screen == .full(panel) else { return nil }
        let content = panel.content(self)
        guard !content.rows.isEmpty else { return nil }
        return content.record(content.rows[min(cursor(panel).selected, content.rows.count - 1)].id)
    }

    private mutating func cycleSort(_ panel: PanelID) {
        let columns = panel.content(self).columns
        // Only the columns on screen: a sort by a column the officer cannot see looks like disorder.
        let shown = Dashboard.visibleColumns(self, panel, columns)
        let next = shown.first { $0 > (sortColumns[panel] ?? -1) } ?? columns.count
        if next >= columns.count {
            sortColumns[panel] = nil
            say("sorted: the panel's own order", role: .muted)
        } else {
            sortColumns[panel] = next
            say("sorted by \(columns[next].title)", role: .muted)
        }
    }

    /// `e` opens the form of the selected record.
    private mutating func edit(_ record: RecordRef?, panel: PanelID) {
        switch record {
        case .hospital(let id)?: openForm(panel == .strike ? .strikeFigures(id) : .hospitalStatus(id))
        case .action(let id)?: openForm(.editAction(id))
        case .contact(let id)?: openForm(.editContact(id))
        case .strike(let id)?: openForm(.editStrike(id))
        case .logEntry?: say("a log entry is a record of what happened: add a new one (a), or delete this one (d)", role: .muted)
        case .alert?: say("alerts come from the rules; A acknowledges the selected one", role: .muted)
        case .securityIncident(let id)?: editSecurityIncident(id)
        case .officer(let id)?: startRosterCommand("officer role \(id) ")
        case nil: break
        }
    }

    /// `a` opens an empty form for the panel's kind of record.
    private mutating func add(in panel: PanelID) {
        switch panel {
        case .log: openForm(.newLogEntry)
        case .actions: openForm(.newAction)
        case .contacts:
            if case .contact(let id)? = selectedRecord(panel) {
                openForm(.newContact(agencyId: board.contacts[id]?.agencyId))
            } else {
                openForm(.newContact(agencyId: nil))
            }
        case .strike: openForm(.newStrike)
        case .coverage:
            say("hospitals come from `sitroom apply`; e updates the selected one", role: .muted)
        case .alerts:
            say("alerts come from the rules in alerts.toml; B marks a briefing", role: .muted)
        case .briefing:
            say("B marks a briefing; this view counts from the last one", role: .muted)
        case .capability:
            say("capability comes in reports: :cap <hospital> +stroke -stemi", role: .muted)
        case .security: openForm(.newSecurityIncident)
        case .officers: startRosterCommand("officer add ")
        }
    }

    /// `c` opens the command line with a call to the selected contact started.
    private mutating func startCommand(for action: Action, in panel: PanelID) {
        if case .securityIncident(let id)? = selectedRecord(panel) {
            callPolice(about: id)
        } else if case .contact(let id)? = selectedRecord(panel) {
            prompt = Prompt(kind: .command, text: "call \(id) ")
        } else {
            prompt = Prompt(kind: .command, text: "call ")
        }
    }

    private mutating func askToDelete(in panel: PanelID) {
        guard let record = selectedRecord(panel) else { return }
        if isReadOnly {
            say(readOnlyMessage, role: .error)
            return
        }
        let (what, action): (String, ChangeAction)
        switch record {
        case .hospital(let id): (what, action) = ("hospital \(board.hospitals[id]?.name ?? id) (\(id))", .removeHospital(id: id))
        case .contact(let id): (what, action) = ("contact \(board.contacts[id]?.person ?? id)", .removeContact(id: id))
        case .logEntry(let id): (what, action) = ("log entry \(id)", .removeLog(id: id))
        case .action(let id): (what, action) = ("action \(board.actions[id]?.text ?? id)", .removeAction(id: id))
        case .strike(let id): (what, action) = ("strike action \(board.strikes[id]?.organisation ?? id)", .removeStrike(id: id))
        case .alert:
            say("an alert clears by itself when its condition ends; A acknowledges it", role: .muted)
            return
        case .securityIncident(let id):
            // Never deleted silently: the removal says why.
            prompt = Prompt(kind: .command, text: "sec \(id) remove ")
            say("a removal needs a reason; u brings it back", role: .muted)
            return
        case .officer(let id):
            // An officer is retired, never deleted: their past changes stay theirs.
            let name = board.roster[id]?.name ?? id
            prompt = Prompt(kind: .confirm(question: "Retire officer \(id) (\(name))?", action: .roster(.retire(id: id))))
            return
        }
        if case .hospital(let id) = record {
            // A hospital takes its reports, figures and history off every console's wall.
            prompt = Prompt(kind: .text(label: "Type \(id) to delete \(what) from every console (Esc keeps it)",
                                        purpose: .confirmRemoval(id: id, action: action, summary: "Delete \(what)")))
            return
        }
        prompt = Prompt(kind: .confirm(question: "Delete \(what)?", action: action))
    }

    // MARK: The line at the bottom

    private mutating func updatePrompt(key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        if pending != nil { return [] }  // waiting for the log's answer
        if case .char = key, p.editor.isFull, p.takesText {
            guard p.error != LineEditor.fullMessage else { return [] }
            p.error = LineEditor.fullMessage
            prompt = p
            return [.bell]
        }
        switch p.kind {
        case .confirm(let question, let action):
            switch key {
            case .char("y"), .char("Y"):
                return commit(action, origin: .confirm, summary: question.replacingOccurrences(of: "?", with: ""))
            case .char("n"), .char("N"), .escape, .ctrl("c"):
                prompt = nil
                say("kept", role: .muted)
            default: break
            }
            return []
        case .filter(let panel):
            switch key {
            case .enter:
                prompt = nil
                if filters[panel]?.isEmpty == true { filters[panel] = nil }
            case .escape, .ctrl("c"):
                prompt = nil
                filters[panel] = nil
            default:
                guard p.editor.handle(key) else { return [] }
                prompt = p
                filters[panel] = p.editor.text
                var c = cursor(panel)
                c.selected = 0
                c.top = 0
                cursors[panel] = c
            }
            return []
        case .text(_, let purpose):
            switch key {
            case .enter: return submitText(p.editor.text, for: purpose)
            case .escape, .ctrl("c"):
                prompt = nil
                say("nothing saved", role: .muted)
            default:
                if p.editor.handle(key) {
                    p.error = nil
                    prompt = p
                }
            }
            return []
        case .command:
            switch key {
            case .enter: return runCommandLine()
            case .escape, .ctrl("c"):
                prompt = nil
                historyIndex = nil
            case .tab: complete()
            case .up, .down:
                guard !history.isEmpty else { return [] }
                var i = historyIndex ?? history.count
                i = key == .up ? max(0, i - 1) : min(history.count, i + 1)
                historyIndex = i
                p.editor.set(i < history.count ? history[i] : "")
                p.error = nil
                prompt = p
            default:
                if p.editor.handle(key) {
                    p.error = nil
                    p.candidates = []
                    prompt = p
                }
            }
            return []
        }
    }

    var commandContext: QuickCommandContext {
        QuickCommandContext(board: board, now: now, timeZone: timeZone)
    }

    private mutating func complete() {
        guard var p = prompt else { return }
        let (candidates, completed) = QuickCommandCompletion.complete(p.editor.text, commandContext)
        if completed != p.editor.text { p.editor.set(completed) }
        p.candidates = candidates.count > 1 ? candidates : []
        prompt = p
    }

    private mutating func runCommandLine() -> [Effect] {
        guard var p = prompt else { return [] }
        let line = p.editor.text.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else {
            prompt = nil
            return []
        }
        if history.last != line { history.append(line) }
        historyIndex = nil
        do {
            switch try QuickCommandParser.parse(line, commandContext) {
            case .change(let action, let summary):
                return commit(action, origin: .command, summary: summary)
            case .goto(let id):
                prompt = nil
                goTo(hospital: id)
            case .filter(let text):
                prompt = nil
                filters[activePanel] = text.isEmpty ? nil : text
            case .theme(let name):
                prompt = nil
                return [.setTheme(name)]
            case .help:
                prompt = nil
                helpTop = 0
                screens.append(.help)
            case .undo:
                prompt = nil
                return undo()
            case .redo:
                prompt = nil
                return redo()
            case .where(let condition, let region):
                prompt = nil
                showCapable(condition: condition, region: region)
            case .officers:
                prompt = nil
                show(.full(.officers))
            }
        } catch let error as QuickCommandError {
            p.error = error.message
            p.candidates = error.candidates
            prompt = p
        } catch {
            p.error = "\(error)"
            prompt = p
        }
        return []
    }

    private mutating func goTo(hospital id: String) {
        screens = [.dashboard]
        focus = .coverage
        filters[.coverage] = nil
        let rows = PanelID.coverage.content(self).rows
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return }
        var c = cursor(.coverage)
        c.selected = index
        c.top = Table.scrolled(top: c.top, selected: index, visible: Dashboard.visibleRows(self, .coverage), count: rows.count)
        c.id = id
        cursors[.coverage] = c
    }

    private var helpScroll: [Action: Int] {
        [.moveUp: -1, .moveDown: 1, .pageUp: -10, .pageDown: 10, .top: -10_000, .bottom: 10_000]
    }

    /// The panel that movement keys act on.
    public var activePanel: PanelID {
        if case .full(let p) = screen { return p }
        return focus
    }

    private mutating func show(_ s: Screen) {
        if case .full(let p) = s { focus = PanelID.dashboard.contains(p) ? p : focus }
        screens = [.dashboard, s]
    }

    mutating func move(_ panel: PanelID, by delta: Int) {
        guard screen == .dashboard || screen == .full(panel) else { return }
        let rows = panel.content(self).rows
        guard !rows.isEmpty else { return }
        var c = cursor(panel)
        c.selected = max(0, min(rows.count - 1, c.selected + delta))
        c.top = Table.scrolled(top: c.top, selected: c.selected, visible: Dashboard.visibleRows(self, panel), count: rows.count)
        c.id = rows[c.selected].id
        cursors[panel] = c
    }

    /// The board moved on (another console's changes, or ours saved): keep each cursor on its record.
    public mutating func boardChanged(_ board: Board, seq: UInt64, changedIds: Set<String>) {
        self.board = board
        self.seq = seq
        if case .readOnly = save { save = .readOnly(seq) } else if case .saved = save { save = .saved(seq) }
        for id in changedIds { changedRows[id] = now.addingTimeInterval(3) }
        for panel in PanelID.allCases {
            guard var c = cursors[panel], let id = c.id else { continue }
            let rows = panel.content(self).rows
            if let index = rows.firstIndex(where: { $0.id == id }) { c.selected = index }
            c.selected = min(c.selected, max(0, rows.count - 1))
            cursors[panel] = c
        }
    }

    /// Moves the clock on. Returns true when a row highlight or a message just expired: the screen
    /// must be drawn again, not only its clock.
    @discardableResult
    public mutating func tick(_ now: Date) -> Bool {
        self.now = frozenAt ?? now
        let highlighted = changedRows.count
        changedRows = changedRows.filter { $0.value > now }
        var expired = changedRows.count != highlighted
        if let f = flash, f.until <= now {
            flash = nil
            expired = true
        }
        return expired
    }
}
