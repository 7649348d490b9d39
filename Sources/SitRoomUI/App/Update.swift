import Foundation
import SitRoomCore

/// What the run loop must do after an update; `update` itself does no I/O.
public enum Effect: Equatable, Sendable {
    case quit
    case redrawAll
    case bell
}

extension AppModel {
    public mutating func update(key: Key) -> [Effect] {
        guard let action = KeyMap.action(for: key) else {
            if case .char(let c) = key, !c.isWhitespace {
                say("\(c): no such key here; ? lists every key", role: .muted)
            }
            return []
        }
        return perform(action)
    }

    public mutating func perform(_ action: Action) -> [Effect] {
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
        case .dashboard: screens = [.dashboard]
        case .openDetail:
            let content = panel.content(self)
            let cursor = self.cursor(panel)
            guard screen == .dashboard || screen == .full(panel), !content.rows.isEmpty else { return [] }
            let row = content.rows[min(cursor.selected, content.rows.count - 1)]
            screens.append(.detail(content.record(row.id)))
        case .back:
            if screens.count > 1 { screens.removeLast() } else { flash = nil }
        case .help:
            if screen != .help { screens.append(.help) }
        case .redraw: return [.redrawAll]
        case .quit: return [.quit]
        }
        return []
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

    private mutating func move(_ panel: PanelID, by delta: Int) {
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

    public mutating func tick(_ now: Date) {
        self.now = now
        changedRows = changedRows.filter { $0.value > now }
        if let f = flash, f.until <= now { flash = nil }
    }
}
