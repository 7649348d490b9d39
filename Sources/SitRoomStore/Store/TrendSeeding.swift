import Foundation
import SitRoomChangeStore
import SitRoomCore
import Synchronization

/// Reads the sparklines' last 24 hours from the history on a thread of its own: on a busy day that
/// is a replay of tens of thousands of changes, seconds during which a console must still take keys.
public final class TrendSeeding: Sendable {
    /// nil while reading; then the trends, or nil inside when the history could not give them.
    private let result = Mutex<BoardTrends??>(nil)

    /// `openHistory` runs on the new thread (a store's `historyOpener`).
    public init(openHistory: @escaping @Sendable () throws -> any BoardHistory, endingAt now: Date) {
        Thread { [self] in
            let trends = try? openHistory().trends(endingAt: now, window: TrendSeries.day)
            result.withLock { $0 = .some(trends) }
        }.start()
    }

    /// The outcome once the thread is done (taken once), nil before.
    public func take() -> BoardTrends?? {
        result.withLock { value in
            defer { if value != nil { value = .some(nil) } }
            return value
        }
    }
}
