import Foundation
import NIOCore
import PostgresNIO
import SitRoomCore
import SitRoomChangeStore
import SitRoomWire

/// One commit is one transaction, in two round trips:
///
///     BEGIN; lock the head row; read what others committed since      (wait)
///     check and apply the changes on the board as it now is
///     INSERT the rows; UPDATE the head; NOTIFY; COMMIT                 (wait)
///
/// `.saved` only once COMMIT has answered COMMIT. A COMMIT with no answer leaves the outcome
/// unknown: the changes are reported not saved, and the batch is remembered, so that committing
/// exactly the same changes again after reconnecting finds them instead of writing them twice.
extension PostgresChangeStore {
    public func commit(_ changes: [Change], deriving: ((Board) -> [Change])? = nil) -> [CommitResult] {
        if isReadOnly { return changes.map { _ in .rejected(ChangeError(StoreError.readOnly.description)) } }
        if let failure { return changes.map { _ in .notSaved(failure) } }
        guard connection != nil else {
            let why = "DISCONNECTED from the server since \(linkSince), nothing is queued"
            return changes.map { _ in .notSaved(why) }
        }
        do {
            if let settled = try settleInDoubt(changes) { return settled }
            return try transaction(changes, deriving: deriving)
        } catch let error as PostgresStoreError {
            if case .damaged = error { failure = error.description } else { lose(error) }
            return changes.map { _ in .notSaved(error.description) }
        } catch {
            lose(error)
            return changes.map { _ in .notSaved(PostgresErrorText.describe(error)) }
        }
    }

    private func transaction(_ changes: [Change], deriving: ((Board) -> [Change])?) throws -> [CommitResult] {
        guard let connection else { throw PostgresStoreError.disconnected(since: linkSince) }
        let begin = [
            connection.query("BEGIN", logger: logger),
            connection.query(PostgresSchema.lockHead, logger: logger),
            connection.query(PostgresSchema.changes(after: seq, limit: Int(Int32.max)), logger: logger),
        ]
        var fresh: [PostgresRow] = []
        for (i, f) in begin.enumerated() {
            fresh = try waitFor(f, seconds: timeouts.query, what: "begin, step \(i + 1)").rows
        }
        try apply(try fresh.map { try Self.decodeChange($0) })

        var next = board
        var nextSeq = seq
        var results: [CommitResult] = []
        var rows: [PendingRow] = []
        var queue = changes[...]
        var derivedAsked = false
        while true {
            // Nothing derived from a batch refused whole: its officer made no change.
            if queue.isEmpty, !derivedAsked, let deriving, changes.isEmpty || !rows.isEmpty {
                derivedAsked = true
                queue = deriving(next)[...]
            }
            guard var change = queue.popFirst() else { break }
            if let origin { change.origin = origin }
            do {
                try next.apply(change)
                nextSeq += 1
                rows.append(PendingRow(seq: nextSeq, at: change.at, officer: change.officer, type: change.action.type,
                                       payload: try ChangePayload.encode(change)))
                results.append(.saved(nextSeq))
            } catch let error as ChangeError {
                results.append(.rejected(error))
            }
        }
        guard !rows.isEmpty else {
            _ = try waitFor(connection.query("ROLLBACK", logger: logger), seconds: timeouts.query, what: "rollback")
            return results
        }
        let batch = UUID()
        let writes = [
            connection.query(PostgresSchema.insert(rows, batch: batch), logger: logger),
            connection.query(PostgresSchema.setHead(nextSeq), logger: logger),
            connection.query(PostgresSchema.notify(nextSeq), logger: logger),
        ]
        let commit = connection.query("COMMIT", logger: logger)
        let answer: PostgresQueryResult
        do {
            answer = try waitFor(commit, seconds: timeouts.query, what: "COMMIT")
        } catch {
            inDoubt = (batch, changes, results)
            lose(error)
            let why = "the server did not answer the COMMIT (\(PostgresErrorText.describe(error))): the change is saved "
                + "only if it shows once the console reconnects; pressing Enter again then never saves it twice"
            return results.map { $0.seq == nil ? $0 : .notSaved(why) }
        }
        guard answer.metadata.command == "COMMIT" else {
            // The server rolled back: one of the writes failed. Its error says why.
            var why = "the server rolled the transaction back"
            for w in writes {
                if case .failure(let error) = Result(catching: { try waitFor(w, seconds: 0.1, what: "write") }) {
                    why = PostgresErrorText.describe(error)
                    break
                }
            }
            return results.map { $0.seq == nil ? $0 : .notSaved(why) }
        }
        board = next
        seq = nextSeq
        lastHeard = Date()
        if !snapshotting, seq - lastSnapshotSeq >= snapshotEvery { startSnapshot() }
        return results
    }

    /// After an unanswered COMMIT: was that batch kept? If so and these are the same changes, their
    /// saved numbers (the follow has put them on the board); otherwise forget it and go on.
    private func settleInDoubt(_ changes: [Change]) throws -> [CommitResult]? {
        guard let doubt = inDoubt else { return nil }
        let kept = try query(PostgresSchema.batchSeqs(doubt.batch), what: "look for the unanswered commit")
            .map { UInt64(try $0.decode(Int64.self)) }
        inDoubt = nil
        guard let last = kept.last, doubt.changes == changes else { return nil }
        while seq < last, try !catchUp().isEmpty {}
        // The numbers given in that transaction are the ones it was kept with.
        return Array(doubt.results.prefix(changes.count))
    }
}

/// A change as the server stores it: the same bytes as a data directory's journal record payload.
package enum ChangePayload {
    package static func encode(_ change: Change) throws -> [UInt8] {
        var record: [UInt8] = []
        try JournalRecord.encode(change, seq: 0, into: &record)
        return Array(record.dropFirst(JournalRecord.headerSize))
    }
}
