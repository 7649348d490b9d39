import Foundation
import SitRoomCore

/// Draws the whole screen for a model. Pure: the same model gives the same buffer.
public enum Dashboard {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public static func render(_ model: AppModel, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            tooSmall(&buffer)
            return buffer
        }
        let rows = Layout.split(buffer.bounds, .vertical, [.length(1), .length(2), .fill(), .length(tickerHeight(height)), .length(1)])
        TopBar.draw(&buffer, model, row: rows[0].y)
        if model.server.isAlarming {
            DisconnectedBanner.draw(&buffer, model, rows: rows[1].y)
        } else if model.screen != .help {
            // The help covers the strip's rows: drawn under it, the strip showed through its first line.
            SummaryStrip.draw(&buffer, model, rows: rows[1].y)
        }
        switch model.screen {
        case _ where model.form != nil:
            FormView.draw(&buffer, model.form!, rows[2])
        case .dashboard:
            let areas = panelAreas(rows[2])
            for (panel, rect) in zip(PanelID.dashboard, areas) {
                drawPanel(&buffer, model, panel, rect)
            }
        case .full(let panel):
            drawPanel(&buffer, model, panel, rows[2])
        case .detail(let ref):
            DetailView.draw(&buffer, model, ref, rows[2])
        case .help:
            // The help takes everything between the top bar and the bottom line.
            // (below the DISCONNECTED banner when it shows: that must stay in sight).
            let top = model.server.isAlarming ? rows[2].y : 1
            HelpView.draw(&buffer, Rect(x: 0, y: top, width: width, height: height - 1 - top), top: model.helpTop)
        case .capable(let list):
            CapableListView.draw(&buffer, model, list, rows[2])
        }
        if model.screen != .help { Ticker.draw(&buffer, model, rows[3]) }
        if let prompt = model.prompt {
            PromptLine.draw(&buffer, prompt, row: rows[4].y)
        } else {
            StatusLine.draw(&buffer, model, row: rows[4].y)
        }
        return buffer
    }

    /// Redraws only the top bar of a frame rendered earlier for this model. Within one minute, with
    /// no message showing and no row highlighted, that is all a clock tick changes (a full render
    /// every second would cost a wall display CPU for nothing).
    public static func refreshClock(_ frame: inout ScreenBuffer, _ model: AppModel) {
        guard frame.width >= minimumWidth, frame.height >= minimumHeight else { return }
        TopBar.draw(&frame, model, row: 0)
    }

    /// Whether a clock tick from `previous` to `model.now` can use `refreshClock`.
    public static func tickNeedsOnlyTheClock(_ model: AppModel, renderedAt previous: Date) -> Bool {
        Int(previous.timeIntervalSince1970 / 60) == Int(model.now.timeIntervalSince1970 / 60)
            && model.flash == nil && model.changedRows.isEmpty && model.prompt == nil && model.form == nil
            && !model.server.isDisconnected  // the banner counts the seconds
    }

    /// Strike, coverage, contacts: side by side on wide screens, coverage on top otherwise.
    static func panelAreas(_ rect: Rect) -> [Rect] {
        if rect.width >= 150 {
            let cols = Layout.split(rect, .horizontal, [.percent(28), .fill(), .percent(28)])
            return [cols[0], cols[1], cols[2]]
        }
        // On a short screen coverage keeps all but the four rows a lower panel needs for one row
        // (at 60x16 it had one row of its own).
        let top: Constraint = rect.height < 16 ? .length(max(4, rect.height - 4)) : .percent(55)
        let rows = Layout.split(rect, .vertical, [top, .fill()])
        let bottom = Layout.split(rows[1], .horizontal, [.percent(50), .fill()])
        return [bottom[0], rows[0], bottom[1]]
    }

    /// The rows a panel can show below its header (used for paging and scrolling).
    static func visibleRows(_ model: AppModel, _ panel: PanelID) -> Int {
        guard model.width >= minimumWidth, model.height >= minimumHeight else { return 1 }
        let main = mainArea(width: model.width, height: model.height)
        if panel == .capability { return CapabilityView.visibleRows(innerHeight: main.height - 2, model.board.conditions) }
        return max(1, panelRect(model, panel).height - 3)
    }

    /// The indices of the columns a panel shows at the screen's size (`s` sorts only by those).
    static func visibleColumns(_ model: AppModel, _ panel: PanelID, _ columns: [Column]) -> [Int] {
        guard model.width >= minimumWidth, model.height >= minimumHeight else { return [] }
        return Table.fit(columns, width: panelRect(model, panel).width - 2).map(\.index)
    }

    /// Where a panel is drawn: the main area in full, or its place on the dashboard.
    static func panelRect(_ model: AppModel, _ panel: PanelID) -> Rect {
        let main = mainArea(width: model.width, height: model.height)
        if case .full = model.screen { return main }
        return zip(PanelID.dashboard, panelAreas(main)).first { $0.0 == panel }?.1 ?? main
    }

    /// The latest log lines' rows, title included: fewer on a short screen, where the panels need them.
    static func tickerHeight(_ height: Int) -> Int { height >= 40 ? 6 : height >= 30 ? 4 : height >= 20 ? 3 : 2 }

    /// Between the summary strip and the ticker: where the panels, views and details go.
    static func mainArea(width: Int, height: Int) -> Rect {
        return Rect(x: 0, y: 3, width: width, height: height - 4 - tickerHeight(height))
    }

    static func drawPanel(_ buffer: inout ScreenBuffer, _ model: AppModel, _ panel: PanelID, _ rect: Rect) {
        let content = panel.content(model)
        let focused = model.focus == panel || model.screen == .full(panel)
        var title = "\(panel.key) \(panel.title)"
        if let filter = model.filters[panel], !filter.isEmpty { title += " /" + filter }
        if let column = model.sortColumns[panel], column < content.columns.count {
            title += " ↓" + content.columns[column].title
        } else if panel == .log {
            // Entry order, not the Time column's: a backdated line sits where it was entered.
            title += " · newest entry first"
        }
        let inner = Box.draw(&buffer, rect, title: title, focused: focused, badge: Format.grouped(content.rows.count))
        guard !inner.isEmpty else { return }
        if panel == .capability { return CapabilityView.draw(&buffer, model, content, inner) }
        let cursor = model.cursor(panel)
        let changed = Set(model.changedRows.filter { $0.value > model.now }.keys)
        let selected = content.rows.isEmpty ? nil : min(cursor.selected, content.rows.count - 1)
        let top = Table.scrolled(top: cursor.top, selected: selected ?? 0, visible: inner.height - 1, count: content.rows.count)
        Table.draw(&buffer, inner, columns: content.columns, rows: content.rows, selected: selected,
                   top: top, focused: focused, changed: changed)
        if content.rows.count > inner.height - 1, inner.maxY < buffer.height {
            let shown = " \(Format.grouped((selected ?? 0) + 1))/\(Format.grouped(content.rows.count)) "
            buffer.put(shown, x: inner.maxX - TextWidth.of(shown) - 1, y: inner.maxY, role: .muted)
        }
        if panel == .officers { return OfficersView.decorate(&buffer, model, content, inner) }
        if content.rows.isEmpty {
            let empty = model.filters[panel].map { $0.isEmpty ? "(nothing yet)" : "no row matches /\($0) · Esc clears the filter" }
            buffer.put(empty ?? "(nothing yet)", x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 1, role: .muted)
        }
    }

    static func tooSmall(_ buffer: inout ScreenBuffer) {
        let lines = ["Enlarge the window", "sitroom needs at least \(minimumWidth)×\(minimumHeight)",
                     "this one is \(buffer.width)×\(buffer.height)", "q quits"]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < buffer.height {
            let x = max(0, (buffer.width - TextWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, role: i == 0 ? .alert : .normal)
        }
    }
}
