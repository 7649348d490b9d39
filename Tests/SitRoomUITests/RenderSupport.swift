import Foundation
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

    static func render(_ model: AppModel, _ width: Int, _ height: Int) -> ScreenBuffer {
        var m = model
        m.width = width
        m.height = height
        return Dashboard.render(m, width: width, height: height)
    }

    /// Expected screens live next to this file in Screens/; SITROOM_RECORD=1 rewrites them for review.
    static func expectedScreen(_ name: String, file: String = #filePath) -> (path: String, text: String?) {
        let dir = (file as NSString).deletingLastPathComponent + "/Screens"
        let path = dir + "/" + name + ".txt"
        return (path, try? String(contentsOfFile: path, encoding: .utf8))
    }
}
