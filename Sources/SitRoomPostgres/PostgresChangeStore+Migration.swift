import Foundation
import PostgresNIO

/// A whole situation sent in one transaction, statement by statement. `sitroom migrate`
/// (SitRoomMigration, which reads the data directory) drives it; this module reads no directory.
extension PostgresChangeStore {
    /// Opens the transaction and holds the head; the server must have no changes yet.
    package func beginMigration() throws {
        try run(["BEGIN", PostgresSchema.lockHead])
        let head = try query(PostgresSchema.head, what: "read the head")
        let at = UInt64(try head.first?.decode(Int64.self) ?? 0)
        if at != 0 { throw PostgresStoreError.notEmpty(at) }
    }

    package func sendChanges(_ rows: [PendingRow], batch: UUID) throws {
        try run([PostgresSchema.insert(rows, batch: batch)])
    }

    package func sendSnapshot(_ board: [UInt8], seq: UInt64) throws {
        try run([PostgresSchema.insertSnapshot(seq: seq, board: board)])
    }

    /// Sets the head to `seq`, tells the listening consoles, and commits.
    package func finishMigration(head seq: UInt64) throws {
        try run([PostgresSchema.setHead(seq), PostgresSchema.notify(seq)])
        guard let connection else { throw PostgresStoreError.disconnected(since: linkSince) }
        let answer = try waitFor(connection.query("COMMIT", logger: logger), seconds: timeouts.query * 6, what: "COMMIT")
        guard answer.metadata.command == "COMMIT" else { throw PostgresStoreError.damaged("the server rolled the migration back") }
    }

    package func rollBackMigration() {
        try? run(["ROLLBACK"])
    }
}
