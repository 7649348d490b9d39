import Foundation
import SitRoomCore

/// View 7: what changed since the last briefing, section by section: ER status, beds and doctors,
/// national figures, strike actions, new log entries, actions opened and closed, alerts raised and
/// cleared. Rows that name a record open it with Enter; section rows (ids starting `§`) do not.
enum BriefingPanel {
    static let columns = [
        Column("What", width: 8, priority: 9),
        Column("Where", width: 30, priority: 9, cutsMiddle: true),
        Column("Then → now", width: 30, priority: 8, flexible: true),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        PanelContent(columns: columns, rows: rows(model), record: { id in
            let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
            let key = parts.last ?? id
            switch parts.first {
            case "er", "beds", "hospital": return .hospital(key)
            case "log": return .logEntry(key)
            case "action": return .action(key)
            case "strike": return .strike(key)
            default: return .alert(key)
            }
        })
    }

    static func isSection(_ rowId: String) -> Bool { rowId.hasPrefix("§") }

    static func rows(_ model: AppModel) -> [TableRow] {
        let zone = model.timeZone
        guard let briefing = model.board.lastBriefing else {
            return [section("none", "No briefing marked yet: B marks one (\"09:00 briefing\"), and this view counts from it.")]
        }
        guard let baseline = model.briefingBaseline else {
            return [section("none", "The board as it was at “\(briefing.title)” is not in the history; nothing to compare.")]
        }
        let d = BriefingDiff(from: baseline, to: model.board, since: briefing.marked.at, now: model.now)
        var out: [TableRow] = [section("head", "Since “\(briefing.title)”, marked \(Format.dateTime(briefing.marked.at, zone)) by "
                                                + "\(briefing.marked.by), " + Format.ago(briefing.marked.at, now: model.now))]
        if d.isEmpty { out.append(section("empty", "Nothing has changed since.")) }

        // A first report of an open ER is news only as a count.
        let firstOpen = d.erChanges.filter { $0.old == nil && $0.new?.state == .open }
        let erChanges = d.erChanges.filter { !($0.old == nil && $0.new?.state == .open) }
        if !d.erChanges.isEmpty { out.append(section("er", "ER status (\(d.erChanges.count))")) }
        for c in erChanges {
            let old = c.old.map { $0.state.label } ?? "—"
            let new = c.new.map { $0.state.label } ?? "—"
            let reason = c.new?.reason ?? ""
            out.append(TableRow(id: "er:" + c.hospital.id, cells: [
                TableCell("ER", .muted), TableCell(c.hospital.name, c.new?.state.role),
                TableCell("\(old) → \(new)" + (reason.isEmpty ? "" : "  " + reason), c.new?.state.role),
            ]))
        }
        if !firstOpen.isEmpty {
            out.append(TableRow(id: "§first-open", cells: [
                TableCell("ER", .muted), TableCell("\(firstOpen.count) hospitals", .muted), TableCell("first report: open", .muted),
            ], search: firstOpen.map(\.hospital.name).joined(separator: " ")))
        }
        if !d.hospitalMoves.isEmpty { out.append(section("beds", "Beds and doctors (\(d.hospitalMoves.count) hospital\(d.hospitalMoves.count == 1 ? "" : "s"))")) }
        for m in d.hospitalMoves {
            var parts: [String] = []
            func cap(_ label: String, _ move: BriefingDiff.Move<Capacity>?) {
                if let move { parts.append("\(label) \(Format.of(move.old))→\(Format.of(move.new))") }
            }
            func staff(_ label: String, _ move: BriefingDiff.Move<Staffing>?) {
                if let move { parts.append("\(label) \(Format.of(move.old))→\(Format.of(move.new))") }
            }
            cap("ER", m.erBeds); cap("ICU", m.icuBeds); cap("NICU", m.nicuBeds); cap("PICU", m.picuBeds)
            staff("ER docs", m.erDoctors); staff("ICU docs", m.icuDoctors)
            out.append(TableRow(id: "beds:" + m.hospital.id, cells: [
                TableCell("beds", .muted), TableCell(m.hospital.name), TableCell(parts.joined(separator: ", ")),
            ]))
        }
        let national = d.national.changed
        if !national.isEmpty { out.append(section("national", "National figures")) }
        for f in national {
            let delta = d.national[f]
            out.append(TableRow(id: "§n:" + f.rawValue, cells: [
                TableCell("national", .muted), TableCell(label(f)),
                TableCell("\(Format.grouped(delta.old)) → \(Format.grouped(delta.new))  (\(Format.signed(delta.change)))"),
            ]))
        }
        if !d.strikeChanges.isEmpty { out.append(section("strike", "Strike actions")) }
        for s in d.strikeChanges {
            let p = s.participants
            out.append(TableRow(id: "strike:" + s.id, cells: [
                TableCell("strike", .muted), TableCell(s.organisation),
                TableCell("\(s.kind.rawValue): participants \(p.old.map(Format.grouped) ?? "—") → \(p.new.map(Format.grouped) ?? "—")"),
            ]))
        }
        if !d.newLog.isEmpty { out.append(section("log", "New log entries (\(d.newLog.count))")) }
        for e in d.newLog.sorted(by: { ($1.severity, $0.eventTime) < ($0.severity, $1.eventTime) }) {
            out.append(TableRow(id: "log:" + e.id, cells: [
                TableCell(Format.time(e.eventTime, zone), .muted), TableCell(e.severity.rawValue.uppercased(), LogPanel.role(e.severity)),
                TableCell(e.text),
            ]))
        }
        if !(d.actionsOpened.isEmpty && d.actionsClosed.isEmpty) {
            out.append(section("actions", "Action items: \(d.actionsOpened.count) opened, \(d.actionsClosed.count) closed"))
        }
        for a in d.actionsOpened {
            out.append(TableRow(id: "action:" + a.id, cells: [
                TableCell("opened", .muted), TableCell(model.board.agencies[a.ownerAgencyId]?.name ?? a.ownerAgencyId), TableCell(a.text),
            ]))
        }
        for c in d.actionsClosed {
            out.append(TableRow(id: "action:" + c.action.id, cells: [
                TableCell(c.action.status.rawValue, .good), TableCell(model.board.agencies[c.action.ownerAgencyId]?.name ?? c.action.ownerAgencyId),
                TableCell(c.action.text + (c.closed.map { "  (\($0.by) \(Format.time($0.at, zone)))" } ?? "")),
            ]))
        }
        if !(d.alertsRaised.isEmpty && d.alertsCleared.isEmpty) {
            out.append(section("alerts", "Alerts: \(d.alertsRaised.count) raised, \(d.alertsCleared.count) cleared"))
        }
        for a in d.alertsRaised {
            let state = a.cleared != nil ? "raised, since cleared" : a.isAcknowledged ? "raised, acknowledged" : "raised"
            out.append(TableRow(id: "alert:" + (a.cleared == nil ? a.id : AlertsPanel.clearedRowId(a)), cells: [
                TableCell(Format.time(a.raised.at, zone), .muted), TableCell(a.text, a.cleared == nil ? a.severity.alertRole : .muted),
                TableCell(state, .muted),
            ]))
        }
        for a in d.alertsCleared where !d.alertsRaised.contains(where: { $0.id == a.id && $0.raised == a.raised }) {
            out.append(TableRow(id: "alert:" + AlertsPanel.clearedRowId(a), cells: [
                TableCell(a.cleared.map { Format.time($0.at, zone) } ?? "", .muted), TableCell(a.text, .muted), TableCell("cleared", .good),
            ]))
        }
        return out
    }

    static func section(_ key: String, _ title: String) -> TableRow {
        var row = TableRow(id: "§" + key, cells: [TableCell("▸ " + title, .header)], role: .header)
        row.spans = true
        return row
    }

    static func label(_ f: BriefingDiff.NationalFigure) -> String {
        switch f {
        case .erOpen: "ERs open"
        case .erLimited: "ERs limited"
        case .erDiverting: "ERs diverting"
        case .erClosed: "ERs closed"
        case .erBedsAvailable: "ER beds available"
        case .erBedsStaffed: "ER beds staffed"
        case .icuAvailable: "adult ICU available"
        case .icuStaffed: "adult ICU staffed"
        case .nicuAvailable: "NICU available"
        case .nicuStaffed: "NICU staffed"
        case .picuAvailable: "PICU available"
        case .picuStaffed: "PICU staffed"
        case .shortOfDoctors: "hospitals short of doctors"
        case .stale: "stale reports"
        case .traineesOnRoll: "trainees on the roll"
        case .traineesAbsent: "trainees absent"
        case .traineesReturned: "trainees returned"
        case .resignations: "resignations"
        case .ordersIssued: "orders issued"
        case .ordersServed: "orders served"
        case .ordersComplied: "orders complied"
        case .openActions: "open action items"
        case .overdueActions: "overdue action items"
        }
    }
}
