import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

/// A console on a server that cannot be reached: said in the top bar and in place of the national
/// figures, the board kept below, the seconds counted.
@Suite struct DisconnectedRenderTests {
    static let server = "postgres://duty@db.mohw.example/sitroom"

    static func disconnected(since seconds: Double, nextTry: Double?) -> AppModel {
        var m = RenderFixture.demoModel()
        m.server = .disconnected(server: server, since: m.now.addingTimeInterval(-seconds),
                                 reason: "connection refused: is the server running and listening there?",
                                 nextTry: nextTry.map { m.now.addingTimeInterval($0) })
        return m
    }

    @Test func theScreenMatchesTheReviewedOne() throws {
        let screen = RenderFixture.render(Self.disconnected(since: 42, nextTry: 3), 120, 40).text
        try RenderFixture.expectReviewedScreen(screen, "disconnected-120x40")
    }

    @Test func theTopBarAndTheBannerSaySoInTheAlarmColour() {
        let buffer = RenderFixture.render(Self.disconnected(since: 42, nextTry: 3), 80, 24)
        let lines = buffer.lines
        #expect(lines[0].contains("✖ DISCONNECTED"))
        #expect(!lines[0].contains("saved"))
        // 80 columns: the server's address gives way to what the officer must know.
        #expect(lines[1].contains("✖ DISCONNECTED since 19:32 (0:42), retrying in 3 s: connection refused"))
        #expect(lines[2].contains("Board as of #331, may be out of date. Entries refused, not queued."))
        for y in 1...2 { #expect(buffer[0, y].role == .notSaved) }
        // The board stays: the panels are drawn below as before.
        #expect(lines.contains { $0.contains("ER/ICU coverage") })
    }

    @Test func aTryUnderWaySaysSo() {
        let lines = RenderFixture.render(Self.disconnected(since: 125, nextTry: nil), 200, 60).lines
        #expect(lines[1].contains("DISCONNECTED from \(Self.server) since 19:31 (2:05), retrying now: connection refused"))
        #expect(lines[2].contains("The board is as of #331 and may be out of date. Entries are refused, not queued"))
    }

    @Test func aStoppedConsoleSaysItWillNotSave() {
        var m = RenderFixture.demoModel()
        m.server = .writingStopped(server: Self.server, reason: "the server is at change #1 but this console had #331")
        let buffer = RenderFixture.render(m, 120, 40)
        #expect(buffer.lines[0].contains("✖ WRITING STOPPED"))
        #expect(buffer.lines[1].contains("✖ WRITING STOPPED on \(Self.server): the server is at change #1"))
        #expect(buffer.lines[2].contains("nothing entered here is saved until sitroom is restarted"))
        #expect(buffer[0, 1].role == .notSaved)
    }

    @Test func connectedLooksLikeLocal() {
        var m = RenderFixture.demoModel()
        let local = RenderFixture.render(m, 120, 40)
        m.server = .connected(server: Self.server)
        #expect(RenderFixture.render(m, 120, 40) == local)
    }

    /// The banner counts seconds: a clock-only refresh would freeze it.
    @Test func aDisconnectedScreenIsRedrawnEverySecond() {
        var m = Self.disconnected(since: 5, nextTry: 1)
        let before = m.now
        m.now = before.addingTimeInterval(1)
        #expect(!Dashboard.tickNeedsOnlyTheClock(m, renderedAt: before))
        m.server = .connected(server: Self.server)
        #expect(Dashboard.tickNeedsOnlyTheClock(m, renderedAt: before))
    }
}
