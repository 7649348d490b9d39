import Foundation
import SitRoomCore

/// Hospital security incidents: the open ones first (the most overdue next step on top), each with
/// the time since each step and the police response time, coloured by how overdue the next step
/// is; below them the incidents closed in the last 24 hours, muted.
enum SecurityPanel {
    static let columns = [
        Column("Id", width: 4, priority: 8),
        Column("Hospital", width: 18, priority: 9, cutsMiddle: true),
        Column("Type", width: 12, priority: 7),
        Column("Inj", width: 3, align: .right, priority: 6),
        Column("Occurred", width: 8, align: .right, priority: 7),
        Column("Notified", width: 8, align: .right, priority: 6),
        Column("On scene", width: 8, align: .right, priority: 5),
        Column("Police", width: 6, align: .right, priority: 8),
        Column("Status", width: 24, priority: 9, flexible: true),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let board = model.board
        let now = model.now
        let rules = model.alertRules
        let open = board.securityIncidents.values.filter(\.isOpen).sorted { a, b in
            let (ua, ub) = (a.urgency(at: now, rules: rules), b.urgency(at: now, rules: rules))
            return ua != ub ? ua > ub : SecurityIncident.listOrder(a, b)
        }
        var rows = open.map { row($0, model) }
        let since = now.addingTimeInterval(-24 * 3600)
        let closed = board.securityIncidents.values.filter { ($0.resolved?.at ?? .distantPast) >= since }
            .sorted { ($0.resolved!.at, $0.id) > ($1.resolved!.at, $1.id) }
        rows += closed.map { row($0, model) }
        return PanelContent(columns: columns, rows: rows, record: { .securityIncident($0) })
    }

    static func row(_ i: SecurityIncident, _ model: AppModel) -> TableRow {
        let board = model.board
        let now = model.now
        let zone = model.timeZone
        let hospital = board.hospitals[i.hospitalId]
        let type = board.securityTypes.type(code: i.type)
        let search = [i.id, i.hospitalId, hospital?.name ?? "", hospital?.romanizedName ?? "", i.type, type?.korean ?? "", type?.english ?? "", i.text]
            .joined(separator: " ")
        guard i.isOpen else {
            let outcome = (i.outcome?.label ?? "closed") + (i.outcomeNote.isEmpty ? "" : " · " + i.outcomeNote)
            return TableRow(id: i.id, cells: [
                TableCell(i.id, .muted), TableCell(hospital?.name ?? i.hospitalId, .muted), TableCell(i.type, .muted),
                TableCell(i.staffInjured > 0 ? "\(i.staffInjured)" : "", .muted),
                TableCell(Format.time(i.occurred.at, zone), .muted),
                TableCell(i.notified.map { Format.time($0.at, zone) } ?? "—", .muted),
                TableCell(i.onScene.map { Format.time($0.at, zone) } ?? "—", .muted),
                TableCell(i.policeResponse.map(Format.age) ?? "—", .muted),
                TableCell("closed \(Format.time(i.resolved!.at, zone)) \(outcome)", .muted),
            ], search: search)
        }
        let urgency = i.urgency(at: now, rules: model.alertRules)
        let role: Role? = urgency.role
        var status: String
        switch i.nextStep {
        case .notified?: status = "police not called"
        case .onScene?: status = "waiting for police \(Format.age(now.timeIntervalSince(i.notified!.at)))"
        default: status = "police on scene"
        }
        if let post = i.police.map({ policeName($0, board) }), !post.isEmpty, i.nextStep == .onScene { status += " · " + post }
        status += " · " + i.text
        // A running response time while the police are awaited.
        let response = i.policeResponse.map(Format.age) ?? i.notified.map { Format.age(now.timeIntervalSince($0.at)) + "…" } ?? "—"
        return TableRow(id: i.id, cells: [
            TableCell(i.id, role ?? .title),
            TableCell(hospital?.name ?? i.hospitalId),
            TableCell(i.type),
            TableCell(i.staffInjured > 0 ? "\(i.staffInjured)" : "", i.staffInjured > 0 ? .alert : nil),
            TableCell(Format.age(now.timeIntervalSince(i.occurred.at)), .muted),
            TableCell(i.notified.map { Format.age(now.timeIntervalSince($0.at)) } ?? "—", i.notified == nil ? .muted : nil),
            TableCell(i.onScene.map { Format.age(now.timeIntervalSince($0.at)) } ?? "—", i.onScene == nil ? .muted : nil),
            TableCell(response, i.onScene == nil ? role : nil),
            TableCell(status, role),
        ], search: search)
    }

    /// The police called, in a few words: the contact's name, or the text.
    static func policeName(_ p: PoliceNotice, _ board: Board) -> String {
        if let id = p.contactId { return board.contacts[id]?.person ?? id }
        return p.text
    }
}

extension SecurityUrgency {
    /// How an open incident looks: overdue in the alert colour, due in the warning colour.
    var role: Role? {
        switch self {
        case .late: .alert
        case .due: .warning
        case .onTime: nil
        }
    }
}
