import Foundation
import Testing
@testable import SitRoomCore

/// A scripted day: a small board, a briefing at t0, two hours of changes, and the diff asserted in full.
@Suite struct BriefingDiffTests {
    static let t0 = Fixture.t0
    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    static func by(_ officer: String, _ minutes: Double, _ action: ChangeAction) -> Change {
        Change(officer: officer, at: at(minutes), action: action)
    }

    static let snuh = Hospital(id: "A1", name: "서울대학교병원", region: "Seoul", updateIntervalMinutes: 240)
    static let severance = Hospital(id: "A2", name: "세브란스병원", region: "Seoul", updateIntervalMinutes: 240)
    static let anam = Hospital(id: "A3", name: "고려대학교안암병원", region: "Seoul", updateIntervalMinutes: 240)
    static let ajou = Hospital(id: "B1", name: "아주대학교병원", region: "Gyeonggi", updateIntervalMinutes: 240)

    /// The rules this day was scripted for: an adult ICU under 10 % of its beds is low.
    static let rules: AlertRules = {
        var r = AlertRules()
        r.icuBelowPercent = 10
        return r
    }()

    static func sync(_ board: inout Board, _ minutes: Double) throws {
        for c in board.alertChanges(rules, at: at(minutes), officer: "rules") { try board.apply(c) }
    }

    /// The board at the briefing (t0) and two hours later.
    static func scriptedDay() throws -> (baseline: Board, current: Board) {
        var board = Board(incident: Incident(name: "Test", periodStart: at(-120)))
        let before: [Change] = [
            by("kim", -90, .addHospital(snuh)),
            by("kim", -90, .addHospital(severance)),
            by("kim", -90, .addHospital(anam)),
            by("kim", -90, .addAgency(Agency(id: "knpa", name: "경찰청 National Police Agency", kind: .police))),
            by("kim", -90, .addAgency(Agency(id: "nfa", name: "소방청 National Fire Agency", kind: .fire))),
            by("kim", -90, .addStrike(StrikeAction(
                id: "s1", organisation: "KIRA", form: .collectiveResignation, start: at(-14_400),
                participants: Reported(9_000, at: at(-200), by: "lee")))),
            by("park", -60, .reportHospital(id: "A1", HospitalReport(
                erState: .open, erBeds: Capacity(available: 5, staffed: 20), icuBeds: Capacity(available: 3, staffed: 12),
                erDoctors: Staffing(onDuty: 5, minimum: 5), traineesOnRoll: 700, traineesAbsent: 600, resignations: 500,
                traineesReturned: 10, ordersIssued: 600, ordersServed: 550, ordersComplied: 5))),
            by("park", -50, .reportHospital(id: "A2", HospitalReport(
                erState: .limited, erReason: "staff short", erBeds: Capacity(available: 2, staffed: 30),
                icuBeds: Capacity(available: 1, staffed: 20), nicuBeds: Capacity(available: 2, staffed: 10),
                erDoctors: Staffing(onDuty: 4, minimum: 4)))),
            by("park", -40, .reportHospital(id: "A3", HospitalReport(erState: .open, erBeds: Capacity(available: 3, staffed: 10)))),
            by("kim", -30, .addLog(LogEntry(id: "l1", eventTime: at(-30), text: "period opened"))),
            by("kim", -20, .addAction(ActionItem(id: "a1", text: "post officers", ownerAgencyId: "knpa", due: at(60)))),
            by("kim", -20, .addAction(ActionItem(id: "a2", text: "count delays", ownerAgencyId: "nfa", due: at(30)))),
            by("kim", -20, .addAction(ActionItem(id: "a3", text: "traffic plan", ownerAgencyId: "knpa", due: at(-10)))),
            by("kim", -20, .addAction(ActionItem(id: "a5", text: "helicopter", ownerAgencyId: "nfa", due: at(100)))),
            // In the briefing's own second, before the mark: on the baseline.
            by("kim", 0, .addLog(LogEntry(id: "l0", eventTime: at(0), text: "briefing starts"))),
        ]
        for c in before { try board.apply(c) }
        try sync(&board, 0)
        try board.apply(by("kim", 0, .markBriefing(Briefing(id: "b1", title: "09:00 briefing"))))
        let baseline = board

        let after: [Change] = [
            // In the briefing's second, after the mark: new.
            by("kim", 0, .addLog(LogEntry(id: "l2b", eventTime: at(0), text: "minutes taken"))),
            by("park", 10, .reportHospital(id: "A1", HospitalReport(
                erState: .closed, erReason: "CT down", erBeds: Capacity(available: 0, staffed: 20),
                erDoctors: Staffing(onDuty: 3, minimum: 5)))),
            by("park", 15, .reportHospital(id: "A2", HospitalReport(
                icuBeds: Capacity(available: 4, staffed: 20), nicuBeds: Capacity(available: 1, staffed: 10)))),
            by("lee", 20, .reportHospital(id: "A1", HospitalReport(traineesAbsent: 620, traineesReturned: 12, ordersComplied: 8))),
            by("lee", 25, .editStrike(id: "s1", StrikePatch(participants: 9_100))),
            by("lee", 25, .addStrike(StrikeAction(
                id: "s2", organisation: "KMA", form: .walkout, start: at(-60), end: at(1380),
                participants: Reported(11_000, at: at(25), by: "lee")))),
            by("kim", 30, .addLog(LogEntry(
                id: "l2", eventTime: at(28), severity: .warning, text: "SNUH ER closed", hospitalId: "A1", agencyId: "nfa"))),
            by("kim", 30, .addLog(LogEntry(id: "l3", eventTime: at(5), category: "media", text: "press call"))),
            by("kim", 35, .addAction(ActionItem(id: "a4", text: "restore CT", ownerAgencyId: "nfa", due: at(180)))),
            by("kim", 35, .editAction(id: "a1", ActionPatch(status: .done))),
            by("kim", 40, .addHospital(ajou)),
            by("kim", 40, .removeHospital(id: "A3")),
        ]
        for c in after { try board.apply(c) }
        try sync(&board, 60)  // raises ER closed, doctors short and a2 overdue; clears Severance's ICU
        try board.apply(by("lee", 90, .editAction(id: "a2", ActionPatch(status: .done))))
        try sync(&board, 90)  // clears a2 overdue
        return (baseline, board)
    }

    @Test func theScriptedDayDiffsExactly() throws {
        let (baseline, current) = try Self.scriptedDay()
        let d = BriefingDiff(from: baseline, to: current, since: Self.t0, now: Self.at(120))
        typealias D = BriefingDiff
        let snuh = D.HospitalRef(id: "A1", name: "서울대학교병원", region: "Seoul")
        let severance = D.HospitalRef(id: "A2", name: "세브란스병원", region: "Seoul")

        #expect(d.since == Self.t0 && d.now == Self.at(120))
        #expect(d.hospitalsAdded == [D.HospitalRef(id: "B1", name: "아주대학교병원", region: "Gyeonggi")])
        #expect(d.hospitalsRemoved == [D.HospitalRef(id: "A3", name: "고려대학교안암병원", region: "Seoul")])

        #expect(d.erChanges == [
            D.ERChange(hospital: snuh, old: ERStatus(state: .open), new: ERStatus(state: .closed, reason: "CT down"),
                       reported: Stamp(at: Self.at(10), by: "park")),
        ])
        #expect(d.erChanges.allSatisfy { $0.stateChanged })

        #expect(d.hospitalMoves == [
            D.HospitalMoves(
                hospital: snuh,
                erBeds: D.Move(old: Capacity(available: 5, staffed: 20), new: Capacity(available: 0, staffed: 20)),
                erDoctors: D.Move(old: Staffing(onDuty: 5, minimum: 5), new: Staffing(onDuty: 3, minimum: 5))),
            D.HospitalMoves(
                hospital: severance,
                icuBeds: D.Move(old: Capacity(available: 1, staffed: 20), new: Capacity(available: 4, staffed: 20)),
                nicuBeds: D.Move(old: Capacity(available: 2, staffed: 10), new: Capacity(available: 1, staffed: 10))),
        ])

        // Every national figure that moved, in order, with its old and new value.
        #expect(d.national.changed.map { "\($0.rawValue) \(d.national[$0].old)→\(d.national[$0].new)" } == [
            "erOpen 2→0", "erClosed 0→1", "erBedsAvailable 10→2", "erBedsStaffed 60→50", "icuAvailable 4→7",
            "nicuAvailable 2→1", "shortOfDoctors 0→1", "stale 0→1", "traineesAbsent 600→620", "traineesReturned 10→12",
            "ordersComplied 5→8", "openActions 4→3", "overdueActions 1→2",
        ])
        #expect(d.national[.erLimited] == D.Delta(1, 1))
        #expect(d.national[.traineesOnRoll] == D.Delta(700, 700))
        #expect(d.national[.resignations] == D.Delta(500, 500))
        #expect(d.national[.ordersIssued] == D.Delta(600, 600) && d.national[.ordersServed] == D.Delta(550, 550))
        #expect(d.national[.traineesAbsent].change == 20)
        #expect(d.summaryBefore.hospitals == 3 && d.summaryNow.hospitals == 3)

        #expect(d.strikeChanges == [
            D.StrikeChange(id: "s1", organisation: "KIRA", form: .collectiveResignation, start: Self.at(-14_400), kind: .changed,
                           participants: D.Move(old: 9_000, new: 9_100), reported: Stamp(at: Self.at(25), by: "lee")),
            D.StrikeChange(id: "s2", organisation: "KMA", form: .walkout, start: Self.at(-60), kind: .added,
                           participants: D.Move(old: nil, new: 11_000), reported: Stamp(at: Self.at(25), by: "lee")),
        ])

        #expect(d.newLog == [
            LogEntry(id: "l2b", eventTime: Self.at(0), entered: Stamp(at: Self.at(0), by: "kim"), text: "minutes taken"),
            LogEntry(id: "l3", eventTime: Self.at(5), entered: Stamp(at: Self.at(30), by: "kim"), category: "media", text: "press call"),
            LogEntry(id: "l2", eventTime: Self.at(28), entered: Stamp(at: Self.at(30), by: "kim"), severity: .warning,
                     text: "SNUH ER closed", hospitalId: "A1", agencyId: "nfa"),
        ])

        #expect(d.actionsOpened == [
            ActionItem(id: "a4", text: "restore CT", ownerAgencyId: "nfa", due: Self.at(180),
                       history: [Reported(.open, at: Self.at(35), by: "kim")]),
        ])
        #expect(d.actionsClosed == [
            D.ClosedAction(
                action: ActionItem(id: "a1", text: "post officers", ownerAgencyId: "knpa", due: Self.at(60), status: .done,
                                   history: [Reported(.open, at: Self.at(-20), by: "kim"), Reported(.done, at: Self.at(35), by: "kim")]),
                closed: Stamp(at: Self.at(35), by: "kim")),
            D.ClosedAction(
                action: ActionItem(id: "a2", text: "count delays", ownerAgencyId: "nfa", due: Self.at(30), status: .done,
                                   history: [Reported(.open, at: Self.at(-20), by: "kim"), Reported(.done, at: Self.at(90), by: "lee")]),
                closed: Stamp(at: Self.at(90), by: "lee")),
        ])
        #expect(d.actionsOverdue == [
            D.OverdueAction(action: ActionItem(id: "a3", text: "traffic plan", ownerAgencyId: "knpa", due: Self.at(-10),
                                               history: [Reported(.open, at: Self.at(-20), by: "kim")]), alreadyOverdue: true),
            D.OverdueAction(action: ActionItem(id: "a5", text: "helicopter", ownerAgencyId: "nfa", due: Self.at(100),
                                               history: [Reported(.open, at: Self.at(-20), by: "kim")]), alreadyOverdue: false),
        ])

        let rules = Stamp(at: Self.at(60), by: "rules")
        #expect(d.alertsRaised == [
            Alert(rule: .erClosed, subject: "A1", text: "서울대학교병원 ER closed", severity: .critical, raised: rules),
            Alert(rule: .actionOverdue, subject: "a2", text: "overdue: count delays", severity: .warning, raised: rules,
                  cleared: Stamp(at: Self.at(90), by: "rules")),
            Alert(rule: .doctorsShort, subject: "A1", text: "서울대학교병원 ER doctors 3/5", severity: .warning, raised: rules),
        ])
        #expect(d.alertsCleared == [
            Alert(rule: .icuLow, subject: "A2", text: "세브란스병원 adult ICU 1/20", severity: .warning,
                  raised: Stamp(at: Self.t0, by: "rules"), cleared: rules),
            Alert(rule: .actionOverdue, subject: "a2", text: "overdue: count delays", severity: .warning, raised: rules,
                  cleared: Stamp(at: Self.at(90), by: "rules")),
        ])
        #expect(!d.isEmpty)
    }

    @Test func aBoardAgainstItselfIsAnEmptyDiff() throws {
        let (_, current) = try Self.scriptedDay()
        let d = BriefingDiff(from: current, to: current, since: Self.at(120), now: Self.at(120))
        #expect(d.isEmpty)
        #expect(d.erChanges == [] && d.hospitalMoves == [] && d.newLog == [] && d.alertsRaised == [] && d.alertsCleared == [])
        // Overdue is a state, not a change: still listed, as already overdue.
        #expect(d.actionsOverdue.map(\.action.id) == ["a3", "a5"])
        #expect(d.actionsOverdue.allSatisfy { $0.alreadyOverdue })
    }

    @Test func theDiffIsTheSameWhateverOrderTheTablesIterate() throws {
        let (baseline, current) = try Self.scriptedDay()
        let a = BriefingDiff(from: baseline, to: current, since: Self.t0, now: Self.at(120))
        // Dictionaries iterate in a different order in every process and after every copy; the lists do not.
        var shuffled = current
        shuffled.hospitals = Dictionary(uniqueKeysWithValues: current.hospitals.shuffled().map { ($0.key, $0.value) })
        shuffled.actions = Dictionary(uniqueKeysWithValues: current.actions.shuffled().map { ($0.key, $0.value) })
        shuffled.alerts = Dictionary(uniqueKeysWithValues: current.alerts.shuffled().map { ($0.key, $0.value) })
        #expect(BriefingDiff(from: baseline, to: shuffled, since: Self.t0, now: Self.at(120)) == a)
    }

    @Test func anERWhoseReasonAloneChangedIsListedButNotAsAStateChange() throws {
        let (baseline, _) = try Self.scriptedDay()
        var current = baseline
        try current.apply(Self.by("park", 5, .reportHospital(id: "A2", HospitalReport(erState: .limited, erReason: "no paediatrician"))))
        let d = BriefingDiff(from: baseline, to: current, since: Self.t0, now: Self.at(5))
        #expect(d.erChanges.map(\.hospital.id) == ["A2"])
        #expect(d.erChanges.first?.stateChanged == false)
        #expect(d.erChanges.first?.old == ERStatus(state: .limited, reason: "staff short"))
    }
}
