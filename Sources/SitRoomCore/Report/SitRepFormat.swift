import Foundation

/// How times and labels read in a SITREP. Every time is in one zone, stated in the header. Figures,
/// ages and times are formatted by `Format`, as on the screen.
struct SitRepFormat {
    let timeZone: TimeZone
    /// The moment of the report: times on its local day show as "14:05", others as "11-22 23:10".
    let now: Date

    /// "KST" rather than Foundation's "GMT+9" for the zones sitroom is used in.
    var zoneName: String { Format.zoneName(timeZone, at: now) }

    /// "2026-11-23 09:00 KST".
    func dateTime(_ date: Date) -> String { Format.fullDateTime(date, timeZone) }

    /// "14:05" on the report's day, else "11-22 23:10".
    func short(_ date: Date) -> String { Format.timeOrDateTime(date, timeZone, today: now) }

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
