import Foundation
import SitRoomCore

/// `:where <condition> [region]`: the open or limited ERs reporting the condition available, in
/// `Board.capableHospitals`' order (the region asked for first, then the freshest report), with
/// their ER beds, the age of the report and the restrictions in force; Enter opens one.
enum CapableListView {
    static let columns = [
        Column("Hospital", width: 24, priority: 9, cutsMiddle: true),
        Column("Cls", width: 3, priority: 3),
        Column("Region", width: 8, priority: 6),
        Column("ER", width: 7, priority: 9),
        Column("ER bed", width: 7, align: .right, priority: 8),
        Column("Cap", width: 5, align: .right, priority: 4),
        Column("Age", width: 6, align: .right, priority: 8),
        Column("By", width: 10, priority: 2),
        Column("Restrictions in force", width: 24, priority: 7, flexible: true),
    ]

    static func hospitals(_ model: AppModel, _ list: CapableList) -> [CapableHospital] {
        model.board.capableEntries(condition: list.condition, region: list.region, now: model.now)
    }

    /// Rows of hospitals on the screen: the box, the line saying what is listed, the header.
    static func visibleRows(_ model: AppModel) -> Int {
        max(1, Dashboard.mainArea(width: model.width, height: model.height).height - 4)
    }

    static func rows(_ model: AppModel, _ list: CapableList, _ entries: [CapableHospital]) -> [TableRow] {
        let board = model.board
        let now = model.now
        let table = board.conditions
        return entries.map { entry in
            let h = entry.hospital
            let status: Reported<ConditionStatus>? = entry.status
            let stale = status.map { h.isStale($0.stamp, at: now) } ?? true
            let restrictions = entry.restrictions
            return TableRow(id: h.id, cells: [
                TableCell(h.name),
                TableCell(h.hospitalClass.shortLabel, .muted),
                TableCell(h.region, entry.sameRegion ? .title : .muted),
                TableCell(h.erState?.label ?? "—", h.erState?.role ?? .muted),
                TableCell(Format.of(h.erBeds?.value), h.erBeds?.value.available == 0 ? .warning : nil),
                TableCell(board.capabilities[h.id].map { "\($0.availableCount(of: table))/\(table.conditions.count)" } ?? "—", .muted),
                TableCell((stale ? "!" : "") + Format.age(of: status?.at, now: now), stale ? .stale : .muted),
                TableCell(status?.by ?? "", .muted),
                TableCell(restrictions.map(\.text).joined(separator: " · "), .warning),
            ])
        }
    }

    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, _ list: CapableList, _ rect: Rect) {
        let condition = model.board.conditions.condition(code: list.condition)
        let name = condition.map { "\($0.short) — \($0.korean) · \($0.english)" } ?? list.condition
        let hospitals = hospitals(model, list)
        let inner = Box.draw(&buffer, rect, title: "Where: " + name, focused: true, badge: Format.grouped(hospitals.count))
        guard inner.height >= 2 else { return }
        var said: [(String, Role)]
        if hospitals.isEmpty {
            said = [("No open or limited ER reports \(condition?.korean ?? list.condition) available now", .alert)]
            if let region = list.region { said.append((" (none in \(region) or anywhere else)", .muted)) }
        } else {
            let sameRegion = list.region.map { _ in hospitals.count { $0.sameRegion } }
            said = [("\(Format.grouped(hospitals.count)) open or limited ERs report it available", .normal)]
            if let region = list.region, let n = sameRegion {
                said.append((" · \(Format.grouped(n)) in \(region) first", n > 0 ? .title : .warning))
            }
            said.append((" · then the freshest report · Enter opens", .muted))
        }
        Segments.draw(&buffer, said, x: inner.x + 1, y: inner.y, maxX: inner.maxX - 1)
        let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let rows = rows(model, list, hospitals)
        let selected = rows.isEmpty ? nil : min(list.selected, rows.count - 1)
        let top = Table.scrolled(top: list.top, selected: selected ?? 0, visible: area.height - 1, count: rows.count)
        Table.draw(&buffer, area, columns: columns, rows: rows, selected: selected, top: top, focused: true)
        if rows.count > area.height - 1, inner.maxY < buffer.height {
            let shown = " \(Format.grouped((selected ?? 0) + 1))/\(Format.grouped(rows.count)) "
            buffer.put(shown, x: inner.maxX - TextWidth.of(shown) - 1, y: inner.maxY, role: .muted)
        }
    }
}
