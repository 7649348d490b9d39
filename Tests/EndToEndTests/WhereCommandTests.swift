import Foundation
import Testing
@testable import SitRoomCore
import SitRoomStore

/// `:where <condition> [region]` in the real console in tmux, on the demo: the list is the board's
/// own answer (`Board.capableHospitals`, the region first, then the freshest report), Enter opens
/// the hospital under the cursor, Esc comes back to the list; an unknown condition is refused on
/// the command line, naming the closest codes.
@Suite struct WhereCommandTests {
    @Test func whereListsTheCapableERsAndEnterOpensOne() throws {
        let demo = try DemoData("where")
        defer { demo.remove() }
        let board = try ChangeLog.open(DataDirectory(demo.path), mode: .readOnly).board
        let stroke = try #require(board.conditions.matching("stroke").first, "the condition table names stroke")
        let expected = board.capableHospitals(condition: stroke.code, region: "Seoul", now: Date())
        try #require(expected.count >= 3, "the demo has ERs that can take a stroke")

        let tmux = try TmuxSession.console(data: demo.path, officer: "e2e", width: 120, height: 60)
        _ = try tmux.waitFor("✔ saved")
        tmux.sendKeys(":")
        tmux.sendText("where stroke Seoul")
        tmux.sendKeys("Enter")
        let screen = try tmux.waitFor("Where: \(stroke.short)")
        let lines = screen.split(separator: "\n").map(String.init)
        // The first rows on the screen are the board's first answers, in its order.
        // A name too long for the column keeps its beginning and its end.
        let shown = expected.prefix(5).map { h in lines.firstIndex { $0.contains(h.name.prefix(3)) && $0.contains(h.name.suffix(4)) } }
        #expect(!shown.contains(nil), "every one of the first five on the screen:\n\(screen)")
        #expect(shown.compactMap { $0 } == shown.compactMap { $0 }.sorted(), "in the board's order:\n\(screen)")
        #expect(screen.contains("\(expected.count) open or limited ERs report it available"))

        // The second one: Enter opens its detail, with the condition's line in it; Esc goes back.
        tmux.sendKeys("Down")
        tmux.sendKeys("Enter")
        let second = expected[1]
        let detail = try tmux.waitUntil("the detail of \(second.name)") { screen in
            screen.contains("━ \(second.name) ━") && screen.contains("Severe conditions")
        }
        #expect(detail.contains(second.id))
        tmux.sendKeys("Escape")
        try tmux.waitFor("Where: \(stroke.short)")

        // An unknown condition: the line stays, with the closest codes.
        tmux.sendKeys(":")
        tmux.sendText("where strke")
        tmux.sendKeys("Enter")
        let refused = try tmux.waitFor("no condition matches")
        #expect(refused.contains(stroke.code), "names the closest code:\n\(refused)")
        #expect(refused.split(separator: "\n").last.map { $0.contains(":where strke") } == true, "the line kept:\n\(refused)")
    }
}
