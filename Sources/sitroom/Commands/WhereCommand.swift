import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore
import SitRoomPostgres
import SitRoomStore

/// `sitroom where <condition>`: the open or limited ERs that report the condition available now.
struct WhereCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "where",
        abstract: "List the open or limited ERs reporting a condition available now, one per line (id first, tab-separated).",
        discussion: """
            The condition is a code (Y0020), a short label (stroke) or the start of its English or Korean \
            name (뇌경색). ERs in --region come first, then the freshest report. Columns: hospital id, name, \
            region, ER state, ER beds (available/staffed), when the condition was reported (and by whom, \
            with its age; `stale` past the hospital's update interval), restrictions in force. \
            Exit status: 0 with at least one ER; 1 when none is capable (a line says so); 2 when the \
            condition is unknown or ambiguous (the closest codes are named).
            """
    )

    @Argument(help: ArgumentHelp("The condition: code, short label or the start of a name.", valueName: "CONDITION"))
    var condition: String
    @Option(help: ArgumentHelp("List ERs in this region first (as the hospitals' region is written, e.g. Seoul).", valueName: "R"))
    var region: String?
    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    @OptionGroup var officer: OfficerOption
    @OptionGroup var time: TimeZoneOption

    func run() throws {
        let zone: TimeZone
        do { zone = try time.zone } catch { fail("\(error)", code: 64) }
        let (log, _) = server.open(data, officer: officer.name, writing: false)
        let board = log.board
        log.close()
        let found: Condition
        do {
            found = try board.conditions.resolve(condition)
        } catch {
            fail("\(error)", code: 2)
        }
        let now = Date()
        let entries = board.capableEntries(condition: found.code, region: region, now: now)
        guard !entries.isEmpty else {
            print("no open or limited ER reports \(found.code) \(found.short) (\(SafeText.line(found.english))) available")
            throw ExitCode(1)
        }
        for e in entries { print(Self.line(e, now: now, zone: zone)) }
    }

    static func line(_ e: CapableHospital, now: Date, zone: TimeZone) -> String {
        let h = e.hospital
        let stale = h.isStale(e.status.stamp, at: now) ? " stale" : ""
        let reported = "\(Format.timeOrDateTime(e.status.at, zone, today: now)) \(e.status.by) (\(Format.ago(e.status.at, now: now)))\(stale)"
        let restrictions = e.restrictions.map(\.text).joined(separator: " | ")
        return [h.id, h.name, h.region, h.erState?.rawValue ?? "", Format.of(h.erBeds?.value), reported, restrictions]
            .map { SafeText.line($0, limit: 500) }.joined(separator: "\t")
    }
}
