import Foundation
@testable import SitRoomCore
@testable import SitRoomUI

enum RenderFixture {
    /// 2026-11-23 19:33:20 KST.
    static let now = Date(timeIntervalSince1970: 1_795_430_000)
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    static func demoModel() -> AppModel {
        let board = DemoSituation.board(now: now)
        return AppModel(board: board, seq: 331, now: now, timeZone: seoul, officer: "kim.duty", save: .saved(331))
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
