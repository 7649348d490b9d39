import Foundation
import SitRoomCore

/// The organisations' actions above, then per-hospital absences and orders, highest absence first.
enum StrikePanel {
    static let columns = [
        Column("Hospital", width: 10, priority: 9, flexible: true),
        Column("Absent", width: 9, align: .right, priority: 9),
        Column("%", width: 4, align: .right, priority: 8),
        Column("Ret", width: 4, align: .right, priority: 6),
        Column("Orders i/s/c", width: 12, align: .right, priority: 7),
        Column("Age", width: 5, align: .right, priority: 2),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let now = model.now
        let actions = model.board.strikes.values.filter { $0.isActive(at: now) || ($0.start > now) }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let preface: [[(String, Role)]] = actions.map { s in
            let since = s.start > now ? "from " + Format.dateTime(s.start, model.timeZone) : "since " + Format.dateTime(s.start, model.timeZone)
            let count = s.participants.map { " · " + Format.grouped($0.value) } ?? ""
            return [(s.organisation, s.start > now ? .muted : .alert), (" " + s.form.rawValue + " ", .normal),
                    (since + count, .muted)]
        }
        let hospitals = model.board.hospitals.values.filter { $0.traineesOnRoll != nil || $0.ordersIssued != nil }
            .sorted { (-($0.absentShare ?? -1), $0.name) < (-($1.absentShare ?? -1), $1.name) }
        let rows = hospitals.map { h -> TableRow in
            let share = h.absentShare
            let orders = [h.ordersIssued, h.ordersServed, h.ordersComplied].map { $0.map { String($0.value) } ?? "—" }
            let newest = [h.traineesAbsent?.at, h.ordersIssued?.at].compactMap { $0 }.max()
            return TableRow(id: h.id, cells: [
                TableCell(h.name),
                TableCell("\(h.traineesAbsent.map { Format.grouped($0.value) } ?? "—")/\(h.traineesOnRoll.map { Format.grouped($0.value) } ?? "—")"),
                TableCell(Format.percent(share), (share ?? 0) >= 0.8 ? .alert : (share ?? 0) >= 0.5 ? .warning : nil),
                TableCell(h.traineesReturned.map { String($0.value) } ?? "—", (h.traineesReturned?.value ?? 0) > 0 ? .good : nil),
                TableCell(orders.joined(separator: "/")),
                TableCell(Format.age(of: newest, now: now), .muted),
            ], search: [h.id, h.name, h.romanizedName, h.region].joined(separator: " "))
        }
        return PanelContent(preface: preface, columns: columns, rows: rows, record: { .hospital($0) })
    }
}
