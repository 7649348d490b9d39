import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `sitroom conditions`: the condition table in use, or `--load FILE` to replace it.
struct ConditionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conditions",
        abstract: "Print the condition table (code, Korean, English, tab-separated), or replace it with --load FILE.",
        discussion: """
            The table is E-Gen's 27 severe emergency conditions unless replaced. `sitroom init` writes it to \
            the data directory's conditions.tsv (code, Korean, English, short label of at most 6 cells, feed \
            field; tab-separated). To use another list, edit or replace that file (or any file in its format) \
            and load it: `sitroom conditions --load FILE` puts it on the board as one conditions.set change \
            (on a data directory it is also copied to conditions.tsv), on a server with --store.
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    @OptionGroup var officer: OfficerOption
    @Option(help: ArgumentHelp("Replace the table with this file's (conditions.tsv format).", valueName: "FILE"))
    var load: String?

    func run() throws {
        let address: PostgresAddress?
        do { address = try server.address() } catch { fail("\(error)", code: 64) }
        let writing = load != nil
        let (log, rules) = server.open(data, officer: officer.name, writing: writing)
        defer { log.close() }
        let who = writing ? officer.claim(log).officer : officer.name
        guard let load else {
            print(lines(log.board.conditions), terminator: "")
            if address == nil, let file = try? ConditionsFile.load(from: data.directory), file != log.board.conditions {
                FileHandle.standardError.write(Data(
                    "sitroom: \(ConditionsFile.path(in: data.directory)) differs from the board's table (printed); put it on the board with `sitroom conditions --load \(ConditionsFile.path(in: data.directory))`\n".utf8))
            }
            return
        }
        let table: ConditionTable
        do {
            guard let bytes = FileManager.default.contents(atPath: load) else { fail("cannot read \(load)") }
            table = try ConditionsFile.parse(Array(bytes), name: load)
        } catch {
            fail("\(error)")
        }
        if table == log.board.conditions {
            print("the board already has this table (\(table.count) conditions)")
        } else {
            let change = Change(officer: who, at: Date(), action: .setConditions(table))
            switch log.commit([change], applying: rules, officer: who)[0] {
            case .saved(let seq): print("ok \(seq): \(table.count) conditions")
            case .rejected(let error): fail("\(error)")
            case .notSaved(let why): fail("NOT SAVED: \(why)")
            }
        }
        if address == nil {
            do { try ConditionsFile.write(table, in: data.directory) } catch { fail("the table is on the board, but \(ConditionsFile.name) was not written: \(error)") }
        }
    }

    private func lines(_ table: ConditionTable) -> String {
        table.conditions.map { [$0.code, $0.korean, $0.english].map { SafeText.line($0, limit: 500) }.joined(separator: "\t") + "\n" }.joined()
    }
}
