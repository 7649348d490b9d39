import Foundation
import SitRoomCore

/// A moment in a store's history.
public enum HistoryPoint: Sendable, Equatable {
    /// Just after the change with this sequence number.
    case seq(UInt64)
    /// Just after the last change made at or before this time.
    case time(Date)
    /// Just after the `briefing.mark` change of this briefing.
    case briefing(Briefing)
}

/// The board as it was at an earlier moment, wherever the changes are kept: a data directory's
/// journals (`History`) or a server's table of changes. For `report`, `--at`, the briefing view and
/// the sparklines.
public protocol BoardHistory {
    /// The board just after `point`, and the number of the last change in it.
    func board(at point: HistoryPoint) throws -> (board: Board, seq: UInt64)
    /// When change `seq` was made, if the history still has it.
    func time(ofChange seq: UInt64) throws -> Date?
    /// The trends of the window ending at `now`; throws `historyUnavailable` when the history does
    /// not reach back that far.
    func trends(endingAt now: Date, window: TimeInterval) throws -> BoardTrends
    /// Every change after `seq` that the history still holds, in order (for `sitroom audit`).
    func forEachChange(after seq: UInt64, _ body: (UInt64, Change) throws -> Void) throws
}

extension ChangeStore {
    /// This store's history: a data directory's files, or the server's tables.
    public func history() throws -> any BoardHistory {
        if let provider = self as? any BoardHistoryProvider { return try provider.openHistory() }
        throw StoreError.historyUnavailable("this store keeps no history")
    }

    /// Opens this store's history afresh on whatever thread calls it, for a long read that must
    /// not hold up the run loop (the trends); nil when the store keeps no history.
    public var historyOpener: (@Sendable () throws -> any BoardHistory)? {
        (self as? any BoardHistoryProvider)?.historyOpener
    }
}

/// A store that can read its own history.
public protocol BoardHistoryProvider {
    func openHistory() throws -> any BoardHistory
    /// Opens the history anew, sharing nothing with this store (which belongs to one thread).
    var historyOpener: @Sendable () throws -> any BoardHistory { get }
}
