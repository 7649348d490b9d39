import Foundation
import Testing
@testable import SitRoomCore

/// Alerts are changes in the journal: raised with the change that causes them, acknowledged on one
/// console and seen so on another, cleared when the condition ends.
@Suite(.serialized) struct AlertsTests: DemoSuite {
    let demo: DemoData
    init() throws { demo = try DemoData("alerts") }

    func console(_ officer: String) throws -> TmuxSession {
        try TmuxSession.console(data: data, officer: officer, width: 110, height: 30)
    }

    func apply(_ line: String) -> String {
        TmuxSession.run([TmuxSession.sitroomBinary, "apply", "--data", data, "--command", "--officer", "nemc"], stdin: line + "\n").stdout
    }

    func board() throws -> BoardDocument {
        let r = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data], stdin: nil)
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func anAcknowledgementOnOneConsoleShowsOnTheOtherAndTheAlertClears() throws {
        defer { demo.remove() }
        // A hospital whose ER is open and that has no alert of its own yet.
        let before = try board()
        let open = before.hospitals.filter { h in
            h.erStatus?.value.state == .open && !before.alerts.contains { $0.subject == h.id }
        }
        let target = try #require(open.first)
        let a = try console("desk.a")
        let b = try console("desk.b")
        for t in [a, b] {
            try t.waitFor("✔ saved")
            t.sendKeys("6")
            try t.waitFor("6 Alerts")
        }
        #expect(apply("er \(target.id) closed \"generator failure\"").hasPrefix("ok "))
        let alertText = "\(target.name) ER closed"
        for t in [a, b] {
            try t.waitUntil("the new alert, unacknowledged, on top") { screen in
                screen.split(separator: "\n").first { $0.contains("▲ CRIT") }.map { $0.contains(alertText) && $0.contains("NEW") } ?? false
            }
        }
        let raised = try #require(try board().alerts.first { $0.id == "er-closed/\(target.id)" })
        #expect(raised.raised.by == "nemc", "raised in the same commit as the change, by its writer")

        a.sendKeys("A")
        try a.waitFor("Acknowledge \"\(alertText)\"")
        a.sendText("called the ER, 119 redirecting")
        a.sendKeys("Enter")
        try a.waitFor("acknowledged \(alertText)")
        try b.waitUntil("desk B to show desk A's acknowledgement") { screen in
            screen.split(separator: "\n").contains { $0.contains(alertText) && $0.contains("✔ desk.a") }
        }
        // Desk B cannot acknowledge it again.
        let row = b.capture().split(separator: "\n").firstIndex { $0.contains(alertText) }
        #expect(row != nil)
        let acked = try #require(try board().alerts.first { $0.id == "er-closed/\(target.id)" })
        #expect(acked.acknowledged?.by == "desk.a" && acked.note == "called the ER, 119 redirecting")

        #expect(apply("er \(target.id) open").hasPrefix("ok "))
        for t in [a, b] {
            try t.waitUntil("the alert gone from the active ones") { screen in
                !screen.split(separator: "\n").contains { $0.contains(alertText) && $0.contains("✔ desk.a") }
            }
            // Cleared alerts are listed after the active ones, the newest first: filtered to the
            // hospital, its cleared alert is in view however many others are active.
            t.sendKeys("/")
            t.sendText(target.name)
            t.sendKeys("Enter")
            try t.waitUntil("the alert cleared") { screen in
                screen.split(separator: "\n").contains { $0.contains(alertText) && $0.contains("cleared") }
            }
        }
        let after = try board()
        #expect(!after.alerts.contains { $0.id == "er-closed/\(target.id)" })
        #expect(after.alertHistory.last { $0.id == "er-closed/\(target.id)" }?.note == "called the ER, 119 redirecting")
        a.sendKeys("q")
        b.sendKeys("q")
    }
}
