import SitRoomCore

/// One column of a table. Narrow screens drop the columns with the lowest priority first (a
/// flexible one only when its priority is 1 or less: an extra, such as a reason); the flexible
/// columns share the width that is left in proportion to their `share`.
public struct Column: Sendable {
    public enum Align: Sendable { case left, right }

    public var title: String
    public var width: Int
    public var align: Align
    public var priority: Int
    public var flexible: Bool
    public var share: Int
    /// Cut a text too long for the column in its middle (names that differ at the end).
    public var cutsMiddle: Bool

    public init(_ title: String, width: Int, align: Align = .left, priority: Int = 5, flexible: Bool = false, share: Int = 1,
                cutsMiddle: Bool = false) {
        self.title = title
        self.width = width
        self.align = align
        self.priority = priority
        self.flexible = flexible
        self.share = max(1, share)
        self.cutsMiddle = cutsMiddle
    }

    var isDroppable: Bool { !flexible || priority <= 1 }
}

public struct TableCell: Sendable {
    public var text: String
    public var role: Role?

    public init(_ text: String, _ role: Role? = nil) {
        self.text = text
        self.role = role
    }
}

public struct TableRow: Sendable {
    public var id: String
    public var cells: [TableCell]
    /// The role of cells that do not name their own.
    public var role: Role
    /// Lower-case text that `/` filters on (by default the cells' text).
    public var search: String
    /// A section heading: its first cell runs across every column.
    public var spans = false

    public init(id: String, cells: [TableCell], role: Role = .normal, search: String? = nil) {
        self.id = id
        self.cells = cells
        self.role = role
        self.search = (search ?? cells.map(\.text).joined(separator: " ")).lowercased()
    }
}

public enum Table {
    /// Which columns fit in `width`, and how wide each is drawn.
    public static func fit(_ columns: [Column], width: Int) -> [(index: Int, width: Int)] {
        var chosen = Set(columns.indices)
        func needed() -> Int {
            chosen.reduce(0) { $0 + columns[$1].width } + max(0, chosen.count - 1)
        }
        let byPriority = columns.indices.sorted { (columns[$0].priority, $1) < (columns[$1].priority, $0) }
        for i in byPriority where needed() > width && chosen.count > 1 && columns[i].isDroppable {
            chosen.remove(i)
        }
        // The spare width is shared by the flexible columns (each taking all of it overran the
        // panel's border when a table had two), the first taking what does not divide.
        let spare = max(0, width - needed())
        let flexible = columns.indices.filter { chosen.contains($0) && columns[$0].flexible }
        let shares = flexible.reduce(0) { $0 + columns[$1].share }
        let given = flexible.reduce(0) { $0 + spare * columns[$1].share / max(1, shares) }
        return columns.indices.filter(chosen.contains).map { i in
            guard columns[i].flexible else { return (i, columns[i].width) }
            let extra = spare * columns[i].share / max(1, shares) + (i == flexible.first ? spare - given : 0)
            return (i, columns[i].width + extra)
        }.map { ($0.0, min($0.1, width)) }
    }

    /// Draws the header and the visible rows; `top` is the first row shown.
    public static func draw(
        _ buffer: inout ScreenBuffer, _ rect: Rect, columns: [Column], rows: [TableRow],
        selected: Int?, top: Int, focused: Bool, changed: Set<String> = []
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        let layout = fit(columns, width: rect.width)
        var x = rect.x
        for (i, w) in layout {
            drawCell(&buffer, columns[i].title, x: x, y: rect.y, width: w, align: columns[i].align, role: .header)
            x += w + 1
        }
        let visible = rect.height - 1
        guard visible > 0 else { return }
        for (line, rowIndex) in (top..<min(rows.count, top + visible)).enumerated() {
            let row = rows[rowIndex]
            let y = rect.y + 1 + line
            let isSelected = rowIndex == selected
            x = rect.x
            if row.spans, let cell = row.cells.first {
                drawCell(&buffer, cell.text, x: x, y: y, width: rect.width, align: .left, role: cell.role ?? row.role)
            }
            for (i, w) in layout where !row.spans {
                let cell = i < row.cells.count ? row.cells[i] : TableCell("")
                var role = cell.role ?? row.role
                if changed.contains(row.id) { role = .changed }
                // The column's last cell stays blank before the next column, as an end cut leaves it.
                let text = columns[i].cutsMiddle && TextWidth.of(cell.text) > w ? DisplayWidth.cutMiddle(cell.text, w - 1) : cell.text
                drawCell(&buffer, text, x: x, y: y, width: w, align: columns[i].align, role: role)
                x += w + 1
            }
            if isSelected {
                buffer.paint(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: focused ? .selected : .muted)
            } else if changed.contains(row.id) {
                // The gaps between columns too: one run of one colour costs the terminal far
                // fewer bytes than a colour change at every column.
                buffer.paint(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .changed)
            }
        }
    }

    static func drawCell(_ buffer: inout ScreenBuffer, _ text: String, x: Int, y: Int, width: Int, align: Column.Align, role: Role) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), role: role)
        let w = TextWidth.of(text)
        let start = align == .right && w < width ? x + width - w : x
        buffer.put(text, x: start, y: y, maxWidth: width - (start - x), role: role)
    }

    /// The first row to show so that `selected` is visible.
    public static func scrolled(top: Int, selected: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return 0 }
        var t = top
        if selected < t { t = selected }
        if selected >= t + visible { t = selected - visible + 1 }
        return max(0, min(t, max(0, count - visible)))
    }
}
