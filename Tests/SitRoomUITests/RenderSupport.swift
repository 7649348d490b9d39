import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomUI

enum RenderFixture {
    /// 2026-11-23 19:33:20 KST.
    static let now = Date(timeIntervalSince1970: 1_795_430_000)
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    /// The demo board, with the trends of its own timeline (reports over the last hours, the census
    /// this morning), as a console that seeded them from the history would have them.
    static func demoModel() -> AppModel {
        var board = Board()
        var trends = BoardTrends()
        for (i, change) in DemoSituation.changes(now: now).enumerated() {
            try! board.apply(change)
            trends.record(seq: UInt64(i + 1), change: change, board: board)
        }
        var model = AppModel(board: board, seq: 331, now: now, timeZone: seoul, officer: "kim.duty", save: .saved(331))
        model.trends = trends
        return model
    }

    /// The demo model on a terminal of `width` × `height`.
    static func demoModel(width: Int, height: Int) -> AppModel {
        var model = demoModel()
        model.width = width
        model.height = height
        return model
    }

    static func render(_ model: AppModel, _ width: Int, _ height: Int) -> ScreenBuffer {
        var m = model
        m.width = width
        m.height = height
        return Dashboard.render(m, width: width, height: height)
    }

    /// Expected screens live next to this file in Screens/; SITROOM_RECORD=1 rewrites them for review.
    /// Checks `screen` against the reviewed one, Screens/`name`.txt; with SITROOM_RECORD=1 it
    /// writes the screen there instead, to be reviewed.
    static func expectReviewedScreen(
        _ screen: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (path, expected) = expectedScreen(name)
        if ProcessInfo.processInfo.environment["SITROOM_RECORD"] == "1" {
            try screen.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let want = try #require(expected, "missing \(path); run with SITROOM_RECORD=1 and review it",
                                sourceLocation: sourceLocation)
        #expect(screen == want, sourceLocation: sourceLocation)
    }

    static func expectedScreen(_ name: String, file: String = #filePath) -> (path: String, text: String?) {
        let dir = (file as NSString).deletingLastPathComponent + "/Screens"
        let path = dir + "/" + name + ".txt"
        return (path, try? String(contentsOfFile: path, encoding: .utf8))
    }
}
