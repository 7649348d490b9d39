import SitRoomCore

/// What a panel shows: a table of rows, each naming the record Enter opens.
public struct PanelContent: Sendable {
    public var columns: [Column]
    public var rows: [TableRow]
    /// What Enter opens for a row id.
    public var record: @Sendable (String) -> RecordRef
}

extension PanelID {
    /// The panel's rows as the officer asked for them: filtered (`/`) and sorted (`s`). Built once
    /// per board, filter, sort order and minute (ages and staleness move by the minute).
    public func content(_ model: AppModel) -> PanelContent {
        let key = PanelCache.Key(
            panel: self, board: model.boardVersion, baseline: self == .briefing ? model.baselineVersion : 0,
            filter: model.filters[self], sort: model.sortColumns[self], minute: Int((model.now.timeIntervalSince1970 / 60).rounded(.down)))
        return model.panelCache.content(key) { build(model) }
    }

    private func build(_ model: AppModel) -> PanelContent {
        var content: PanelContent = switch self {
        case .strike: StrikePanel.content(model)
        case .coverage: CoveragePanel.content(model)
        case .contacts: ContactsPanel.content(model)
        case .log: LogPanel.content(model)
        case .actions: ActionsPanel.content(model)
        case .alerts: AlertsPanel.content(model)
        case .briefing: BriefingPanel.content(model)
        }
        if let filter = model.filters[self]?.lowercased(), !filter.isEmpty {
            content.rows = content.rows.filter { $0.search.contains(filter) }
        }
        if let column = model.sortColumns[self], column < content.columns.count {
            content.rows = SortOrder.sorted(content.rows, by: column, descending: content.columns[column].align == .right)
        }
        return content
    }
}

/// Sorting by a column: numbers ("3/20" sorts by its first number) numerically, text as text;
/// stable, so rows that compare equal keep the panel's own order.
enum SortOrder {
    static func sorted(_ rows: [TableRow], by column: Int, descending: Bool) -> [TableRow] {
        func key(_ row: TableRow) -> (Double?, String) {
            let text = column < row.cells.count ? row.cells[column].text : ""
            let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
            return (digits.isEmpty ? nil : Double(digits), text)
        }
        return rows.enumerated().sorted { a, b in
            let (na, ta) = key(a.element), (nb, tb) = key(b.element)
            if let na, let nb, na != nb { return descending ? na > nb : na < nb }
            if (na == nil) != (nb == nil) { return na != nil }
            if ta != tb { return ta < tb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
