import ArgumentParser
import Foundation
import SitRoomChangeStore
import SitRoomCore

/// `sitroom audit`: who changed what, with the OS user and SSH key each change came from.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the changes with who made them: officer, OS user and SSH key.",
        discussion: "Changes made before identities were recorded show - for the OS user."
    )

    @OptionGroup var data: DataOption
    @OptionGroup var server: StoreOption
    @OptionGroup var time: TimeZoneOption
    @Option(help: ArgumentHelp("Only this officer's changes.", valueName: "ID")) var officer: String?
    @Option(help: ArgumentHelp("Only changes from this moment on: \(HistoryPointArgument.help).", valueName: "MOMENT"))
    var since: String?

    func run() throws {
        let zone: TimeZone
        do { zone = try time.zone } catch { fail("\(error)", code: 64) }
        let (log, _) = server.open(data, officer: "audit", writing: false)
        defer { log.close() }
        var after: UInt64 = 0
        var from: Date?
        if let since {
            do {
                switch try HistoryPointArgument.parse(since, timeZone: zone) {
                case .seq(let n): after = n > 0 ? n - 1 : 0
                case .time(let t): from = t
                case .briefing: break
                }
            } catch { fail("\(error)", code: 64) }
        }
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm:ss"
        format.timeZone = zone
        format.locale = Locale(identifier: "en_US_POSIX")
        var rows: [[String]] = []
        do {
            try log.history().forEachChange(after: after) { seq, change in
                if let officer, change.officer != officer { return }
                if let from, change.at < from { return }
                rows.append(["#\(seq)", format.string(from: change.at), change.officer, change.origin?.osUser ?? "-",
                             change.origin?.key ?? "-", change.action.type + (change.action.subjectId.map { " " + $0 } ?? "")])
            }
        } catch {
            fail("\(error)")
        }
        guard !rows.isEmpty else {
            print("no changes" + (officer.map { " by \($0)" } ?? "") + (since.map { " since \($0)" } ?? ""))
            return
        }
        printTable(header: ["SEQ", "TIME", "OFFICER", "OS USER", "KEY", "CHANGE"], rows: rows)
    }
}
