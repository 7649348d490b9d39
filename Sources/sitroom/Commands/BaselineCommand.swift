import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `sitroom baseline`: the normal-time values, and `--at MOMENT` to take them from the board's history.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Print the national figures now against their normal-time baselines, or take the baselines from the board as it was --at a moment.",
        discussion: """
            --at takes every baseline figure (national: open ERs, ER beds, ICU beds available, ER doctors on \
            duty, 24-hour ERs, visits, the ERs capable of each condition; per hospital: staffed ER beds, ER \
            doctors, capability count, visits) from the board as it was then (the history kept in the data \
            directory, or the server's), and replaces the baselines with them as one baseline.take change. \
            One value is set by hand with a baseline.set change through `sitroom apply` (README, "Baselines").
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    @OptionGroup var officer: OfficerOption
    @OptionGroup var time: TimeZoneOption
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Take the baselines from the board as it was then: \(HistoryPointArgument.help).", valueName: "MOMENT"))
    var at: String?

    func run() throws {
        let zone: TimeZone
        do { zone = try time.zone } catch { fail("\(error)", code: 64) }
        let writing = at != nil
        let (log, rules) = server.open(data, officer: officer.name, writing: writing)
        defer { log.close() }
        let who = writing ? officer.claim(log).officer : officer.name
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        guard let at else {
            print(Self.table(log.board, now: now, zone: zone), terminator: "")
            return
        }
        let past: Board
        let moment: Date
        do {
            let point = try HistoryPointArgument.parse(at, timeZone: zone, now: now)
            if case .seq(let n) = point, n > log.seq { fail("--at \(at): there is no change #\(n) yet; the last is #\(log.seq)", code: 64) }
            let history = try log.history()
            let (board, seq) = try history.board(at: point)
            past = board
            moment = if case .time(let t) = point { t } else { try history.time(ofChange: seq) ?? now }
        } catch let error as ValidationError {
            fail(error.message, code: 64)
        } catch {
            fail("cannot rebuild the board as it was then: \(error)")
        }
        guard moment <= now else { fail("--at \(at) is in the future") }
        var values = past.baselineValues(at: moment)
        // Hospitals removed since cannot hold a baseline.
        values.hospitals = values.hospitals.filter { log.board.hospitals[$0.key] != nil }
        let change = Change(officer: who, at: now, action: .takeBaselines(values))
        switch log.commit([change], applying: rules, officer: who)[0] {
        case .saved(let seq):
            print("ok \(seq): \(values.national.count) national and \(values.count - values.national.count) hospital baselines "
                + "from \(Format.dateTime(moment, zone))")
        case .rejected(let error): fail("\(error)")
        case .notSaved(let why): fail("NOT SAVED: \(why)")
        }
    }

    /// `figure  now  normal  share  as of`, one national figure a line.
    static func table(_ board: Board, now: Date, zone: TimeZone) -> String {
        let current = board.baselineValues(at: now).national
        let names = BaselineFigure.national + board.conditions.codes.map(BaselineFigure.capable)
        var out = "figure\tnow\tnormal\tshare\tnormal as of\n"
        for name in names {
            let value = current[name]
            let normal = board.baselines.national[name]
            let share = value.flatMap { v in normal.flatMap { $0.value > 0 ? Format.percent(v, of: $0.value) : nil } } ?? ""
            out += [name, value.map(Format.grouped) ?? "", normal.map { Format.grouped($0.value) } ?? "", share,
                    normal.map { "\(Format.dateTime($0.at, zone)) \($0.by)" } ?? ""].joined(separator: "\t") + "\n"
        }
        return out
    }
}
