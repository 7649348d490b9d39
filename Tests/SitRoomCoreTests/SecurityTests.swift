import Foundation
import Testing
@testable import SitRoomCore

/// Hospital security incidents: the timeline's order, the figures derived from it, the alerts.
@Suite struct SecurityTests {
    static let snuh = Fixture.snuh.id
    static let t0 = Fixture.t0

    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    /// The fixture board with incident S1 opened at t0 (occurred 10 minutes before, reported 5).
    static func boardWithIncident() throws -> Board {
        var board = try Fixture.board()
        try board.apply(Fixture.change(.security(.open(Fixture.securityIncident)), by: "kim", at: 0))
        return board
    }

    static func step(_ step: SecurityStep, at minutes: Double, outcome: SecurityOutcome? = nil, police: PoliceNotice? = nil) -> ChangeAction {
        .security(.step(id: "S1", SecurityStepReport(step: step, at: at(minutes), police: police, outcome: outcome)))
    }

    static func refusal(_ board: Board, _ action: ChangeAction, at minutes: Double = 60) -> ChangeError? {
        do {
            _ = try board.applying(Fixture.change(action, by: "lee", at: minutes * 60))
            return nil
        } catch let error as ChangeError {
            return error
        } catch {
            return nil
        }
    }

    @Test func theTimelineIsStampedStepByStepAndTheResponseTimeDerived() throws {
        var board = try Self.boardWithIncident()
        let opened = try #require(board.securityIncidents["S1"])
        #expect(opened.occurred == Stamp(at: Self.at(-10), by: "kim") && opened.reported == Stamp(at: Self.at(-5), by: "kim"))
        #expect(opened.nextStep == .notified && opened.reportDelay == 300)
        try board.apply(Fixture.change(Self.step(.notified, at: 2, police: PoliceNotice(contactId: "c1", caller: "ER nurse")), by: "lee", at: 180))
        #expect(board.securityIncidents["S1"]?.isWaitingForPolice == true)
        try board.apply(Fixture.change(Self.step(.onScene, at: 30), by: "park", at: 1900))
        try board.apply(Fixture.change(Self.step(.resolved, at: 55, outcome: .arrest), by: "choi", at: 3400))
        let closed = try #require(board.securityIncidents["S1"])
        #expect(closed.notified == Stamp(at: Self.at(2), by: "lee"))
        #expect(closed.police == PoliceNotice(contactId: "c1", caller: "ER nurse"))
        #expect(closed.onScene == Stamp(at: Self.at(30), by: "park"))
        #expect(closed.resolved == Stamp(at: Self.at(55), by: "choi") && closed.outcome == .arrest)
        #expect(closed.policeResponse.map { Int($0) } == 28 * 60, "notified 00:02 to on scene 00:30")
        #expect(closed.openDuration(at: Self.at(500)) == 65 * 60, "occurred -00:10 to closed 00:55")
        #expect(!closed.isOpen && closed.nextStep == nil)
        #expect(closed.timeline.map(\.label) == ["occurred", "reported", "police notified", "police on scene", "closed"])
    }

    @Test func stepsOutOfOrderAreRefusedWithTheReason() throws {
        let board = try Self.boardWithIncident()
        #expect(Self.refusal(board, Self.step(.onScene, at: 5))?.message == "police on scene before they were notified: record `notified` first")
        #expect(Self.refusal(board, Self.step(.resolved, at: 5))?.field == "outcome")
        #expect(Self.refusal(board, Self.step(.notified, at: -20))?.message.contains("before the incident occurred") == true)

        var notified = board
        try notified.apply(Fixture.change(Self.step(.notified, at: 10), at: 600))
        #expect(Self.refusal(notified, Self.step(.notified, at: 12))?.message.hasPrefix("police were already notified") == true)
        #expect(Self.refusal(notified, Self.step(.onScene, at: 8))?.message.contains("is before the police were notified") == true)

        var closed = notified
        try closed.apply(Fixture.change(Self.step(.resolved, at: 20, outcome: .mediated), by: "park", at: 1200))
        let after = Self.refusal(closed, Self.step(.onScene, at: 25))
        #expect(after?.message.hasPrefix("S1 was already closed at") == true && after?.message.contains("by park") == true)
    }

    @Test func timesInTheFutureAreRefused() throws {
        let board = try Self.boardWithIncident()
        let future = Self.refusal(board, Self.step(.notified, at: 61), at: 60)
        #expect(future?.message.contains("is in the future") == true && future?.field == "at")
        var late = Fixture.securityIncident
        late.id = "S2"
        late.occurred.at = Self.at(5)
        late.reported.at = Self.at(5)
        #expect(Self.refusal(board, .security(.open(late)), at: 1)?.message.hasPrefix("occurred time") == true)
    }

    @Test func unknownHospitalsTypesAndIncidentsAreToldWithTheClosestMatches() throws {
        let board = try Self.boardWithIncident()
        var wrong = Fixture.securityIncident
        wrong.id = "S2"
        wrong.hospitalId = "A1100071"
        #expect(Self.refusal(board, .security(.open(wrong)))?.message == "unknown hospital A1100071; closest: A1100017 서울대학교병원")
        wrong.hospitalId = Self.snuh
        wrong.type = "violense"
        #expect(Self.refusal(board, .security(.open(wrong)))?.message == "unknown incident type violense; closest: violence (violence against staff)")
        #expect(Self.refusal(board, .security(.step(id: "S11", SecurityStepReport(step: .onScene, at: Self.at(1)))))?.message
            == "unknown security incident S11; closest: S1")
    }

    @Test func removalNeedsAReasonAndUndoPutsTheIncidentBack() throws {
        var board = try Self.boardWithIncident()
        #expect(Self.refusal(board, .security(.remove(id: "S1", reason: " ")))?.field == "reason")
        let notify = Fixture.change(Self.step(.notified, at: 1), at: 120)
        let undoStep = try #require(board.inverse(of: notify))
        let before = board
        try board.apply(notify)
        try board.apply(Fixture.change(undoStep.action, by: "lee", at: 130))
        #expect(board == before, "undo of a step takes the step back")

        let remove = Fixture.change(.security(.remove(id: "S1", reason: "entered twice")), at: 140)
        let undoRemove = try #require(board.inverse(of: remove))
        #expect(undoRemove.description == "undo: remove security incident S1 (서울대학교병원)")
        try board.apply(remove)
        #expect(board.securityIncidents.isEmpty)
        try board.apply(Fixture.change(undoRemove.action, by: "lee", at: 150))
        #expect(board == before)
    }

    @Test func aHospitalWithIncidentsIsNotRemoved() throws {
        let board = try Self.boardWithIncident()
        #expect(Self.refusal(board, .removeHospital(id: Self.snuh))?.message.contains("1 security incident") == true)
    }

    @Test func theTypesAreDataMatchedByTheStartOfEitherName() throws {
        let types = SecurityTypeTable.standard
        #expect(types.matching("폭행").map(\.code) == ["violence"])
        #expect(types.matching("vio").map(\.code) == ["violence"])
        #expect(types.matching("농성").map(\.code) == ["sit-in"])
        #expect(types.matching("sit").map(\.code) == ["sit-in"])
        #expect(types.matching("t").map(\.code) == ["threat", "theft-drugs"])
        var board = try Self.boardWithIncident()
        let arson = SecurityTypeTable(types: types.types + [SecurityIncidentType(code: "arson", korean: "방화", english: "arson")])
        try board.apply(Fixture.change(.security(.types(arson)), at: 10))
        #expect(board.securityTypes.matching("방화").map(\.code) == ["arson"])
        let dropViolence = SecurityTypeTable(types: types.types.filter { $0.code != "violence" })
        #expect(Self.refusal(board, .security(.types(dropViolence)))?.message == "type(s) violence still used by incidents")
        let twice = SecurityTypeTable(types: types.types + [types.types[0]])
        #expect(Self.refusal(board, .security(.types(twice)))?.message == "type code violence is listed twice")
    }

    @Test func levelsAndThePoliceLinkAreStampedAndUndone() throws {
        var board = try Self.boardWithIncident()
        #expect(board.securityLevel(of: Self.snuh) == .normal)
        let link = Fixture.change(.security(.police(hospitalId: Self.snuh, contactId: "c1", text: "혜화지구대")), at: 5)
        try board.apply(link)
        let before = board
        let high = Fixture.change(.security(.level(hospitalId: Self.snuh, .high)), by: "lee", at: 10)
        let undo = try #require(board.inverse(of: high))
        try board.apply(high)
        #expect(board.hospitalSecurity[Self.snuh]?.level == Reported(.high, at: Self.at(10.0 / 60), by: "lee"))
        #expect(board.policeLink(of: Self.snuh) == "Officer Lee (knpa) · 혜화지구대")
        try board.apply(Fixture.change(undo.action, at: 20))
        #expect(board == before)
        #expect(Self.refusal(board, .security(.level(hospitalId: "A9", .high)))?.message.hasPrefix("unknown hospital A9") == true)
    }

    // MARK: Alerts

    static func alerts(_ board: Board, at minutes: Double, rules: AlertRules = .defaults) -> [String: Severity] {
        Dictionary(uniqueKeysWithValues: board.alertConditions(rules, at: Self.at(minutes))
            .filter { $0.rule.rawValue.hasPrefix("police") || $0.rule.rawValue.hasPrefix("security") }
            .map { ($0.alertId, $0.severity) })
    }

    @Test func policeLateIsRaisedAfterTheThresholdAndEndsOnScene() throws {
        var board = try Self.boardWithIncident()
        try board.apply(Fixture.change(Self.step(.notified, at: 0), at: 0))
        #expect(Self.alerts(board, at: 19.9)["police-late/S1"] == nil)
        #expect(Self.alerts(board, at: 20)["police-late/S1"] == .critical)
        var rules = AlertRules.defaults
        rules.policeLateMinutes = 30
        #expect(Self.alerts(board, at: 25, rules: rules)["police-late/S1"] == nil)

        let raise = board.alertChanges(.defaults, at: Self.at(21), officer: "rules", subjects: ["S1"])
        #expect(raise.map(\.action.kind) == [.raiseAlert])
        for change in raise { try board.apply(change) }
        try board.apply(Fixture.change(Self.step(.onScene, at: 22), at: 22 * 60))
        let clear = board.alertChanges(.defaults, at: Self.at(22), officer: "rules", subjects: ["S1"])
        #expect(clear.map(\.action) == [.clearAlert(id: "police-late/S1")])
    }

    @Test func openLongLevelHighAndARepeatIncidentRaiseTheirAlerts() throws {
        var board = try Self.boardWithIncident()
        #expect(Self.alerts(board, at: 11 * 60)["security-open/S1"] == nil)
        #expect(Self.alerts(board, at: 12 * 60)["security-open/S1"] == .warning)
        try board.apply(Fixture.change(.security(.level(hospitalId: Self.snuh, .lockdown)), at: 60))
        #expect(Self.alerts(board, at: 2)["security-level/\(Self.snuh)"] == .critical)
        try board.apply(Fixture.change(.security(.level(hospitalId: Self.snuh, .elevated)), at: 120))
        #expect(Self.alerts(board, at: 3)["security-level/\(Self.snuh)"] == nil)

        var second = Fixture.securityIncident
        second.id = "S2"
        second.occurred.at = Self.at(60 * 5)
        second.reported.at = Self.at(60 * 5)
        var later = board
        try later.apply(Fixture.change(.security(.open(second)), at: 60 * 60 * 5))
        #expect(Self.alerts(later, at: 60 * 5)["security-repeat/S2"] == .warning)
        #expect(Self.alerts(later, at: 60 * 5)["security-repeat/S1"] == nil, "the first one is not a repeat")
        second.id = "S3"
        second.occurred.at = Self.at(60 * 7)
        second.reported.at = Self.at(60 * 7)
        var muchLater = board
        try muchLater.apply(Fixture.change(.security(.open(second)), at: 60 * 60 * 7))
        #expect(Self.alerts(muchLater, at: 60 * 7)["security-repeat/S3"] == nil, "outside the 6 hours")
    }

    // MARK: Quick commands

    static func parse(_ line: String, _ board: Board, now minutes: Double = 60) throws -> QuickCommand {
        try QuickCommandParser.parse(line, QuickCommandContext(board: board, now: Self.at(minutes), timeZone: TimeZone(identifier: "Asia/Seoul")!))
    }

    @Test func secOpensAnIncidentByHospitalAndTypeInEitherLanguage() throws {
        let board = try Fixture.board()
        guard case .change(.security(.open(let incident)), let summary) = try Self.parse("sec snuh 폭행 injured=2 at=-15m 보호자가 간호사 폭행", board) else {
            Issue.record("not an open")
            return
        }
        #expect(incident.id == "S1" && incident.hospitalId == Self.snuh && incident.type == "violence")
        #expect(incident.staffInjured == 2 && incident.severity == .critical && incident.text == "보호자가 간호사 폭행")
        #expect(incident.occurred.at == Self.at(45) && incident.reported.at == Self.at(60))
        #expect(summary == "S1 서울대학교병원 violence against staff, 2 staff injured at 11-23 20:18: 보호자가 간호사 폭행")
        guard case .change(.security(.open(let sitIn)), _) = try Self.parse("sec 서울대 sit crowd of families in the ER lobby", board) else {
            Issue.record("not an open")
            return
        }
        #expect(sitIn.type == "sit-in" && sitIn.severity == .warning && sitIn.text == "crowd of families in the ER lobby")
    }

    @Test func secMovesAnIncidentAlong() throws {
        var board = try Self.boardWithIncident()
        try board.apply(Fixture.change(.security(.police(hospitalId: Self.snuh, contactId: "c1", text: "")), at: 1))
        guard case .change(let notify, let summary) = try Self.parse("sec s1 notified by=nurse at=-3m", board) else { return }
        #expect(notify == .security(.step(id: "S1", SecurityStepReport(
            step: .notified, at: Self.at(57), police: PoliceNotice(contactId: "c1", caller: "nurse")))), "the hospital's post by default")
        #expect(summary == "S1 서울대학교병원 police notified (Officer Lee by nurse) at 11-23 20:30")
        guard case .change(let named, _) = try Self.parse("sec S1 notified 112 종로서", board),
              case .security(.step(_, let r)) = named else { return }
        #expect(r.police == PoliceNotice(text: "112 종로서"))
        try board.apply(Fixture.change(notify, at: 3600))
        guard case .change(let scene, let sceneSummary) = try Self.parse("sec S1 onscene", board, now: 80) else { return }
        #expect(sceneSummary == "S1 서울대학교병원 police on scene, 23m after notified")
        try board.apply(Fixture.change(scene, at: 80 * 60))
        guard case .change(let close, _) = try Self.parse("sec S1 closed arr taken to 혜화서", board, now: 90) else { return }
        #expect(close == .security(.step(id: "S1", SecurityStepReport(step: .resolved, at: Self.at(90), outcome: .arrest, note: "taken to 혜화서"))))
    }

    @Test func secTellsWhatIsWrongWithTheClosestMatches() throws {
        let board = try Self.boardWithIncident()
        func error(_ line: String) -> String {
            do { _ = try Self.parse(line, board); return "" } catch { return "\(error)" }
        }
        #expect(error("sec seuol vio x").hasPrefix("no hospital matches \"seuol\"; closest: A1100017 서울대학교병원"))
        #expect(error("sec snuh violense x") == "no incident type matches \"violense\"; closest: violence (violence against staff)")
        #expect(error("sec S1 closed arest") == "\"arest\" is not an outcome (arrest, warning, mediated, no-action); closest: arrest")
        #expect(error("sec snuh vio").hasPrefix("sec needs a short text"))
        #expect(error("sec S1 remove").hasPrefix("remove needs a reason"))
        // An incident id that is not on the board is named as one, not looked up as a hospital.
        #expect(error("sec S99 notified") == "unknown security incident S99; open: S1")
        #expect(error("sec s7 onscene") == "unknown security incident S7; open: S1")
    }

    @Test func levelSetsTheLevelOrThePost() throws {
        let board = try Fixture.board()
        guard case .change(let high, let summary) = try Self.parse("level seoul national h", board) else { return }
        #expect(high == .security(.level(hospitalId: Self.snuh, .high)) && summary == "서울대학교병원 security level high")
        guard case .change(let post, _) = try Self.parse("level snuh post=\"Officer Lee\"", board) else { return }
        #expect(post == .security(.police(hospitalId: Self.snuh, contactId: "c1", text: "")))
        #expect(throws: QuickCommandError.self) { try Self.parse("level snuh red", board) }
    }

    // MARK: Documents

    @Test func aBoardDocumentCarriesTheSecurityTablesAndAnOlderOneReadsWithout() throws {
        var board = try Self.boardWithIncident()
        try board.apply(Fixture.change(.security(.level(hospitalId: Self.snuh, .high)), at: 10))
        let data = try SitRoomJSON.encoder().encode(BoardDocument(board, seq: 3))
        let back = try SitRoomJSON.decoder().decode(BoardDocument.self, from: data)
        #expect(back.version == 3 && back.board == board)

        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["version"] = 2
        for key in ["securityIncidents", "hospitalSecurity", "securityTypes"] { object[key] = nil }
        let old = try SitRoomJSON.decoder().decode(BoardDocument.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.board.securityIncidents.isEmpty && old.board.hospitalSecurity.isEmpty && old.board.securityTypes == .standard)
    }

    @Test func aSecurityChangeReadsFromAnApplyLine() throws {
        let line = #"{"type": "security.open", "record": {"hospitalId": "A1100017", "type": "threat", "text": "threat by phone"}}"#
        let change = try ChangeLine.parse(line, officer: "kim", now: Self.at(0))
        guard case .security(.open(let incident)) = change.action else { Issue.record("\(change.action)"); return }
        #expect(incident.type == "threat" && incident.occurred.at == Self.at(0) && incident.id.hasPrefix("sec-"))
        let step = try ChangeLine.parse(#"{"type": "security.step", "id": "S1", "step": {"step": "onscene", "at": "2026-11-23T10:00:00Z"}}"#,
                                        officer: "kim", now: Self.at(0))
        #expect(step.action.kind == .securityStep)
    }
}
