import Foundation
import SitRoomCore

/// Everything that happens to a console, as a value for `AppModel.update(_:)`: the officer's keys,
/// the clock, and what the run loop learnt performing an `Effect` (the store's answers).
public enum ConsoleMessage: Sendable {
    case key(Key)
    /// The first frame is on the screen: what can wait for it starts now.
    case started
    /// The clock, about once a second. `link`: the store's reachability as it says now;
    /// `pollStore`: the store cannot wake the loop, or a writer was mid-append: look for news.
    case tick(Date, link: ServerStatus, pollStore: Bool)
    /// The store's waker fired: other consoles may have committed.
    case storeWoke
    /// What other consoles committed, taken in by `.follow`, and the store's board after it.
    case followed([(seq: UInt64, change: Change)], board: Board, seq: UInt64)
    case followFailed(String)
    /// The store's answer to `.commit`: the change's result, the store's board just before the
    /// commit (others' changes included) and after it (derived alerts included).
    case committed(Change, CommitResult, before: Board, board: Board, seq: UInt64)
    /// The store's board after `.syncAlerts`.
    case alertsSynced(board: Board, seq: UInt64)
    /// The officers at the other writing consoles; nil: the store cannot tell.
    case consoles([String]?)
    /// The trends read by `.seedTrends`; nil: the history could not give them.
    case trendsSeeded(BoardTrends?)
    case briefingBaseline(Board)
    case briefingBaselineFailed(String)
    /// The answer to `.setTheme`: nil, or why the theme could not be used.
    case themeSwitched(String, failure: String?)
    /// `.suspend` found no job control.
    case suspendFailed
}
