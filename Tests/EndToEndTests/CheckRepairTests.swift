import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom check` and `check --repair` through the real binary, on a copy of the demo: damage in
/// history/ is found and reported by sequence range, a damaged live snapshot is refused with the
/// command that rebuilds it, and that command rebuilds it losing nothing.
@Suite struct CheckRepairTests {
    let demo: DemoData
    init() throws { demo = try DemoData("check-repair") }

    private func lines(_ range: ClosedRange<Int>) -> String {
        range.map { #"{"type":"log.add","record":{"text":"line \#($0)"}}"# + "\n" }.joined()
    }

    private func flip(_ path: String, at fraction: Double) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let at = 24 + Int(Double(bytes.count - 24) * fraction)
        bytes[at] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aDamagedLiveSnapshotIsRefusedWithTheCommandThatRebuildsIt() throws {
        defer { demo.remove() }
        let data = demo.path
        #expect(sitroom(["apply", "--data", data, "--officer", "kim"], stdin: lines(1...5)).status == 0)
        let before = sitroom(["export", "--data", data, "--format", "json"])
        #expect(before.status == 0)
        let current = try String(contentsOfFile: data + "/CURRENT", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(current == "2", "the demo starts from a snapshot of its own; five lines of apply make no new one")
        try flip(data + "/snapshot-\(current).bin", at: 0.5)

        let command = "`sitroom check --repair --data \(data)`"
        let apply = sitroom(["apply", "--data", data, "--officer", "kim"], stdin: lines(6...6))
        #expect(apply.status != 0)
        #expect(apply.stderr.contains(command), "\(apply.stderr)")
        let check = sitroom(["check", "--data", data])
        #expect(check.status == 2)
        #expect(check.stdout.contains("snapshot-2.bin: DAMAGED (checksum mismatch)"), "\(check.stdout)")

        let repair = sitroom(["check", "--repair", "--data", data])
        #expect(repair.status == 0, "\(repair.stdout)")
        #expect(repair.stdout.contains("repair: rebuilt from snapshot-1.bin and the journals after it"), "\(repair.stdout)")
        #expect(repair.stdout.hasSuffix("verdict: repaired\n"))
        #expect(sitroom(["export", "--data", data, "--format", "json"]).stdout == before.stdout, "nothing lost")
        #expect(sitroom(["apply", "--data", data, "--officer", "kim"], stdin: lines(6...6)).status == 0)
        #expect(sitroom(["check", "--data", data]).status == 0)
    }

    @Test func aFlippedByteInAHistoryJournalIsReportedByItsSequencesAndFailsTheCheck() throws {
        defer { demo.remove() }
        let data = demo.path
        // Each run compacts once (every record is over the limit of 1): journal-2 holds the first
        // run's ten lines, and moves to history/ two runs later.
        for run in [1...10, 11...11, 12...12] {
            #expect(sitroom(["apply", "--data", data, "--officer", "kim", "--compact-every", "1"], stdin: lines(run)).status == 0)
        }
        #expect(sitroom(["check", "--data", data]).status == 0)
        let journal = data + "/history/journal-2.log"
        #expect(FileManager.default.fileExists(atPath: journal))
        try flip(journal, at: 0.5)
        let check = sitroom(["check", "--data", data])
        #expect(check.status == 2)
        #expect(check.stdout.contains("history/journal-2.log: DAMAGED: a bad record at byte"), "\(check.stdout)")
        #expect(check.stdout.contains("is in no readable journal (noticed in history/journal-2.log)"), "\(check.stdout)")
        #expect(check.stdout.hasSuffix("verdict: DAMAGED\n"))
    }
}
