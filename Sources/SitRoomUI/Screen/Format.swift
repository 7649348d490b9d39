import Foundation
import SitRoomCore

/// Short text forms of figures and times for narrow table cells.
public enum Format {
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "now" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" + String(format: "%02d", (s % 3600) / 60) }
        return "\(s / 86_400)d"
    }

    public static func age(of date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        return age(now.timeIntervalSince(date))
    }

    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    public static func of(_ c: Capacity?) -> String { c.map { "\($0.available)/\($0.staffed)" } ?? "—" }
    public static func of(_ s: Staffing?) -> String { s.map { "\($0.onDuty)/\($0.minimum)" } ?? "—" }

    public static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    /// "11-23 14:05" in the given zone.
    public static func dateTime(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d %02d:%02d", c.month!, c.day!, c.hour!, c.minute!)
    }

    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    public static func time(_ date: Date, _ zone: TimeZone) -> String {
        let c = calendar(zone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    /// "KST" rather than Foundation's "GMT+9" for the zones sitroom is used in.
    public static func zoneName(_ zone: TimeZone, at date: Date) -> String {
        let known = ["Asia/Seoul": "KST", "Asia/Tokyo": "JST", "Asia/Shanghai": "CST", "Asia/Ho_Chi_Minh": "ICT",
                     "UTC": "UTC", "GMT": "UTC", "Etc/UTC": "UTC"]
        return known[zone.identifier] ?? zone.abbreviation(for: date) ?? zone.identifier
    }

    /// "11-23 19:33:20".
    public static func shortClock(_ date: Date, _ zone: TimeZone) -> String {
        String(clock(date, zone).dropFirst(5))
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal
    }
}

extension ERState {
    public var role: Role {
        switch self {
        case .open: .erOpen
        case .limited: .erLimited
        case .diverting: .erDiverting
        case .closed: .erClosed
        }
    }

    /// Upper case for the states that need attention, so they read without colour too.
    public var label: String {
        switch self {
        case .open: "open"
        case .limited: "LIMITED"
        case .diverting: "DIVERT"
        case .closed: "CLOSED"
        }
    }
}
