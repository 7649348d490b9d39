import Foundation
import PostgresNIO
import SitRoomCore
import SitRoomStore

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
        try store.begin()
        do {
            func flush() throws {
                guard !pending.isEmpty else { return }
                try store.send(PostgresSchema.insert(pending, batch: batch))
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
            if start.seq > 0 { try store.send(PostgresSchema.insertSnapshot(seq: start.seq, board: try Snapshot.encode(start.board, seq: start.seq))) }
            try store.send(PostgresSchema.insertSnapshot(seq: local.seq, board: try Snapshot.encode(local.board, seq: local.seq)))
            try store.send(PostgresSchema.setHead(local.seq))
            try store.send(PostgresSchema.notify(local.seq))
            try store.finish()
        } catch {
            store.rollBack()
            throw error
        }
        return Report(startSeq: start.seq, changes: sent, lastSeq: local.seq)
    }
}

/// A transaction spelled out statement by statement, for the migration.
extension PostgresChangeStore {
    func begin() throws {
        try run(["BEGIN", PostgresSchema.lockHead])
        let head = try query(PostgresSchema.head, what: "read the head")
        let at = UInt64(try head.first?.decode(Int64.self) ?? 0)
        if at != 0 { throw PostgresStoreError.notEmpty(at) }
    }

    func send(_ q: PostgresQuery) throws { try run([q]) }

    func finish() throws {
        guard let connection else { throw PostgresStoreError.disconnected(since: linkSince) }
        let answer = try waitFor(connection.query("COMMIT", logger: logger), seconds: timeouts.query * 6, what: "COMMIT")
        guard answer.metadata.command == "COMMIT" else { throw PostgresStoreError.damaged("the server rolled the migration back") }
    }

    func rollBack() {
        try? run(["ROLLBACK"])
    }
}
