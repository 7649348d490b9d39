import SitRoomCore

/// Action items from meetings: open ones first by due time, overdue ones stand out.
enum ActionsPanel {
    /// The id comes first, as wide as the longest one: `:done <id>` closes an item, so it must be
    /// readable in full (the demo's `act-005`, a console's `act-1x2k9ab`).
    static func columns(idWidth: Int) -> [Column] {
        [
            Column("Id", width: max(2, idWidth), priority: 9),
            Column("Due", width: 11, priority: 9),
            Column("Status", width: 9, priority: 9),
            // Agency names are long ("교육부 Education"): the owner takes a share of a wide screen too.
            Column("Owner", width: 10, priority: 8, flexible: true),
            Column("Action", width: 16, priority: 9, flexible: true, share: 3),
        ]
    }

    static func content(_ model: AppModel) -> PanelContent {
        let now = model.now
        let items = model.board.actions.values.sorted {
            let a = ($0.status == .open ? 0 : 1, $0.due ?? .distantFuture, $0.id)
            let b = ($1.status == .open ? 0 : 1, $1.due ?? .distantFuture, $1.id)
            return a < b
        }
        let rows = items.map { a -> TableRow in
            let overdue = a.isOverdue(at: now)
            return TableRow(id: a.id, cells: [
                TableCell(a.id, a.status == .open ? nil : .muted),
                TableCell(a.due.map { Format.dateTime($0, model.timeZone) } ?? "—", overdue ? .alert : nil),
                TableCell(overdue ? "OVERDUE" : a.status.rawValue, overdue ? .alert : a.status == .open ? .normal : .muted),
                TableCell(model.board.agencies[a.ownerAgencyId]?.name ?? a.ownerAgencyId, .title),
                TableCell(a.text, a.status == .open ? nil : .muted),
            ])
        }
        let idWidth = min(14, items.map { DisplayWidth.of($0.id) }.max() ?? 0)
        return PanelContent(columns: columns(idWidth: idWidth), rows: rows, record: { .action($0) })
    }
}
