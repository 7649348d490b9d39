import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomStore

/// `sitroom report`: a situation report (SITREP) on what changed since the last briefing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a situation report (SITREP): the situation now and what changed since the last briefing.",
        discussion: """
            Read-only: it never writes to the data directory. The baseline is the board as it was at --since, \
            rebuilt from the journals kept in the data directory's history.

            --since takes: last-briefing (the default: the last briefing marked with a briefing.mark change; \
            if none has been, the start of the operational period, or the last 12 hours when that period is \
            over); a time as in quick commands (14:30 today, -12h, 2026-11-23T09:00, ISO 8601 with a zone); \
            or #N, just after the change with sequence number N.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case txt, md }

    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    // Unconditional: "-12h" is a value here, not an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("What to count from: last-briefing, a time (14:30, -12h, ISO 8601) or #N.", valueName: "WHEN"))
    var since: String = "last-briefing"
    @Option(help: "Output format: txt (plain text in aligned columns) or md (Markdown).")
    var format: Format = .txt
    @Option(help: ArgumentHelp("Time zone for times in the report, e.g. Asia/Seoul (default: $TZ or the system's).", valueName: "ZONE"))
    var tz: String?
    @OptionGroup var officer: OfficerOption
    @Option(help: ArgumentHelp("Width of the txt report in columns (a Korean character takes two).", valueName: "N"))
    var width: Int = 100

    func run() throws {
        var zone = TimeZone.current
        if let tz {
            guard let z = TimeZone(identifier: tz) else { fail("unknown time zone \"\(tz)\"; use a name like Asia/Seoul or UTC") }
            zone = z
        }
        let directory = data.directory
        let log: any ChangeStore
        let history: any BoardHistory
        var rules = AlertRules.defaults
        do {
            if let address = try server.address() {
                log = StoreOption.openServer(address, readOnly: true, officer: officer.name)
            } else {
                log = try ChangeLog.open(directory, mode: .readOnly)
                rules = try AlertRulesFile.load(from: directory)
            }
            history = try log.history()
        } catch {
            fail("\(error)")
        }
        let board = log.board
        let seq = log.seq
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

        let (basis, point, since) = resolve(board: board, seq: seq, history: history, now: now, zone: zone)
        let baseline: Board
        do {
            baseline = try history.board(at: point).board
        } catch {
            fail("cannot rebuild the board as it was then: \(error)")
        }
        let report = SitRep(baseline: baseline, current: board, since: since, now: now, basis: basis,
                            options: SitRep.Options(officer: officer.name, timeZone: zone, rules: rules, seq: seq))
        switch format {
        case .txt: print(report.text(width: width), terminator: "")
        case .md: print(report.markdown, terminator: "")
        }
        log.close()
    }

    /// What the report counts from: the basis said in its header, the point in the history, and its time.
    private func resolve(board: Board, seq: UInt64, history: any BoardHistory, now: Date, zone: TimeZone)
        -> (SitRep.Basis, History.Point, Date)
    {
        let text = since.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "last-briefing" {
            if let b = board.lastBriefing { return (.briefing(b), .briefing(b), b.marked.at) }
            let period = board.incident
            if period.periodStart <= now && now < period.periodEnd {
                return (.periodStart, .time(period.periodStart), period.periodStart)
            }
            let start = now.addingTimeInterval(-12 * 3600)
            return (.hoursAgo(12), .time(start), start)
        }
        if text.hasPrefix("#") {
            guard let n = UInt64(text.dropFirst()) else { fail("--since \(text): expected #N, a sequence number such as #120") }
            guard n <= seq else { fail("--since \(text): there is no change #\(n) yet; the last is #\(seq)") }
            let at: Date?
            do { at = try history.time(ofChange: max(n, 1)) } catch { fail("cannot read change #\(n) from the history: \(error)") }
            return (.seq(n), .seq(n), at ?? now)
        }
        guard let time = TimeExpression.parse(text, now: now, timeZone: zone, leaning: .past) else {
            fail("--since \(text): expected last-briefing, a time (14:30, -12h, 2026-11-23T09:00, ISO 8601) or #N")
        }
        guard time <= now else { fail("--since \(text) is in the future") }
        return (.time(time), .time(time), time)
    }

}
