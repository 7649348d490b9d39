import Foundation
import SitRoomCore

/// The tables of `sitroom export --format csv`: each a header of snake_case English column names
/// and rows of text fields. An empty figure is an empty field; times are ISO 8601 in UTC to the
/// second; rows are in id order (the log in entry order), as in the JSON export. Writing the rows
/// out (quoting, BOM) is `CSVExport.data` in CSVWriting.swift. The columns are listed in
/// docs-export.md.
public enum CSVExport {
    public enum Table: String, CaseIterable, Sendable {
        case hospitals, contacts, log, actions
        case conditions, capabilities, equipment, hoursVisits = "hours_visits", restrictions, baselines
        case security
    }

    /// One table: its header and its rows, every row as long as the header.
    public struct Sheet: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
    }

    /// Identity columns of the hospitals table, exactly as `sitroom import hospitals` reads them.
    public static let hospitalIdentityColumns = [
        "id", "name", "romanized_name", "region", "class", "address", "switchboard", "er_phone",
        "update_interval_minutes",
    ]

    /// The status figures after the identity columns. `reported_at`/`reported_by` are the newest
    /// stamp of any figure on the row, `oldest_figure_at` the oldest, so that a row whose figures
    /// were not all reported together says so.
    public static let hospitalStatusColumns = [
        "er_state", "er_reason",
        "er_beds_available", "er_beds_staffed", "icu_available", "icu_staffed",
        "nicu_available", "nicu_staffed", "picu_available", "picu_staffed",
        "er_doctors_on_duty", "er_doctors_minimum", "icu_doctors_on_duty", "icu_doctors_minimum",
        "trainees_on_roll", "trainees_absent", "resignations", "trainees_returned",
        "orders_issued", "orders_served", "orders_complied", "police_post", "open_incidents",
        "reported_at", "reported_by", "oldest_figure_at",
    ]

    /// The contact columns `sitroom import` reads (`agency` is the agency id), then extras.
    public static let contactColumns = [
        "id", "agency", "person", "role", "phone", "mobile", "email", "shift", "escalation",
        "agency_name", "last_verified", "last_reached",
    ]

    public static let logColumns = [
        "id", "event_time", "severity", "category", "hospital_id", "hospital_name", "agency_id",
        "agency_name", "text", "entered_at", "entered_by",
    ]

    /// `created_*` is the first entry of the item's history, `status_changed_*` the last.
    public static let actionColumns = [
        "id", "text", "owner_agency", "owner_agency_name", "due", "status", "created_at", "created_by",
        "status_changed_at", "status_changed_by",
    ]

    public static func sheet(_ table: Table, of board: Board) -> Sheet {
        switch table {
        case .hospitals: hospitals(board)
        case .contacts: contacts(board)
        case .log: log(board)
        case .actions: actions(board)
        case .conditions: conditionsSheet(board)
        case .capabilities: capabilitiesSheet(board)
        case .equipment: equipmentSheet(board)
        case .hoursVisits: hoursVisitsSheet(board)
        case .restrictions: restrictionsSheet(board)
        case .baselines: baselinesSheet(board)
        case .security: security(board)
        }
    }

    static func hospitals(_ board: Board) -> Sheet {
        let rows = board.hospitals.values.sorted { $0.id < $1.id }.map { h -> [String] in
            let status = h.erStatus?.value
            let stamps = h.stamps.sorted { $0.at < $1.at }
            let identity = [
                h.id, h.name, h.romanizedName, h.region, h.hospitalClass.rawValue, h.address, h.switchboard,
                h.erPhone, String(h.updateIntervalMinutes),
            ]
            let figures = [
                status?.state.rawValue ?? "", status?.reason ?? "",
                number(h.erBeds?.value.available), number(h.erBeds?.value.staffed),
                number(h.icuBeds?.value.available), number(h.icuBeds?.value.staffed),
                number(h.nicuBeds?.value.available), number(h.nicuBeds?.value.staffed),
                number(h.picuBeds?.value.available), number(h.picuBeds?.value.staffed),
                number(h.erDoctors?.value.onDuty), number(h.erDoctors?.value.minimum),
                number(h.icuDoctors?.value.onDuty), number(h.icuDoctors?.value.minimum),
                number(h.traineesOnRoll?.value), number(h.traineesAbsent?.value),
                number(h.resignations?.value), number(h.traineesReturned?.value),
                number(h.ordersIssued?.value), number(h.ordersServed?.value), number(h.ordersComplied?.value),
                h.policePost.map { $0.value ? "true" : "false" } ?? "", number(h.openIncidents?.value),
                time(stamps.last?.at), stamps.last?.by ?? "", time(stamps.first?.at),
            ]
            return identity + figures
        }
        return Sheet(header: hospitalIdentityColumns + hospitalStatusColumns, rows: rows)
    }

    static func contacts(_ board: Board) -> Sheet {
        let rows = board.contacts.values.sorted { $0.id < $1.id }.map { c in
            [
                c.id, c.agencyId, c.person, c.role, c.phone, c.mobile, c.email, c.shift, String(c.escalation),
                board.agencies[c.agencyId]?.name ?? "", time(c.lastVerified), time(c.lastReached),
            ]
        }
        return Sheet(header: contactColumns, rows: rows)
    }

    static func log(_ board: Board) -> Sheet {
        let rows = board.log.map { e in
            [
                e.id, time(e.eventTime), e.severity.rawValue, e.category,
                e.hospitalId ?? "", e.hospitalId.flatMap { board.hospitals[$0]?.name } ?? "",
                e.agencyId ?? "", e.agencyId.flatMap { board.agencies[$0]?.name } ?? "",
                e.text, time(e.entered.at), e.entered.by,
            ]
        }
        return Sheet(header: logColumns, rows: rows)
    }

    static func actions(_ board: Board) -> Sheet {
        let rows = board.actions.values.sorted { $0.id < $1.id }.map { a in
            [
                a.id, a.text, a.ownerAgencyId, board.agencies[a.ownerAgencyId]?.name ?? "", time(a.due),
                a.status.rawValue, time(a.history.first?.at), a.history.first?.by ?? "",
                time(a.history.last?.at), a.history.last?.by ?? "",
            ]
        }
        return Sheet(header: actionColumns, rows: rows)
    }

    private static func number(_ n: Int?) -> String { n.map { String($0) } ?? "" }
    private static func time(_ date: Date?) -> String { date.map { ISO8601.format($0) } ?? "" }
}
