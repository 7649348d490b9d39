import Foundation
import Testing
@testable import SitRoomCore

/// Two consoles on one data directory edit the same figure: the second to save is asked.
@Suite(.serialized) struct ConflictTests: DemoSuite {
    let demo: DemoData

    init() throws { demo = try DemoData("conflict") }

    func console(_ officer: String) throws -> TmuxSession {
        try TmuxSession.console(data: data, officer: officer, width: 100, height: 30)
    }

    @Test func theSecondOfficerToSaveTheSameFigureIsAsked() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let a = try console("desk.a")
        let b = try console("desk.b")
        for t in [a, b] {
            try t.waitFor("✔ saved")
            try t.openSNUHForm()
        }
        // Both forms are open on SNUH. Desk B saves ICU first.
        b.typeICU("9/58")
        b.sendKeys("Enter")
        let seq = demo.base + 1
        try b.waitFor("saved #\(seq):")
        // Desk A's console follows the journal: its top bar shows B's change while its form stays open.
        try a.waitUntil("desk A to follow B's change") { $0.contains("✔ saved #\(seq)") && $0.contains("ER/ICU status") }
        a.typeICU("1/58")
        a.sendKeys("Enter")
        try a.waitUntil("the conflict prompt") {
            $0.contains("Changed by another officer") && $0.contains("yours 1/58") && $0.contains("theirs 9/58")
        }
        a.sendKeys("y")
        try a.waitUntil("desk A's value saved") { $0.contains("saved #") && !$0.contains("Changed by another officer") }
        let export = TmuxSession.run([TmuxSession.sitroomBinary, "export", "--data", data, "--format", "json"], stdin: nil)
        let doc = try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(export.stdout.utf8))
        let snuh = try #require(doc.hospitals.first { $0.id == "A1100017" })
        #expect(snuh.icuBeds?.value == Capacity(available: 1, staffed: 58))
        #expect(snuh.icuBeds?.by == "desk.a", "kept after being asked")
        a.sendKeys("q")
        b.sendKeys("q")
    }
}
