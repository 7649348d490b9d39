import SitRoomCore

/// The situation log, newest first.
enum LogPanel {
    static let columns = [
        Column("Time", width: 11, priority: 9),
        Column("Sev", width: 8, priority: 8),
        Column("Category", width: 12, priority: 3),
        Column("Text", width: 20, priority: 9, flexible: true),
        Column("By", width: 10, priority: 2),
    ]

    static func role(_ s: Severity) -> Role {
        switch s {
        case .info: .muted
        case .notice: .normal
        case .warning: .warning
        case .critical: .alert
        }
    }

    static func content(_ model: AppModel) -> PanelContent {
        let entries = model.board.log.reversed()
        let rows = entries.map { e in
            TableRow(id: e.id, cells: [
                TableCell(Format.dateTime(e.eventTime, model.timeZone), .muted),
                TableCell(e.severity.rawValue, role(e.severity)),
                TableCell(e.category, .muted),
                TableCell(e.text),
                TableCell(e.entered.by, .muted),
            ])
        }
        return PanelContent(columns: columns, rows: Array(rows), record: { .logEntry($0) })
    }
}
