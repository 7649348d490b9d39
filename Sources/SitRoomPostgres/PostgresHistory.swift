import Foundation
import PostgresNIO
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire

/// The board at an earlier moment, from the server: the newest snapshot at or before it, then the
/// changes up to it. Points mean what they mean for a data directory's `History`: a time is just
/// before the first change (in sequence order) made after it; a briefing, just after its own mark.
extension PostgresChangeStore: BoardHistoryProvider, BoardHistory {
    public func openHistory() throws -> any BoardHistory { self }

    /// A connection of its own (a store opened read-only): this one belongs to the run loop's thread.
    public var historyOpener: @Sendable () throws -> any BoardHistory {
        { [address, timeouts] in try PostgresChangeStore.open(address, readOnly: true, timeouts: timeouts) }
    }

    public func board(at point: HistoryPoint) throws -> (board: Board, seq: UInt64) {
        let target: UInt64
        switch point {
        case .seq(let n):
            target = min(n, seq)
        case .time(let t):
            let row = try query("SELECT min(seq) FROM sitroom_changes WHERE at > to_timestamp(\(t.timeIntervalSince1970))",
                                what: "find the moment").first
            let firstAfter = try row?.decode(Int64?.self)
            target = firstAfter.map { UInt64($0) - 1 } ?? seq
        case .briefing(let b):
            target = try seqOfMark(b)
        }
        return (try board(atSeq: target), target)
    }

    public func time(ofChange n: UInt64) throws -> Date? {
        let row = try query("SELECT extract(epoch FROM at)::float8 FROM sitroom_changes WHERE seq = \(Int64(n))",
                            what: "read a change's time").first
        return try row.map { Date(timeIntervalSince1970: try $0.decode(Double.self)) }
    }

    /// The trends of the window ending at `now`: the board at the window's start, then every
    /// later change on the server.
    public func trends(endingAt now: Date, window: TimeInterval) throws -> BoardTrends {
        let start = now.addingTimeInterval(-window)
        var (board, at) = try board(at: .time(start))
        var trends = BoardTrends(board: board, seq: at, at: start, window: window)
        try replay(&board, from: &at, to: seq) { s, change, board in trends.record(seq: s, change: change, board: board) }
        return trends
    }

    /// Replays from the newest snapshot at or before `target`.
    func board(atSeq target: UInt64) throws -> Board {
        var board = Board()
        var at: UInt64 = 0
        let snapshot: PostgresQuery = "SELECT seq, board FROM sitroom_snapshots WHERE seq <= \(Int64(target)) ORDER BY seq DESC LIMIT 1"
        if let row = try query(snapshot, what: "read a snapshot").first {
            let (_, bytes) = try row.decode((Int64, ByteBuffer).self)
            (board, at) = try Snapshot.decode(Array(bytes.readableBytesView))
        }
        try replay(&board, from: &at, to: target)
        guard at == target else { throw StoreError.historyUnavailable("the server's history ends at #\(at)") }
        return board
    }

    public func forEachChange(after seq: UInt64, _ body: (UInt64, Change) throws -> Void) throws {
        var at = seq
        while true {
            let rows = try query(PostgresSchema.changes(after: at, limit: pageSize), what: "read changes")
            for row in rows {
                let (s, change) = try Self.decodeChange(row)
                try body(s, change)
                at = s
            }
            if rows.count < pageSize { return }
        }
    }

    /// Applies the server's changes after `at` up to `target` to `board`, calling `visit` with the
    /// board just after each; `at` ends at the last one applied.
    private func replay(_ board: inout Board, from at: inout UInt64, to target: UInt64,
                        visit: (UInt64, Change, Board) -> Void = { _, _, _ in }) throws {
        while at < target {
            let rows = try query(PostgresSchema.changes(after: at, limit: pageSize), what: "read changes")
            guard !rows.isEmpty else { break }
            for row in rows {
                let (s, change) = try Self.decodeChange(row)
                guard s <= target else { break }
                guard s == at + 1 else {
                    throw StoreError.historyUnavailable("the server has no changes #\(at + 1)–#\(s - 1)")
                }
                try board.replay(change)
                at = s
                visit(s, change, board)
            }
        }
    }

    /// The number of a briefing's own `briefing.mark` change.
    private func seqOfMark(_ briefing: Briefing) throws -> UInt64 {
        let rows = try query("SELECT seq, payload FROM sitroom_changes WHERE type = 'briefing.mark' ORDER BY seq DESC",
                             what: "find the briefing")
        for row in rows {
            let (s, change) = try Self.decodeChange(row)
            if case .markBriefing(let marked) = change.action, marked.id == briefing.id { return s }
        }
        throw StoreError.historyUnavailable("briefing \"\(briefing.title)\" is not in it")
    }
}
