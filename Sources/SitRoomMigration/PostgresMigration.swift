import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import SitRoomWire

/// `sitroom migrate`: a local situation onto an empty server, every change at its own sequence
/// number, in one transaction (a failure leaves the server empty), then read back and compared.
public enum PostgresMigration {
    public struct Report: Sendable {
        /// The snapshot the history starts from (0 for a history kept from the very start).
        public var startSeq: UInt64
        public var changes: Int
        public var lastSeq: UInt64
    }

    /// Changes sent per INSERT.
    static let chunk = 2_000

    public static func migrate(from directory: DataDirectory, to store: PostgresChangeStore,
                               progress: (_ done: Int) -> Void = { _ in }) throws -> Report {
        guard store.seq == 0 else { throw PostgresStoreError.notEmpty(store.seq) }
        let local = try ChangeLog.open(directory, mode: .readOnly)
        var start: (board: Board, seq: UInt64) = (Board(), 0)
        var pending: [PendingRow] = []
        var sent = 0
        let batch = UUID()
        try store.beginMigration()
        do {
            func flush() throws {
                guard !pending.isEmpty else { return }
                try store.sendChanges(pending, batch: batch)
                sent += pending.count
                pending.removeAll(keepingCapacity: true)
                progress(sent)
            }
            var last: UInt64 = 0
            do {
                try History.open(directory).replay(from: .seq(0), starting: { board, seq in start = (board, seq) }) { seq, change, _ in
                    pending.append(PendingRow(seq: seq, at: change.at, officer: change.officer, type: change.action.type,
                                              payload: try ChangePayload.encode(change)))
                    last = seq
                    if pending.count >= chunk { try flush() }
                }
            } catch StoreError.historyUnavailable {
                // Older generations were not kept: start from the board as it is now.
                start = (local.board, local.seq)
                pending.removeAll()
                last = local.seq
            }
            try flush()
            guard max(last, start.seq) == local.seq else {
                throw PostgresStoreError.damaged("the history ends at #\(last) but the data directory is at #\(local.seq)")
            }
            if start.seq > 0 { try store.sendSnapshot(try Snapshot.encode(start.board, seq: start.seq), seq: start.seq) }
            try store.sendSnapshot(try Snapshot.encode(local.board, seq: local.seq), seq: local.seq)
            try store.finishMigration(head: local.seq)
        } catch {
            store.rollBackMigration()
            throw error
        }
        return Report(startSeq: start.seq, changes: sent, lastSeq: local.seq)
    }
}
