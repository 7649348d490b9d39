import ArgumentParser
import Foundation
import SitRoomStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every snapshot and journal, history/ included, and report damage by sequence range.",
        discussion: """
            Each file's checksums, the changes' sequence numbers running on from one journal to the next, \
            and each snapshot against the replay of the journals that lead to it. \
            Exit status: 0 healthy (or repaired), 1 a torn last record (not repaired), 2 damage or unreadable files, \
            3 no data directory there (nothing to check). \
            Only --repair changes anything: it cuts a torn last record, and rebuilds a damaged snapshot \
            from an earlier one and the journals after it. It never cuts a damaged record.
            """
    )

    @OptionGroup var data: DataOption
    @Flag(help: "Cut off a torn last record (a write cut short by a crash); rebuild a damaged snapshot from the journals.")
    var repair = false

    func run() throws {
        let path = data.directory.path
        if let refusal = data.directory.groupRefusal { fail("check: \(refusal)") }
        let entries = try? FileManager.default.contentsOfDirectory(atPath: path)
        if entries?.isEmpty ?? true {
            // Not damage: there is nothing here (a mistyped --data, or a directory not yet made).
            FileHandle.standardError.write(Data("sitroom: check: no data directory at \(path)\(entries == nil ? "" : " (it is empty)"); create one with `sitroom init --data \(path)`\n".utf8))
            throw ExitCode(3)
        }
        let report = Checker.check(data.directory, repair: repair)
        for line in report.lines { print(line) }
        switch report.verdict {
        case .healthy: print("verdict: healthy")
        case .repaired: print("verdict: repaired")
        case .tornTail:
            print("verdict: torn last record")
            throw ExitCode(1)
        case .corrupt, .unreadable:
            print("verdict: DAMAGED")
            throw ExitCode(2)
        }
    }
}
