import SitRoomCore

/// Active alerts, worst and newest first, the ones nobody has acknowledged on top of their
/// severity; below them the alerts cleared in the last 24 hours, muted.
enum AlertsPanel {
    static let columns = [
        Column("Sev", width: 6, priority: 9),
        Column("Raised", width: 11, priority: 8),
        Column("Alert", width: 28, priority: 9, flexible: true, share: 2),
        Column("Acknowledged", width: 24, priority: 7, flexible: true),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let board = model.board
        let zone = model.timeZone
        let active = board.alerts.values.sorted {
            ($1.severity, $0.isAcknowledged ? 1 : 0, $1.raised.at, $0.id) < ($0.severity, $1.isAcknowledged ? 1 : 0, $0.raised.at, $1.id)
        }
        var rows = active.map { a -> TableRow in
            let role: Role = a.isAcknowledged ? .normal : a.severity.alertRole
            let ack = a.acknowledged.map { "✔ \($0.by) \(Format.time($0.at, zone))" + (a.note.isEmpty ? "" : " · " + a.note) }
            return TableRow(id: a.id, cells: [
                TableCell((a.isAcknowledged ? "  " : "▲ ") + a.severity.shortLabel, role),
                TableCell(Format.dateTime(a.raised.at, zone), .muted),
                TableCell(a.text, role),
                TableCell(ack ?? "NEW — A to acknowledge", ack == nil ? .warning : .muted),
            ])
        }
        let since = model.now.addingTimeInterval(-24 * 3600)
        for a in board.alertHistory.reversed() where (a.cleared?.at ?? .distantPast) >= since {
            rows.append(TableRow(id: Self.clearedRowId(a), cells: [
                TableCell("cleared", .muted),
                TableCell(Format.dateTime(a.raised.at, zone), .muted),
                TableCell(a.text, .muted),
                TableCell("cleared " + (a.cleared.map { Format.time($0.at, zone) } ?? ""), .muted),
            ]))
        }
        return PanelContent(columns: columns, rows: rows, record: { .alert($0) })
    }

    /// A cleared alert's row: its id and when it was raised (the same alert may come and go).
    static func clearedRowId(_ a: Alert) -> String { "cleared:\(a.id)@\(Int(a.raised.at.timeIntervalSince1970))" }

    /// The alert a row stands for, active or cleared.
    static func alert(row id: String, in board: Board) -> Alert? {
        if let a = board.alerts[id] { return a }
        return board.alertHistory.last { clearedRowId($0) == id }
    }
}

extension Severity {
    var shortLabel: String {
        switch self {
        case .critical: "CRIT"
        case .warning: "WARN"
        case .notice: "NOTE"
        case .info: "INFO"
        }
    }

    /// How an alert of this severity looks before anyone has acknowledged it.
    var alertRole: Role {
        switch self {
        case .critical: .alert
        case .warning: .warning
        case .notice: .stale
        case .info: .normal
        }
    }
}
