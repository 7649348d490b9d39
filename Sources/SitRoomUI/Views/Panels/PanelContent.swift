import Foundation
import SitRoomCore

/// What a panel shows: a table of rows, each naming the record Enter opens.
public struct PanelContent: Sendable {
    public var columns: [Column]
    public var rows: [TableRow]
    /// What Enter opens for a row id.
    public var record: @Sendable (String) -> RecordRef
    /// For a panel whose rows move with the clock only in their time cells (an age, a stale mark)
    /// or in a few rows cheap to make again: brings the rows to a new `now`, so that a new minute
    /// is a pass over the rows, not a rebuild and sort of them.
    public var age: (@Sendable (inout [TableRow], Date) -> Void)?

    public init(columns: [Column], rows: [TableRow], record: @escaping @Sendable (String) -> RecordRef,
                age: (@Sendable (inout [TableRow], Date) -> Void)? = nil) {
        self.columns = columns
        self.rows = rows
        self.record = record
        self.age = age
    }

    func aged(_ now: Date) -> PanelContent {
        guard let age else { return self }
        var copy = self
        age(&copy.rows, now)
        return copy
    }
}

extension PanelID {
    /// The panel's rows as the officer asked for them: filtered (`/`) and sorted (`s`). Built once
    /// per board, filter, sort order and minute (ages and staleness move by the minute).
    public func content(_ model: AppModel) -> PanelContent {
        let filter = model.filters[self].flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let sort = model.sortColumns[self]
        var key = PanelCache.Key(
            panel: self, board: model.boardVersion, baseline: self == .briefing ? model.baselineVersion : 0,
            filter: nil, sort: nil, minute: Int((model.now.timeIntervalSince1970 / 60).rounded(.down)))
        // All rows, built once; a filter keystroke or a sort then works on those.
        let all: PanelContent
        if agesInPlace {
            // Built once per board; a new minute only refreshes the rows' time cells (rows just
            // built are already of this minute).
            let minute = key.minute
            key.minute = Int.min
            var justBuilt = false
            let built = model.panelCache.content(key) {
                justBuilt = true
                return rows(model)
            }
            key.minute = minute
            all = model.panelCache.content(key) { justBuilt ? built : built.aged(model.now) }
        } else {
            all = model.panelCache.content(key) { rows(model) }
        }
        guard filter != nil || sort != nil else { return all }
        key.filter = filter
        key.sort = sort
        return model.panelCache.content(key) {
            var content = all
            if let filter {
                let needle = Array(filter.utf8)
                content.rows = content.rows.filter { Self.contains($0.search, needle) }
            }
            if let column = sort, column < content.columns.count {
                content.rows = SortOrder.sorted(content.rows, by: column, descending: content.columns[column].align == .right)
            }
            return content
        }
    }

    /// Panels whose rows change with the clock only in cells that `PanelContent.age` sets.
    var agesInPlace: Bool { self == .coverage || self == .contacts || self == .strike }

    /// Whether `text` holds `needle` (UTF-8 bytes, both lower-cased already). Byte by byte, as
    /// fast as a filter keystroke over 3,000 rows needs; for valid UTF-8 a byte match is a
    /// character match.
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = text
        return text.withUTF8 { hay in
            guard hay.count >= needle.count else { return false }
            let first = needle[0]
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    private func rows(_ model: AppModel) -> PanelContent {
        switch self {
        case .strike: StrikePanel.content(model)
        case .coverage: CoveragePanel.content(model)
        case .contacts: ContactsPanel.content(model)
        case .log: LogPanel.content(model)
        case .actions: ActionsPanel.content(model)
        case .alerts: AlertsPanel.content(model)
        case .briefing: BriefingPanel.content(model)
        case .capability: CapabilityPanel.content(model)
        case .security: SecurityPanel.content(model)
        case .officers: OfficersPanel.content(model)
        }
    }
}

/// Sorting by a column: numbers ("3/20" sorts by its first number) numerically, text as text;
/// stable, so rows that compare equal keep the panel's own order.
enum SortOrder {
    static func sorted(_ rows: [TableRow], by column: Int, descending: Bool) -> [TableRow] {
        // Each row's key once (n), not at every comparison (n log n): reading the number out of a
        // cell walks its characters, and 3,000 rows made a sort key press cost 16 ms (now about 2).
        let keyed = rows.enumerated().map { offset, row -> (number: Double?, text: String, offset: Int) in
            let text = column < row.cells.count ? row.cells[column].text : ""
            let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
            return (digits.isEmpty ? nil : Double(digits), text, offset)
        }
        return keyed.sorted { a, b in
            if let na = a.number, let nb = b.number, na != nb { return descending ? na > nb : na < nb }
            if (a.number == nil) != (b.number == nil) { return a.number != nil }
            if a.text != b.text { return a.text < b.text }
            return a.offset < b.offset
        }.map { rows[$0.offset] }
    }
}
