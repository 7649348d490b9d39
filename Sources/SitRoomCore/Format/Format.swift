import Foundation

/// How figures, ages, times and time zones read, on the screen and in the SITREP alike: one
/// place, so that the console and the report never say the same thing two ways.
public enum Format {
    // MARK: Figures

    /// 12345 → "12,345".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.utf8.count > 3 else { return n < 0 ? "-" + digits : digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// "+12", "-3", "0".
    public static func signed(_ n: Int) -> String { n > 0 ? "+" + grouped(n) : grouped(n) }

    /// Beds available of staffed: "279/1,392"; "—" when not reported.
    public static func of(_ c: Capacity?) -> String { c.map { "\(grouped($0.available))/\(grouped($0.staffed))" } ?? "—" }
    /// The same without grouping, "279/1392", where two more characters cost more than they give:
    /// the screen's summary strip, whose sparklines get what the text leaves of the line (grouped,
    /// they lose a cell at 120 columns and the ERs-not-open one goes at 100).
    public static func compact(_ c: Capacity) -> String { "\(c.available)/\(c.staffed)" }
    /// Doctors on duty of the minimum: "4/6"; "—" when not reported.
    public static func of(_ s: Staffing?) -> String { s.map { "\(grouped($0.onDuty))/\(grouped($0.minimum))" } ?? "—" }

    /// 0.884 → "88%"; "—" when unknown.
    public static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    /// `part` of `whole` as a percentage; "—" when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) * 100 / Double(whole)).rounded()))%" : "—"
    }

    // MARK: Ages

    /// How long ago, in the unit that matters: "<1m", "38m", "1h36", "2d".
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" + twoDigits((s % 3600) / 60) }
        return "\(s / 86_400)d"
    }

    /// The age of `date` at `now`; "—" when there is none.
    public static func age(of date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        return age(now.timeIntervalSince(date))
    }

    /// For a sentence: "38m ago", "<1m ago".
    public static func ago(_ date: Date, now: Date) -> String { age(now.timeIntervalSince(date)) + " ago" }

    // MARK: Times (each in the zone given)

    /// "14:05".
    public static func time(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.hour, .minute], from: date)
        return twoDigits(c.hour!) + ":" + twoDigits(c.minute!)
    }

    /// "11-23 14:05".
    public static func dateTime(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.month, .day, .hour, .minute], from: date)
        return twoDigits(c.month!) + "-" + twoDigits(c.day!) + " " + twoDigits(c.hour!) + ":" + twoDigits(c.minute!)
    }

    /// "14:05" on the same day as `today` in that zone, else "11-22 23:10".
    public static func timeOrDateTime(_ date: Date, _ zone: TimeZone, today: Date) -> String {
        let cal = calendar(zone)
        return cal.isDate(date, inSameDayAs: today) ? time(date, zone) : dateTime(date, zone)
    }

    /// "2026-11-23 09:00 KST".
    public static func fullDateTime(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return year(c.year!) + "-" + twoDigits(c.month!) + "-" + twoDigits(c.day!) + " " + twoDigits(c.hour!) + ":"
            + twoDigits(c.minute!) + " " + zoneName(zone, at: date)
    }

    /// "2026-11-23 19:33:20".
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return year(c.year!) + "-" + twoDigits(c.month!) + "-" + twoDigits(c.day!) + " " + twoDigits(c.hour!) + ":"
            + twoDigits(c.minute!) + ":" + twoDigits(c.second!)
    }

    /// "11-23 19:33:20".
    public static func shortClock(_ date: Date, _ zone: TimeZone) -> String {
        String(clock(date, zone).dropFirst(5))
    }

    /// "KST" rather than Foundation's "GMT+9" for the zones sitroom is used in.
    public static func zoneName(_ zone: TimeZone, at date: Date) -> String {
        knownZones[zone.identifier] ?? zone.abbreviation(for: date) ?? zone.identifier
    }

    static let knownZones = ["Asia/Seoul": "KST", "Asia/Tokyo": "JST", "Asia/Shanghai": "CST", "Asia/Ho_Chi_Minh": "ICT",
                             "UTC": "UTC", "GMT": "UTC", "Etc/UTC": "UTC"]

    private static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    private static func year(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }
}
