import Foundation
import SitRoomCore

extension History {
    /// The trends of the window ending at `now`: the board as it was at the window's start, then
    /// every later change. Throws `historyUnavailable` when the history does not reach back that far
    /// (a data directory from before `history/` was kept).
    public func trends(endingAt now: Date, window: TimeInterval = TrendSeries.day) throws -> BoardTrends {
        let start = now.addingTimeInterval(-window)
        // One walk through the history: the board at the window's start, then every later change.
        var trends: BoardTrends?
        try replayHospitals(from: .time(start), starting: { board, seq in
            trends = BoardTrends(board: board, seq: seq, at: start, window: window)
        }) { seq, change, board in
            trends?.record(seq: seq, change: change, board: board)
        }
        return trends!
    }
}
