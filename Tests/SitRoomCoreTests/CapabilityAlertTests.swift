import Foundation
import Testing
@testable import SitRoomCore

/// The capability rules raise and clear like the others: on the commit that changes what they
/// watch (looking only at what it touched) and on the minute's full sync alike.
@Suite struct CapabilityAlertTests {
    static let snuh = Fixture.snuh.id  // Seoul, regional centre
    static let severance = "A1100009"  // Seoul, local centre
    static let pusan = "C2100001"  // Busan

    static func board() throws -> Board {
        var board = try Fixture.board()
        for c in [
            Fixture.change(.addHospital(Hospital(id: severance, name: "세브란스병원", region: "Seoul", hospitalClass: .localCentre))),
            Fixture.change(.addHospital(Hospital(id: pusan, name: "부산대학교병원", region: "Busan", hospitalClass: .regionalCentre))),
        ] { try board.apply(c) }
        for id in [snuh, severance, pusan] {
            try board.apply(Fixture.change(.reportHospital(id: id, HospitalReport(erState: .open))))
        }
        return board
    }

    /// Only the rule under test.
    static func rules(region: Int = 0, national: Int = 0, lost: Int = 0, restriction: Bool = false, watch: [String] = []) -> AlertRules {
        var r = AlertRules()
        r.erClosed = false
        r.erDiverting = false
        r.doctorsShort = false
        r.staleReport = false
        r.capableInRegionBelow = region
        r.capableNationallyBelow = national
        r.capabilityLostBelowNormal = lost
        r.restrictionAtRegionalCentre = restriction
        r.watchedConditions = watch
        return r
    }

    /// Applies `action` and what the rules then ask for, looking only at what it touched (as a
    /// commit does); returns the alert ids raised and cleared.
    @discardableResult
    static func commit(_ board: inout Board, _ action: ChangeAction, _ rules: AlertRules, at offset: TimeInterval = 0)
        throws -> (raised: [String], cleared: [String])
    {
        let change = Fixture.change(action, at: offset)
        try board.apply(change)
        let subjects = Set([change.action.subjectId].compactMap { $0 })
        return try apply(&board, board.alertChanges(rules, at: change.at, officer: "rules", subjects: subjects))
    }

    /// The minute's sync: every rule on everything.
    static func sync(_ board: inout Board, _ rules: AlertRules, at offset: TimeInterval = 0) throws -> (raised: [String], cleared: [String]) {
        try apply(&board, board.alertChanges(rules, at: Fixture.t0.addingTimeInterval(offset), officer: "rules"))
    }

    static func apply(_ board: inout Board, _ changes: [Change]) throws -> (raised: [String], cleared: [String]) {
        for c in changes { try board.apply(c) }
        return (changes.compactMap { if case .raiseAlert(let a) = $0.action { a.id } else { nil } }.sorted(),
                changes.compactMap { if case .clearAlert(let id) = $0.action { id } else { nil } }.sorted())
    }

    static func cap(_ id: String, _ conditions: [String: Availability]) -> ChangeAction {
        .reportCapability(id: id, CapabilityReport(conditions: conditions.mapValues { ConditionStatus($0) }))
    }

    @Test func aRegionAndTheCountryWithNoOpenERCapableRaiseCriticalAndClearWhenOneIsBack() throws {
        var board = try Self.board()
        let rules = Self.rules(region: 1, national: 1)
        #expect(try Self.commit(&board, Self.cap(Self.snuh, ["Y0020": .available]), rules) == ([], []))
        #expect(try Self.commit(&board, Self.cap(Self.severance, ["Y0020": .unavailable]), rules) == ([], []))
        // Busan has not reported on Y0020: no alert there, as a never-reported hospital raises none.
        #expect(try Self.sync(&board, rules) == ([], []))

        let lost = try Self.commit(&board, Self.cap(Self.snuh, ["Y0020": .unavailable]), rules)
        #expect(lost.raised == ["no-capability/Seoul/Y0020", "no-capability/national/Y0020"])
        let seoul = try #require(board.alerts["no-capability/Seoul/Y0020"])
        #expect(seoul.severity == .critical)
        #expect(seoul.text == "Seoul: no open ER can take stroke (Stroke (cerebral infarction): reperfusion)")
        #expect(board.alerts["no-capability/national/Y0020"]?.text == "Nationally: no open ER can take stroke (Stroke (cerebral infarction): reperfusion)")
        // The full sync agrees with the commit's.
        #expect(try Self.sync(&board, rules) == ([], []))

        // Busan's ER reporting it available clears the country's, not Seoul's.
        #expect(try Self.commit(&board, Self.cap(Self.pusan, ["Y0020": .available]), rules) == ([], ["no-capability/national/Y0020"]))
        // A capable ER that closes does not count.
        #expect(try Self.commit(&board, Self.cap(Self.severance, ["Y0020": .available]), rules) == ([], ["no-capability/Seoul/Y0020"]))
        let closed = try Self.commit(&board, .reportHospital(id: Self.severance, HospitalReport(erState: .closed)), rules)
        #expect(closed == (["no-capability/Seoul/Y0020"], []))
        // A limited ER counts.
        let limited = try Self.commit(&board, .reportHospital(id: Self.severance, HospitalReport(erState: .limited)), rules)
        #expect(limited == ([], ["no-capability/Seoul/Y0020"]))
        #expect(try Self.sync(&board, rules) == ([], []))
    }

    @Test func aThresholdAboveOneWarnsWhileSomeAreLeft() throws {
        var board = try Self.board()
        let rules = Self.rules(region: 2)
        let raised = try Self.commit(&board, Self.cap(Self.snuh, ["Y0010": .available, "Y0020": .available]), rules)
        #expect(raised.raised == ["no-capability/Seoul/Y0010", "no-capability/Seoul/Y0020"])
        #expect(board.alerts["no-capability/Seoul/Y0010"]?.severity == .warning)
        #expect(board.alerts["no-capability/Seoul/Y0010"]?.text == "Seoul: only 1 open ER can take STEMI (STEMI: reperfusion (myocardial infarction))")
        #expect(try Self.commit(&board, Self.cap(Self.severance, ["Y0010": .available]), rules).cleared == ["no-capability/Seoul/Y0010"])
    }

    @Test func onlyTheWatchedConditionsAreLookedAt() throws {
        var board = try Self.board()
        let rules = Self.rules(region: 1, national: 1, watch: ["Y0010"])
        #expect(rules.watched(in: board.conditions).map(\.code) == ["Y0010"])
        #expect(try Self.commit(&board, Self.cap(Self.snuh, ["Y0020": .unavailable]), rules) == ([], []))
        #expect(try Self.commit(&board, Self.cap(Self.snuh, ["Y0010": .unavailable]), rules).raised
            == ["no-capability/Seoul/Y0010", "no-capability/national/Y0010"])
        // A code the table does not hold watches nothing (and raises nothing).
        #expect(Self.rules(watch: ["Y9999"]).watched(in: board.conditions).isEmpty)
    }

    @Test func aCapabilityLostAgainstTheHospitalsNormalIsANotice() throws {
        var board = try Self.board()
        let rules = Self.rules(lost: 1)
        try board.apply(Fixture.change(.reportCapability(id: Self.snuh, CapabilityReport(conditions: [
            "Y0010": ConditionStatus(.available), "Y0020": ConditionStatus(.available), "Y0120": ConditionStatus(.available),
        ]))))
        // No normal yet: nothing to have lost against.
        #expect(try Self.sync(&board, rules) == ([], []))
        try board.apply(Fixture.change(.setBaselines(BaselineValues(hospitals: [Self.snuh: [BaselineFigure.capabilityCount: 3]]))))
        #expect(try Self.sync(&board, rules) == ([], []))

        let lost = try Self.commit(&board, .reportCapability(id: Self.snuh, CapabilityReport(conditions: [
            "Y0020": ConditionStatus(.unavailable, reason: "neurosurgeon off tonight"),
        ])), rules)
        #expect(lost.raised == ["capability-lost/\(Self.snuh)"])
        let alert = try #require(board.alerts["capability-lost/\(Self.snuh)"])
        #expect(alert.severity == .notice)
        #expect(alert.text == "서울대학교병원 can take 2 of 27 conditions, normally 3; not now: stroke")
        #expect(try Self.sync(&board, rules) == ([], []))
        // Closed, the ER-closed rule speaks for it.
        #expect(try Self.commit(&board, .reportHospital(id: Self.snuh, HospitalReport(erState: .closed)), rules).cleared
            == ["capability-lost/\(Self.snuh)"])
        _ = try Self.commit(&board, .reportHospital(id: Self.snuh, HospitalReport(erState: .open)), rules)
        #expect(board.alerts["capability-lost/\(Self.snuh)"] != nil)
        #expect(try Self.commit(&board, Self.cap(Self.snuh, ["Y0020": .available]), rules).cleared == ["capability-lost/\(Self.snuh)"])
        // Two below normal with a threshold of two.
        _ = try Self.commit(&board, Self.cap(Self.snuh, ["Y0020": .unavailable]), Self.rules(lost: 2))
        #expect(board.alerts.isEmpty)
    }

    @Test func aRestrictionAtARegionalCentreRaisesWhenItStartsAndClearsWhenItEnds() throws {
        var board = try Self.board()
        let rules = Self.rules(restriction: true)
        let night = Restriction(id: "r1", hospitalId: Self.snuh, text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
                                from: Fixture.t0.addingTimeInterval(3600), until: Fixture.t0.addingTimeInterval(7200))
        // Entered before it starts: nothing yet; the minute's sync raises it when it starts.
        #expect(try Self.commit(&board, .addRestriction(night), rules) == ([], []))
        #expect(try Self.sync(&board, rules, at: 3599) == ([], []))
        #expect(try Self.sync(&board, rules, at: 3600) == (["restriction-rc/r1"], []))
        let alert = try #require(board.alerts["restriction-rc/r1"])
        #expect(alert.severity == .warning)
        #expect(alert.text == "서울대학교병원 restriction (paediatric): 소아 야간 진료 불가 22:00–08:00")
        // It expires by itself.
        #expect(try Self.sync(&board, rules, at: 7200) == ([], ["restriction-rc/r1"]))

        // Not at a regional centre: no alert.
        let local = Restriction(id: "r2", hospitalId: Self.severance, text: "정형외과 수술 불가", from: Fixture.t0)
        #expect(try Self.commit(&board, .addRestriction(local), rules) == ([], []))
        // In force at once; ended by hand, cleared on the same commit.
        let now = Restriction(id: "r3", hospitalId: Self.pusan, text: "분만 불가", category: "obstetric", from: Fixture.t0)
        #expect(try Self.commit(&board, .addRestriction(now), rules, at: 60) == (["restriction-rc/r3"], []))
        #expect(try Self.commit(&board, .endRestrictions(ids: ["r3"]), rules, at: 120) == ([], ["restriction-rc/r3"]))
    }

    @Test func theDefaultsRaiseNothingOnABoardWithoutCapabilityReports() throws {
        var board = try Self.board()
        let result = try Self.sync(&board, .defaults)
        #expect(result.raised.allSatisfy { !$0.hasPrefix("no-capability") && !$0.hasPrefix("capability-lost") })
        #expect(board.capabilityAlertConditions(.defaults, at: Fixture.t0, subjects: nil).isEmpty)
    }
}
