import Foundation

/// Times as an officer types them in a quick command (`at=`, `due=`). Results are whole seconds.
///
/// - `now`
/// - `-15m`, `+2h`, `-1h30m`, `+1d`: relative to now (units `d` `h` `m` `s`; the sign is required)
/// - `14:30` or `14:30:15`: that time of day in the context's time zone, today. For a due time
///   (`.future`) a time more than an hour in the past means tomorrow (at 23:00, `due=07:00` is the
///   next morning, while `due=22:30` is still today, half an hour overdue). For an event time
///   (`.past`) the other way round: more than an hour ahead means yesterday (at 01:00, `at=23:50`
///   is last night).
/// - `12-05 09:00`: a date and a time as the screen shows them, in the context's time zone, in the
///   year that puts it nearest to now (in December, `01-02 08:00` is next January's)
/// - `2026-11-23T18:00` or `2026-11-23T18:00:00`: in the context's time zone;
///   `2026-11-23T09:00Z`, `2026-11-23T18:00:00+09:00`: ISO 8601 with a zone.
public enum TimeExpression {
    /// Which way an hour-of-day with no date leans.
    public enum Leaning: Sendable {
        /// Due times: a time of day more than an hour past is tomorrow's.
        case future
        /// Event times: a time of day more than an hour ahead is yesterday's.
        case past
    }

    /// The examples named in error messages.
    public static let examples = "14:30, 12-05 09:00, +2h, -15m, now"

    public static func parse(_ text: String, now: Date, timeZone: TimeZone, leaning: Leaning = .future) -> Date? {
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "now" { return now }
        if let first = text.first, first == "+" || first == "-" {
            guard let seconds = duration(text.dropFirst()) else { return nil }
            return now.addingTimeInterval(first == "-" ? -seconds : seconds)
        }
        if let (h, m, s) = timeOfDay(Substring(text)) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var parts = calendar.dateComponents([.year, .month, .day], from: now)
            parts.hour = h
            parts.minute = m
            parts.second = s
            guard let today = calendar.date(from: parts) else { return nil }
            switch leaning {
            case .future where today < now.addingTimeInterval(-3600):
                return calendar.date(byAdding: .day, value: 1, to: today)
            case .past where today > now.addingTimeInterval(3600):
                return calendar.date(byAdding: .day, value: -1, to: today)
            default:
                return today
            }
        }
        if let date = monthDayTime(text, now: now, timeZone: timeZone) { return date }
        return dateTime(text, timeZone: timeZone)
    }

    /// `12-05 09:00` (the screen's own form): that day and time in the year nearest to now.
    static func monthDayTime(_ text: String, now: Date, timeZone: TimeZone) -> Date? {
        let halves = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard halves.count == 2, let (h, m, s) = timeOfDay(halves[1]) else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 2, day.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(day[0]), let dayOfMonth = Int(day[1]), (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let year = calendar.component(.year, from: now)
        let candidates = [year - 1, year, year + 1].compactMap { y -> Date? in
            let parts = DateComponents(year: y, month: month, day: dayOfMonth, hour: h, minute: m, second: s)
            guard let date = calendar.date(from: parts), calendar.component(.day, from: date) == dayOfMonth else { return nil }
            return date
        }
        return candidates.min { abs($0.timeIntervalSince(now)) < abs($1.timeIntervalSince(now)) }
    }

    /// `1h30m` → 5400; nil unless every part is digits and a unit.
    static func duration(_ text: Substring) -> TimeInterval? {
        var total = 0.0
        var digits = ""
        var sawPart = false
        for c in text.lowercased() {
            if c.isASCII, c.isNumber {
                digits.append(c)
                continue
            }
            let unit: Double
            switch c {
            case "d": unit = 86_400
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            guard let n = Int(digits), digits.count <= 6 else { return nil }
            total += Double(n) * unit
            digits = ""
            sawPart = true
        }
        return sawPart && digits.isEmpty ? total : nil
    }

    /// `14:30` or `9:05` or `14:30:15`.
    static func timeOfDay(_ text: Substring) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        let s = parts.count == 3 ? Int(parts[2])! : 0
        guard s < 60 else { return nil }
        return (h, m, s)
    }

    /// `2026-11-23T18:00[:00]` in `timeZone`, or with `Z` / `±hh:mm` as ISO 8601.
    static func dateTime(_ text: String, timeZone: TimeZone) -> Date? {
        let chars = Array(text)
        guard chars.count >= 16, chars[4] == "-", chars[7] == "-", chars[10] == "T" || chars[10] == "t" else { return nil }
        let datePart = String(chars[0..<10])
        var rest = String(chars[11...])
        // The zone, if any: Z, or a sign after the time of day.
        var zone = ""
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            zone = "Z"
            rest.removeLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = String(rest[sign...])
            rest = String(rest[..<sign])
        }
        var clock = rest
        var fraction = ""
        if let dot = clock.firstIndex(of: ".") {
            fraction = String(clock[dot...])
            clock = String(clock[..<dot])
        }
        guard let (h, m, s) = timeOfDay(Substring(clock)), clock.count == 5 || clock.count == 8,
              fraction.isEmpty || fraction.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let hms = (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m):" + (s < 10 ? "0" : "") + "\(s)"
        if !zone.isEmpty {
            guard let date = ISO8601.parse("\(datePart)T\(hms)\(zone)") else { return nil }
            return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        }
        let d = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard d.count == 3, d[0].count == 4, d[1].count == 2, d[2].count == 2,
              let year = Int(d[0]), let month = Int(d[1]), let day = Int(d[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = DateComponents(year: year, month: month, day: day, hour: h, minute: m, second: s)
        guard let date = calendar.date(from: parts) else { return nil }
        // Refuse 2026-02-30 rather than rolling it over into March.
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// `11-23 18:00` in `timeZone`, for summaries.
    public static func short(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}
