import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// View 9, hospital security: its order and colours, the keys on it, and the dashboard's marks.
@Suite struct SecurityViewTests {
    static func model(width: Int = 100, height: Int = 30) -> AppModel {
        RenderFixture.demoModel(width: width, height: height)
    }

    static func showing(_ m: AppModel) -> AppModel {
        var m = m
        _ = m.update(key: .char("9"))
        return m
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theViewMatchesTheReviewedScreen(width: Int, height: Int) throws {
        let m = Self.showing(Self.model(width: width, height: height))
        #expect(m.screen == .full(.security))
        let screen = RenderFixture.render(m, width, height).text
        try RenderFixture.expectReviewedScreen(screen, "security-\(width)x\(height)")
    }

    @Test func openIncidentsComeFirstTheMostOverdueOnTopThenTheClosedOfTheLastDay() {
        let m = Self.showing(Self.model())
        let rows = PanelID.security.content(m).rows
        // S4: police notified 31 min ago and not there (late); S5: police not called after 8 min
        // (on time); S3: police on scene. Then S2 and S1, closed today.
        #expect(rows.map(\.id) == ["S4", "S5", "S3", "S2", "S1"])
        let status = rows[0].cells.last!
        #expect(status.text.hasPrefix("waiting for police 31m") && status.role == .alert)
        #expect(rows[0].cells[7].text == "31m…", "the police response still running")
        #expect(rows[2].cells[7].text == "14m", "notified 3h05 ago, on scene 2h51 ago")
        #expect(rows[1].cells.last!.role == nil)
        #expect(rows[3].cells.allSatisfy { $0.role == .muted } && rows[3].cells.last!.text.hasPrefix("closed "))
    }

    @Test func theColourFollowsHowOverdueTheNextStepIs() {
        var m = Self.showing(Self.model())
        m.now = m.now.addingTimeInterval(-21 * 60)  // S4 notified 10 minutes before: half the 20 allowed
        let early = PanelID.security.content(m).rows.first { $0.id == "S4" }!
        #expect(early.cells.last!.role == .warning)
        m.localAlertRules.policeLateMinutes = 60
        m.now = m.now.addingTimeInterval(21 * 60)
        let relaxed = PanelID.security.content(m).rows.first { $0.id == "S4" }!
        #expect(relaxed.cells.last!.role == .warning, "31 of 60 minutes")
    }

    @Test func enterOpensTheIncidentWithItsTimelineAndCallsThePoliceOfItsHospital() throws {
        var m = Self.showing(Self.model())
        _ = m.update(key: .enter)
        #expect(m.screen == .detail(.securityIncident("S4")))
        let text = RenderFixture.render(m, 100, 30).text
        #expect(text.contains("police notified") && text.contains("still waiting, 31m"))
        #expect(text.contains("양소율 (knpa)"), "the police post linked to 서울대학교병원")
        _ = m.update(key: .escape)
        _ = m.update(key: .char("c"))
        #expect(m.prompt?.editor.text == "call knpa-1 ", "the contact linked to the incident's hospital")
    }

    @Test func cOnAnIncidentWhoseHospitalHasNoPoliceContactSaysHowToLinkOne() {
        var m = Self.showing(Self.model())
        _ = m.update(key: .down)  // S5 at 서울아산병원: a post as text only
        _ = m.update(key: .char("c"))
        #expect(m.prompt == nil)
        #expect(m.flash?.text.hasPrefix("no police contact linked to 서울아산병원") == true)
    }

    @Test func eStartsTheNextStepAndDAsksForAReason() {
        var m = Self.showing(Self.model())
        _ = m.update(key: .char("e"))
        #expect(m.prompt?.editor.text == "sec S4 onscene ")
        _ = m.update(key: .escape)
        _ = m.update(key: .char("d"))
        #expect(m.prompt?.editor.text == "sec S4 remove ")
    }

    @Test func aNewIncidentFromTheMainScreenInUnderThirtyKeys() {
        var m = Self.model()
        let keys: [Key] = [.char(":")] + "sec snuh vio nurse hit".map { .char($0) } + [.enter]
        #expect(keys.count < 30)
        var effects: [Effect] = []
        for key in keys { effects += m.update(key: key) }
        guard case .commit(let change)? = effects.last, case .security(.open(let incident)) = change.action else {
            Issue.record("no incident committed: \(effects)")
            return
        }
        #expect(incident.id == "S6" && incident.hospitalId == "A1100017" && incident.type == "violence" && incident.text == "nurse hit")
    }

    @Test func theFullRecordFormOpensAnIncidentWithItsSteps() throws {
        var m = Self.showing(Self.model())
        _ = m.update(key: .char("a"))
        #expect(m.form?.kind == .newSecurityIncident)
        func type(_ text: String) { for c in text { _ = m.update(key: .char(c)) } }
        type("서울아산")
        _ = m.update(key: .tab)
        type("sit")
        _ = m.update(key: .tab)
        _ = m.update(key: .tab)
        type("families at the ER door")
        for _ in 0..<2 { _ = m.update(key: .tab) }  // injured, occurred
        for _ in 0..<3 { _ = m.update(key: .backspace) }  // "now"
        type("-10m")
        for _ in 0..<2 { _ = m.update(key: .tab) }  // reported, notified
        #expect(m.form?.fields[m.form!.focus].key == "notified")
        type("-5m")
        _ = m.update(key: .tab)
        type("112")
        let effects = m.update(key: .enter)
        guard case .commit(let change)? = effects.last, case .security(.open(let incident)) = change.action else {
            Issue.record("no incident committed: \(effects) \(String(describing: m.form?.message)) \(m.form?.fields.compactMap(\.error) ?? [])")
            return
        }
        #expect(incident.hospitalId == "A1100009" && incident.type == "sit-in" && incident.police?.text == "112")
        #expect(incident.notified?.at == m.now.addingTimeInterval(-300) && incident.occurred.at == m.now.addingTimeInterval(-600))
        _ = try m.board.applying(change)
    }

    @Test func theDashboardCountsOpenIncidentsAndMarksTheHospitals() {
        let m = Self.model(width: 80, height: 24)
        let lines = RenderFixture.render(m, 80, 24).text.split(separator: "\n")
        // At the end of whichever line has room: it is placed before the figures against normal.
        #expect(lines[1].hasSuffix("│ Sec 3⧗1") || lines[2].hasSuffix("│ Sec 3⧗1"), "3 open, 1 waiting for the police: \(lines[1...2])")
        let names = PanelID.coverage.content(m).rows.map { $0.cells[0].text }
        #expect(names.contains("⚑! 고려대학교의과대학부속병원(안암병원)"), "an open incident, level high")
        #expect(names.contains("⚑ 서울대학교병원"))
        #expect(!names.contains { $0.hasPrefix("⚑") && $0.contains("세브란스") }, "its incident is closed")
    }

    @Test func theHospitalDetailListsItsIncidents() {
        var m = Self.model(width: 100, height: 80)
        m.screens.append(.detail(.hospital("A1100008")))
        let text = RenderFixture.render(m, 100, 80).text
        #expect(text.contains("Security level  high"))
        #expect(text.contains("1 open of 1"))
        #expect(text.contains("S3") && text.contains("police on scene"))
    }
}
