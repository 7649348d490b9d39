import Foundation

/// The one JSON dialect of sitroom: ISO 8601 times in UTC, sorted keys.
public enum SitRoomJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISO8601.format(date))
        }
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: "\"\(text)\" is not a time like 2026-11-23T09:00:00Z or 2026-11-23T18:00:00+09:00")
            }
            return date
        }
        return d
    }
}

/// ISO 8601 times, written as `2026-11-23T09:00:00Z` and read with `Z` or a `±hh:mm` offset and
/// optional fractional seconds. Foundation's formatter costs ~15 µs a date, which made replaying a
/// long journal slow; this is a few hundred nanoseconds.
public enum ISO8601 {
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = year >= 0 ? String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        guard utf8.count >= 20 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64? {
            var n: Int64 = 0
            for i in from..<from + count {
                let d = utf8[i]
                guard d >= 48 && d <= 57 else { return nil }
                n = n * 10 + Int64(d - 48)
            }
            return n
        }
        guard utf8[4] == 45, utf8[7] == 45, utf8[10] == 84 || utf8[10] == 116, utf8[13] == 58, utf8[16] == 58,
              let y = number(0, 4), let m = number(5, 2), let d = number(8, 2),
              let hh = number(11, 2), let mm = number(14, 2), let ss = number(17, 2),
              (1...12).contains(m), (1...31).contains(d), hh < 24, mm < 60, ss < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < utf8.count, utf8[i] == 46 {
            i += 1
            var scale = 0.1
            while i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 {
                fraction += Double(utf8[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offset: Int64 = 0
        if i < utf8.count, utf8[i] == 90 || utf8[i] == 122 {
            i += 1
        } else if i + 6 <= utf8.count, utf8[i] == 43 || utf8[i] == 45, utf8[i + 3] == 58,
                  let oh = number(i + 1, 2), let om = number(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (utf8[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == utf8.count else { return nil }
        utf8.removeAll()
        // Days from civil (the inverse of `format`).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = m > 2 ? m - 3 : m + 9
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + hh * 3600 + mm * 60 + ss - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
