import Foundation
import SitRoomCore

/// The board as it was at an earlier moment, wherever the changes are kept: a data directory's
/// journals (`History`) or a server's table of changes. For `report`, `--at` and the briefing view.
public protocol BoardHistory {
    /// The board just after `point`, and the number of the last change in it.
    func board(at point: History.Point) throws -> (board: Board, seq: UInt64)
    /// When change `seq` was made, if the history still has it.
    func time(ofChange seq: UInt64) throws -> Date?
}

extension History: BoardHistory {}

extension ChangeStore {
    /// This store's history: a data directory's files, or the server's tables.
    public func history() throws -> any BoardHistory {
        if let provider = self as? any BoardHistoryProvider { return try provider.openHistory() }
        throw StoreError.historyUnavailable("this store keeps no history")
    }
}

/// A store that can read its own history.
public protocol BoardHistoryProvider {
    func openHistory() throws -> any BoardHistory
}

extension ChangeLog: BoardHistoryProvider {
    public func openHistory() throws -> any BoardHistory { try History.open(directory) }
}
