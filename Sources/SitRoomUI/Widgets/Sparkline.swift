/// A figure over time in one line of cells, one cell per value, oldest on the left: `▁▂▃▅▇█`.
///
/// The lowest value gets the lowest mark and the highest the highest (or the range given, values
/// outside it clamped to its ends); a flat series is a flat line of the lowest mark, so that "no
/// change" looks calm rather than half full. A gap (nil: nothing known then) is a blank cell. With
/// more values than cells, the newest `width` are drawn; with fewer, they end at the right edge.
public enum Sparkline {
    public enum Style: Sendable {
        /// ▁▂▃▄▅▆▇█ (U+2581–2588).
        case blocks
        /// `_.-=^`, for terminals without the block characters.
        case ascii

        /// ASCII where the block characters ▁–█ would not show: on the Linux console (its fonts lack
        /// them) and where the locale names a codeset other than UTF-8 (`ko_KR.EUC-KR`). Otherwise
        /// blocks, as the rest of the screen assumes Unicode (the terminal falls back to C.UTF-8
        /// under a plain `C` locale).
        public init(environment: [String: String]) {
            if let term = environment["TERM"], term == "linux" || term.hasPrefix("linux-") {
                self = .ascii
                return
            }
            let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            guard let dot = locale.firstIndex(of: ".") else {
                self = .blocks
                return
            }
            let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }.lowercased().filter { $0 != "-" && $0 != "_" }
            self = codeset == "utf8" ? .blocks : .ascii
        }

        var marks: [Character] {
            switch self {
            case .blocks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            case .ascii: ["_", ".", "-", "=", "^"]
            }
        }
    }

    /// Exactly `width` cells (each one column wide).
    public static func render(_ values: [Int?], width: Int, style: Style = .blocks, range: ClosedRange<Int>? = nil) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let known = shown.compactMap { $0 }
        var out = String(repeating: " ", count: width - shown.count)
        guard let low = range?.lowerBound ?? known.min(), let high = range?.upperBound ?? known.max() else {
            return out + String(repeating: " ", count: shown.count)
        }
        let marks = style.marks
        let top = marks.count - 1
        for value in shown {
            guard let value else {
                out.append(" ")
                continue
            }
            let v = min(max(value, low), high)
            // Rounded to the nearest mark, in integers: (v - low) / (high - low) of the way up.
            let level = high == low ? 0 : ((v - low) * top * 2 + (high - low)) / ((high - low) * 2)
            out.append(marks[level])
        }
        return out
    }
}
