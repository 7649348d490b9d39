import Foundation
import SitRoomCore

/// One row per hospital, worst ER status first.
enum CoveragePanel {
    static let columns = [
        Column("Hospital", width: 20, priority: 9, flexible: true, cutsMiddle: true),
        Column("Cls", width: 3, priority: 3),
        Column("Region", width: 8, priority: 1),
        Column("ER", width: 7, priority: 9),
        Column("ER bed", width: 7, align: .right, priority: 8),
        Column("ICU", width: 7, align: .right, priority: 8),
        Column("NICU", width: 5, align: .right, priority: 2),
        Column("PICU", width: 5, align: .right, priority: 2),
        Column("Docs", width: 5, align: .right, priority: 7),
        Column("Age", width: 6, align: .right, priority: 8),
        Column("By", width: 10, priority: 0),
    ] + capabilityColumns + [
        // On wide screens the ER's reason, rather than more room for the name.
        Column("Reason", width: 16, priority: 0, flexible: true, share: 3),
    ]

    static func content(_ model: AppModel) -> PanelContent {
        let now = model.now
        let hospitals = model.board.hospitals.values.sorted {
            let a = ($0.erState?.severity ?? -1), b = ($1.erState?.severity ?? -1)
            return a != b ? a > b : ($0.name, $0.id) < ($1.name, $1.id)
        }
        // A hospital with an alert nobody has acknowledged: its name in the alert colour.
        let alerted = Set(model.board.alerts.values.filter { !$0.isAcknowledged && $0.severity >= .warning }.map(\.subject))
        let restrictions = model.board.restrictionsInForce(at: now)
        let marks = securityMarks(model.board)
        let rows = hospitals.map { h -> TableRow in
            let last = h.lastCoverageReport
            let icu = h.icuBeds?.value
            let docs = h.erDoctors?.value
            let search = [h.id, h.name, h.romanizedName, HospitalLookup.initials(h), h.region, h.erState?.rawValue ?? ""]
                .joined(separator: " ")
            return TableRow(id: h.id, cells: [
                TableCell((marks[h.id] ?? "") + h.name, alerted.contains(h.id) ? .alert : nil),
                TableCell(h.hospitalClass.shortLabel, .muted),
                TableCell(h.region, .muted),
                TableCell(h.erState?.label ?? "—", h.erState?.role ?? .muted),
                TableCell(Format.of(h.erBeds?.value), h.erBeds?.value.available == 0 ? .warning : nil),
                TableCell(Format.of(icu), icu.map { $0.staffed > 0 && $0.available == 0 } == true ? .alert : nil),
                TableCell(Format.of(h.nicuBeds?.value)),
                TableCell(Format.of(h.picuBeds?.value)),
                TableCell(Format.of(docs), docs?.isShort == true ? .warning : nil),
                ageCell(h, now),
                TableCell(last?.by ?? "", .muted),
                capabilityCell(h, model.board),
                marksCell(h, restrictions, model.board, now),
                TableCell(h.erStatus?.value.reason ?? "", h.erState?.role ?? .muted),
            ], search: search)
        }
        let byId = model.board.hospitals
        let board = model.board
        return PanelContent(columns: columns, rows: rows, record: { .hospital($0) }, age: { rows, now in
            // Restrictions start and expire with the clock.
            let restrictions = board.restrictionsInForce(at: now)
            for i in rows.indices {
                if let h = byId[rows[i].id] {
                    rows[i].cells[ageColumn] = ageCell(h, now)
                    rows[i].cells[marksColumn] = marksCell(h, restrictions, board, now)
                }
            }
        })
    }

    static let ageColumn = 9

    static func ageCell(_ h: Hospital, _ now: Date) -> TableCell {
        let stale = h.isStale(at: now)
        return TableCell((stale ? "!" : "") + Format.age(of: h.lastCoverageReport?.at, now: now), stale ? .stale : .muted)
    }
}
