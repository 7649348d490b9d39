import ArgumentParser
import Foundation
import SitRoomCore
import SitRoomStore

/// A moment in the history as typed after `--at`: `#120` (just after change 120), or a time as the
/// quick commands take it (`14:30` today, `-2h`, `2026-11-23T09:00`, ISO 8601 with a zone), read in
/// `--tz` (default: the machine's zone).
struct HistoryPointArgument {
    static let help = "#SEQ, HH:MM (today), -2h, or 2026-11-23T09:00 (in --tz)"

    static func parse(_ text: String, timeZone: TimeZone, now: Date = Date()) throws -> History.Point {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") {
            guard let n = UInt64(trimmed.dropFirst()) else { throw ValidationError("\"\(text)\" is not a sequence number like #120") }
            return .seq(n)
        }
        guard let date = TimeExpression.parse(trimmed, now: now, timeZone: timeZone, leaning: .past) else {
            throw ValidationError("\"\(text)\" is not a moment; use \(help)")
        }
        return .time(date)
    }
}

/// `--tz`, for reading and showing times.
struct TimeZoneOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Time zone for times you type and times shown (default: the machine's).", valueName: "ZONE"))
    var tz: String?

    var zone: TimeZone {
        get throws {
            guard let tz else { return .current }
            guard let z = TimeZone(identifier: tz) else { throw ValidationError("unknown time zone \"\(tz)\"; use a name like Asia/Seoul or UTC") }
            return z
        }
    }
}
