import Foundation
import SitRoomCore

/// The data directory's `conditions.tsv`: the condition table as a file an officer can read and
/// replace (another country's list). `sitroom init` writes E-Gen's list; the board holds the table
/// in use, and `sitroom conditions --load FILE` puts a file's table on the board (a
/// `conditions.set` change) and, on a data directory, copies it here so the two agree.
public enum ConditionsFile {
    public static let name = "conditions.tsv"

    public static func path(in directory: DataDirectory) -> String { directory.path + "/" + name }

    /// Writes E-Gen's table (for `sitroom init`); leaves an existing file alone.
    public static func writeDefault(in directory: DataDirectory) throws {
        guard try directory.fs.status(path(in: directory)) == nil else { return }
        try write(.egenDefault, in: directory)
    }

    public static func write(_ table: ConditionTable, in directory: DataDirectory) throws {
        try directory.writeDurably(Array(table.tsv.utf8), to: path(in: directory))
    }

    /// The table in the directory's file; nil when there is none. A wrong file is an error naming
    /// the file and the line.
    public static func load(from directory: DataDirectory) throws -> ConditionTable? {
        let path = path(in: directory)
        guard let data = try directory.fs.readFile(path) else { return nil }
        return try parse(data, name: path)
    }

    /// Reads a table file (UTF-8, tab-separated; see `ConditionTable.tsv`).
    public static func parse(_ bytes: [UInt8], name: String) throws -> ConditionTable {
        do {
            return try ConditionTable(tsv: String(decoding: bytes, as: UTF8.self))
        } catch let error as ChangeError {
            throw ChangeError("\(name): \(error.message)", field: error.field)
        }
    }
}
