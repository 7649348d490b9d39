import Foundation
import Testing
@testable import SitRoomCore

/// Capability (issue 15): the condition table, reports, restrictions, baselines and `where`.
@Suite struct CapabilityTests {
    static let id = Fixture.snuh.id

    static func report(_ conditions: [String: Availability], reason: String = "") -> ChangeAction {
        .reportCapability(id: id, CapabilityReport(conditions: conditions.mapValues { ConditionStatus($0, reason: reason) }))
    }

    // MARK: the condition table

    @Test func egenDefaultHasTwentySevenValidConditions() throws {
        let table = ConditionTable.egenDefault
        #expect(table.count == 27)
        try table.validate()
        #expect(Set(table.codes).count == 27)
        #expect(table.conditions.allSatisfy { DisplayWidth.of($0.short) <= ConditionTable.shortWidth })
        #expect(table.conditions.map(\.feedField) == (1...27).map { "MKioskTy\($0)" })
        #expect(table.condition(code: "Y0020")?.korean == "[재관류중재술] 뇌경색")
    }

    @Test func conditionsAreFoundByCodeShortLabelOrTheStartOfAName() {
        let table = ConditionTable.egenDefault
        #expect(table.matching("stroke").map(\.code) == ["Y0020"])
        #expect(table.matching("STEMI").map(\.code) == ["Y0010"])
        #expect(table.matching("y0010").map(\.code) == ["Y0010"])
        #expect(table.matching("뇌경색").map(\.code) == ["Y0020"])
        #expect(table.matching("심근").map(\.code) == ["Y0010"])
        #expect(table.matching("burn").map(\.code) == ["Y0120"])
        #expect(table.matching("aortic").map(\.code) == ["Y0041", "Y0042"])
        #expect(table.matching("haemodialysis").map(\.code) == ["Y0141"])  // a word inside the name
        #expect(table.matching("").isEmpty)
        #expect(table.matching("zzz").isEmpty)
    }

    @Test func closestNamesTheNearestCodes() {
        let table = ConditionTable.egenDefault
        #expect(table.closest("strok", limit: 1).map(\.code) == ["Y0020"])
        #expect(table.closest("Y0011", limit: 1).map(\.code) == ["Y0010"])
        #expect(table.suggestion(for: "burnz").contains("Y0120"))
    }

    @Test func tsvRoundTripsAndRefusesBadLines() throws {
        let table = ConditionTable.egenDefault
        #expect(try ConditionTable(tsv: table.tsv) == table)
        let small = try ConditionTable(tsv: "code\tkorean\tenglish\tshort\nS1\t뇌졸중\tStroke\tstroke\n# comment\n\nT2\t외상\tTrauma\ttrauma\tF2\n")
        #expect(small.conditions == [Condition(code: "S1", korean: "뇌졸중", english: "Stroke", short: "stroke"),
                                     Condition(code: "T2", korean: "외상", english: "Trauma", short: "trauma", feedField: "F2")])
        #expect(throws: ChangeError("line 2: expected 4 or 5 tab-separated cells (code, Korean, English, short[, feed]), got 2")) {
            try ConditionTable(tsv: "code\tkorean\tenglish\tshort\nS1\tonly\n")
        }
        #expect(throws: ChangeError("short label \"뇌경색재관류\" of S1 is 12 cells; at most 6", field: "short")) {
            try ConditionTable(tsv: "S1\t뇌경색\tStroke\t뇌경색재관류\n")
        }
        #expect(throws: ChangeError("condition code S1 is listed twice", field: "code")) {
            try ConditionTable(tsv: "S1\ta\tb\tc\nS1\td\te\tf\n")
        }
        #expect(throws: ChangeError("the condition table must hold at least one condition", field: "conditions")) {
            try ConditionTable(tsv: "# nothing\n")
        }
    }

    @Test func settingTheTableReplacesIt() throws {
        var board = try Fixture.board()
        #expect(board.conditions == .egenDefault)
        let table = ConditionTable([Condition(code: "S1", korean: "뇌졸중", english: "Stroke", short: "stroke")])
        try board.apply(Fixture.change(.setConditions(table)))
        #expect(board.conditions == table)
        #expect(throws: ChangeError("unknown condition Y0010; closest: S1 stroke (Stroke)", field: "conditions")) {
            try board.apply(Fixture.change(Self.report(["Y0010": .available])))
        }
    }

    // MARK: reports

    @Test func aReportStampsEachGivenFigureAndKeepsTheRest() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.reportCapability(id: Self.id, CapabilityReport(
            conditions: ["Y0010": ConditionStatus(.available), "Y0020": ConditionStatus(.available)],
            equipment: ["hvctayn": 1], hours: .allDay, visits: ERVisits(total: 100, severe: 20, mild: 80))), by: "kim", at: 0))
        try board.apply(Fixture.change(Self.report(["Y0020": .unavailable], reason: "neurosurgeon off tonight"), by: "lee", at: 60))
        let cap = try #require(board.capabilities[Self.id])
        #expect(cap.conditions["Y0010"] == Reported(ConditionStatus(.available), at: Fixture.t0, by: "kim"))
        #expect(cap.conditions["Y0020"] == Reported(ConditionStatus(.unavailable, reason: "neurosurgeon off tonight"),
                                                    at: Fixture.t0.addingTimeInterval(60), by: "lee"))
        #expect(cap.equipment["hvctayn"]?.value == 1)
        #expect(cap.hours?.value == .allDay)
        #expect(cap.visits?.value.total == 100)
        #expect(cap.availableCount(of: board.conditions) == 1)
        #expect(cap.availability(of: "Y0120") == .unknown)
        #expect(cap.lastReport == Stamp(at: Fixture.t0.addingTimeInterval(60), by: "lee"))
    }

    @Test(arguments: [
        (ChangeAction.reportCapability(id: "A1100071", CapabilityReport(conditions: ["Y0010": ConditionStatus(.available)])),
         "unknown hospital A1100071; closest: A1100017 서울대학교병원", "id"),
        (.reportCapability(id: "A1100017", CapabilityReport(conditions: ["Y0011": ConditionStatus(.available)])),
         "unknown condition Y0011; closest: Y0010 STEMI (STEMI: reperfusion (myocardial infarction)); Y0031 SAH (Subarachnoid haemorrhage: surgery); Y0041 aortaT (Aortic emergency, thoracic)",
         "conditions"),
        (.reportCapability(id: "A1100017", CapabilityReport()),
         "a capability report must give at least one condition, item of equipment, hours or visits", "report"),
        (.reportCapability(id: "A1100017", CapabilityReport(equipment: ["hvctayn": 2])), "CT is yes or no: 1 or 0 (got 2)", "equipment"),
        (.reportCapability(id: "A1100017", CapabilityReport(equipment: ["hv10": -1])), "Ventilators, paediatric (free) must not be negative (got -1)", "equipment"),
        (.reportCapability(id: "A1100017", CapabilityReport(equipment: ["hvct": 1])),
         "unknown equipment hvct; closest: hvctayn (CT), hv10 (Ventilators, paediatric (free)), hv11 (Incubators (free))", "equipment"),
        (.reportCapability(id: "A1100017", CapabilityReport(visits: ERVisits(total: 10, severe: 11, mild: 0))),
         "severe visits 11 exceed the total 10", "visits"),
        (.reportCapability(id: "A1100017", CapabilityReport(hours: .restricted(" "))), "restricted hours must not be empty", "hours"),
        (.addRestriction(Restriction(id: "r1", hospitalId: "A1100017", text: "x", from: Fixture.t0, until: Fixture.t0)),
         "the restriction ends (2026-11-23T10:33:20Z) before it starts (2026-11-23T10:33:20Z)", "until"),
        (.addRestriction(Restriction(id: "r1", hospitalId: "A1100017", text: "  ", from: Fixture.t0)), "restriction text must not be empty", "text"),
        (.addRestriction(Restriction(id: "r1", hospitalId: "A1100017", text: "x", category: "two words", from: Fixture.t0)),
         "restriction category \"two words\" must be one word", "category"),
        (.endRestrictions(ids: ["nope"]), "unknown restriction nope", "id"),
        (.setBaselines(BaselineValues(moment: Fixture.t0.addingTimeInterval(60), national: ["openERs": 1])),
         "a baseline cannot describe a moment in the future (2026-11-23T10:34:20Z)", "moment"),
        (.setBaselines(BaselineValues(national: ["doctors": 1])),
         "unknown national figure doctors; known: openERs, erBedsStaffed, erBedsAvailable, icuBedsAvailable, erDoctorsOnDuty, allDayERs, visitsTotal, visitsSevere, visitsMild, capable/<code>",
         "national"),
        (.setBaselines(BaselineValues(national: ["capable/Y9999": 1])),
         "unknown condition Y9999; closest: Y0091 bron-A (Bronchoscopy, adult); Y0092 bron-I (Bronchoscopy, infant); Y0010 STEMI (STEMI: reperfusion (myocardial infarction))",
         "conditions"),
        (.setBaselines(BaselineValues(hospitals: ["A1100017": ["erBedsStaffed": -3]])), "erBedsStaffed must not be negative (got -3)", "hospitals"),
        (.setBaselines(BaselineValues()), "a baseline change must give at least one value", "record"),
        (.takeBaselines(BaselineValues(national: ["openERs": 1])), "a baseline taken from the board needs the moment it was taken at", "moment"),
        (.setConditions(ConditionTable([])), "the condition table must hold at least one condition", "conditions"),
    ])
    func invalidCapabilityChangesAreRefused(action: ChangeAction, message: String, field: String) throws {
        var board = try Fixture.board()
        let before = board
        #expect(throws: ChangeError(message, field: field)) { try board.apply(Fixture.change(action)) }
        #expect(board == before)
        #expect(throws: ChangeError(message, field: field)) { try board.check(Fixture.change(action)) }
    }

    @Test func undoingAReportKeepsAnotherOfficersLaterFigure() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(Self.report(["Y0010": .available, "Y0020": .available]), by: "park", at: -600))
        let report = Fixture.change(Self.report(["Y0010": .unavailable, "Y0020": .unavailable]), by: "kim", at: 0)
        let undo = try #require(board.inverse(of: report))
        #expect(undo.description == "undo: 서울대학교병원 STEMI, stroke")
        try board.apply(report)
        try board.apply(Fixture.change(Self.report(["Y0020": .unknown]), by: "lee", at: 30))
        // lee's later figure is overwritten only if undo names it: it names both, as kim's report did.
        try board.apply(Change(officer: "kim", at: Fixture.t0.addingTimeInterval(60), action: undo.action))
        #expect(board.capabilities[Self.id]?.conditions["Y0010"] == Reported(ConditionStatus(.available), at: Fixture.t0.addingTimeInterval(-600), by: "park"))
        #expect(board.capabilities[Self.id]?.conditions["Y0020"]?.by == "park")
    }

    @Test func undoingTheFirstReportLeavesNoCapability() throws {
        var board = try Fixture.board()
        let before = board
        let report = Fixture.change(Self.report(["Y0010": .available]))
        let undo = try #require(board.inverse(of: report))
        try board.apply(report)
        try board.apply(Fixture.change(undo.action, at: 5))
        #expect(board.withoutFigureOrigins == before)
        #expect(board.figureOrigins[Self.id]?.stamp.at == Fixture.t0.addingTimeInterval(5), "the undo is the last change")
    }

    // MARK: restrictions

    @Test func restrictionsAreInForceFromUntilOrEnded() throws {
        var board = try Fixture.board()
        let t0 = Fixture.t0
        try board.apply(Fixture.change(.addRestriction(Restriction(
            id: "r1", hospitalId: Self.id, text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
            from: t0, until: t0.addingTimeInterval(3600))), by: "kim", at: 0))
        try board.apply(Fixture.change(.addRestriction(Restriction(id: "r2", hospitalId: Self.id, text: "분만 불가", from: t0.addingTimeInterval(600))), at: 1))
        let r1 = try #require(board.restrictions["r1"])
        #expect(r1.entered == Stamp(at: t0, by: "kim"))
        #expect(r1.category == "paediatric")
        #expect(board.restrictions(of: Self.id, at: t0).map(\.id) == ["r1"])
        #expect(board.restrictions(of: Self.id, at: t0.addingTimeInterval(700)).map(\.id) == ["r2", "r1"])
        #expect(board.restrictions(of: Self.id, at: t0.addingTimeInterval(3600)).map(\.id) == ["r2"])
        try board.apply(Fixture.change(.endRestrictions(ids: ["r2"]), by: "lee", at: 800))
        #expect(board.restrictions["r2"]?.ended == Stamp(at: t0.addingTimeInterval(800), by: "lee"))
        #expect(board.restrictions(of: Self.id, at: t0.addingTimeInterval(900)).map(\.id) == ["r1"])
        #expect(board.restrictionsInForce(at: t0.addingTimeInterval(900)) == [Self.id: [board.restrictions["r1"]!]])
        #expect(throws: ChangeError("restriction r2 was ended already by lee at 2026-11-23T10:46:40Z", field: "ids")) {
            try board.apply(Fixture.change(.endRestrictions(ids: ["r2"]), at: 900))
        }
        #expect(throws: ChangeError("restriction r1 already exists", field: "id")) {
            try board.apply(Fixture.change(.addRestriction(Restriction(id: "r1", hospitalId: Self.id, text: "x", from: t0)), at: 900))
        }
    }

    // MARK: baselines

    @Test func baselinesAreSetByHandOrTakenWhole() throws {
        var board = try Fixture.board()
        let t0 = Fixture.t0
        try board.apply(Fixture.change(.setBaselines(BaselineValues(national: ["erDoctorsOnDuty": 1850])), by: "kim", at: 0))
        try board.apply(Fixture.change(.setBaselines(BaselineValues(
            moment: t0.addingTimeInterval(-86400), hospitals: [Self.id: ["erBedsStaffed": 40]])), by: "lee", at: 10))
        #expect(board.baselines.national["erDoctorsOnDuty"] == Reported(1850, at: t0, by: "kim"))
        #expect(board.baselines.hospitals[Self.id]?["erBedsStaffed"] == Reported(40, at: t0.addingTimeInterval(-86400), by: "lee"))
        let week = t0.addingTimeInterval(-7 * 86400)
        try board.apply(Fixture.change(.takeBaselines(BaselineValues(moment: week, national: ["openERs": 409])), by: "park", at: 20))
        #expect(board.baselines == Baselines(national: ["openERs": Reported(409, at: week, by: "park")]))
        #expect(board.baselines.national("openERs") == 409)
        #expect(board.baselines.hospital(Self.id, "erBedsStaffed") == nil)
    }

    @Test func baselineValuesCountTheBoard() throws {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.addHospital(Hospital(id: "A2", name: "세브란스병원", region: "Seoul"))))
        try board.apply(Fixture.change(.reportHospital(id: Self.id, HospitalReport(
            erState: .open, erBeds: Capacity(available: 3, staffed: 20), erDoctors: Staffing(onDuty: 4, minimum: 6)))))
        try board.apply(Fixture.change(.reportHospital(id: "A2", HospitalReport(erState: .closed, erBeds: Capacity(available: 0, staffed: 30)))))
        try board.apply(Fixture.change(.reportCapability(id: Self.id, CapabilityReport(
            conditions: ["Y0010": ConditionStatus(.available), "Y0020": ConditionStatus(.unavailable)], hours: .allDay,
            visits: ERVisits(total: 100, severe: 30, mild: 70)))))
        try board.apply(Fixture.change(.reportCapability(id: "A2", CapabilityReport(
            conditions: ["Y0010": ConditionStatus(.available)], hours: .allDay, visits: ERVisits(total: 50, severe: 5, mild: 45)))))
        let v = board.baselineValues(at: Fixture.t0)
        #expect(v.moment == Fixture.t0)
        #expect(v.national["openERs"] == 1)
        #expect(v.national["erBedsStaffed"] == 50)
        #expect(v.national["erDoctorsOnDuty"] == 4)
        #expect(v.national["allDayERs"] == 1)  // the closed ER does not count
        #expect(v.national["visitsTotal"] == 150)
        #expect(v.national["visitsSevere"] == 35)
        #expect(v.national["capable/Y0010"] == 1)
        #expect(v.national["capable/Y0020"] == 0)
        #expect(v.national.count == BaselineFigure.national.count + 27)
        #expect(v.hospitals[Self.id] == ["erBedsStaffed": 20, "erDoctorsOnDuty": 4, "capabilityCount": 1, "visitsTotal": 100])
        #expect(v.hospitals["A2"] == ["erBedsStaffed": 30, "capabilityCount": 1, "visitsTotal": 50])
        // Taken as one change, it applies.
        try board.apply(Fixture.change(.takeBaselines(v), at: 5))
        #expect(board.baselines.national("capable/Y0010") == 1)
    }

    // MARK: where

    @Test func capableHospitalsAreOpenOrLimitedSameRegionFirstThenFreshest() throws {
        var board = Board()
        let hospitals = [
            Hospital(id: "H1", name: "가", region: "Seoul"), Hospital(id: "H2", name: "나", region: "Busan"),
            Hospital(id: "H3", name: "다", region: "Seoul"), Hospital(id: "H4", name: "라", region: "Busan"),
            Hospital(id: "H5", name: "마", region: "Busan"), Hospital(id: "H6", name: "바", region: "Busan"),
        ]
        for h in hospitals { try board.apply(Fixture.change(.addHospital(h))) }
        let states: [String: ERState] = ["H1": .open, "H2": .limited, "H3": .open, "H4": .diverting, "H5": .open]
        for (id, state) in states { try board.apply(Fixture.change(.reportHospital(id: id, HospitalReport(erState: state)))) }
        // H6 has no ER status: not known to be open.
        for (i, id) in ["H1", "H2", "H3", "H4", "H6"].enumerated() {
            try board.apply(Fixture.change(.reportCapability(id: id, CapabilityReport(conditions: ["Y0020": ConditionStatus(.available)])),
                                           at: Double(i * 60)))
        }
        try board.apply(Fixture.change(.reportCapability(id: "H5", CapabilityReport(conditions: ["Y0020": ConditionStatus(.unavailable)]))))
        try board.apply(Fixture.change(.addRestriction(Restriction(id: "r", hospitalId: "H1", text: "소아 불가", from: Fixture.t0))))
        let now = Fixture.t0.addingTimeInterval(3600)
        #expect(board.capableHospitals(condition: "Y0020", now: now).map(\.id) == ["H3", "H2", "H1"])
        #expect(board.capableHospitals(condition: "Y0020", region: "seoul", now: now).map(\.id) == ["H3", "H1"] + ["H2"])
        #expect(board.capableHospitals(condition: "Y0020", region: "Busan", now: now).map(\.id) == ["H2", "H3", "H1"])
        let entries = board.capableEntries(condition: "Y0020", region: "Seoul", now: now)
        #expect(entries.map(\.sameRegion) == [true, true, false])
        #expect(entries.last?.restrictions.isEmpty == true)
        #expect(entries[1].restrictions.map(\.id) == ["r"])
        #expect(board.capableHospitals(condition: "Y0010", now: now).isEmpty)
    }

    // MARK: JSON

    @Test func aReportReadsFromJSONAsAnOfficerWritesIt() throws {
        let line = """
            {"type": "capability.report", "id": "A1100017", "report": {"conditions": {"Y0020": {"availability": "unavailable", \
            "reason": "neurosurgeon off"}, "Y0010": "available"}, "equipment": {"hvctayn": 1}, "hours": "24h", \
            "visits": {"total": 120, "severe": 30, "mild": 90}}}
            """
        let change = try ChangeLine.parse(line, officer: "kim", now: Fixture.t0)
        #expect(change.action == .reportCapability(id: "A1100017", CapabilityReport(
            conditions: ["Y0020": ConditionStatus(.unavailable, reason: "neurosurgeon off"), "Y0010": ConditionStatus(.available)],
            equipment: ["hvctayn": 1], hours: .allDay, visits: ERVisits(total: 120, severe: 30, mild: 90))))
        let restrict = try ChangeLine.parse("""
            {"type": "restriction.add", "record": {"id": "r1", "hospitalId": "A1100017", "text": "소아 야간 진료 불가", \
            "from": "2026-11-23T13:00:00Z", "until": "2026-11-23T23:00:00Z"}}
            """, officer: "kim", now: Fixture.t0)
        guard case .addRestriction(let r) = restrict.action else { Issue.record("not a restriction"); return }
        #expect(r.category == "general")
        #expect(r.until == ISO8601.parse("2026-11-23T23:00:00Z"))
        let base = try ChangeLine.parse("""
            {"type": "baseline.set", "record": {"national": {"erDoctorsOnDuty": 1850}}}
            """, officer: "kim", now: Fixture.t0)
        #expect(base.action == .setBaselines(BaselineValues(national: ["erDoctorsOnDuty": 1850])))
        #expect(throws: ChangeError.self) {
            try ChangeLine.parse(#"{"type": "capability.report", "id": "A1", "report": {"conditions": {"Y0010": "maybe"}}}"#,
                                 officer: "kim", now: Fixture.t0)
        }
    }

    @Test func boardDocumentVersionThreeRoundTripsAndOlderDocumentsRead() throws {
        var board = try Fixture.board()
        for (i, action) in Fixture.everyKind.drop(while: { $0.kind != .setConditions }).prefix(4).enumerated() { try board.apply(Fixture.change(action, at: Double(i))) }
        try board.apply(Fixture.change(.setBaselines(BaselineValues(national: ["openERs": 400])), at: 10))
        #expect(!board.capabilities.isEmpty && !board.restrictions.isEmpty && !board.baselines.isEmpty)
        let document = BoardDocument(board, seq: 9)
        #expect(document.version == 3)
        let data = try SitRoomJSON.encoder().encode(document)
        let read = try SitRoomJSON.decoder().decode(BoardDocument.self, from: data)
        #expect(read.board == board.withoutFigureOrigins)

        // A version 2 document: no capability keys at all.
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["conditions", "capabilities", "restrictions", "baselines"] { object[key] = nil }
        object["version"] = 2
        let old = try SitRoomJSON.decoder().decode(BoardDocument.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.board.conditions == .egenDefault)
        #expect(old.board.capabilities.isEmpty && old.board.restrictions.isEmpty && old.board.baselines.isEmpty)
        #expect(old.board.hospitals == board.hospitals)
    }
}
