import Foundation
import SitRoomCore

/// The organisations' actions first (current and coming, as selectable rows), then per-hospital
/// absences and orders, highest absence first.
enum StrikePanel {
    static let columns = [
        Column("Who", width: 10, priority: 9, flexible: true),
        Column("Absent", width: 9, align: .right, priority: 9),
        Column("%", width: 4, align: .right, priority: 8),
        Column("Ret", width: 4, align: .right, priority: 6),
        Column("Orders i/s/c", width: 12, align: .right, priority: 7),
        Column("Age", width: 5, align: .right, priority: 2),
    ]

    /// Row ids of strike actions carry this prefix; hospital rows are hospital ids.
    static let actionPrefix = "strike:"

    /// "KIRA" for "대한전공의협의회 Korea Intern Resident Association (KIRA)": narrow panels need it.
    static func shortName(_ organisation: String) -> String {
        guard let open = organisation.lastIndex(of: "("), let close = organisation.lastIndex(of: ")"), open < close else {
            return organisation
        }
        return String(organisation[organisation.index(after: open)..<close])
    }

    static func shortForm(_ form: StrikeForm) -> String {
        switch form {
        case .walkout: "walk-out"
        case .unlimitedStrike: "strike"
        case .collectiveResignation: "resignation"
        case .rally: "rally"
        case .workToRule: "work-to-rule"
        case .other: "action"
        }
    }

    static func content(_ model: AppModel) -> PanelContent {
        let now = model.now
        let strikes = model.board.strikes
        let zone = model.timeZone
        let hospitals = model.board.hospitals.values.filter { $0.traineesOnRoll != nil || $0.ordersIssued != nil }
            .sorted { (-($0.absentShare ?? -1), $0.name) < (-($1.absentShare ?? -1), $1.name) }
        let hospitalRows = hospitals.map { h -> TableRow in
            let share = h.absentShare
            let orders = [h.ordersIssued, h.ordersServed, h.ordersComplied].map { $0.map { Format.grouped($0.value) } ?? "—" }
            return TableRow(id: h.id, cells: [
                TableCell(h.name),
                TableCell("\(h.traineesAbsent.map { Format.grouped($0.value) } ?? "—")/\(h.traineesOnRoll.map { Format.grouped($0.value) } ?? "—")"),
                TableCell(Format.percent(share), (share ?? 0) >= 0.8 ? .alert : (share ?? 0) >= 0.5 ? .warning : nil),
                TableCell(h.traineesReturned.map { Format.grouped($0.value) } ?? "—", (h.traineesReturned?.value ?? 0) > 0 ? .good : nil),
                TableCell(orders.joined(separator: "/")),
                hospitalAge(h, now),
            ], search: [h.id, h.name, h.romanizedName, h.region].joined(separator: " "))
        }
        let byId = model.board.hospitals
        return PanelContent(columns: columns, rows: actionRows(strikes, now, zone) + hospitalRows, record: { id in
            id.hasPrefix(actionPrefix) ? .strike(String(id.dropFirst(actionPrefix.count))) : .hospital(id)
        }, age: { rows, now in
            // Actions start and end with the clock: a few rows, made again; hospitals only age.
            let first = rows.firstIndex { !$0.id.hasPrefix(actionPrefix) } ?? rows.endIndex
            for i in first..<rows.endIndex {
                if let h = byId[rows[i].id] { rows[i].cells[ageColumn] = hospitalAge(h, now) }
            }
            rows.replaceSubrange(0..<first, with: actionRows(strikes, now, zone))
        })
    }

    static let ageColumn = 5

    static func hospitalAge(_ h: Hospital, _ now: Date) -> TableCell {
        TableCell(Format.age(of: [h.traineesAbsent?.at, h.ordersIssued?.at].compactMap { $0 }.max(), now: now), .muted)
    }

    /// Current and coming actions, soonest start first.
    static func actionRows(_ strikes: [String: StrikeAction], _ now: Date, _ zone: TimeZone) -> [TableRow] {
        let actions = strikes.values.filter { $0.isActive(at: now) || $0.start > now }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        return actions.map { s -> TableRow in
            let coming = s.start > now
            let when = (coming ? "from " : "since ") + String(Format.dateTime(s.start, zone).prefix(5))
            return TableRow(id: actionPrefix + s.id, cells: [
                TableCell("▶ " + shortName(s.organisation) + " " + shortForm(s.form), coming ? .muted : .alert),
                TableCell(s.participants.map { Format.grouped($0.value) } ?? "—"),
                TableCell(""),
                TableCell(""),
                TableCell(when, .muted),
                TableCell(Format.age(of: s.participants?.at, now: now), .muted),
            ], search: [s.id, s.organisation, s.form.rawValue, s.scope].joined(separator: " "))
        }
    }
}
