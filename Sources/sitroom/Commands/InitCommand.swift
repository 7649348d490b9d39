import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory (mode 0700, or 2770 with --group): empty, with the built-in demo situation, or with a large generated scenario.",
        discussion: """
            --generate makes a large, made-up situation for scale tests, the same for the same --seed \
            (its times are relative to now): \
            a set-up (incident, about 15 agencies, the hospitals each with a first report, the contacts, \
            a few strike actions, the log entries and a few dozen action items) folded into the snapshot, \
            then the changes (mostly ER/ICU reports; log entries, calls, trainee census, strike figures, \
            action items, briefings) left in the journal, so that opening the directory replays them all. \
            Times run over the week before now, the last changes within the last hour. The data is \
            marked DEMO. No alert rules are applied while generating (that keeps it fast): a console \
            raises the alerts when it first looks at the board. \
            --group NAME shares the directory with the members of an OS group instead of keeping it to \
            its owner: the directory gets the group and mode 2770 (setgid), every file sitroom makes in it \
            0660 and every folder 2770, whoever of the group makes it; a member opens it, anyone else is \
            refused, and so is a directory or file open to other users.
            """
    )

    @OptionGroup var data: DataOption
    @Flag(help: "Fill it with the built-in demo situation (clearly marked DEMO).")
    var demo = false
    @Option(help: ArgumentHelp(
        "Fill it with a generated scenario of this size: hospitals=N,contacts=N,log=N,changes=N; a key left out takes its default (\(ScenarioSpec.standard)).",
        valueName: "SPEC"))
    var generate: String?
    @Option(help: ArgumentHelp("With --generate: the seed (default 1); the same seed gives the same scenario.", valueName: "N"))
    var seed: UInt64?
    @Option(help: ArgumentHelp("Share the directory with this OS group (mode 2770, files 0660) instead of keeping it to its owner.",
                               valueName: "NAME"))
    var group: String?

    func validate() throws {
        if demo, generate != nil { throw ValidationError("--demo and --generate cannot be used together.") }
        if seed != nil, generate == nil { throw ValidationError("--seed goes with --generate.") }
        if let generate { _ = try spec(generate) }
    }

    private func spec(_ text: String) throws -> ScenarioSpec {
        do {
            return try ScenarioSpec(parsing: text)
        } catch {
            throw ValidationError("--generate \(text): \(error)")
        }
    }

    func run() throws {
        let dir = data.directory
        var gid: gid_t?
        if let group {
            guard let id = ProcessAccount.groupID(named: group) else { fail("\(GroupDirectoryError.unknownGroup(group))") }
            gid = id
        }
        if let generate {
            try runGenerate(dir, spec: spec(generate), group: gid)
            return
        }
        let count: Int
        do {
            count = try DemoSetup.create(dir, demo: demo, group: gid)
        } catch {
            fail("\(error)")
        }
        if demo {
            print("created \(dir.path) with the demo situation (\(count) changes, up to #\(count))")
        } else {
            print("created \(dir.path) (empty; alert rules in \(AlertRulesFile.name), condition table in \(ConditionsFile.name))")
        }
        printSharing(dir)
    }

    private func printSharing(_ dir: DataDirectory) {
        guard let group else { return }
        print("shared with group \(group) (mode 2770, files 0660): add an officer's account with `usermod -aG \(group) USER`")
        if let blocking = dir.folderBlockingTheGroup() {
            print("note: \(blocking.path) (mode \(String(blocking.mode & 0o7777, radix: 8))) does not let group \(group) through: "
                + "its members cannot reach \(dir.path) until it does (e.g. `chgrp \(group) \(blocking.path)` and `chmod g+x \(blocking.path)`)")
        }
    }

    private func runGenerate(_ dir: DataDirectory, spec: ScenarioSpec, group: gid_t?) throws {
        // On a terminal one line that counts up; otherwise a line per group commit.
        let terminal = isatty(2) != 0
        var shown = false
        let scenario: GeneratedScenario
        do {
            scenario = try GeneratedScenario.create(at: dir, spec: spec, seed: seed ?? 1, now: Date(), group: group) { p in
                let what = p.phase == .setup ? "set-up" : "changes"
                let line = p.phase == .setup ? "generating set-up \(p.done)/\(p.total)" : "generating \(p.done)/\(p.total) \(what)"
                FileHandle.standardError.write(Data((terminal ? "\r\(line)\u{1B}[K" : "\(line)\n").utf8))
                shown = true
            }
        } catch {
            if terminal, shown { FileHandle.standardError.write(Data("\n".utf8)) }
            fail("\(error)")
        }
        if terminal, shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print("created \(dir.path): \(spec.hospitals) hospitals, \(spec.contacts) contacts, \(spec.log) log entries "
            + "in the snapshot (#\(scenario.snapshotSeq)), \(spec.changes) changes in the journal (up to #\(scenario.lastSeq))")
        printSharing(dir)
    }
}
