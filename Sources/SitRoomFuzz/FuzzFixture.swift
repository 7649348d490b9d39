import Foundation
import SitRoomCore

/// The board and clock every target reads against: the demo situation at a fixed moment, so a
/// run is the same run every time.
enum FuzzFixture {
    static let now = Date(timeIntervalSince1970: 1_732_300_000)
    static let officer = "fuzz"
    static let board = DemoSituation.board(now: now)
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    /// Applies each change to a copy of the demo board, as a commit would; counts the refused ones.
    static func applyAll(_ changes: [Change], to start: Board = board) -> (applied: Int, firstRefusal: String?) {
        var board = start
        var applied = 0
        var firstRefusal: String?
        for change in changes {
            do {
                try board.apply(change)
                applied += 1
            } catch {
                if firstRefusal == nil { firstRefusal = "\(error)" }
            }
        }
        return (applied, firstRefusal)
    }
}
