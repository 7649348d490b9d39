import Foundation

/// How figures, times and labels read in a SITREP. Every time is in one zone, stated in the header.
struct SitRepFormat {
    let timeZone: TimeZone
    /// The moment of the report: times on its local day show as "14:05", others as "11-22 23:10".
    let now: Date

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// "KST" rather than Foundation's "GMT+9" for the zones sitroom is used in.
    var zoneName: String {
        let known = ["Asia/Seoul": "KST", "Asia/Tokyo": "JST", "Asia/Shanghai": "CST", "Asia/Ho_Chi_Minh": "ICT",
                     "UTC": "UTC", "GMT": "UTC", "Etc/UTC": "UTC"]
        return known[timeZone.identifier] ?? timeZone.abbreviation(for: now) ?? timeZone.identifier
    }

    /// "2026-11-23 09:00 KST".
    func dateTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d ", c.year!, c.month!, c.day!, c.hour!, c.minute!) + zoneName
    }

    /// "14:05" on the report's day, else "11-22 23:10".
    func short(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        let time = String(format: "%02d:%02d", c.hour!, c.minute!)
        if c.year == today.year, c.month == today.month, c.day == today.day { return time }
        return String(format: "%02d-%02d ", c.month!, c.day!) + time
    }

    /// "38m", "1h36", "2d".
    static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "under 1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" + String(format: "%02d", (s % 3600) / 60) }
        return "\(s / 86_400)d"
    }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// "+12", "-3", "0".
    static func signed(_ n: Int) -> String { n > 0 ? "+" + grouped(n) : grouped(n) }

    static func capacity(_ c: Capacity?) -> String { c.map { "\(grouped($0.available))/\(grouped($0.staffed))" } ?? "—" }
    static func staffing(_ s: Staffing?) -> String { s.map { "\($0.onDuty)/\($0.minimum)" } ?? "—" }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) * 100 / Double(whole)).rounded()))%" : "—"
    }

    /// Upper case for the states that need attention, so that they read in black and white.
    static func state(_ s: ERState?) -> String {
        switch s {
        case .open?: "open"
        case .limited?: "LIMITED"
        case .diverting?: "DIVERTING"
        case .closed?: "CLOSED"
        case nil: "no report"
        }
    }

    static func severity(_ s: Severity) -> String {
        switch s {
        case .critical: "CRITICAL"
        case .warning: "WARNING"
        case .notice: "notice"
        case .info: "info"
        }
    }

    static func form(_ f: StrikeForm) -> String {
        switch f {
        case .walkout: "walk-out"
        case .unlimitedStrike: "unlimited strike"
        case .collectiveResignation: "collective resignation"
        case .rally: "rally"
        case .workToRule: "work-to-rule"
        case .other: "collective action"
        }
    }

    static func outcome(_ o: CallOutcome) -> String {
        switch o {
        case .reached: "reached"
        case .noAnswer: "no answer"
        case .leftMessage: "left message"
        }
    }

    /// Text from the board on one line: control characters and line breaks become one space, and
    /// what else could not show safely (`SafeText`) a placeholder.
    static func clean(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for c in text {
            let v = c.unicodeScalars.first!.value
            let isSpace = c.isWhitespace || v < 0x20 || v == 0x7F
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out += SafeText.drawn(c)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
