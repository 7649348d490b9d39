import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `sitroom alerts`: the alert rules in force, or `--load FILE` to put a file's on the board for every
/// console (an admin, once there is a roster), or `--unset` to hand them back to alerts.toml.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Print the alert rules in force (as alerts.toml), or put a file's on the board with --load FILE.",
        discussion: """
            Without the board's own rules, each console applies its data directory's alerts.toml (the \
            defaults on a server). `--load FILE` checks FILE (alerts.toml's format) and puts its rules on \
            the board as one rules.set change: every console of the situation, on a data directory or a \
            server, follows them from its next change, with no restart, and alerts.toml is no longer read. \
            `--unset` takes them off the board again. Both need the admin role once there is a roster; \
            `sitroom audit` shows who set them.
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    @OptionGroup var officer: OfficerOption
    @Option(help: ArgumentHelp("Put this file's rules (alerts.toml format) on the board.", valueName: "FILE"))
    var load: String?
    @Flag(help: "Take the board's rules off it: each console goes back to its alerts.toml, or the defaults.")
    var unset = false

    func validate() throws {
        if load != nil && unset { throw ValidationError("--load and --unset exclude each other") }
    }

    func run() throws {
        let writing = load != nil || unset
        let (log, local) = server.open(data, officer: officer.name, writing: writing)
        defer { log.close() }
        guard writing else {
            print(AlertRulesFile.text(of: log.board.effectiveAlertRules(local)), terminator: "")
            FileHandle.standardError.write(Data("sitroom: \(source(log.board, log)) (sitroom alerts --help)\n".utf8))
            return
        }
        let who = officer.claim(log).officer
        let rules: AlertRules?
        if let load {
            do {
                guard let bytes = FileManager.default.contents(atPath: load) else { fail("cannot read \(load)") }
                rules = try AlertRulesFile.parse(String(decoding: bytes, as: UTF8.self))
            } catch let error as AlertRulesError {
                fail("\(load): \(error.message)")
            }
        } else {
            rules = nil
        }
        guard rules != log.board.alertRules else {
            print(rules == nil ? "the board has no rules of its own" : "the board already has these rules")
            return
        }
        let change = Change(officer: who, at: Date(), action: .setAlertRules(rules))
        switch log.commit([change], applying: local, officer: who)[0] {
        case .saved(let seq):
            print(rules == nil ? "ok \(seq): the board's rules are off; consoles apply \(fallback(log))"
                               : "ok \(seq): the board's alert rules are \(load ?? ""); every console follows them")
        case .rejected(let error): fail("\(error)")
        case .notSaved(let why): fail("NOT SAVED: \(why)")
        }
    }

    private func source(_ board: Board, _ log: any ChangeStore) -> String {
        board.alertRules != nil ? "the board's own rules (set with sitroom alerts --load)" : "no rules on the board: \(fallback(log))"
    }

    private func fallback(_ log: any ChangeStore) -> String {
        log is ChangeLog ? "the data directory's \(AlertRulesFile.name) (or the defaults without one)" : "the defaults"
    }
}
