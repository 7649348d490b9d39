import ArgumentParser
import SitRoomStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the snapshot and the journal, and report what was found.",
        discussion: """
            Exit status: 0 healthy (or repaired), 1 a torn last record (not repaired), 2 damage or unreadable files. \
            Only --repair changes anything, and it only cuts a torn last record.
            """
    )

    @OptionGroup var data: DataOption
    @Flag(help: "Cut off a torn last record (a write cut short by a crash).")
    var repair = false

    func run() throws {
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
