import SitRoomCore

/// Draws view 8, the capability matrix, inside its box: the hospital's own columns, then one cell
/// per condition in groups of five, under the conditions' short labels written downwards; the
/// last line names the condition under the column cursor and counts its marks. When the
/// conditions do not fit, ← → move the column cursor and the matrix scrolls by groups of five.
enum CapabilityView {
    static let group = 5
    /// The hospital's own columns are at most this wide together, so that the matrix stays close to the names.
    static let maxFixedWidth = 56
    /// Rows of hospitals worth keeping before the labels get their full height.
    static let minimumRows = 10

    /// Where things go across the box.
    struct Across: Equatable {
        /// The hospital's own columns: index in `CapabilityPanel.fixedColumns`, width.
        var fixed: [Int: Int]
        var fixedOrder: [Int]
        /// From the box's left edge: where the first condition shown starts.
        var matrixX: Int
        /// Conditions shown: `first..<first + shown`.
        var first: Int
        var shown: Int
        var total: Int

        /// From the box's left edge, the column of condition `index` (nil when scrolled out).
        func x(_ index: Int) -> Int? {
            guard index >= first, index < first + shown else { return nil }
            let r = index - first
            return matrixX + r + r / CapabilityView.group
        }

        static func cells(for count: Int) -> Int { count == 0 ? 0 : count + (count - 1) / CapabilityView.group }
    }

    static func across(width: Int, conditions total: Int, left: Int) -> Across {
        let columns = CapabilityPanel.fixedColumns
        let minimumFixed = columns.filter { $0.priority >= 7 }.reduce(-1) { $0 + $1.width + 1 }
        // Two cells between the hospital's columns and the matrix: `<` goes in the first when scrolled.
        let room = width - 2 - Across.cells(for: total)
        let fixedWidth = min(maxFixedWidth, max(minimumFixed, room))
        let fit = Table.fit(columns, width: fixedWidth)
        let used = fit.reduce(-1) { $0 + $1.width + 1 }
        let matrixX = used + 2
        let matrixRoom = max(0, width - matrixX)
        func fitting(_ room: Int) -> Int {
            var fits = 0
            while fits < total, Across.cells(for: fits + 1) <= room { fits += 1 }
            return fits
        }
        var fits = fitting(matrixRoom)
        // Not all of them: two cells kept for the `>` that says more are to the right.
        if fits < total { fits = fitting(matrixRoom - 2) }
        // Scrolled, the first shown starts a group of five: a condition keeps its group on every page.
        let first = fits >= total ? 0 : min(max(0, left), total - 1) / CapabilityView.group * CapabilityView.group
        return Across(fixed: Dictionary(uniqueKeysWithValues: fit.map { ($0.index, $0.width) }), fixedOrder: fit.map(\.index),
                      matrixX: matrixX, first: first, shown: min(fits, total - first), total: total)
    }

    /// Lines of the labels above the matrix: as long as the longest label when that leaves
    /// `minimumRows` rows of hospitals, fewer on short screens (the last line names the condition in full).
    static func headerLines(innerHeight: Int, labelLength: Int) -> Int {
        let full = max(1, labelLength)
        if innerHeight - full - 1 >= minimumRows { return full }
        return max(1, min(full, innerHeight - 1 - minimumRows))
    }

    static func headerLines(innerHeight: Int, _ table: ConditionTable) -> Int {
        headerLines(innerHeight: innerHeight, labelLength: table.conditions.map { label($0).count }.max() ?? 1)
    }

    /// Rows of hospitals in a box whose inside is `innerHeight` lines.
    static func visibleRows(innerHeight: Int, _ table: ConditionTable) -> Int {
        max(1, innerHeight - headerLines(innerHeight: innerHeight, table) - 1)
    }

    /// The short label as written downwards, a character a cell: a label with a wide character
    /// (a Korean one) gives its code instead, upper case.
    static func label(_ c: Condition) -> [Character] {
        let short = Array(c.short)
        if !short.isEmpty, short.allSatisfy({ TextWidth.of(String($0)) == 1 }) { return short }
        return Array(c.code.uppercased()).filter { TextWidth.of(String($0)) == 1 }
    }

    /// The first condition shown so that `column` is on screen, moved by whole groups.
    static func scrolled(left: Int, column: Int, shown: Int, total: Int) -> Int {
        guard shown > 0, shown < total else { return 0 }
        var l = left - left % group
        while column < l { l -= group }
        while column >= l + shown { l += group }
        return max(0, min(l, (total - 1) / group * group))
    }

    static func draw(_ buffer: inout ScreenBuffer, _ model: AppModel, _ content: PanelContent, _ inner: Rect) {
        let table = model.board.conditions
        let conditions = table.conditions
        let cursor = model.cursor(.capability)
        let ascii = model.asciiSparklines
        let column = min(max(0, cursor.column), max(0, conditions.count - 1))
        let header = headerLines(innerHeight: inner.height, table)
        let visible = inner.height - header - 1
        guard visible > 0 else { return }
        var across = across(width: inner.width, conditions: conditions.count, left: cursor.left)
        let left = scrolled(left: cursor.left, column: column, shown: across.shown, total: conditions.count)
        if left != across.first { across = Self.across(width: inner.width, conditions: conditions.count, left: left) }

        // The labels, downwards; the hospital's own column titles on their last line.
        let titleY = inner.y + header - 1
        var x = inner.x
        for i in across.fixedOrder {
            let c = CapabilityPanel.fixedColumns[i]
            Table.drawCell(&buffer, c.title, x: x, y: titleY, width: across.fixed[i]!, align: c.align, role: .header)
            x += across.fixed[i]! + 1
        }
        for (i, condition) in conditions.enumerated() {
            guard let cx = across.x(i) else { continue }
            let chars = label(condition)
            for line in 0..<header where line < chars.count {
                buffer.put(String(chars[line]), x: inner.x + cx, y: inner.y + line, maxWidth: 1, role: i == column ? .selected : .header)
            }
        }
        if across.first > 0 {
            buffer.put("<", x: inner.x + across.matrixX - 2, y: titleY, maxWidth: 1, role: .key)
        }
        if across.first + across.shown < conditions.count, let last = across.x(across.first + across.shown - 1),
           inner.x + last + 2 < inner.maxX {
            buffer.put(">", x: inner.x + last + 2, y: titleY, maxWidth: 1, role: .key)
        }

        // The rows.
        let rows = content.rows
        let tallies = model.capabilityTallies(rows)
        let changed = Set(model.changedRows.filter { $0.value > model.now }.keys)
        let selected = rows.isEmpty ? nil : min(cursor.selected, rows.count - 1)
        let top = Table.scrolled(top: cursor.top, selected: selected ?? 0, visible: visible, count: rows.count)
        let fixedCount = CapabilityPanel.fixedColumns.count
        for (line, index) in (top..<min(rows.count, top + visible)).enumerated() {
            let row = rows[index]
            let y = inner.y + header + line
            let rowChanged = changed.contains(row.id)
            x = inner.x
            for i in across.fixedOrder {
                let cell = row.cells[i]
                let c = CapabilityPanel.fixedColumns[i]
                Table.drawCell(&buffer, cell.text, x: x, y: y, width: across.fixed[i]!, align: c.align,
                               role: rowChanged ? .changed : cell.role ?? row.role)
                x += across.fixed[i]! + 1
            }
            for i in across.first..<(across.first + across.shown) where fixedCount + i < row.cells.count {
                let cell = row.cells[fixedCount + i]
                let mark = CapabilityMark.glyph(CapabilityMark.availability(sortKey: cell.text), ascii: ascii)
                buffer.put(mark, x: inner.x + across.x(i)!, y: y, maxWidth: 1, role: rowChanged ? .changed : cell.role ?? .muted)
            }
            if index == selected {
                buffer.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected)
            } else if rowChanged {
                buffer.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .changed)
            }
        }
        if rows.count > visible, inner.maxY < buffer.height {
            let shown = " \(Format.grouped((selected ?? 0) + 1))/\(Format.grouped(rows.count)) "
            buffer.put(shown, x: inner.maxX - TextWidth.of(shown) - 1, y: inner.maxY, role: .muted)
        }
        if rows.isEmpty {
            buffer.put("(no hospitals)", x: inner.x + 1, y: inner.y + header, maxWidth: inner.width - 1, role: .muted)
        }
        let keyX = across.matrixX + Across.cells(for: across.shown) + 4
        if across.shown == conditions.count, inner.width - keyX >= keyEntryWidth {
            key(&buffer, conditions, selected: column, tallies: tallies, ascii: ascii,
                Rect(x: inner.x + keyX, y: inner.y, width: inner.width - keyX, height: inner.height - 1))
        }
        if conditions.isEmpty {
            buffer.put("no conditions in the table: `sitroom conditions` shows it", x: inner.x, y: inner.maxY - 1,
                       maxWidth: inner.width, role: .muted)
        } else {
            legend(&buffer, conditions[column], index: column, of: conditions.count,
                   tally: column < tallies.count ? tallies[column] : Tally(), ascii: ascii, x: inner.x, y: inner.maxY - 1, maxX: inner.maxX)
        }
    }

    static let keyEntryWidth = 44

    /// On wide screens, right of the matrix: every condition's label, name and how many of the
    /// rows can treat it, the one under the column cursor highlighted.
    static func key(_ buffer: inout ScreenBuffer, _ conditions: [Condition], selected: Int, tallies: [Tally], ascii: Bool, _ rect: Rect) {
        let perColumn = max(1, rect.height)
        let columns = min(rect.width / keyEntryWidth, (conditions.count + perColumn - 1) / perColumn)
        guard columns > 0 else { return }
        let entryWidth = rect.width / columns
        for (i, c) in conditions.enumerated() {
            let column = i / perColumn
            guard column < columns else { break }
            let x = rect.x + column * entryWidth
            let y = rect.y + i % perColumn
            let available = i < tallies.count ? tallies[i].available : 0
            let role: Role = i == selected ? .selected : .normal
            let count = Format.grouped(available)
            let parts: [(String, Role)] = [
                (c.short.padding(toLength: 7, withPad: " ", startingAt: 0), i == selected ? .selected : .header),
                (String(repeating: " ", count: max(0, 5 - count.count)) + count + " " + CapabilityMark.glyph(.available, ascii: ascii) + "  ",
                 i == selected ? .selected : available > 0 ? .good : .alert),
                (c.korean, role), (" · " + c.english, i == selected ? .selected : .muted),
            ]
            Segments.draw(&buffer, parts, x: x, y: y, maxX: x + entryWidth - 2)
        }
    }

    /// How many rows carry each mark in a condition's column.
    struct Tally: Equatable, Sendable {
        var available = 0, unavailable = 0, unknown = 0, none = 0

        subscript(_ a: Availability?) -> Int {
            switch a {
            case .available?: available
            case .unavailable?: unavailable
            case .unknown?: unknown
            case nil: none
            }
        }
    }

    static func tallies(_ rows: [TableRow], conditions: Int) -> [Tally] {
        var out = Array(repeating: Tally(), count: conditions)
        let fixed = CapabilityPanel.fixedColumns.count
        for row in rows {
            for i in 0..<min(conditions, row.cells.count - fixed) {
                switch CapabilityMark.availability(sortKey: row.cells[fixed + i].text) {
                case .available?: out[i].available += 1
                case .unavailable?: out[i].unavailable += 1
                case .unknown?: out[i].unknown += 1
                case nil: out[i].none += 1
                }
            }
        }
        return out
    }

    /// The last line: the condition under the column cursor in full, and its marks counted.
    static func legend(_ buffer: inout ScreenBuffer, _ c: Condition, index: Int, of total: Int,
                       tally: Tally, ascii: Bool, x: Int, y: Int, maxX: Int) {
        var parts: [(String, Role)] = [(c.short, .selected), (" \(index + 1)/\(total)  ", .muted)]
        for a in [Availability.available, .unavailable, .unknown] as [Availability?] + [nil] {
            let n = tally[a]
            let role: Role = a.map { CapabilityMark.role($0) } ?? .muted
            parts.append((CapabilityMark.glyph(a, ascii: ascii) + Format.grouped(n) + " ", n > 0 ? role : .muted))
        }
        parts += [(" " + c.korean, .title), (" · " + c.english + "  ", .normal),
                  (CapabilityMark.restriction + " restriction · ←→ condition · s sort · Enter open", .muted)]
        Segments.draw(&buffer, parts, x: x, y: y, maxX: maxX)
    }
}
