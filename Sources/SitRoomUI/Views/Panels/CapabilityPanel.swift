import Foundation
import SitRoomCore

/// View 8: one row per hospital, by region, class and name; after the hospital's own columns one
/// one-cell column per condition of the board's condition table (`CapabilityView` draws it).
///
/// A condition's cell holds a sort key, not the mark: "1" can treat, "2" reported unknown, "3"
/// cannot, "" nothing reported; `s` then sorts the ERs that can treat it first, and the view draws
/// the marks (`CapabilityMark`).
enum CapabilityPanel {
    /// The hospital's own columns, before the conditions.
    static let fixedColumns = [
        Column("Hospital", width: 16, priority: 9, flexible: true, cutsMiddle: true),
        Column("Region", width: 8, priority: 1),
        Column("ER", width: 7, priority: 8),
        Column("R", width: 1, priority: 9),
        Column("Cap", width: 6, align: .right, priority: 7),
    ]
    static let restrictionColumn = 3
    static let countColumn = 4

    static func columns(_ table: ConditionTable) -> [Column] {
        fixedColumns + table.conditions.map { Column($0.short, width: 1, priority: 9) }
    }

    static func content(_ model: AppModel) -> PanelContent {
        let board = model.board
        let now = model.now
        let table = board.conditions
        let hospitals = board.hospitals.values.sorted {
            ($0.region, $0.hospitalClass.rawValue, $0.name, $0.id) < ($1.region, $1.hospitalClass.rawValue, $1.name, $1.id)
        }
        let inForce = board.restrictionsInForce(at: now)
        let rows = hospitals.map { h -> TableRow in
            let capability = board.capabilities[h.id]
            var cells = [
                TableCell(h.name),
                TableCell(h.region, .muted),
                TableCell(h.erState?.label ?? "—", h.erState?.role ?? .muted),
                restrictionCell(inForce[h.id] ?? []),
                countCell(h, capability, table, now),
            ]
            cells.reserveCapacity(cells.count + table.conditions.count)
            for condition in table.conditions {
                cells.append(conditionCell(h, capability?.conditions[condition.code], now))
            }
            let search = [h.id, h.name, h.romanizedName, HospitalLookup.initials(h), h.region, h.erState?.rawValue ?? ""]
                .joined(separator: " ")
            return TableRow(id: h.id, cells: cells, search: search)
        }
        return PanelContent(columns: columns(table), rows: rows, record: { .hospital($0) })
    }

    static func restrictionCell(_ inForce: [Restriction]) -> TableCell {
        inForce.isEmpty ? TableCell("") : TableCell(CapabilityMark.restriction, .warning)
    }

    /// `19/27`: conditions reported available of those in the table; `!` and the stale colour when
    /// the newest of them is older than the hospital's reporting interval.
    static func countCell(_ h: Hospital, _ capability: HospitalCapability?, _ table: ConditionTable, _ now: Date) -> TableCell {
        guard let capability, let newest = capability.conditions.values.map(\.at).max() else { return TableCell("—", .muted) }
        let text = "\(capability.availableCount(of: table))/\(table.conditions.count)"
        let stale = h.isStale(Stamp(at: newest, by: ""), at: now)
        return TableCell((stale ? "!" : "") + text, stale ? .stale : .normal)
    }

    static func conditionCell(_ h: Hospital, _ status: Reported<ConditionStatus>?, _ now: Date) -> TableCell {
        guard let status else { return TableCell("", .muted) }
        let key = CapabilityMark.sortKey(status.value.availability)
        if h.isStale(status.stamp, at: now) { return TableCell(key, .stale) }
        return TableCell(key, CapabilityMark.role(status.value.availability))
    }
}

/// How a condition's availability is drawn: ✓ ✗ ? (ASCII `Y N ?` where the terminal lacks them,
/// the same test as the sparklines' block characters), `·` when nothing was reported.
enum CapabilityMark {
    static let restriction = "R"
    /// ASCII, so that it is one cell whatever the terminal makes of ambiguous-width symbols.
    static let feedConflict = "~"

    static func sortKey(_ a: Availability) -> String {
        switch a {
        case .available: "1"
        case .unknown: "2"
        case .unavailable: "3"
        }
    }

    static func availability(sortKey: String) -> Availability? {
        switch sortKey {
        case "1": .available
        case "2": .unknown
        case "3": .unavailable
        default: nil
        }
    }

    static func role(_ a: Availability) -> Role {
        switch a {
        case .available: .good
        case .unknown: .muted
        case .unavailable: .alert
        }
    }

    static func glyph(_ a: Availability?, ascii: Bool) -> String {
        guard let a else { return ascii ? "." : "·" }
        return ascii ? a.asciiMark : a.mark
    }

    static func word(_ a: Availability) -> String {
        switch a {
        case .available: "can treat"
        case .unavailable: "cannot"
        case .unknown: "unknown"
        }
    }
}
