import Foundation
import SitRoomCore

/// The capability tables of `sitroom export --format csv` (issue 15), one row per reported figure,
/// so that a spreadsheet can filter and count them; rows in hospital id order, then the table's order.
extension CSVExport {
    public static let conditionColumns = ["code", "korean", "english", "short", "feed_field"]

    /// One row per condition a hospital has reported (a condition never reported is unknown and has no row).
    public static let capabilityColumns = [
        "hospital_id", "hospital_name", "condition_code", "condition", "availability", "reason", "reported_at", "reported_by",
    ]

    /// `value` is a count, or 1/0 for a yes/no item (`is_count` false).
    public static let equipmentColumns = [
        "hospital_id", "hospital_name", "equipment_code", "equipment", "is_count", "value", "reported_at", "reported_by",
    ]

    /// ER hours (`24h` or the restricted hours) and the day's visits, one row per hospital that reported either.
    public static let hoursVisitsColumns = [
        "hospital_id", "hospital_name", "hours", "hours_reported_at", "hours_reported_by",
        "visits_total", "visits_severe", "visits_mild", "visits_reported_at", "visits_reported_by",
    ]

    /// Every restriction on the board, in force or not: `until` empty is open-ended, `ended_*` set
    /// when someone ended it before its time.
    public static let restrictionColumns = [
        "id", "hospital_id", "hospital_name", "category", "text", "from", "until", "entered_at", "entered_by",
        "ended_at", "ended_by",
    ]

    /// `scope` is `national` (hospital columns empty) or `hospital`; `as_of` is the moment the
    /// normal value describes.
    public static let baselineColumns = ["scope", "hospital_id", "hospital_name", "figure", "value", "as_of", "set_by"]

    static func conditionsSheet(_ board: Board) -> Sheet {
        Sheet(header: conditionColumns, rows: board.conditions.conditions.map { [$0.code, $0.korean, $0.english, $0.short, $0.feedField] })
    }

    private static func byHospital(_ board: Board) -> [HospitalCapability] {
        board.capabilities.values.sorted { $0.hospitalId < $1.hospitalId }
    }

    private static func name(_ board: Board, _ id: String) -> String { board.hospitals[id]?.name ?? "" }

    static func capabilitiesSheet(_ board: Board) -> Sheet {
        let order = Dictionary(board.conditions.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for cap in byHospital(board) {
            let codes = cap.conditions.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
            for code in codes {
                let r = cap.conditions[code]!
                rows.append([cap.hospitalId, name(board, cap.hospitalId), code, board.conditions.condition(code: code)?.english ?? "",
                             r.value.availability.rawValue, r.value.reason, stamp(r.at), r.by])
            }
        }
        return Sheet(header: capabilityColumns, rows: rows)
    }

    static func equipmentSheet(_ board: Board) -> Sheet {
        let order = Dictionary(Equipment.egen.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for cap in byHospital(board) {
            for code in cap.equipment.keys.sorted(by: { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }) {
                let r = cap.equipment[code]!
                let item = Equipment.item(code: code)
                rows.append([cap.hospitalId, name(board, cap.hospitalId), code, item?.english ?? "",
                             item.map { $0.isCount ? "true" : "false" } ?? "", String(r.value), stamp(r.at), r.by])
            }
        }
        return Sheet(header: equipmentColumns, rows: rows)
    }

    static func hoursVisitsSheet(_ board: Board) -> Sheet {
        let rows = byHospital(board).filter { $0.hours != nil || $0.visits != nil }.map { cap -> [String] in
            let v = cap.visits
            return [cap.hospitalId, name(board, cap.hospitalId), cap.hours?.value.text ?? "", stamp(cap.hours?.at), cap.hours?.by ?? "",
                    v.map { String($0.value.total) } ?? "", v.map { String($0.value.severe) } ?? "",
                    v.map { String($0.value.mild) } ?? "", stamp(v?.at), v?.by ?? ""]
        }
        return Sheet(header: hoursVisitsColumns, rows: rows)
    }

    static func restrictionsSheet(_ board: Board) -> Sheet {
        let rows = board.restrictions.values.sorted { $0.id < $1.id }.map { r in
            [r.id, r.hospitalId, name(board, r.hospitalId), r.category, r.text, stamp(r.from), stamp(r.until),
             stamp(r.entered.at), r.entered.by, stamp(r.ended?.at), r.ended?.by ?? ""]
        }
        return Sheet(header: restrictionColumns, rows: rows)
    }

    static func baselinesSheet(_ board: Board) -> Sheet {
        var rows: [[String]] = []
        for (figure, r) in board.baselines.national.sorted(by: { $0.key < $1.key }) {
            rows.append(["national", "", "", figure, String(r.value), stamp(r.at), r.by])
        }
        for (id, figures) in board.baselines.hospitals.sorted(by: { $0.key < $1.key }) {
            for (figure, r) in figures.sorted(by: { $0.key < $1.key }) {
                rows.append(["hospital", id, name(board, id), figure, String(r.value), stamp(r.at), r.by])
            }
        }
        return Sheet(header: baselineColumns, rows: rows)
    }

    private static func stamp(_ date: Date?) -> String { date.map { ISO8601.format($0) } ?? "" }
}
