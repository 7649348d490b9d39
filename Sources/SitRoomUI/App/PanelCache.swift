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
final class PanelCache: Sendable {
    struct Key: Hashable {
        var panel: PanelID
        var board: UInt64
        var baseline: UInt64
        var filter: String?
        var sort: Int?
        var minute: Int
    }

    private struct State {
        var entries: [Key: PanelContent] = [:]
        var summaryKey: (board: UInt64, minute: Int)?
        var summaryValue: NationalSummary?
    }

    // Only the run loop's thread draws and updates; the lock is for tests that run in parallel.
    // `build` runs outside it, as it always has (a build may use the cache too; the lock is not recursive).
    private let state = Mutex(State())

    /// The national figures, once per board and minute (summing 3,000 hospitals every frame adds up).
    func summary(board: UInt64, minute: Int, build: () -> NationalSummary) -> NationalSummary {
        let cached = state.withLock { state -> NationalSummary? in
            guard let key = state.summaryKey, key == (board, minute) else { return nil }
            return state.summaryValue
        }
        if let cached { return cached }
        let value = build()
        state.withLock { state in
            state.summaryKey = (board, minute)
            state.summaryValue = value
        }
        return value
    }

    func content(_ key: Key, build: () -> PanelContent) -> PanelContent {
        if let hit = state.withLock({ $0.entries[key] }) { return hit }
        let built = build()
        state.withLock { state in
            if state.entries.count >= 32 { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = built
        }
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
