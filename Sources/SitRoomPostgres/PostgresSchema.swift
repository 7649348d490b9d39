import Foundation
import PostgresNIO

/// The tables, created on first use by a writing console:
///
/// - `sitroom_head`: one row, the sequence number of the last change. Updating it under
///   `FOR UPDATE` inside the committing transaction serialises writers, so sequence numbers are
///   gap-free and every console sees one order.
/// - `sitroom_changes`: every change ever made, by sequence number: the binary payload sitroom
///   reads (as in a data directory's journal), and who, when and what type, for SQL readers.
///   `batch` names the transaction that wrote it, to find out after a lost connection whether an
///   unanswered COMMIT was kept.
/// - `sitroom_snapshots`: the board at some sequence numbers, so that a new console starts from
///   the last one instead of replaying every change (and the history views from the one before
///   their moment).
enum PostgresSchema {
    /// NOTIFY channel; the payload is the new last sequence number.
    static let channel = "sitroom_changes"
    /// Snapshots kept; older ones are deleted after a new one is written.
    static let snapshotsKept = 3
    /// Two consoles creating the tables at once would collide in the catalogue: one lock for it.
    static let creationLock: Int64 = 0x5173_7472_6f6f_6d01

    static let create: [PostgresQuery] = [
        "BEGIN",
        "SELECT pg_advisory_xact_lock(\(creationLock))",
        """
        CREATE TABLE IF NOT EXISTS sitroom_head (
            id int PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL)
        """,
        "INSERT INTO sitroom_head (id, seq) VALUES (1, 0) ON CONFLICT DO NOTHING",
        """
        CREATE TABLE IF NOT EXISTS sitroom_changes (
            seq bigint PRIMARY KEY,
            at timestamptz NOT NULL,
            officer text NOT NULL,
            type text NOT NULL,
            payload bytea NOT NULL,
            batch uuid NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sitroom_changes_batch ON sitroom_changes (batch)",
        """
        CREATE TABLE IF NOT EXISTS sitroom_snapshots (
            seq bigint PRIMARY KEY,
            taken timestamptz NOT NULL DEFAULT now(),
            board bytea NOT NULL)
        """,
        "COMMIT",
    ]

    static func changes(after seq: UInt64, limit: Int) -> PostgresQuery {
        "SELECT seq, payload FROM sitroom_changes WHERE seq > \(Int64(seq)) ORDER BY seq LIMIT \(Int64(limit))"
    }

    static let lockHead: PostgresQuery = "SELECT seq FROM sitroom_head WHERE id = 1 FOR UPDATE"
    static let head: PostgresQuery = "SELECT seq FROM sitroom_head WHERE id = 1"

    /// A writing console's `application_name`, followed by its officer.
    static let consolePrefix = "sitroom console "
    /// The other writing consoles on this database, oldest first.
    static let otherConsoles: PostgresQuery = """
        SELECT substr(application_name, \(Int32(consolePrefix.count + 1))) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND starts_with(application_name, \(consolePrefix))
        ORDER BY backend_start
        """
    static func setApplicationName(_ name: String) -> PostgresQuery {
        "SELECT set_config('application_name', \(name), false)"
    }
    static let lastSnapshot: PostgresQuery = "SELECT seq, board FROM sitroom_snapshots ORDER BY seq DESC LIMIT 1"

    static func insert(_ rows: [PendingRow], batch: UUID) -> PostgresQuery {
        let seqs = rows.map { Int64($0.seq) }
        let times = rows.map { $0.at.timeIntervalSince1970 }
        let officers = rows.map(\.officer)
        let types = rows.map(\.type)
        let payloads = rows.map { ByteBuffer(bytes: $0.payload) }
        return """
            INSERT INTO sitroom_changes (seq, at, officer, type, payload, batch)
            SELECT s, to_timestamp(a), o, t, p, \(batch)
            FROM unnest(\(seqs)::int8[], \(times)::float8[], \(officers)::text[], \(types)::text[], \(payloads)::bytea[])
                AS u(s, a, o, t, p)
            """
    }

    static func setHead(_ seq: UInt64) -> PostgresQuery {
        "UPDATE sitroom_head SET seq = \(Int64(seq)) WHERE id = 1"
    }

    static func notify(_ seq: UInt64) -> PostgresQuery {
        "SELECT pg_notify(\(channel), \(String(seq)))"
    }

    static func batchSeqs(_ batch: UUID) -> PostgresQuery {
        "SELECT seq FROM sitroom_changes WHERE batch = \(batch) ORDER BY seq"
    }

    static func insertSnapshot(seq: UInt64, board: [UInt8]) -> PostgresQuery {
        "INSERT INTO sitroom_snapshots (seq, board) VALUES (\(Int64(seq)), \(ByteBuffer(bytes: board))) ON CONFLICT DO NOTHING"
    }

    /// Keeps the newest few, and the oldest: a migrated situation's history starts there.
    static let pruneSnapshots: PostgresQuery = """
        DELETE FROM sitroom_snapshots WHERE seq < (
            SELECT min(seq) FROM (SELECT seq FROM sitroom_snapshots ORDER BY seq DESC LIMIT \(Int64(snapshotsKept))) AS kept)
          AND seq > (SELECT min(seq) FROM sitroom_snapshots)
        """
}

/// A change ready to be inserted.
package struct PendingRow {
    var seq: UInt64
    var at: Date
    var officer: String
    var type: String
    var payload: [UInt8]

    package init(seq: UInt64, at: Date, officer: String, type: String, payload: [UInt8]) {
        self.seq = seq
        self.at = at
        self.officer = officer
        self.type = type
        self.payload = payload
    }
}
