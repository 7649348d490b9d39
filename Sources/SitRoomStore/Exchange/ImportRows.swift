import Foundation
import SitRoomCore

// The steps every CSV importer takes the same way: the columns it cannot do without, the rows it
// can read, the fields an existing record's patch changes, and a change the board accepts or refuses.

extension ColumnMapping {
    /// Throws, naming the aliases and the `--map` that would fix it, for the first of `required`
    /// the file has no column for.
    func require(_ required: [String], of fields: [ImportField]) throws {
        for field in required where !has(field) {
            let names = fields.first { $0.name == field }!.aliases.joined(separator: " or ")
            throw ImportError("no \(field) column (\(names)); name it with --map \(field)=COLUMN")
        }
    }
}

extension ImportPlan {
    /// The row's cells by field name, or nil (the row skipped with the reason) when it has not as
    /// many fields as the header.
    mutating func cells(of row: CSVTable.Row, in table: CSVTable, _ columns: ColumnMapping) -> ((String) -> String?)? {
        guard row.fields.count == table.header.count else {
            skip(row.line, "\(row.fields.count) fields where the header has \(table.header.count)")
            return nil
        }
        return { columns.value($0, in: row.fields) }
    }

    /// Whether `id` comes for the first time in the file (its line noted in `firstLine`); a repeat
    /// skips its row, naming the line it came first on.
    mutating func isFirst(_ id: String, line: Int, in firstLine: inout [String: Int]) -> Bool {
        if let first = firstLine[id] {
            skip(line, "duplicate id \(id) (first on line \(first))")
            return false
        }
        firstLine[id] = line
        return true
    }

    /// The whole number in `field`'s cell: `.some(nil)` when there is none (no column, or an empty
    /// cell: "as it is"); nil, the row skipped with the reason, when the cell is not a whole number.
    mutating func wholeNumber(_ field: String, _ value: (String) -> String?, line: Int, id: String) -> Int?? {
        guard let text = value(field), !text.isEmpty else { return .some(nil) }
        guard let n = Int(text) else {
            skip(line, "\(id): \(field) \"\(text)\" is not a whole number")
            return nil
        }
        return n
    }

    /// Applies `change` to `board` (the plan's copy, so later rows see it) and plans it; a change
    /// the board refuses skips the row instead, as "`subject`: the model's reason". False if skipped;
    /// any other error is thrown.
    @discardableResult
    mutating func apply(
        _ change: Change, to board: inout Board, line: Int, kind: PlannedChange.Kind, detail: String? = nil,
        subject: String
    ) throws -> Bool {
        do {
            try board.apply(change)
        } catch let error as ChangeError {
            skip(line, "\(subject): \(error.message)")
            return false
        }
        changes.append(PlannedChange(line: line, kind: kind, change: change, detail: detail))
        return true
    }
}

/// A patch of the fields a row changes in an existing record, and their names for the report.
struct ImportPatch<Patch> {
    var patch: Patch
    private(set) var changed: [String] = []

    init(_ empty: Patch) { patch = empty }

    /// Sets the field when the row has a value for it (`new` not nil) that differs from `current`.
    mutating func diff<T: Equatable>(_ field: String, _ new: T?, _ current: T, _ set: (inout Patch, T) -> Void) {
        if let new, new != current {
            set(&patch, new)
            changed.append(field)
        }
    }

    /// "updated <id> <name> (line N): <fields>", the report's line for it.
    func detail(_ id: String, _ name: String, line: Int) -> String {
        "updated \(id) \(name) (line \(line)): \(changed.joined(separator: ", "))"
    }
}
