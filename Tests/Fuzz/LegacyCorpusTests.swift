import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomWire
import Testing
@testable import SitRoomFuzz

/// The `v1-` seeds are bytes the generic `Codable` coder wrote (journal tag 0x01, "SRSNAP01")
/// before the wire coding: they must still read to exactly the demo changes and boards they were
/// made from (`SeedCorpus` at `FuzzFixture.now`, from the demo as it was then: without capability).
@Suite struct LegacyCorpusTests {
    static func v1(_ target: FuzzTarget) throws -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: try FuzzTests.corpus(target).filter { $0.name.hasPrefix("v1-") }.map { ($0.name, $0.bytes) })
    }

    /// The demo's changes as they were when the `v1-` seeds were written: without capability nor hospital security
    /// (its changes, and the alerts its rules raise and the acknowledgements of those), which came
    /// after the generic coder was gone.
    static func demoBeforeSecurity() -> [Change] {
        let rules = [AlertRule.policeLate, .securityOpenLong, .securityLevel, .securityRepeat].map { $0.rawValue + "/" }
        func isSecurity(_ change: Change) -> Bool {
            switch change.action {
            case .security: true
            case .raiseAlert(let a): rules.contains { a.id.hasPrefix($0) }
            case .acknowledgeAlert(let id, _), .clearAlert(let id): rules.contains { id.hasPrefix($0) }
            default: false
            }
        }
        return DemoSituation.changes(now: FuzzFixture.now, capability: false).filter { !isSecurity($0) }
    }

    @Test func oldPayloadsReadToTheChangesTheyWereWrittenFrom() throws {
        let seeds = try Self.v1(.journal)
        var firstOfType: [String: Change] = [:]
        for change in Self.demoBeforeSecurity() where firstOfType[change.action.type] == nil {
            firstOfType[change.action.type] = change
        }
        var checked = 0
        for (type, change) in firstOfType {
            let seed = try #require(seeds["v1-payload-\(type)"], "no old payload for \(type)")
            #expect(seed.first == 1 && seed.dropFirst().first == 0x01, "a bare payload with the old tag")
            #expect(try JournalRecord.decodeChange(seed.dropFirst()) == change, "\(type)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func anOldJournalFileReadsToItsTenChanges() throws {
        let file = try #require(try Self.v1(.journal)["v1-journal-10-records"])
        let (records, tail) = JournalScanner.scan(Array(file.dropFirst()))
        #expect(tail == .clean)
        let changes = try records.map { try JournalRecord.decodeChange($0.payload) }
        #expect(changes == Array(Self.demoBeforeSecurity().suffix(10)))
        #expect(records.map(\.seq) == Array(1...10))
    }

    @Test(arguments: [0, 8, 24])
    func oldSnapshotsReadToTheBoardTheyWereWrittenFrom(_ count: Int) throws {
        var board = Board()
        for change in DemoSituation.changes(now: FuzzFixture.now, capability: false).prefix(count) { try board.apply(change) }
        let seeds = try Self.v1(.snapshot)
        let file = try #require(seeds["v1-file-\(count)-changes"])
        #expect(Array(file.dropFirst().prefix(8)) == Array("SRSNAP01".utf8))
        let (read, seq) = try Snapshot.decode(Array(file.dropFirst()))
        #expect(read == board && seq == UInt64(count))
        // The same body, framed by the fuzz target under the old magic, reads the same way.
        let body = try #require(seeds["v1-body-\(count)-changes"])
        #expect(body.first == 3)
        #expect(SnapshotFuzz.run(body) == .accepted)
        #expect(try Snapshot.decode(SnapshotFuzz.framed(Array(body.dropFirst()), magic: SnapshotFuzz.legacyMagic)).board == board)
    }
}
