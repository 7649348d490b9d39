import Foundation
import SitRoomCore

/// People to call, by agency and escalation order.
enum ContactsPanel {
    static let columns = [
        Column("Agency", width: 8, priority: 9, flexible: true),
        Column("Person", width: 8, priority: 9),
        Column("Role", width: 10, priority: 3),
        Column("Phone", width: 13, priority: 8),
        Column("Mobile", width: 13, priority: 1),
        Column("Shift", width: 11, priority: 2),
        Column("Reach", width: 5, align: .right, priority: 7),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let board = model.board
        let contacts = board.contacts.values.sorted {
            let a = board.agencies[$0.agencyId]?.name ?? "", b = board.agencies[$1.agencyId]?.name ?? ""
            return (a, $0.escalation, $0.person, $0.id) < (b, $1.escalation, $1.person, $1.id)
        }
        let rows = contacts.map { c -> TableRow in
            let agency = board.agencies[c.agencyId]?.name ?? c.agencyId
            return TableRow(id: c.id, cells: [
                TableCell(agency, .title),
                TableCell(c.person),
                TableCell(c.role, .muted),
                TableCell(c.phone),
                TableCell(c.mobile),
                TableCell(c.shift, .muted),
                reachCell(c, model.now),
            ], search: [agency, c.person, c.role, c.phone, c.mobile, c.shift].joined(separator: " "))
        }
        let byId = board.contacts
        return PanelContent(columns: columns, rows: rows, record: { .contact($0) }, age: { rows, now in
            for i in rows.indices {
                if let c = byId[rows[i].id] { rows[i].cells[reachColumn] = reachCell(c, now) }
            }
        })
    }

    static let reachColumn = 6

    static func reachCell(_ c: Contact, _ now: Date) -> TableCell {
        TableCell(Format.age(of: c.lastReached, now: now), c.lastReached == nil ? .muted : .good)
    }
}
