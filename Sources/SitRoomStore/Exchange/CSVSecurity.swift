import Foundation
import SitRoomCore

extension CSVExport {
    /// `--table security`: one row per security incident with its whole timeline, in id order. The
    /// police response is derived (notified to on scene, whole minutes), never typed.
    public static let securityColumns = [
        "id", "hospital_id", "hospital_name", "region", "type", "type_english", "severity", "staff_injured", "text",
        "occurred_at", "reported_at", "reported_by", "police_notified_at", "police_notified_by", "police_contact_id",
        "police_contact", "police_caller", "police_on_scene_at", "police_on_scene_by", "police_response_minutes",
        "closed_at", "closed_by", "outcome", "outcome_note", "hospital_security_level",
    ]

    static func security(_ board: Board) -> Sheet {
        func time(_ date: Date?) -> String { date.map { ISO8601.format($0) } ?? "" }
        let rows = board.securityIncidents.values.sorted { $0.id < $1.id }.map { i -> [String] in
            let hospital = board.hospitals[i.hospitalId]
            let police = i.police
            return [
                i.id, i.hospitalId, hospital?.name ?? "", hospital?.region ?? "", i.type, board.securityTypes.label(i.type),
                i.severity.rawValue, String(i.staffInjured), i.text,
                time(i.occurred.at), time(i.reported.at), i.reported.by, time(i.notified?.at), i.notified?.by ?? "",
                police?.contactId ?? "", police.map { p in p.contactId.flatMap { board.contacts[$0]?.person } ?? p.text } ?? "",
                police?.caller ?? "", time(i.onScene?.at), i.onScene?.by ?? "",
                i.policeResponse.map { String(Int($0 / 60)) } ?? "",
                time(i.resolved?.at), i.resolved?.by ?? "", i.outcome?.rawValue ?? "", i.outcomeNote,
                board.securityLevel(of: i.hospitalId).rawValue,
            ]
        }
        return Sheet(header: securityColumns, rows: rows)
    }
}
