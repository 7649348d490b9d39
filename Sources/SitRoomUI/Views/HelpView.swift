import SitRoomCore

/// Every key binding (from the key table) and the quick-command grammar, in as many columns as fit;
/// the movement keys scroll it when it still does not fit.
enum HelpView {
    static let columnWidth = 60

    /// The help as lines for columns `width` cells wide; long lines wrap.
    static func lines(width: Int) -> [[(String, Role)]] {
        var lines: [[(String, Role)]] = [[("Keys", .header)]]
        for b in KeyMap.bindings {
            let label = b.label.padding(toLength: 11, withPad: " ", startingAt: 0)
            for (i, part) in wrap(b.help, width - 12).enumerated() {
                lines.append([(i == 0 ? label : String(repeating: " ", count: 11), .key), (part, .normal)])
            }
        }
        lines += [[], [("Quick commands (press : then type one)", .header)]]
        for (syntax, meaning) in QuickCommandParser.grammar {
            lines += wrap(syntax, width - 2).map { [($0, .key)] }
            lines += wrap(meaning, width - 5).map { [("   " + $0, .muted)] }
        }
        lines += [[]] + wrap("✔ saved #N: change N is on disk. A stale report's age shows as !1h15.", width - 2).map { [($0, .muted)] }
        lines += wrap("Coverage row marks: ⚑ an open security incident, R a restriction notice in force, "
                      + "~ E-Gen and a hand entry differ (within the hour; both in the detail).", width - 2).map { [($0, .muted)] }
        return lines
    }

    /// Splits text at spaces into pieces at most `width` cells wide (a longer word is cut).
    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 4, TextWidth.of(text) > width else { return [text] }
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if TextWidth.of(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                out.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { out.append(line) }
        return out
    }

    static func layout(_ inner: Rect) -> (columns: Int, rows: Int, width: Int) {
        let columns = max(1, inner.width / columnWidth)
        return (columns, max(1, inner.height), inner.width / columns)
    }

    /// The largest useful scroll position for a help area of this size.
    static func maxTop(width: Int, height: Int) -> Int {
        let (columns, rows, columnWidth) = layout(Rect(x: 0, y: 0, width: width - 2, height: height - 2))
        return max(0, lines(width: columnWidth).count - columns * rows)
    }

    static func draw(_ buffer: inout ScreenBuffer, _ rect: Rect, top: Int) {
        let (columns, rows, columnWidth) = layout(rect.inset(by: 1))
        let all = lines(width: columnWidth)
        let overflow = all.count > columns * rows
        let inner = Box.draw(&buffer, rect, title: "Help — keys and commands", focused: true,
                             badge: overflow ? "j/k scroll · Esc back" : "Esc back")
        let start = min(top, max(0, all.count - columns * rows))
        for (i, line) in all.dropFirst(start).prefix(columns * rows).enumerated() {
            let x = inner.x + 1 + (i / rows) * columnWidth
            Segments.draw(&buffer, line, x: x, y: inner.y + i % rows, maxX: min(inner.maxX, x + columnWidth - 1))
        }
    }
}
