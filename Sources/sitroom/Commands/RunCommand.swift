import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore
import SitRoomUI

/// The main job: the full-screen situation room.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the full-screen situation room (the default; also `sitroom console`).",
        discussion: """
            Follows the data directory live: changes made by other consoles or by `sitroom apply` appear \
            within a second. Press ? inside for every key.
            """,
        aliases: ["console"]
    )

    @Option(name: .long, help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var data: String?
    @OptionGroup var officer: OfficerOption
    @OptionGroup var server: StoreOption
    @Flag(help: "Open a fresh copy of the built-in demo situation (in $TMPDIR/sitroom-demo-$USER unless --data is given).")
    var demo = false
    @Flag(help: "Read-only, for a wall display: never writes, never repairs.")
    var watch = false
    @Option(help: ArgumentHelp("Colour theme: a name from the themes folder (default, light, wall, mono).", valueName: "NAME"))
    var theme: String = "default"
    @Option(help: ArgumentHelp("Time zone for clocks and times, e.g. Asia/Seoul (default: $TZ or the system's).", valueName: "ZONE"))
    var tz: String?
    @Option(help: ArgumentHelp(
        "Show the board as it was at this moment, read-only: \(HistoryPointArgument.help). Write --at=-2h for a relative one.",
        valueName: "MOMENT"))
    var at: String?
    /// Compacts (in the background) after this many changes: the disk-full drill fills the disk during one.
    @Option(help: .hidden) var compactEvery: Int?

    func run() throws {
        let catalog = ThemeCatalog.standard(executablePath: CommandLine.arguments[0], environment: ProcessInfo.processInfo.environment)
        var loaded: Theme
        do {
            let (t, warnings) = try catalog.load(theme)
            loaded = t
            for w in warnings { FileHandle.standardError.write(Data("sitroom: theme \(theme): \(w)\n".utf8)) }
        } catch {
            fail("\(error)")
        }
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { loaded = loaded.withoutColour() }
        var zone = TimeZone.current
        if let tz {
            guard let z = TimeZone(identifier: tz) else { fail("unknown time zone \"\(tz)\"; use a name like Asia/Seoul or UTC") }
            zone = z
        }
        let address: PostgresAddress?
        do { address = try server.address() } catch { fail("\(error)", code: 64) }
        if let address {
            if demo { fail("--demo opens a local copy; to put the demo on a server: sitroom init --data DIR --demo, then sitroom migrate --from DIR --to \(address)", code: 64) }
            let log = StoreOption.openServer(address, readOnly: watch || at != nil, officer: officer.name, client: .console)
            let past = pastBoard(log, zone: zone)
            let me = log.isReadOnly ? nil : officer.claim(log)
            let code = ConsoleSession.run(log: log, officer: me?.officer ?? officer.name, identity: me, theme: loaded, themeName: theme,
                                          catalog: catalog, timeZone: zone, rules: .defaults, past: past)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let directory = try resolveDirectory()
        let log: ChangeLog
        do {
            log = try ChangeLog.open(directory, mode: watch || at != nil ? .readOnly : .write)
            if let n = compactEvery { log.policy.maxRecords = max(1, n) }
        } catch {
            fail("\(error)")
        }
        let past = pastBoard(log, zone: zone)
        let rules: AlertRules
        do {
            rules = try AlertRulesFile.load(from: directory)
        } catch {
            fail("\(error)")
        }
        let me = log.isReadOnly ? nil : officer.claim(log)
        let code = ConsoleSession.run(log: log, officer: me?.officer ?? officer.name, identity: me, theme: loaded, themeName: theme,
                                      catalog: catalog, timeZone: zone, rules: rules, past: past)
        if demo {
            // The board just used stays until the next --demo: say where, so the shell commands can read it.
            let here = "--data " + directory.path
            print("The demo's data directory is \(directory.path) (replaced by the next --demo). Try:\n"
                  + "  sitroom report \(here)\n  sitroom export \(here) --format csv --table hospitals\n"
                  + "  sitroom where stroke \(here) --region Seoul")
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// With --at: the board as it was then, from the store's history (a data directory's or the server's).
    private func pastBoard(_ log: any ChangeStore, zone: TimeZone) -> (board: Board, seq: UInt64, at: Date)? {
        guard let at else { return nil }
        do {
            let point = try HistoryPointArgument.parse(at, timeZone: zone)
            let history = try log.history()
            let (board, seq) = try history.board(at: point)
            let moment: Date = if case .time(let t) = point { t } else { try history.time(ofChange: seq) ?? Date() }
            return (board, seq, moment)
        } catch let error as ValidationError {
            fail(error.message, code: 64)
        } catch {
            fail("\(error)")
        }
    }

    private func resolveDirectory() throws -> DataDirectory {
        if let refusal = data.flatMap({ DataDirectory($0).groupRefusal }) { fail("\(refusal)") }
        if demo {
            let user = ProcessInfo.processInfo.environment["USER"] ?? "user"
            let path = data ?? (NSTemporaryDirectory() + "sitroom-demo-" + user)
            if data == nil { try? FileManager.default.removeItem(atPath: path) }
            let dir = DataDirectory(path)
            if !dir.exists {
                do { try DemoSetup.create(dir, demo: true) } catch { fail("\(error)") }
            }
            return dir
        }
        let dir = DataDirectory(data ?? DataDirectory.defaultPath)
        guard dir.exists else {
            fail("no situation at \(dir.path) yet: create one with `sitroom init --data \(dir.path)` "
                + "(add --demo for the demo situation), or try `sitroom --demo`")
        }
        return dir
    }
}
