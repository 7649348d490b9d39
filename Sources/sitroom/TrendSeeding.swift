import Foundation
import SitRoomCore
import SitRoomStore
import Synchronization

/// Reads the sparklines' last 24 hours from the history on a thread of its own: on a busy day that
/// is a replay of tens of thousands of changes, seconds during which a console must still take keys.
final class TrendSeeding: Sendable {
    /// nil while reading; then the trends, or nil inside when the history could not give them.
    private let result = Mutex<BoardTrends??>(nil)

    init(directory: DataDirectory, endingAt now: Date) {
        Thread { [self] in
            let trends = try? History.open(directory).trends(endingAt: now)
            result.withLock { $0 = .some(trends) }
        }.start()
    }

    /// The outcome once the thread is done (taken once), nil before.
    func take() -> BoardTrends?? {
        result.withLock { value in
            defer { if value != nil { value = .some(nil) } }
            return value
        }
    }
}
