import Foundation
import SitRoomCore
import SitRoomStore
import SitRoomWire

/// Seed inputs made by the product's own writers from the demo situation: what a journal, a
/// snapshot and an export really look like, kept small. `sitroom-fuzz seeds` writes them into
/// Tests/Fuzz/Corpus; the theme files, the CP949 fixture and the quick-command lines there are
/// copied or written by hand. The `v1-` seeds were written by the generic `Codable` coder before
/// the wire coding replaced it: kept as they are (sitroom still reads them), never regenerated.
public enum SeedCorpus {
    public static func seeds(for target: FuzzTarget) throws -> [(name: String, bytes: [UInt8])] {
        switch target {
        case .journal: try journal()
        case .snapshot: try snapshot()
        case .csv: try csv()
        case .quickCommand, .theme: []
        }
    }

    /// The first demo change of each type, one a file, as a bare payload (mode byte 1); one as
    /// JSON; and a journal file of ten records as it lies on disk (mode byte 0).
    static func journal() throws -> [(name: String, bytes: [UInt8])] {
        let changes = DemoSituation.changes(now: FuzzFixture.now)
        var seen: Set<String> = []
        var seeds: [(name: String, bytes: [UInt8])] = []
        for change in changes where seen.insert(change.action.type).inserted {
            var record: [UInt8] = []
            try JournalRecord.encode(change, seq: 1, into: &record)
            seeds.append(("payload-\(change.action.type)", [1] + record.dropFirst(JournalRecord.headerSize)))
        }
        let json = try SitRoomJSON.encoder().encode(changes[changes.count - 1])
        seeds.append(("payload-json", [1] + Array(json)))
        var file: [UInt8] = []
        for (index, change) in changes.suffix(10).enumerated() {
            try JournalRecord.encode(change, seq: UInt64(index + 1), into: &file)
        }
        seeds.append(("journal-10-records", [0] + file))
        return seeds
    }

    /// Snapshots of an empty board and of the demo's first changes: whole files (mode byte 0) and
    /// bare bodies (mode byte 1).
    static func snapshot() throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        let changes = DemoSituation.changes(now: FuzzFixture.now)
        for count in [0, 8, 24] {
            var board = Board()
            for change in changes.prefix(count) { try board.apply(change) }
            if count == 24, let hospital = board.hospitals.keys.min() {
                // The tables after the roster: rules set by an admin, a hospital's last change from a key.
                board.alertRules = AlertRules()
                board.figureOrigins[hospital] = FigureOrigin(stamp: Stamp(at: FuzzFixture.now, by: "kim"),
                                                             origin: Origin(osUser: "sitroom", key: "SHA256:" + String(repeating: "f", count: 43)))
            }
            let file = try Snapshot.encode(board, seq: UInt64(count))
            seeds.append(("file-\(count)-changes", [0] + file))
            seeds.append(("body-\(count)-changes", [1] + file.dropFirst(24)))
        }
        return seeds
    }

    /// The export's hospitals and contacts tables, a few rows each, as `import` reads them back.
    static func csv() throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        for (table, mode) in [(CSVExport.Table.hospitals, UInt8(0)), (.contacts, 1)] {
            var sheet = CSVExport.sheet(table, of: FuzzFixture.board)
            sheet.rows = Array(sheet.rows.prefix(4))
            seeds.append(("export-\(table.rawValue)", [mode] + Array(try CSVExport.data(sheet))))
            seeds.append(("export-\(table.rawValue)-bom", [mode | 2] + Array(try CSVExport.data(sheet, bom: true))))
        }
        return seeds
    }
}
