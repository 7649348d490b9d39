import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite side of benchmark 1: sitroom's journal records as rows of
/// `changes(seq INTEGER PRIMARY KEY, record BLOB)` in Debian's libsqlite3, WAL mode, synchronous=FULL
/// (the WAL is synced at every commit, so a commit is durable when it returns, as sitroom's is).
/// Every statement is prepared once; every return code is checked.
final class SQLiteChanges {
    let path: String
    private var db: OpaquePointer?
    private var begin: OpaquePointer?
    private var insert: OpaquePointer?
    private var commit: OpaquePointer?
    private var rollback: OpaquePointer?

    /// Creates the database (it must not exist), sets WAL and synchronous=FULL and checks that both took.
    init(path: String) throws {
        self.path = path
        guard access(path, F_OK) != 0 else { throw BenchError("sqlite3: \(path) already exists") }
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        db = handle
        do {
            guard rc == SQLITE_OK else { throw error(rc, "open \(path)") }
            let mode = try queryText("PRAGMA journal_mode=WAL")
            guard mode == "wal" else { throw BenchError("sqlite3: journal_mode=WAL gave \(mode ?? "nothing")") }
            try execute("PRAGMA synchronous=FULL")
            let synchronous = try queryText("PRAGMA synchronous")
            guard synchronous == "2" else { throw BenchError("sqlite3: synchronous is \(synchronous ?? "nothing"), expected 2 (FULL)") }
            try execute("CREATE TABLE changes(seq INTEGER PRIMARY KEY, record BLOB)")
            begin = try prepare("BEGIN")
            insert = try prepare("INSERT INTO changes(seq, record) VALUES (?1, ?2)")
            commit = try prepare("COMMIT")
            rollback = try prepare("ROLLBACK")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Runs `body` in one transaction: BEGIN, body, COMMIT (ROLLBACK if it throws).
    func transaction(_ body: () throws -> Void) throws {
        try run(begin, "BEGIN")
        do {
            try body()
        } catch {
            try? run(rollback, "ROLLBACK")
            throw error
        }
        try run(commit, "COMMIT")
    }

    /// Inserts one record (bound in place, SQLITE_STATIC: the bytes outlive the step).
    func insert(seq: UInt64, record: [UInt8]) throws {
        try record.withUnsafeBytes { bytes in
            try check(sqlite3_bind_int64(insert, 1, sqlite3_int64(seq)), "bind seq")
            try check(sqlite3_bind_blob(insert, 2, bytes.baseAddress, Int32(bytes.count), nil), "bind record")
            try run(insert, "INSERT seq \(seq)")
            try check(sqlite3_clear_bindings(insert), "clear bindings")
        }
    }

    /// The rows and their total record bytes, to check that everything went in.
    func contents() throws -> (rows: Int, bytes: Int) {
        let statement = try prepare("SELECT count(*), coalesce(sum(length(record)), 0) FROM changes")
        defer { sqlite3_finalize(statement) }
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_ROW else { throw error(rc, "SELECT count(*)") }
        return (Int(sqlite3_column_int64(statement, 0)), Int(sqlite3_column_int64(statement, 1)))
    }

    /// Closes the database and removes it with its -wal and -shm files.
    func closeAndRemove() throws {
        for statement in [begin, insert, commit, rollback] { sqlite3_finalize(statement) }
        begin = nil; insert = nil; commit = nil; rollback = nil
        if let db {
            let rc = sqlite3_close(db)
            guard rc == SQLITE_OK else { throw error(rc, "close") }
            self.db = nil
        }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    private func close() {
        for statement in [begin, insert, commit, rollback] { sqlite3_finalize(statement) }
        begin = nil; insert = nil; commit = nil; rollback = nil
        if let db { sqlite3_close_v2(db) }
        db = nil
    }

    // MARK: Statements

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, statement != nil else {
            sqlite3_finalize(statement)
            throw error(rc, "prepare \"\(sql)\"")
        }
        return statement
    }

    /// Steps a statement that returns no rows to its end, and resets it for the next run.
    private func run(_ statement: OpaquePointer?, _ what: String) throws {
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_DONE else {
            let failure = error(rc, what)
            sqlite3_reset(statement)
            throw failure
        }
        try check(sqlite3_reset(statement), "reset after \(what)")
    }

    private func execute(_ sql: String) throws {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        var rc = sqlite3_step(statement)
        while rc == SQLITE_ROW { rc = sqlite3_step(statement) }
        guard rc == SQLITE_DONE else { throw error(rc, sql) }
    }

    /// The first column of the first row as text (nil if no row).
    private func queryText(_ sql: String) throws -> String? {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return sqlite3_column_text(statement, 0).map { String(cString: $0) }
        case SQLITE_DONE: return nil
        default: throw error(rc, sql)
        }
    }

    private func check(_ rc: Int32, _ what: String) throws {
        guard rc == SQLITE_OK else { throw error(rc, what) }
    }

    private func error(_ rc: Int32, _ what: String) -> BenchError {
        let message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
        return BenchError("sqlite3 \(what): \(message) (code \(rc))")
    }
}

/// The physical floor: records appended with pwrite at the end of a new file, each append fdatasync'd.
final class BareAppendFile {
    let path: String
    private var fd: Int32
    private(set) var size: off_t = 0

    init(path: String) throws {
        self.path = path
        fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchError("open \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { closeAndRemove() }

    /// pwrite of `bytes` at the end (retrying short writes), then fdatasync.
    func appendAndSync(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, size + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw BenchError("pwrite \(path): \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
        guard fdatasync(fd) == 0 else { throw BenchError("fdatasync \(path): \(String(cString: strerror(errno)))") }
        size += off_t(bytes.count)
    }

    func closeAndRemove() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        Glibc.unlink(path)
        fd = -1
    }
}
