import CSV
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file as its header and rows, each row with the line it starts on (rows may span lines:
/// a quoted field can hold line breaks). Parsing is CSV.swift's (RFC 4180: quoted fields, doubled
/// quotes, embedded commas and line breaks, CRLF or LF).
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The 1-based line of the file the row starts on.
        public var line: Int
        public var fields: [String]
    }

    /// Column names, trimmed of surrounding spaces.
    public var header: [String]
    /// Every row after the header except blank lines.
    public var rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// Parses CSV text (already decoded; see `TextEncoding`).
    public static func parse(_ text: String) throws -> CSVTable {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw ImportError("not a CSV file: \(error)")
        }
        var line = 1
        var header: [String]?
        var rows: [Row] = []
        while let fields = reader.next() {
            let start = line
            // The row ends on its own line break; the breaks inside quoted fields come before it.
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            if fields.count == 1, fields[0].isEmpty { continue }
            if header == nil {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                rows.append(Row(line: start, fields: fields))
            }
        }
        if let error = reader.error { throw ImportError("reading the CSV: \(error)") }
        guard let header else { throw ImportError("the file is empty: no header row") }
        return CSVTable(header: header, rows: rows)
    }

    /// Reads a file, detecting its encoding unless one is given. Returns the encoding used too.
    public static func read(path: String, encoding: TextEncoding? = nil) throws -> (table: CSVTable, encoding: TextEncoding) {
        return try decode(try readBytes(path), encoding: encoding)
    }

    /// Decodes file bytes, detecting their encoding unless one is given, and parses them.
    public static func decode(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> (table: CSVTable, encoding: TextEncoding) {
        let used = encoding ?? TextEncoding.detect(bytes)
        return (try parse(try used.decode(bytes)), used)
    }

    /// The whole file; the error names the path and the system's reason.
    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ImportError("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw ImportError("cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { return bytes }
            bytes += buffer[..<n]
        }
    }

    private static func lineBreaks(in field: String) -> Int {
        // "\r\n" is one Character, so it counts once.
        field.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
    }
}
