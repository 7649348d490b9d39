import Foundation
import Testing
@testable import SitRoomCore

private let now = Date(timeIntervalSince1970: 1_795_430_000)

/// The latest stamp of any figure the hospital carries.
private func latestReport(_ h: Hospital) -> Date? {
    let stamps: [Date?] = [
        h.erStatus?.at, h.erBeds?.at, h.icuBeds?.at, h.nicuBeds?.at, h.picuBeds?.at, h.erDoctors?.at,
        h.icuDoctors?.at, h.traineesOnRoll?.at, h.traineesAbsent?.at, h.resignations?.at,
        h.traineesReturned?.at, h.ordersIssued?.at, h.ordersServed?.at, h.ordersComplied?.at,
        h.policePost?.at, h.openIncidents?.at,
    ]
    return stamps.compactMap { $0 }.max()
}

private func isStale(_ h: Hospital, at now: Date) -> Bool {
    guard let latest = latestReport(h) else { return true }
    return latest < now.addingTimeInterval(-Double(h.updateIntervalMinutes) * 60)
}

@Test func demoChangesAllApply() throws {
    var board = Board()
    for change in DemoSituation.changes(now: now) {
        try board.apply(change)
    }
    #expect(board == DemoSituation.board(now: now))
}

@Test(arguments: [
    1_795_430_000.0, 1_795_430_000.7, 1_700_000_000, 1_767_222_000 /* 08:00 KST */, 1_767_265_199, 0,
])
func demoAppliesAtAnyTime(_ seconds: Double) throws {
    let at = Date(timeIntervalSince1970: seconds)
    var board = Board()
    let changes = DemoSituation.changes(now: at)
    for change in changes {
        #expect(change.at <= at)
        try board.apply(change)
    }
    #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.at <= $1.at })
}

@Test func demoStartsWithDemoIncident() throws {
    let changes = DemoSituation.changes(now: now)
    guard case .setIncident(let incident) = try #require(changes.first).action else {
        Issue.record("first change is \(changes.first?.action.type ?? "none")")
        return
    }
    #expect(incident.isDemo)
    #expect(incident.name.hasPrefix("DEMO"))
    #expect(incident.periodHours == 12)
    let board = DemoSituation.board(now: now)
    #expect(board.incident.isDemo)
}

@Test func demoPeriodStartsAt8Or20KST() {
    for seconds in [1_795_430_000, 1_767_222_000, 1_767_221_999, 1_767_265_199, 1_767_265_200] {
        let at = Date(timeIntervalSince1970: Double(seconds))
        let start = DemoSituation.board(now: at).incident.periodStart
        #expect(start <= at)
        #expect(at.timeIntervalSince(start) < 12 * 3600)
        let kstHour = (Int(start.timeIntervalSince1970) + 9 * 3600) % 86_400
        #expect(kstHour == 8 * 3600 || kstHour == 20 * 3600)
    }
    // 2026-11-23 19:33:20 KST → the period began at 08:00 KST that day.
    #expect(DemoSituation.board(now: now).incident.periodStart == Date(timeIntervalSince1970: 1_795_388_400))
}

@Test func demoHasHospitalsInAllRegions() {
    let board = DemoSituation.board(now: now)
    #expect(board.hospitals.count >= 44)
    let regions = Dictionary(grouping: board.hospitals.values, by: \.region).mapValues(\.count)
    #expect(Set(regions.keys) == ["Seoul", "Gyeonggi", "Incheon"])
    #expect(regions["Seoul", default: 0] >= 25)
    #expect(regions["Gyeonggi", default: 0] >= 8)
    #expect(regions["Incheon", default: 0] >= 4)
    #expect(board.hospitals["A1100017"]?.name == "서울대학교병원")
    #expect(board.hospitals["A1100008"]?.romanizedName == "Korea University Anam Hospital")
    for h in board.hospitals.values {
        #expect(!h.romanizedName.isEmpty)
        #expect(h.erStatus != nil, "\(h.id) has no ER status")
        #expect(h.erBeds != nil && h.icuBeds != nil && h.erDoctors != nil)
        if h.hospitalClass == .regionalCentre {
            #expect([30, 60].contains(h.updateIntervalMinutes), "\(h.id)")
        } else {
            #expect((60...240).contains(h.updateIntervalMinutes), "\(h.id)")
        }
    }
}

@Test func demoCoversEveryERState() {
    let board = DemoSituation.board(now: now)
    let states = board.hospitals.values.compactMap { $0.erStatus?.value.state }
    for state in ERState.allCases {
        #expect(states.contains(state), "no hospital is \(state)")
    }
    #expect(states.filter { $0 == .closed }.count <= 2)
    for h in board.hospitals.values where h.erStatus?.value.state != .open {
        let reason = h.erStatus?.value.reason ?? ""
        #expect(reason.isEmpty == false, "\(h.id) is not open but gives no reason")
    }
    #expect(board.hospitals.values.contains { $0.icuBeds?.value.available == 0 })
    #expect(board.hospitals.values.contains { $0.erDoctors?.value.isShort == true })
}

@Test func demoHasSomeStaleHospitals() {
    let board = DemoSituation.board(now: now)
    let stale = board.hospitals.values.filter { isStale($0, at: now) }
    #expect((5...8).contains(stale.count), "stale: \(stale.map(\.id).sorted())")
}

@Test func demoHasAgenciesContactsLogAndActions() {
    let board = DemoSituation.board(now: now)
    #expect(board.agencies.count >= 13)
    for id in ["mohw", "mois", "moe", "moel", "mpva", "mnd", "molit", "msit", "moj", "nfa", "knpa", "seoul", "gyeonggi"] {
        #expect(board.agencies[id] != nil, "missing agency \(id)")
        let people = board.contacts(of: id).count
        #expect((2...3).contains(people), "\(id) has \(people) contacts")
    }
    #expect(board.contacts.values.contains { $0.lastReached != nil })
    #expect(board.contacts.values.contains { $0.lastVerified != nil })
    #expect((25...40).contains(board.log.count))
    #expect(board.log.allSatisfy { $0.eventTime <= now && now.timeIntervalSince($0.eventTime) <= 24 * 3600 })
    #expect((5...8).contains(board.actions.count))
    #expect(board.actions.values.contains { $0.status == .done })
    #expect(board.actions.values.contains { $0.isOverdue(at: now) })
    #expect(board.strikes.values.contains { $0.form == .collectiveResignation && $0.isActive(at: now) })
    #expect(board.strikes.values.contains { $0.organisation.contains("대한의사협회") })
}

@Test func demoIsDeterministic() {
    #expect(DemoSituation.changes(now: now) == DemoSituation.changes(now: now))
    #expect(DemoSituation.board(now: now) == DemoSituation.board(now: now))
}

@Test func demoTimesAreWholeSecondsNotAfterNow() {
    let changes = DemoSituation.changes(now: now)
    for change in changes {
        #expect(change.at <= now)
        #expect(change.at.timeIntervalSince1970 == change.at.timeIntervalSince1970.rounded())
    }
    #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.at <= $1.at })
}

@Test func demoRoundTripsThroughJSON() throws {
    let changes = DemoSituation.changes(now: now)
    let data = try SitRoomJSON.encoder().encode(changes)
    let back = try SitRoomJSON.decoder().decode([Change].self, from: data)
    #expect(back == changes)
}

@Suite struct DemoAroundTheClockTests {
    /// `sitroom init --demo` runs at any moment: the demo must apply at every time of day.
    @Test func theDemoAppliesAtEveryTimeOfDay() throws {
        let midnight = 1_795_359_600  // 2026-11-23 00:00 KST
        // Every 10 minutes, and every 20 s from 20:58 to 21:45 KST: contacts checked yesterday from
        // 09:00 KST fall right next to the set-up 36 h before now, which once put an edit of a
        // contact before the contact itself.
        let instants = stride(from: 0, to: 86_400, by: 600).map { $0 + 17 } + Array(stride(from: 75_480, to: 78_300, by: 20))
        for offset in instants {
            let now = Date(timeIntervalSince1970: Double(midnight + offset))
            var board = Board()
            for change in DemoSituation.changes(now: now) {
                do { try board.apply(change) } catch {
                    Issue.record("at \(now): \(change.action.type) failed: \(error)")
                    return
                }
            }
            #expect(board.hospitals.count >= 40)
        }
    }
}
