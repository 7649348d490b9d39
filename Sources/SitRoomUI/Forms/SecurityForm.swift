import Foundation
import SitRoomCore

private typealias SecurityField = SecurityIncident.Field

/// The full record of a security incident in one form (`a` in the security view): what happened,
/// and as many steps of the timeline as are known; the quick command `sec` is the fast way.
extension Form {
    static let stillOpen = "open"

    static func newSecurityIncident() -> Form {
        Form(kind: .newSecurityIncident, title: "New hospital security incident", fields: [
            FormField(SecurityField.hospital, "Hospital", .text, ""),
            FormField(SecurityField.type, "Type (폭행, vio…)", .text, ""),
            FormField(SecurityField.severity, "Severity", .choice(Severity.allCases.map(\.rawValue)), Severity.warning.rawValue),
            FormField(SecurityField.text, "What happened", .text, ""),
            FormField(SecurityField.staffInjured, "Staff injured", .number, "0"),
            FormField(SecurityField.occurred, "Occurred at", .time, "now"),
            FormField(SecurityField.reported, "Reported to HQ at", .time, "now"),
            FormField(SecurityField.notified, "Police notified at", .time, ""),
            FormField(SecurityField.police, "Police (contact/text)", .text, ""),
            FormField(SecurityField.caller, "Called by", .text, ""),
            FormField(SecurityField.onScene, "Police on scene at", .time, ""),
            FormField(SecurityField.resolved, "Closed at", .time, ""),
            FormField(SecurityField.outcome, "Outcome", .choice([stillOpen] + SecurityOutcome.allCases.map(\.rawValue)), stillOpen),
            FormField(SecurityField.outcomeNote, "Outcome note", .text, ""),
        ])
    }

    func securityIncidentAction(_ m: AppModel) throws -> (ChangeAction, String) {
        let board = m.board
        func text(_ key: SecurityField) -> String { field(key)?.text ?? "" }
        func time(_ key: SecurityField) throws -> Date? { try field(key)?.time(now: m.now, zone: m.timeZone, leaning: .past) }
        let hospitalText = text(.hospital)
        guard !hospitalText.isEmpty else { throw FieldError(SecurityField.hospital, message: "which hospital? (an id or the start of its name)") }
        let hospital: Hospital
        do {
            hospital = try HospitalLookup.resolve(hospitalText, in: board)
        } catch {
            throw FieldError(SecurityField.hospital, message: "\(error)" + Closest.suffix(board.closestHospitals(hospitalText)))
        }
        let typeText = text(.type)
        let types = board.securityTypes.matching(typeText)
        guard types.count == 1 else {
            let near = types.isEmpty ? board.securityTypes.closest(typeText) : types
            let names = (near.isEmpty ? board.securityTypes.types : near).map(\.code).joined(separator: ", ")
            throw FieldError(SecurityField.type, message: (typeText.isEmpty ? "which type? " : "\"\(typeText)\" fits \(types.count): ") + names)
        }
        let now = Date(timeIntervalSince1970: m.now.timeIntervalSince1970.rounded(.down))
        let occurred = try time(.occurred) ?? now
        let notified = try time(.notified)
        let policeText = text(.police)
        var police: PoliceNotice?
        if notified != nil || !policeText.isEmpty || !text(.caller).isEmpty {
            let contact = policeText.isEmpty ? nil : try? AgencyLookup.resolveAgencyOrContact(policeText, in: board)
            police = PoliceNotice(contactId: contact?.contact?.id, text: contact?.contact == nil ? (contact?.agency.name ?? policeText) : "",
                                  caller: text(.caller))
        }
        let resolved = try time(.resolved)
        let outcome = SecurityOutcome(rawValue: text(.outcome))
        if resolved != nil && outcome == nil { throw FieldError(SecurityField.outcome, message: "closed: choose an outcome (Space cycles)") }
        if resolved == nil && outcome != nil { throw FieldError(SecurityField.resolved, message: "an outcome needs the time it closed") }
        if notified == nil && police != nil { throw FieldError(SecurityField.notified, message: "when were the police notified?") }
        func stamp(_ d: Date?) -> Stamp? { d.map { Stamp(at: $0, by: m.officer) } }
        let incident = SecurityIncident(
            id: board.nextSecurityIncidentId(), hospitalId: hospital.id, type: types[0].code,
            severity: Severity(rawValue: text(.severity)) ?? .warning, text: text(.text),
            staffInjured: try field(SecurityField.staffInjured)?.number() ?? 0,
            occurred: Stamp(at: occurred, by: m.officer), reported: Stamp(at: try time(.reported) ?? now, by: m.officer),
            notified: stamp(notified), police: police, onScene: stamp(try time(.onScene)), resolved: stamp(resolved),
            outcome: outcome, outcomeNote: text(.outcomeNote))
        return (.security(.open(incident)), "\(incident.id) \(hospital.name) \(types[0].english): \(incident.text)")
    }
}
