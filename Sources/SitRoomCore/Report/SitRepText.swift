import Foundation

/// A SITREP as plain text for print or a terminal: fixed columns measured in display cells, so that
/// columns line up under Korean names (a Hangul syllable is two cells wide).
public enum SitRepText {
    public static func render(_ report: SitRep, width: Int = 100) -> String {
        let width = max(width, 60)
        var out: [String] = []
        out.append(String(repeating: "=", count: width))
        out += wrap(report.title, width: width)
        out.append(String(repeating: "=", count: width))
        if let notice = report.notice { out += wrap("*** \(notice) ***", width: width) }
        out += fields(report.header, indent: 0, width: width)
        for section in report.sections {
            out.append("")
            let heading = "\(section.number). \(section.title.uppercased())"
            out.append(heading)
            out.append(String(repeating: "-", count: DisplayWidth.of(heading)))
            var first = true
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += wrap(text, width: width - 2).map { "  " + $0 }
                case .heading(let text):
                    if !first { out.append("") }
                    out.append("  " + text)
                case .fields(let list):
                    out += fields(list, indent: 2, width: width)
                case .table(let t):
                    out += table(t, indent: 2, width: width)
                case .records(let records):
                    for (i, r) in records.enumerated() {
                        if i > 0 { out.append("") }
                        out += wrap(r.title, width: width - 2).map { "  " + $0 }
                        out += fields(r.fields, indent: 4, width: width)
                    }
                }
                first = false
            }
        }
        out.append("")
        out.append(String(repeating: "=", count: width))
        out += wrap(report.footer, width: width)
        return out.map { trimRight($0) }.joined(separator: "\n") + "\n"
    }

    static func fields(_ list: [SitRep.Field], indent: Int, width: Int) -> [String] {
        let labelWidth = (list.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        var out: [String] = []
        for f in list {
            let lines = wrap(f.value, width: max(20, width - indent - labelWidth))
            for (i, line) in lines.enumerated() {
                let lead = i == 0 ? pad(f.label, labelWidth) : String(repeating: " ", count: labelWidth)
                out.append(String(repeating: " ", count: indent) + lead + line)
            }
        }
        return out
    }

    static let maxColumn = 48

    static func table(_ t: SitRep.Table, indent: Int, width: Int) -> [String] {
        let n = t.columns.count
        let gap = 2
        let space = String(repeating: " ", count: indent)
        // No fixed column is wider than `maxColumn`: a name of thousands of characters is cut, not
        // padded into every line of the table.
        let capped = t.wrapsLast ? n - 1 : n
        let rowsInput = t.rows.map { row in
            row.enumerated().map { $0.offset < capped ? cut($0.element, maxColumn) : $0.element }
        }
        var widths = t.columns.map { DisplayWidth.of($0) }
        for row in rowsInput {
            for (i, cell) in row.enumerated() where i < n { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        // Too wide even without the free text: the first column (the names) gives way, cut with "…".
        let fixedWidth = indent + widths.dropLast(t.wrapsLast ? 1 : 0).reduce(0) { $0 + $1 + gap } - gap
        if fixedWidth > width, widths[0] > 12 {
            widths[0] -= min(widths[0] - 12, fixedWidth - width)
        }
        // Still too wide (long text in other columns): the widest of them gives way, down to 12.
        var excess = indent + widths.dropLast(t.wrapsLast ? 1 : 0).reduce(0) { $0 + $1 + gap } - gap - width
        while excess > 0, capped > 1, let widest = (1..<capped).max(by: { widths[$0] < widths[$1] }), widths[widest] > 12 {
            widths[widest] -= 1
            excess -= 1
        }
        let rows = rowsInput.map { row in row.enumerated().map { $0.offset < capped ? cut($0.element, widths[$0.offset]) : $0.element } }
        // Where the last column starts, and how the free text in it is laid out: wrapped under its
        // heading when there is room, else on the lines below each row.
        let lastStart = indent + widths.dropLast().reduce(0) { $0 + $1 + gap }
        let available = width - lastStart
        let underColumn = !t.wrapsLast || available >= 24 || widths[n - 1] <= available
        let fixed = t.wrapsLast && !underColumn ? n - 1 : n
        func line(_ cells: [String]) -> String {
            var s = space
            for i in 0..<fixed {
                let cell = i < cells.count ? cells[i] : ""
                let w = t.wrapsLast && i == n - 1 ? DisplayWidth.of(cell) : widths[i]
                s += t.align[i] == .right ? padLeft(cell, w) : pad(cell, w)
                if i < fixed - 1 { s += String(repeating: " ", count: gap) }
            }
            return s
        }
        var out: [String] = []
        if underColumn && t.wrapsLast {
            let lastWidth = max(10, available)
            out.append(line(t.columns))
            out.append(space + rule(widths: widths.dropLast() + [min(widths[n - 1], lastWidth)], gap: gap))
            for row in rows {
                let text = wrap(row.count >= n ? row[n - 1] : "", width: lastWidth)
                var cells = row
                if cells.count >= n { cells[n - 1] = text.first ?? "" }
                out.append(line(cells))
                for more in text.dropFirst() { out.append(String(repeating: " ", count: lastStart) + more) }
            }
        } else {
            out.append(line(t.columns))
            out.append(space + rule(widths: Array(widths.prefix(fixed)), gap: gap))
            for row in rows {
                out.append(line(row))
                if fixed < n, row.count >= n, !row[n - 1].isEmpty {
                    out += wrap(row[n - 1], width: width - indent - 4).map { space + "    " + $0 }
                }
            }
        }
        return out
    }

    static func cut(_ s: String, _ width: Int) -> String { DisplayWidth.cut(s, width) }

    static func rule(widths: [Int], gap: Int) -> String {
        widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap))
    }

    static func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - DisplayWidth.of(s))) }
    static func padLeft(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - DisplayWidth.of(s))) + s }

    static func trimRight(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Words into lines of at most `width` display cells; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var w = DisplayWidth.of(word)
            if currentWidth > 0, currentWidth + 1 + w <= width {
                current += " " + word
                currentWidth += 1 + w
                continue
            }
            if currentWidth > 0 { lines.append(current) }
            if w > width {
                // A word wider than the line is cut into line-wide pieces, in one pass.
                var pieces = chunks(word, width: width)
                word = pieces.removeLast()
                w = DisplayWidth.of(word)
                lines += pieces
            }
            current = word
            currentWidth = w
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `word` in pieces of at most `width` cells, never splitting a character.
    static func chunks(_ word: String, width: Int) -> [String] {
        var pieces: [String] = []
        var head = ""
        var headWidth = 0
        for c in word {
            let cw = DisplayWidth.of(c)
            if headWidth + cw > width, headWidth > 0 {
                pieces.append(head)
                head = ""
                headWidth = 0
            }
            head.append(c)
            headWidth += cw
        }
        pieces.append(head)
        return pieces
    }
}
