import Foundation
import NIOCore
import PostgresNIO

/// Losing the server and finding it again.
extension PostgresChangeStore {
    func connect() -> EventLoopFuture<PostgresConnection> {
        PostgresConnection.connect(on: group.next(), configuration: configuration, id: Int.random(in: 1...Int(Int32.max)), logger: logger)
    }

    /// Makes `connection` the store's: its closing and its notifications reach the inbox.
    func attach(_ connection: PostgresConnection) throws {
        let inbox = self.inbox
        let id = connection.id
        // The callback keeps the connection alive until it has closed: postgres-nio asserts (in
        // debug builds) that a connection is never freed open, and a server that crashes closes it
        // on NIO's thread after this store has already let go of it (a crash of the test process
        // in CI, on a server restart).
        connection.closeFuture.whenComplete { result in
            withExtendedLifetime(connection) {}
            let why = switch result {
            case .success: "the server closed the connection"
            case .failure(let error): PostgresErrorText.describe(error)
            }
            inbox.post { $0.closed[id] = why }
        }
        connection.addListener(channel: PostgresSchema.channel) { _, _ in
            inbox.wake()
        }
        self.connection = connection
        do {
            try run(["SET synchronous_commit = on", "LISTEN \(unescaped: PostgresSchema.channel)"])
        } catch {
            lose(error)
            throw PostgresStoreError.unreachable(PostgresErrorText.describe(error))
        }
        link = .connected
        backoff = timeouts.backoffFirst
        lastHeard = Date()
        probeSentAt = nil
    }

    /// Drops the connection (a query failed or timed out, or it closed) and schedules a retry.
    func lose(_ error: any Error) {
        let reason = (error as? PostgresStoreError).map(\.description) ?? PostgresErrorText.describe(error)
        if let connection { closeQuietly(connection) }
        connection = nil
        probeSentAt = nil
        let since: Date = if case .disconnected(let s, _, _) = link { s } else { Date() }
        link = .disconnected(since: since, reason: reason, nextTry: Date().addingTimeInterval(backoff))
    }

    /// Called by the run loop between events: notices a closed connection or a silent server,
    /// retries a lost one with backoff, stores an encoded snapshot.
    public func tend() {
        let now = Date()
        let news = inbox.take { s -> PostgresInbox.State in
            defer { s = PostgresInbox.State() }
            return s
        }
        let (closed, attempt, probe, snapshot) = (news.closed, news.attempt, news.probe, news.snapshot)
        if let connection, let why = closed[connection.id] { lose(PostgresStoreError.unreachable(why)) }
        if let attempt { finishAttempt(attempt, now: now) }
        if let probe { finishProbe(probe, now: now) }
        if let consoles = news.consoles { otherConsoles = consoles }
        if let snapshot {
            snapshotting = false
            if connection != nil { try? writeSnapshot(snapshot.bytes, seq: snapshot.seq, waiting: false) }
        }
        switch link {
        case .disconnected(let since, let reason, let nextTry?) where nextTry <= now && !connecting:
            connecting = true
            link = .disconnected(since: since, reason: reason, nextTry: nil)
            let inbox = self.inbox
            connect().whenComplete { result in inbox.post { $0.attempt = result } }
        case .connected:
            startProbeIfDue(now)
            askForConsolesIfDue(now)
        default:
            break
        }
    }

    private func finishAttempt(_ attempt: Result<PostgresConnection, any Error>, now: Date) {
        connecting = false
        guard case .disconnected(let since, let reason, _) = link else {
            if case .success(let c) = attempt { closeQuietly(c) }
            return
        }
        switch attempt {
        case .success(let c):
            do {
                try attach(c)
                try checkTheServerIsNotBehind()
                // The console refreshes on this wake-up and gets every change it missed, by sequence number.
                inbox.wake()
            } catch {
                backoff = min(backoff * 2, timeouts.backoffMax)
                link = .disconnected(since: since, reason: PostgresErrorText.describe(error), nextTry: now.addingTimeInterval(backoff))
            }
        case .failure(let error):
            backoff = min(backoff * 2, timeouts.backoffMax)
            let why = PostgresTLSDiagnosis.TLSFailure(error)?.words(for: address) ?? PostgresErrorText.describe(error)
            link = .disconnected(since: since, reason: why.isEmpty ? reason : why, nextTry: now.addingTimeInterval(backoff))
        }
    }

    /// A server that comes back with fewer changes than this console has seen lost some (restored
    /// from an older backup, a failover to a lagging replica): writing on would leave a gap in
    /// the numbers. Stop writing and say so; a restart reads the server as it is.
    func checkTheServerIsNotBehind() throws {
        let head: UInt64
        do {
            head = UInt64(try query(PostgresSchema.head, what: "read the head").first?.decode(Int64.self) ?? 0)
        } catch where PostgresErrorText.sqlState(error) == "42P01" {
            head = 0  // the tables are gone: an empty server
        }
        if head < seq {
            failure = "the server is at change #\(head) but this console had #\(seq): it has lost changes "
                + "(restored from an older backup?); restart sitroom to read it as it is"
        }
    }

    /// Asks for the last sequence number without waiting for the answer; no answer in time drops the connection.
    private func startProbeIfDue(_ now: Date) {
        if let sent = probeSentAt {
            if now.timeIntervalSince(sent) > timeouts.query {
                lose(PostgresStoreError.timedOut("no answer from the server for \(Int(timeouts.query)) s"))
            }
            return
        }
        guard let connection, now.timeIntervalSince(lastHeard) >= timeouts.probeEvery else { return }
        probeSentAt = now
        let inbox = self.inbox
        connection.query(PostgresSchema.head, logger: logger).whenComplete { result in
            let seq = result.flatMap { r in
                Result { UInt64(try r.rows.first?.decode(Int64.self) ?? 0) }
            }
            inbox.post { $0.probe = seq }
        }
    }

    /// Every 2 s, without waiting: who else has a console open on this database.
    private func askForConsolesIfDue(_ now: Date) {
        guard otherConsoles != nil, let connection, now.timeIntervalSince(consolesAskedAt ?? .distantPast) >= 2 else { return }
        consolesAskedAt = now
        let inbox = self.inbox
        connection.query(PostgresSchema.otherConsoles, logger: logger).whenSuccess { result in
            let names = result.rows.compactMap { try? $0.decode(String.self) }
            inbox.post { $0.consoles = names }
        }
    }

    private func finishProbe(_ probe: Result<UInt64, any Error>, now: Date) {
        guard probeSentAt != nil else { return }  // from a connection lost since
        probeSentAt = nil
        switch probe {
        case .success(let head):
            lastHeard = now
            if head > seq { inbox.wake() }  // a NOTIFY went missing: follow now
        case .failure(let error):
            lose(error)
        }
    }
}

/// Closes without waiting (the future form; the async one cannot be called from here).
func closeQuietly(_ connection: PostgresConnection) {
    let closing: EventLoopFuture<Void> = connection.close()
    connection.closeFuture.whenComplete { _ in withExtendedLifetime(connection) {} }  // see `attach`
    closing.whenComplete { _ in }
}
