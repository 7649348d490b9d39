import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import SitRoomChangeStore
import SitRoomCore
import SitRoomWire

/// The change log kept in PostgreSQL: many consoles on many hosts share one ordered log.
///
/// Used from one thread (the console's run loop, or a command), like `ChangeLog`; NIO's threads only
/// post to the `PostgresInbox`. Every query waits at most `timeouts.query`; a connection that fails
/// or goes silent is dropped, `link` says DISCONNECTED, commits are refused (never queued), and
/// `tend` reconnects with backoff and catches up by sequence number.
public final class PostgresChangeStore: ChangeStore {
    /// What a connection is for, as `pg_stat_activity` shows it: consoles find each other by it.
    public enum Client: Sendable {
        /// A console an officer writes from (`sitroom console NAME`); counted in others' top bars.
        case console
        /// `apply`, `migrate`, a wall display, a test (`sitroom NAME`): not counted.
        case tool
    }

    public struct Timeouts: Sendable {
        public var connect: Double = 5
        public var query: Double = 5
        /// A connected console asks the server for the last sequence number this often when it
        /// has heard nothing (it finds a silent network, and any NOTIFY that was missed).
        public var probeEvery: Double = 5
        public var backoffFirst: Double = 0.5
        public var backoffMax: Double = 8
        public init() {}
    }

    public let address: PostgresAddress
    public let isReadOnly: Bool
    public var timeouts: Timeouts
    /// A snapshot is stored after this many changes, so that a new console starts fast.
    public var snapshotEvery: UInt64 = 10_000
    public internal(set) var board = Board()
    public internal(set) var seq: UInt64 = 0
    public private(set) var notes: [String] = []
    public internal(set) var failure: String?
    public internal(set) var link: StoreLink = .connected
    public private(set) var refreshPending = false
    public var origin: Origin?
    /// Officers at the other writing consoles, as the server last listed them (asked for in `tend`);
    /// nil for a connection that is not a writing console's. Read through `joinConsoles`.
    public internal(set) var otherConsoles: [String]?
    public var location: String { address.description }

    let group: MultiThreadedEventLoopGroup
    let inbox = PostgresInbox()
    let logger: Logger
    /// `var`: a console found to change nothing renames its connection (`stopCountingAsConsole`),
    /// and a reconnection keeps the new name.
    var configuration: PostgresConnection.Configuration
    var connection: PostgresConnection?
    var connecting = false
    var backoff: Double
    var lastHeard = Date()
    var probeSentAt: Date?
    var lastSnapshotSeq: UInt64 = 0
    var consolesAskedAt: Date?
    var snapshotting = false
    /// A commit whose COMMIT went unanswered: its batch and changes, to settle after reconnecting.
    var inDoubt: (batch: UUID, changes: [Change], results: [CommitResult])?
    /// Rows read per query while catching up.
    let pageSize = 5_000

    private init(address: PostgresAddress, tls: PostgresConnection.Configuration.TLS, readOnly: Bool, officer: String, client: Client,
                 timeouts: Timeouts) {
        self.address = address
        self.isReadOnly = readOnly
        self.timeouts = timeouts
        backoff = timeouts.backoffFirst
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "sitroom.postgres")
        logger.logLevel = .critical  // the console owns the terminal; errors reach the officer as values
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(Int64(timeouts.connect * 1000))
        // Shows in pg_stat_activity, so a DBA sees which officer's console a connection is.
        let name = String(officer.prefix(40))
        let console = client == .console && !readOnly
        configuration.options.additionalStartupParameters = [
            ("application_name", (console ? PostgresSchema.consolePrefix : "sitroom ") + name)]
        otherConsoles = console ? [] : nil
        self.configuration = configuration
    }

    deinit {
        connection.map { closeQuietly($0) }
        try? group.syncShutdownGracefully()
    }

    /// Connects, creates the tables if this is a writer and they are missing, loads the last
    /// snapshot and every change after it. Throws if the server cannot be reached: a console
    /// that never had the board has nothing to show.
    public static func open(_ address: PostgresAddress, readOnly: Bool = false, officer: String = "sitroom", client: Client = .tool,
                            timeouts: Timeouts = Timeouts()) throws -> PostgresChangeStore {
        let store = PostgresChangeStore(address: address, tls: try address.tls(), readOnly: readOnly, officer: officer, client: client,
                                        timeouts: timeouts)
        let connection: PostgresConnection
        do {
            connection = try waitFor(store.connect(), seconds: timeouts.connect + 1, what: "connect")
        } catch {
            if (error as? PSQLError)?.code == .authMechanismRequiresPassword { throw PostgresStoreError.needsPassword(address.description) }
            if let why = PostgresTLSDiagnosis.explain(error, address: address, group: store.group, timeout: timeouts.connect) {
                throw PostgresStoreError.tlsRefused(address: address.description, why: why)
            }
            throw PostgresStoreError.unreachable("\(address): \(PostgresErrorText.describe(error))")
        }
        try store.attach(connection)
        do {
            if !readOnly { try store.run(PostgresSchema.create) }
            try store.loadSnapshot()
            while try !store.catchUp().isEmpty {}
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            // A watcher never creates the tables: on a database nobody has written to yet they are missing.
            if PostgresErrorText.sqlState(error) == "42P01" { throw PostgresStoreError.noSituation(address.description) }
            throw PostgresStoreError.unreachable(PostgresErrorText.describe(error))
        }
        return store
    }

    // MARK: Following

    public func refresh(waiting: Bool = true) throws -> [(seq: UInt64, change: Change)] {
        guard connection != nil else { return [] }
        do {
            let fresh = try catchUp()
            refreshPending = fresh.count == pageSize
            return fresh
        } catch let error as PostgresStoreError {
            if case .damaged = error { throw error }
            lose(error)
            return []
        } catch {
            lose(error)
            return []
        }
    }

    /// Reads up to a page of changes after `seq` and applies them.
    @discardableResult
    func catchUp() throws -> [(seq: UInt64, change: Change)] {
        let rows = try query(PostgresSchema.changes(after: seq, limit: pageSize), what: "read changes")
        let fresh = try rows.map { try Self.decodeChange($0) }
        try apply(fresh)
        if !fresh.isEmpty { lastHeard = Date() }
        return fresh
    }

    /// Others' committed changes, in order and without gaps, onto the board.
    func apply(_ fresh: [(seq: UInt64, change: Change)]) throws {
        for (s, change) in fresh {
            guard s == seq + 1 else {
                throw PostgresStoreError.damaged("change #\(seq + 1) is missing (the next one is #\(s))")
            }
            do {
                try board.replay(change)
            } catch {
                throw PostgresStoreError.damaged("change #\(s) does not apply: \(error)")
            }
            seq = s
        }
    }

    static func decodeChange(_ row: PostgresRow) throws -> (seq: UInt64, change: Change) {
        let (s, payload) = try row.decode((Int64, ByteBuffer).self)
        do {
            return (UInt64(s), try JournalRecord.decodeChange(ArraySlice(payload.readableBytesView)))
        } catch {
            throw PostgresStoreError.damaged("change #\(s): \(error)")
        }
    }

    private func loadSnapshot() throws {
        guard let row = try query(PostgresSchema.lastSnapshot, what: "read the snapshot").first else { return }
        let (s, bytes) = try row.decode((Int64, ByteBuffer).self)
        do {
            (board, seq) = try Snapshot.decode(Array(bytes.readableBytesView))
        } catch {
            throw PostgresStoreError.damaged("snapshot at #\(s): \(error)")
        }
        lastSnapshotSeq = seq
    }

    public func makeWaker() -> (any StoreWaker)? { PostgresWaker(inbox) }

    public func close() {
        // A short `apply` run adds no snapshot: the next console reads its few changes anyway.
        if !isReadOnly, connection != nil, seq >= lastSnapshotSeq + max(1, snapshotEvery / 10), failure == nil {
            try? writeSnapshot(Snapshot.encode(board, seq: seq), seq: seq, waiting: true)
        }
        if let connection { let closing: EventLoopFuture<Void> = connection.close(); _ = try? waitFor(closing, seconds: 2, what: "close") }
        connection = nil
    }

    // MARK: Queries

    func query(_ q: PostgresQuery, what: String) throws -> [PostgresRow] {
        guard let connection else { throw PostgresStoreError.disconnected(since: linkSince) }
        return try waitFor(connection.query(q, logger: logger), seconds: timeouts.query, what: what).rows
    }

    /// Sends every query at once (one round trip) and waits for the last; the first error wins.
    func run(_ queries: [PostgresQuery]) throws {
        guard let connection else { throw PostgresStoreError.disconnected(since: linkSince) }
        let futures = queries.map { connection.query($0, logger: logger) }
        for (i, f) in futures.enumerated() {
            _ = try waitFor(f, seconds: timeouts.query, what: "statement \(i + 1) of \(futures.count)")
        }
    }

    /// This connection's `application_name` without the console prefix, now and after a reconnection:
    /// other consoles no longer count it as writing.
    func stopCountingAsConsole() {
        guard let (key, name) = configuration.options.additionalStartupParameters.first(where: { $0.0 == "application_name" }),
              name.hasPrefix(PostgresSchema.consolePrefix) else { return }
        let renamed = "sitroom watching " + name.dropFirst(PostgresSchema.consolePrefix.count)
        configuration.options.additionalStartupParameters = [(key, renamed)]
        // A lost connection is renamed when it is made again.
        try? run([PostgresSchema.setApplicationName(renamed)])
    }

    var linkSince: String {
        if case .disconnected(let since, _, _) = link { return Self.clock(since) }
        return Self.clock(Date())
    }

    static func clock(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: date)
    }
}
