import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore
@testable import SitRoomWire

/// The roster through a data directory: the store writes its own identity into every change, the
/// role check runs in the commit, and the roster survives the journal, compaction and old snapshots.
@Suite struct RosterStoreTests {
    static let admin = Officer(id: "boss", name: "상황실장", role: .admin, osUsers: ["svc"])
    static let watcher = Officer(id: "lee", name: "이서연", role: .watch, keys: ["SHA256:" + String(repeating: "L", count: 43)])

    @Test func theStoreStampsItsIdentityOverWhatTheChangeSays() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        log.origin = Origin(osUser: "svc")
        // A change claiming another origin gets the store's own.
        var claimed = Change(officer: "boss", at: Sample.t0, action: .roster(.add(Self.admin)))
        claimed.origin = Origin(osUser: "someone-else", key: Self.watcher.keys[0])
        #expect(log.commit(claimed) == .saved(1))
        #expect(log.commit(Change(officer: "boss", at: Sample.t0, action: .roster(.add(Self.watcher)))) == .saved(2))
        let record = try #require(JournalScanner.scan(Sample.fileBytes(dir.journalPath(1))).records.first)
        #expect(record.payload.first == 0x03)
        #expect(try JournalRecord.decodeChange(record.payload).origin == Origin(osUser: "svc"))

        // The watch officer's key, through the same kind of store: refused at the commit, nothing written.
        let other = try ChangeLog.open(dir)
        other.origin = Origin(osUser: "svc", key: Self.watcher.keys[0])
        let refused = other.commit(Sample.logEntry(1, officer: "lee"))
        #expect(refused == .rejected(ChangeError("entering or changing reports needs the officer role; lee is watch", field: "officer")))
        #expect(other.seq == 2)
        // No identity at all (an old writer) once a roster exists: refused too.
        other.origin = nil
        guard case .rejected = other.commit(Sample.logEntry(2, officer: "boss")) else { Issue.record("an anonymous change was saved"); return }
    }

    @Test func theRosterSurvivesCompactionAndAnSRSNAP03SnapshotStillReads() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        log.origin = Origin(osUser: "svc")
        for officer in [Self.admin, Self.watcher] {
            #expect(log.commit(Change(officer: "boss", at: Sample.t0, action: .roster(.add(officer)))).seq != nil)
        }
        try log.compact()
        let reopened = try ChangeLog.open(dir, mode: .readOnly)
        #expect(reopened.board.roster == ["boss": Self.admin, "lee": Self.watcher])

        var board = Board()
        board.roster = [:]
        let v5 = try Snapshot.encode(board, seq: 3)
        #expect(Array(v5.prefix(8)) == Array("SRSNAP05".utf8))
        let v3 = CapabilityWireTests.version3(v5, of: board, seq: 3)
        #expect(Array(v3.prefix(8)) == Array("SRSNAP03".utf8))
        #expect(try Snapshot.decode(v3).board == board)
    }
}
