import Foundation
import SitRoomCore
import Synchronization

/// Numbers that are never handed out twice in a process: a model's board gets a new one on every
/// change, so a cached panel keyed by it can never be mistaken for another board's, even across
/// copies of the model.
enum Version {
    private static let counter = Atomic<UInt64>(0)
    static func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}

/// The rows of each panel as last built. Sorting and formatting 3,000 hospitals for every key press
/// and every frame was most of a frame's time; the rows change only when the board, the filter, the
/// sort order or the minute changes.
final class PanelCache: @unchecked Sendable {
    struct Key: Hashable {
        var panel: PanelID
        var board: UInt64
        var baseline: UInt64
        var filter: String?
        var sort: Int?
        var minute: Int
    }

    // Only the run loop's thread draws and updates; the lock is for tests that run in parallel.
    private let lock = NSLock()
    private var entries: [Key: PanelContent] = [:]
    private var summaryKey: (board: UInt64, minute: Int)?
    private var summaryValue: NationalSummary?

    /// The national figures, once per board and minute (summing 3,000 hospitals every frame adds up).
    func summary(board: UInt64, minute: Int, build: () -> NationalSummary) -> NationalSummary {
        lock.lock()
        if let key = summaryKey, key == (board, minute), let value = summaryValue {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = build()
        lock.lock()
        summaryKey = (board, minute)
        summaryValue = value
        lock.unlock()
        return value
    }

    func content(_ key: Key, build: () -> PanelContent) -> PanelContent {
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let built = build()
        lock.lock()
        if entries.count >= 32 { entries.removeAll(keepingCapacity: true) }
        entries[key] = built
        lock.unlock()
        return built
    }
}

extension AppModel {
    /// `board.summary(at: now)`, computed once per board and minute.
    public var summary: NationalSummary {
        panelCache.summary(board: boardVersion, minute: Int((now.timeIntervalSince1970 / 60).rounded(.down))) {
            board.summary(at: now)
        }
    }
}
