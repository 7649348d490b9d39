import Foundation
import Testing
@testable import SitRoomCore

/// A security incident opened with `sec` on the live console and moved through its steps; the
/// police-late alert is raised by the step that makes the police late (notified 25 minutes ago,
/// typed with at=) and cleared by their arrival, both in the same commit as the step.
@Suite(.serialized) struct HospitalSecurityTests: DemoSuite {
    let demo: DemoData
    init() throws { demo = try DemoData("security") }

    func board() throws -> BoardDocument {
        let r = sitroom(["export", "--data", data])
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    func command(_ t: TmuxSession, _ line: String) {
        t.sendKeys(":")
        t.sendText(line)
        t.sendKeys("Enter")
    }

    @Test func anIncidentOpenedWithSecMovesThroughItsStepsAndPoliceLateIsRaisedAndCleared() throws {
        defer { demo.remove() }
        let t = try TmuxSession.console(data: data, officer: "desk.sec", width: 110, height: 30)
        try t.waitFor("✔ saved")

        command(t, "sec snuh vio injured=1 at=-30m drunk patient hit a nurse")
        try t.waitFor("S6 서울대학교병원 violence against staff, 1 staff injured at ")
        t.sendKeys("9")
        try t.waitUntil("S6 in the security view, police not called") { screen in
            screen.split(separator: "\n").contains { $0.contains("S6") && $0.contains("police not called") }
        }

        // Out of order: refused with the reason, the line kept for correction.
        command(t, "sec S6 onscene")
        try t.waitFor("police on scene before they were notified")
        t.sendKeys("Escape")

        command(t, "sec S6 notified 112 by=nurse at=-25m")
        try t.waitFor("S6 서울대학교병원 police notified (112 by nurse)")
        var doc = try board()
        let raised = try #require(doc.alerts.first { $0.id == "police-late/S6" }, "raised with the step")
        #expect(raised.severity == .critical && raised.raised.by == "desk.sec")
        #expect(raised.text.contains("police not on scene 25 min after notified"))
        try t.waitUntil("S6 waiting for the police, in the alert colour's words") { screen in
            screen.split(separator: "\n").contains { $0.contains("S6") && $0.contains("waiting for police 25m") }
        }
        t.sendKeys("6")
        try t.waitUntil("the alert in the alerts view") { screen in
            screen.split(separator: "\n").contains { $0.contains("▲ CRIT") && $0.contains("police not on scene 25 min") }
        }

        t.sendKeys("9")
        command(t, "sec S6 onscene")
        try t.waitFor("S6 서울대학교병원 police on scene, 25m after notified")
        doc = try board()
        #expect(!doc.alerts.contains { $0.id == "police-late/S6" }, "cleared with the step")
        #expect(doc.alertHistory.last { $0.id == "police-late/S6" }?.cleared?.by == "desk.sec")

        command(t, "sec S6 closed arr taken to the station")
        try t.waitFor("S6 서울대학교병원 closed: arrest – taken to the station")
        try t.waitUntil("S6 among the closed, with its response time") { screen in
            screen.split(separator: "\n").contains { $0.contains("S6") && $0.contains("25m") && $0.contains("closed") && $0.contains("arrest") }
        }
        let closed = try #require(try board().securityIncidents.first { $0.id == "S6" })
        // Notified 25 minutes before the notify command; on scene when its own command ran, seconds later.
        #expect(closed.outcome == .arrest && closed.resolved?.by == "desk.sec")
        #expect(closed.policeResponse.map { Int($0) / 60 } == 25)

        // A step on a closed incident is refused.
        command(t, "sec S6 onscene")
        try t.waitFor("S6 was already closed at")
        t.sendKeys("Escape")
        t.sendKeys("q")
    }
}
