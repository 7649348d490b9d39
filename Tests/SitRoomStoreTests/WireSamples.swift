import Foundation
@testable import SitRoomCore

/// One change of every kind with every field given a value of its own (no two fields of a record
/// alike, every optional set), and the same kinds with every optional left out: a coding that read
/// two fields in the wrong order, or dropped one, cannot read these back equal.
enum WireSamples {
    static let t0 = Sample.t0
    static func t(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60 + 0.25) }

    static let fullHospital: Hospital = {
        var h = Hospital(
            id: "A1100017", name: "서울대학교병원", romanizedName: "Seoul National University Hospital", region: "서울 종로구",
            hospitalClass: .regionalCentre, address: "대학로 101", switchboard: "1588-5700", erPhone: "02-2072-2473",
            updateIntervalMinutes: 45)
        h.erStatus = Reported(ERStatus(state: .diverting, reason: "CT down"), at: t(1), by: "kim")
        h.erBeds = Reported(Capacity(available: 3, staffed: 20), at: t(2), by: "lee")
        h.icuBeds = Reported(Capacity(available: 0, staffed: 12), at: t(3), by: "park")
        h.nicuBeds = Reported(Capacity(available: 1, staffed: 6), at: t(4), by: "choi")
        h.picuBeds = Reported(Capacity(available: 2, staffed: 5), at: t(5), by: "jung")
        h.erDoctors = Reported(Staffing(onDuty: 4, minimum: 6), at: t(6), by: "kang")
        h.icuDoctors = Reported(Staffing(onDuty: 7, minimum: 3), at: t(7), by: "cho")
        h.traineesOnRoll = Reported(210, at: t(8), by: "yoon")
        h.traineesAbsent = Reported(190, at: t(9), by: "jang")
        h.resignations = Reported(-5, at: t(10), by: "lim")
        h.traineesReturned = Reported(11, at: t(11), by: "han")
        h.ordersIssued = Reported(120, at: t(12), by: "oh")
        h.ordersServed = Reported(100, at: t(13), by: "seo")
        h.ordersComplied = Reported(Int.max, at: t(14), by: "shin")
        h.policePost = Reported(true, at: t(15), by: "kwon")
        h.openIncidents = Reported(Int.min, at: t(16), by: "hwang")
        return h
    }()

    static let fullStrike = StrikeAction(
        id: "s1", organisation: "대한전공의협의회", form: .collectiveResignation, start: t(-600), end: t(600),
        scope: "nationwide", participants: Reported(9_000, at: t(20), by: "ahn"), notes: "talks Friday")

    static let fullContact = Contact(
        id: "c2", agencyId: "nfa", person: "박소방", role: "duty chief", phone: "02-0000-0119", mobile: "010-1234-5678",
        email: "park@nfa.go.kr", shift: "night", escalation: 3, lastVerified: t(30), lastReached: t(31))

    static let fullAction = ActionItem(
        id: "a1", text: "post officers at ER", ownerAgencyId: "knpa", due: t(60), status: .cancelled,
        history: [Reported(.open, at: t(40), by: "kim"), Reported(.done, at: t(41), by: "lee"), Reported(.cancelled, at: t(42), by: "park")])

    static let fullLog = LogEntry(
        id: "l1", eventTime: t(-3), entered: Stamp(at: t(50), by: "yoon"), category: "hospital", severity: .critical,
        text: "응급실 폐쇄 ER closed", hospitalId: "A1100017", agencyId: "knpa")

    static let fullAlert = Alert(
        rule: .doctorsShort, subject: "A1100017", text: "서울대학교병원 doctors 4/6", severity: .warning,
        raised: Stamp(at: t(70), by: "rules"), acknowledged: Stamp(at: t(71), by: "lee"), note: "called", cleared: Stamp(at: t(72), by: "rules"))

    static let full: [ChangeAction] = [
        .setIncident(Incident(name: "전공의 집단사직 대응", periodStart: t(-720), periodHours: 24, isDemo: true)),
        .addHospital(fullHospital),
        .editHospital(id: "A1100017", HospitalPatch(
            name: "서울대병원", romanizedName: "SNUH", region: "Seoul", hospitalClass: .localCentre, address: "Daehak-ro",
            switchboard: "1588", erPhone: "2473", updateIntervalMinutes: 30)),
        .reportHospital(id: "A1100017", HospitalReport(
            erState: .closed, erReason: "no surgeon", erBeds: Capacity(available: 1, staffed: 2), icuBeds: Capacity(available: 3, staffed: 4),
            nicuBeds: Capacity(available: 5, staffed: 6), picuBeds: Capacity(available: 7, staffed: 8),
            erDoctors: Staffing(onDuty: 9, minimum: 10), icuDoctors: Staffing(onDuty: 11, minimum: 12), traineesOnRoll: 13,
            traineesAbsent: 14, resignations: 15, traineesReturned: 16, ordersIssued: 17, ordersServed: 18, ordersComplied: 19,
            policePost: false, openIncidents: 20)),
        .revertHospital(id: "A1100017", fields: [.erState, .erReason, .icuBeds, .policePost], to: fullHospital),
        .removeHospital(id: "A1100017"),
        .addStrike(fullStrike),
        .editStrike(id: "s1", StrikePatch(
            organisation: "KIRA", form: .rally, start: t(80), end: t(81), scope: "Seoul", participants: 12, notes: "rally at noon")),
        .revertStrike(id: "s1", fields: [.end, .participants], to: fullStrike),
        .removeStrike(id: "s1"),
        .addAgency(Agency(id: "nfa", name: "소방청", kind: .localGovernment, phone: "119", notes: "24h")),
        .editAgency(id: "nfa", AgencyPatch(name: "National Fire Agency", kind: .military, phone: "02-119", notes: "duty desk")),
        .removeAgency(id: "nfa"),
        .addContact(fullContact),
        .editContact(id: "c2", ContactPatch(
            agencyId: "knpa", person: "Lee", role: "liaison", phone: "112", mobile: "010", email: "lee@police.go.kr",
            shift: "day 08-20", escalation: 2, lastVerified: t(90))),
        .revertContact(id: "c2", fields: [.lastVerified, .phone], to: fullContact),
        .removeContact(id: "c2"),
        .logCall(CallRecord(id: "call1", agencyId: "nfa", contactId: "c2", outcome: .leftMessage, note: "voicemail", at: t(95), by: "jang")),
        .addLog(fullLog),
        .restoreLog(fullLog, position: 42),
        .removeLog(id: "l1"),
        .addAction(fullAction),
        .editAction(id: "a1", ActionPatch(text: "two officers", ownerAgencyId: "nfa", due: t(99), status: .done)),
        .revertAction(id: "a1", fields: [.due, .status], to: fullAction),
        .restoreAction(fullAction),
        .removeAction(id: "a1"),
        .raiseAlert(fullAlert),
        .acknowledgeAlert(id: "doctors-short/A1100017", note: "diverting to SNUBH"),
        .clearAlert(id: "doctors-short/A1100017"),
        .markBriefing(Briefing(id: "b1", title: "09:00 브리핑", marked: Stamp(at: t(100), by: "kim"))),
        .setConditions(ConditionTable([
            Condition(code: "Y0020", korean: "[재관류중재술] 뇌경색", english: "Stroke", short: "stroke", feedField: "MKioskTy2"),
            Condition(code: "X1", korean: "화상", english: "Burns", short: "burns"),
        ])),
        .reportCapability(id: "A1100017", CapabilityReport(
            conditions: ["Y0020": ConditionStatus(.unavailable, reason: "신경외과 부재"), "Y0010": ConditionStatus(.available),
                         "Y0120": ConditionStatus(.unknown, reason: "asked")],
            equipment: ["hvctayn": 1, "hv10": 3], hours: .restricted("08:00–22:00"), visits: ERVisits(total: 120, severe: 30, mild: 85))),
        .revertCapability(id: "A1100017", keys: CapabilityKeys(conditions: ["Y0020", "Y0010"], equipment: ["hv10"], hours: true, visits: true),
                          to: fullCapability),
        .addRestriction(fullRestriction),
        .endRestrictions(ids: ["r1", "r2"]),
        .removeRestrictions(ids: ["r3"]),
        .restoreRestrictions([fullRestriction, Restriction(id: "r2", hospitalId: "A2", text: "OB", from: t(111))]),
        .setBaselines(BaselineValues(moment: t(112), national: ["erDoctorsOnDuty": 1850, "capable/Y0020": 109],
                                     hospitals: ["A1100017": ["erBedsStaffed": 40, "visitsTotal": 300], "A2": ["capabilityCount": 20]])),
        .takeBaselines(BaselineValues(moment: t(-10080), national: ["openERs": 409])),
        .restoreBaselines(Baselines(national: ["openERs": Reported(409, at: t(113), by: "kim")],
                                    hospitals: ["A2": ["erBedsStaffed": Reported(12, at: t(114), by: "lee")]])),
        .reportFeed(id: "A1100017", FeedReport(
            source: "E-Gen", asOf: t(115), erBeds: Capacity(available: 4, staffed: 36), icuBeds: Capacity(available: 3, staffed: 58),
            nicuBeds: Capacity(available: 1, staffed: 22),
            capability: CapabilityReport(conditions: ["Y0020": ConditionStatus(.unavailable, reason: "소아 야간 불가")], equipment: ["hvctayn": 1]))),
        .revertFeed(id: "A1100017", FeedUndo(
            fields: [.erBeds, .nicuBeds], hospital: Hospital(id: "A1100017", name: "서울대학교병원"),
            keys: CapabilityKeys(conditions: ["Y0020"], equipment: ["hvctayn"]), capability: fullCapability,
            conflicts: [FeedConflict(figure: "ER beds", hand: "6/45", handStamp: Stamp(at: t(116), by: "park"),
                                     feed: "0/45", feedStamp: Stamp(at: t(117), by: "E-Gen"))])),
        .security(.open(fullSecurityIncident)),
        .security(.step(id: "S7", SecurityStepReport(step: .onScene, at: t(110), police: PoliceNotice(contactId: "c2", text: "112", caller: "간호사"),
                                                     outcome: .mediated, note: "crowd dispersed"))),
        .security(.remove(id: "S7", reason: "두 번 입력됨")),
        .security(.restore(fullSecurityIncident)),
        .security(.level(hospitalId: "A1100017", .lockdown)),
        .security(.police(hospitalId: "A1100017", contactId: "c2", text: "혜화지구대")),
        .security(.hospital(HospitalSecurity(hospitalId: "A1100017", level: Reported(.elevated, at: t(120), by: "kim"),
                                             policeContactId: "c2", policeText: "02-760-1000"))),
        .security(.types(SecurityTypeTable(types: [SecurityIncidentType(code: "arson", korean: "방화", english: "arson")]))),
        .roster(.add(fullOfficer)),
        .roster(.edit(Officer(id: "kim.mj", name: "김민준", desk: "상황실", role: .supervisor, osUsers: ["kim", "mjkim"],
                              keys: ["SHA256:" + String(repeating: "B", count: 43)], publicKeys: ["ssh-ed25519 AAAAC3 b@hq"],
                              retired: Stamp(at: t(130), by: "boss")))),
        .roster(.retire(id: "kim.mj")),
        .setAlertRules({
            var r = AlertRules()
            r.erDiverting = false
            r.icuBelowPercent = 20
            r.policeLateMinutes = 35
            r.watchedConditions = ["Y0010", "Y0111"]
            r.bell = true
            return r
        }()),
        .setAlertRules(nil),
    ]

    static let fullOfficer = Officer(
        id: "kim.mj", name: "김민준", desk: "응급의료과", role: .admin, osUsers: ["kim"],
        keys: ["SHA256:" + String(repeating: "A", count: 43)], publicKeys: ["ssh-ed25519 AAAAC3 kim@hq"], retired: Stamp(at: t(129), by: "root"))

    static let fullCapability = HospitalCapability(
        hospitalId: "A1100017",
        conditions: ["Y0020": Reported(ConditionStatus(.available, reason: "on call"), at: t(101), by: "kim"),
                     "Y0031": Reported(ConditionStatus(.unavailable), at: t(102), by: "lee")],
        equipment: ["hvecmoayn": Reported(0, at: t(103), by: "park"), "hv11": Reported(4, at: t(104), by: "choi")],
        hours: Reported(.allDay, at: t(105), by: "jung"), visits: Reported(ERVisits(total: 9, severe: 8, mild: 7), at: t(106), by: "kang"))

    static let fullRestriction = Restriction(
        id: "r1", hospitalId: "A1100017", text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric", from: t(107), until: t(108),
        entered: Stamp(at: t(109), by: "cho"), ended: Stamp(at: t(110), by: "yoon"))

    static let fullSecurityIncident = SecurityIncident(
        id: "S7", hospitalId: "A1100017", type: "sit-in", severity: .critical, text: "보호자 농성", staffInjured: 2,
        occurred: Stamp(at: t(101), by: "kim"), reported: Stamp(at: t(102), by: "lee"), notified: Stamp(at: t(103), by: "park"),
        police: PoliceNotice(contactId: "c2", text: "112", caller: "보안팀"), onScene: Stamp(at: t(104), by: "choi"),
        resolved: Stamp(at: t(105), by: "jung"), outcome: .noAction, outcomeNote: "left at dawn")

    /// Every optional left out, every list empty, strings empty where a record allows it.
    static let bare: [ChangeAction] = [
        .addHospital(Hospital(id: "A2", name: "x")),
        .editHospital(id: "A2", HospitalPatch()),
        .reportHospital(id: "A2", HospitalReport()),
        .revertHospital(id: "A2", fields: [], to: Hospital(id: "A2", name: "")),
        .addStrike(StrikeAction(id: "s", organisation: "o", form: .other, start: .distantPast)),
        .editStrike(id: "s", StrikePatch()),
        .addContact(Contact(id: "c", agencyId: "a", person: "p")),
        .editContact(id: "c", ContactPatch()),
        .logCall(CallRecord(id: "k", agencyId: "a", outcome: .noAnswer)),
        .addLog(LogEntry(id: "l", eventTime: .distantFuture, text: "")),
        .addAction(ActionItem(id: "a", text: "t", ownerAgencyId: "o")),
        .editAction(id: "a", ActionPatch()),
        .raiseAlert(Alert(rule: .complianceLow, subject: "s", text: "", severity: .info, raised: Stamp(at: t0, by: ""))),
        .acknowledgeAlert(id: "x", note: ""),
        .markBriefing(Briefing(id: "b", title: "")),
        .setConditions(ConditionTable([])),
        .reportCapability(id: "A2", CapabilityReport()),
        .revertCapability(id: "A2", keys: CapabilityKeys(), to: HospitalCapability(hospitalId: "")),
        .addRestriction(Restriction(id: "r", hospitalId: "A2", text: "", category: "", from: .distantPast)),
        .endRestrictions(ids: []),
        .restoreRestrictions([]),
        .setBaselines(BaselineValues()),
        .restoreBaselines(Baselines()),
        .reportFeed(id: "A2", FeedReport(source: "", asOf: .distantPast)),
        .revertFeed(id: "A2", FeedUndo(fields: [], hospital: Hospital(id: "A2", name: "x"), keys: CapabilityKeys(),
                                       capability: HospitalCapability(hospitalId: ""), conflicts: [])),
        .security(.open(SecurityIncident(id: "s", hospitalId: "h", type: "t", text: "", occurred: Stamp(at: t0, by: ""),
                                         reported: Stamp(at: t0, by: "")))),
        .security(.step(id: "s", SecurityStepReport(step: .notified, at: t0))),
        .security(.remove(id: "s", reason: "")),
        .security(.police(hospitalId: "h", contactId: nil, text: "")),
        .security(.hospital(HospitalSecurity(hospitalId: "h"))),
        .security(.types(SecurityTypeTable(types: []))),
        .roster(.add(Officer(id: "o", name: "", role: .watch))),
    ]

    static var changes: [Change] {
        (full + bare).enumerated().map { i, action in
            Change(officer: i % 2 == 0 ? "김철수" : "lee", at: t0.addingTimeInterval(Double(i)), action: action)
        }
    }
}
