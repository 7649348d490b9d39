import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct RevertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revert",
        abstract: "Take back a range of changes as a whole (e.g. an import): FROM-TO, as `import` prints it.",
        discussion: """
            Writes new changes that undo each change in the range, newest first; the journal keeps \
            everything. Refuses when later changes touched the same records (they would be set back \
            under them) unless --force. Calls, alerts and briefings are not undone.
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var officer: OfficerOption
    @Argument(help: ArgumentHelp("The sequence range, e.g. 332-399 (or one sequence number).", valueName: "FROM-TO"))
    var range: String
    @Flag(help: "Revert even when later changes touched the same records.")
    var force = false
    @Flag(help: "Say what would be done without writing.")
    var dryRun = false

    func run() throws {
        let parts = range.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let from = parts.first ?? nil, let to = parts.last ?? nil, from >= 1, from <= to else {
            fail("\"\(range)\" is not a range like 332-399", code: 64)
        }
        let log: ChangeLog
        let plan: RangeRevert
        do {
            log = try ChangeLog.open(data.directory, mode: dryRun ? .readOnly : .write)
            guard to <= log.seq else { fail("the journal ends at #\(log.seq); there is no #\(to)") }
            var range: [(seq: UInt64, change: Change)] = []
            var later: [(seq: UInt64, change: Change)] = []
            let history = try History.open(data.directory)
            let start = try history.replay(from: .seq(from - 1)) { seq, change, _ in
                if seq <= to { range.append((seq, change)) } else { later.append((seq, change)) }
            }
            plan = try RangeRevert(start: start.board, range: range, later: later)
        } catch {
            fail("\(error)")
        }
        for s in plan.skipped { print("skipped #\(s.seq): \(SafeText.line(s.reason, limit: 300))") }
        if !plan.conflicts.isEmpty {
            print("later changes touch the same records:")
            for c in plan.conflicts.prefix(10) {
                print("  #\(c.seq) \(c.change.action.type) \(SafeText.line(c.change.action.subjectId ?? "")) by \(SafeText.line(c.change.officer))")
            }
            if plan.conflicts.count > 10 { print("  and \(plan.conflicts.count - 10) more") }
            guard force else {
                let n = plan.conflicts.count
                fail("not reverted: reverting #\(from)–#\(to) would set the records of the \(n) later change\(n == 1 ? "" : "s") above "
                     + "back to before #\(from), undoing \(n == 1 ? "it" : "them") too; --force reverts anyway")
            }
        }
        guard !dryRun else {
            print("would write \(plan.undos.count) changes undoing #\(from)–#\(to)")
            return
        }
        let now = Date()
        let who = officer.claim(log, needs: (.supervisor, "sitroom revert")).officer
        let results = log.commit(plan.undos.map { Change(officer: who, at: now, action: $0) },
                                 deriving: AlertRulesFile.deriver(for: data.directory, officer: who))
        let saved = results.prefix(plan.undos.count).compactMap(\.seq)
        for (action, result) in zip(plan.undos, results) {
            switch result {
            case .saved: break
            case .rejected(let e): print("not undone: \(action.type) \(SafeText.line(action.subjectId ?? "")): \(SafeText.line(e.message, limit: 300))")
            case .notSaved(let why): print("NOT SAVED: \(action.type) \(SafeText.line(action.subjectId ?? "")): \(why)")
            }
        }
        print("reverted #\(from)–#\(to): \(saved.count) of \(plan.undos.count) undoing changes written"
              + (saved.isEmpty ? "" : " as #\(saved.first!)–#\(saved.last!)"))
        log.close()
        if saved.count < plan.undos.count { throw ExitCode(1) }
    }
}
