import Foundation
@testable import SitRoomCore

/// A small board and helpers shared by the model tests.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_795_430_000)

    /// Made by the OS user of the officer's own name, as a console of theirs would.
    static func change(_ action: ChangeAction, by officer: String = "kim", at offset: TimeInterval = 0) -> Change {
        Change(officer: officer, at: t0.addingTimeInterval(offset), action: action, origin: Origin(osUser: officer))
    }

    static let snuh = Hospital(id: "A1100017", name: "서울대학교병원", romanizedName: "Seoul National University Hospital",
                               region: "Seoul", hospitalClass: .regionalCentre, switchboard: "1588-5700")

    static func board() throws -> Board {
        var b = Board()
        for c in [
            change(.addHospital(snuh)),
            change(.addAgency(Agency(id: "knpa", name: "National Police Agency", kind: .police))),
            change(.addContact(Contact(id: "c1", agencyId: "knpa", person: "Officer Lee", role: "liaison"))),
        ] { try b.apply(c) }
        return b
    }

    /// One change of every kind, in an order that applies to `board()`.
    static let everyKind: [ChangeAction] = [
        .setIncident(Incident(name: "Test incident", periodStart: t0)),
        .addHospital(Hospital(id: "A2", name: "세브란스병원", region: "Seoul")),
        .editHospital(id: "A2", HospitalPatch(romanizedName: "Severance Hospital", hospitalClass: .regionalCentre)),
        .reportHospital(id: "A2", HospitalReport(erState: .limited, erReason: "staff short", erBeds: Capacity(available: 3, staffed: 20))),
        .revertHospital(id: "A2", fields: [.erBeds], to: Hospital(id: "A2", name: "세브란스병원", region: "Seoul")),
        .addStrike(StrikeAction(id: "s1", organisation: "KIRA", form: .collectiveResignation, start: t0)),
        .editStrike(id: "s1", StrikePatch(scope: "nationwide", participants: 9000)),
        .revertStrike(id: "s1", fields: [.scope], to: StrikeAction(id: "s1", organisation: "KIRA", form: .collectiveResignation, start: t0)),
        .addAgency(Agency(id: "nfa", name: "National Fire Agency", kind: .fire)),
        .editAgency(id: "nfa", AgencyPatch(phone: "02-0000-0119")),
        .addContact(Contact(id: "c2", agencyId: "nfa", person: "Chief Park")),
        .editContact(id: "c2", ContactPatch(role: "duty chief", shift: "night")),
        .revertContact(id: "c2", fields: [.shift], to: Contact(id: "c2", agencyId: "nfa", person: "Chief Park")),
        .logCall(CallRecord(id: "call1", agencyId: "nfa", contactId: "c2", outcome: .reached, note: "ok")),
        .addLog(LogEntry(id: "l1", eventTime: t0, severity: .warning, text: "ER limited", hospitalId: "A2")),
        .addAction(ActionItem(id: "a1", text: "post officers at ER", ownerAgencyId: "knpa", due: t0.addingTimeInterval(3600))),
        .editAction(id: "a1", ActionPatch(status: .done)),
        .revertAction(id: "a1", fields: [.status], to: ActionItem(id: "a1", text: "post officers at ER", ownerAgencyId: "knpa")),
        .removeAction(id: "a1"),
        .restoreAction(ActionItem(id: "a1", text: "post officers at ER", ownerAgencyId: "knpa")),
        .removeAction(id: "a1"),
        .removeLog(id: "l1"),
        .restoreLog(LogEntry(id: "l1", eventTime: t0, severity: .warning, text: "ER limited", hospitalId: "A2"), position: 0),
        .removeLog(id: "l1"),
        .removeContact(id: "c2"),
        .removeAgency(id: "nfa"),
        .removeStrike(id: "s1"),
        .removeHospital(id: "A2"),
        .raiseAlert(Alert(rule: .erClosed, subject: "A1100017", text: "서울대학교병원 ER closed", severity: .critical,
                          raised: Stamp(at: t0, by: "kim"))),
        .acknowledgeAlert(id: "er-closed/A1100017", note: "diverting to SNUBH, police informed"),
        .clearAlert(id: "er-closed/A1100017"),
        .markBriefing(Briefing(id: "b1", title: "09:00 briefing")),
        .setConditions(.egenDefault),
        .reportCapability(id: "A1100017", CapabilityReport(
            conditions: ["Y0020": ConditionStatus(.unavailable, reason: "neurosurgeon off tonight"), "Y0010": ConditionStatus(.available)],
            equipment: ["hvctayn": 1, "hv10": 2], hours: .restricted("08:00–22:00"), visits: ERVisits(total: 120, severe: 30, mild: 90))),
        .revertCapability(id: "A1100017", keys: CapabilityKeys(conditions: ["Y0020"], hours: true),
                          to: HospitalCapability(hospitalId: "A1100017")),
        .addRestriction(Restriction(id: "r1", hospitalId: "A1100017", text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
                                    from: t0, until: t0.addingTimeInterval(86400))),
        .endRestrictions(ids: ["r1"]),
        .restoreRestrictions([Restriction(id: "r1", hospitalId: "A1100017", text: "소아 야간 진료 불가 22:00–08:00",
                                          category: "paediatric", from: t0, entered: Stamp(at: t0, by: "kim"))]),
        .removeRestrictions(ids: ["r1"]),
        .setBaselines(BaselineValues(national: ["erDoctorsOnDuty": 1850, "capable/Y0020": 109],
                                     hospitals: ["A1100017": ["erBedsStaffed": 40]])),
        .takeBaselines(BaselineValues(moment: t0.addingTimeInterval(-7 * 86400), national: ["openERs": 409],
                                      hospitals: ["A1100017": ["capabilityCount": 25]])),
        .restoreBaselines(Baselines()),
        .reportFeed(id: "A1100017", FeedReport(
            asOf: t0.addingTimeInterval(-600), erBeds: Capacity(available: 2, staffed: 30), icuBeds: Capacity(available: 1, staffed: 1),
            capability: CapabilityReport(conditions: ["Y0031": ConditionStatus(.available)], equipment: ["hvmriayn": 0]))),
        .revertFeed(id: "A1100017", FeedUndo(fields: [.erBeds], hospital: snuh, keys: CapabilityKeys(conditions: ["Y0031"]),
                                             capability: HospitalCapability(hospitalId: "A1100017"), conflicts: [])),
        .security(.types(SecurityTypeTable(types: SecurityTypeTable.standard.types + [
            SecurityIncidentType(code: "arson", korean: "방화", english: "arson")]))),
        .security(.open(securityIncident)),
        .security(.step(id: "S1", SecurityStepReport(step: .notified, at: t0.addingTimeInterval(-240),
                                                     police: PoliceNotice(contactId: "c1", caller: "ER charge nurse")))),
        .security(.step(id: "S1", SecurityStepReport(step: .onScene, at: t0.addingTimeInterval(-60)))),
        .security(.step(id: "S1", SecurityStepReport(step: .resolved, at: t0, outcome: .arrest, note: "taken to 혜화서"))),
        .security(.remove(id: "S1", reason: "entered twice")),
        .security(.restore(securityIncident)),
        .security(.level(hospitalId: "A1100017", .high)),
        .security(.police(hospitalId: "A1100017", contactId: "c1", text: "혜화지구대 02-760-1000")),
        .security(.hospital(HospitalSecurity(hospitalId: "A1100017"))),
        // Last: from the first officer on, every change is checked against the roster.
        .roster(.add(Officer(id: "kim", name: "김민준", role: .admin, osUsers: ["kim"]))),
        .roster(.add(Officer(id: "lee", name: "이서연", role: .officer, osUsers: ["lee"]))),
        .roster(.edit(Officer(id: "lee", name: "이서연", desk: "119", role: .supervisor, osUsers: ["lee"]))),
        .roster(.retire(id: "lee")),
        .setAlertRules({ var r = AlertRules(); r.erClosed = false; r.watchedConditions = ["Y0010"]; return r }()),
        .setAlertRules(nil),
    ]

    /// An open incident at SNUH, violence against staff, ten minutes before `t0`.
    static let securityIncident = SecurityIncident(
        id: "S1", hospitalId: "A1100017", type: "violence", severity: .critical, text: "drunk patient hit a nurse",
        staffInjured: 1, occurred: Stamp(at: t0.addingTimeInterval(-600), by: ""), reported: Stamp(at: t0.addingTimeInterval(-300), by: ""))
}

extension Board {
    /// The board but for where each hospital's last change came from: that is the record of who did
    /// what (an undo is one more change), and the JSON export leaves it out with the identities.
    var withoutFigureOrigins: Board {
        var b = self
        b.figureOrigins = [:]
        return b
    }
}

extension ChangeAction {
    var isRoster: Bool { if case .roster = self { true } else { false } }
}
