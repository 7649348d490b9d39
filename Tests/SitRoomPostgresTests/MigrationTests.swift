import Foundation
import SitRoomCore
import SitRoomMigration
import SitRoomPostgres
import SitRoomStore
import Testing

@Suite struct MigrationTests {
    /// A directory with a compacted history (two generations) moves with every sequence number.
    @Test func everyChangeMovesAtItsOwnSequenceNumber() throws {
        let path = NSTemporaryDirectory() + "sitroom-migrate-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dir = DataDirectory(path)
        try dir.create()
        let log = try ChangeLog.open(dir)
        log.policy.background = false
        _ = log.commit(Sample.hospital("H1"))
        for n in 1...30 { _ = log.commit(Sample.log(n)) }
        try log.compact()
        for tag in 1...20 { _ = log.commit(Sample.report("H1", tag: tag)) }
        log.close()
        #expect(log.seq == 51)

        let address = try SharedServer.freshDatabase()
        let store = try PostgresChangeStore.open(address)
        let report = try PostgresMigration.migrate(from: dir, to: store)
        #expect(report.startSeq == 0)
        #expect(report.changes == 51)
        #expect(report.lastSeq == 51)
        store.close()

        let local = try History.open(dir)
        var expected: [(UInt64, Change)] = []
        try local.replay(from: .seq(0)) { seq, change, _ in expected.append((seq, change)) }
        let moved = try serverChanges(try SharedServer.server(), address)
        #expect(moved.map(\.seq) == expected.map(\.0))
        #expect(moved.map(\.change) == expected.map(\.1))

        let reopened = try PostgresChangeStore.open(address, readOnly: true)
        #expect(reopened.seq == 51)
        #expect(reopened.board == (try ChangeLog.open(dir, mode: .readOnly)).board)
        // The next change goes on after the migrated ones.
        let writer = try PostgresChangeStore.open(address)
        #expect(writer.commit(Sample.log(99)).seq == 52)
    }

    @Test func aServerThatHoldsASituationIsRefused() throws {
        let path = NSTemporaryDirectory() + "sitroom-migrate-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dir = DataDirectory(path)
        try dir.create()
        _ = try ChangeLog.open(dir).commit(Sample.log(1))
        let address = try SharedServer.freshDatabase()
        let store = try PostgresChangeStore.open(address)
        _ = store.commit(Sample.log(7))
        #expect(throws: PostgresStoreError.notEmpty(1)) { try PostgresMigration.migrate(from: dir, to: store) }
        #expect(store.seq == 1)
    }
}
