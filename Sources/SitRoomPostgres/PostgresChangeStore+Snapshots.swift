import Foundation
import PostgresNIO
import SitRoomCore
import SitRoomWire

/// The board stored now and then, so that a new console reads one snapshot and the changes after
/// it; the changes themselves are never deleted (they are the history).
extension PostgresChangeStore {
    /// Encodes the board on another thread (a large board takes a while); `tend` stores it.
    func startSnapshot() {
        snapshotting = true
        let board = self.board
        let seq = self.seq
        let inbox = self.inbox
        Thread.detachNewThread {
            guard let bytes = try? Snapshot.encode(board, seq: seq) else { return }
            inbox.post { $0.snapshot = (seq, bytes) }
        }
    }

    func writeSnapshot(_ bytes: [UInt8], seq: UInt64, waiting: Bool) throws {
        guard let connection else { return }
        let insert = connection.query(PostgresSchema.insertSnapshot(seq: seq, board: bytes), logger: logger)
        let prune = connection.query(PostgresSchema.pruneSnapshots, logger: logger)
        lastSnapshotSeq = seq
        if waiting {
            _ = try waitFor(insert, seconds: timeouts.query * 4, what: "store a snapshot")
            _ = try waitFor(prune, seconds: timeouts.query, what: "prune snapshots")
        }
    }
}
