import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

private let now = Date(timeIntervalSince1970: 1_795_430_000)
private let small = ScenarioSpec(hospitals: 50, contacts: 20, log: 200, changes: 2_000)

@Suite struct GeneratedScenarioTests {
    @Test func aSnapshotOfTheSetUpAndAJournalOfExactlyTheChanges() throws {
        let tmp = TempDir()
        let directory = DataDirectory(tmp.sub("data"))
        var seen: [GeneratedScenario.Progress] = []
        let scenario = try GeneratedScenario.create(at: directory, spec: small, seed: 5, now: now) { seen.append($0) }

        let generator = ScenarioGenerator(spec: small, seed: 5, now: now)
        let setup = generator.setupChanges()
        #expect(scenario.snapshotSeq == UInt64(setup.count))
        #expect(scenario.lastSeq == scenario.snapshotSeq + 2_000)
        #expect(seen.last == GeneratedScenario.Progress(phase: .changes, done: 2_000, total: 2_000))
        #expect(seen.contains(GeneratedScenario.Progress(phase: .setup, done: setup.count, total: setup.count)))

        // The live generation: the set-up in its snapshot, the 2,000 changes in its journal, nothing else.
        #expect(try directory.readCurrent() == 2)
        var setupBoard = Board()
        for change in setup { try setupBoard.apply(change) }
        let snapshot = try Snapshot.decode(try #require(try directory.fs.readFile(directory.snapshotPath(2))))
        #expect(snapshot.seq == scenario.snapshotSeq)
        #expect(snapshot.board == setupBoard)
        #expect(snapshot.board.log.count == 200)
        let journal = try #require(try directory.fs.readFile(directory.journalPath(2)))
        let (records, tail) = JournalScanner.scan(journal)
        #expect(tail == .clean)
        #expect(records.count == 2_000)
        #expect(records.map(\.seq) == Array(scenario.snapshotSeq + 1...scenario.lastSeq))
        #expect(FileManager.default.fileExists(atPath: AlertRulesFile.path(in: directory)))

        // Reopening (snapshot + replay) gives the board the generator's changes add up to.
        var expected = setupBoard
        for change in generator.laterChanges() { try expected.apply(change) }
        let log = try ChangeLog.open(directory, mode: .readOnly)
        #expect(log.seq == scenario.lastSeq)
        #expect(log.board == expected)
        #expect(log.board.hospitals.count == 50)
        #expect(log.board.contacts.count == 20)
        #expect(log.board.alerts.isEmpty, "no alert rules while generating")
    }

    @Test func refusesADirectoryThatIsNotEmpty() throws {
        let tmp = TempDir()
        let directory = DataDirectory(tmp.sub("data"))
        try GeneratedScenario.create(at: directory, spec: ScenarioSpec(hospitals: 5, contacts: 2, log: 3, changes: 4), now: now)
        #expect(throws: StoreError.alreadyExists(directory.path)) {
            try GeneratedScenario.create(at: directory, spec: small, now: now)
        }
    }
}
