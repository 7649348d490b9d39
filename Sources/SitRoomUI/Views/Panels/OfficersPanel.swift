import Foundation
import SitRoomCore

/// The officers' roster (key O, `:officers`): who may do what, and the identities that are them.
/// The active officers first (admins on top), then the retired ones, muted. Every officer may look;
/// only an admin changes it (`:officer …`), as `Board.authorize` checks at the commit.
enum OfficersPanel {
    static let columns = [
        Column("Id", width: 10, priority: 9),
        Column("Name", width: 8, priority: 9),
        Column("Desk", width: 14, priority: 6, cutsMiddle: true),
        Column("Role", width: 10, priority: 8),
        Column("OS users", width: 8, priority: 5),
        Column("Keys", width: 4, align: .right, priority: 5),
        Column("Retired", width: 12, priority: 7, flexible: true),
        // Wide screens only: the keys told apart at a glance (Enter shows them whole).
        Column("Fingerprints", width: 24, priority: 1, flexible: true, share: 2),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let officers = model.board.roster.values.sorted { a, b in
            if a.isActive != b.isActive { return a.isActive }
            if a.isActive, a.role != b.role { return a.role > b.role }
            return a.id < b.id
        }
        return PanelContent(columns: columns, rows: officers.map { row($0, model) }, record: { .officer($0) })
    }

    static func row(_ o: Officer, _ model: AppModel) -> TableRow {
        let search = ([o.id, o.name, o.desk, o.role.rawValue] + o.osUsers + o.keys).joined(separator: " ")
        let keys = o.keys.isEmpty ? "—" : "\(o.keys.count)"
        let fingerprints = o.keys.map(shortFingerprint).joined(separator: " ")
        let retired = o.retired.map { Format.timeOrDateTime($0.at, model.timeZone, today: model.now) + " by " + $0.by } ?? ""
        let me = o.id == model.officer
        guard o.isActive else {
            return TableRow(id: o.id, cells: [
                TableCell(o.id, .muted), TableCell(o.name, .muted), TableCell(o.desk, .muted), TableCell(o.role.rawValue, .muted),
                TableCell(o.osUsers.joined(separator: " "), .muted), TableCell(keys, .muted), TableCell(retired, .muted),
                TableCell(fingerprints, .muted),
            ], search: search)
        }
        return TableRow(id: o.id, cells: [
            TableCell(o.id, me ? .title : nil), TableCell(o.name), TableCell(o.desk), TableCell(o.role.rawValue, o.role.look),
            TableCell(o.osUsers.joined(separator: " ")), TableCell(keys), TableCell(""), TableCell(fingerprints, .muted),
        ], search: search)
    }

    /// `SHA256:` and the first 8 characters: enough to tell keys apart on screen (Enter shows the whole).
    static func shortFingerprint(_ key: String) -> String {
        key.hasPrefix("SHA256:") ? String(key.prefix(7 + 8)) + "…" : String(key.prefix(14))
    }
}

extension OfficerRole {
    /// How a role looks in the roster: the more it may do, the more it stands out.
    var look: Role? {
        switch self {
        case .admin: .title
        case .supervisor, .officer: nil
        case .watch: .muted
        }
    }
}
