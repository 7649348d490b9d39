import CSV
import Foundation

extension CSVExport {
    /// The UTF-8 byte order mark, which Excel needs to read UTF-8 (Korean names) as UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The sheet as CSV text in UTF-8: the header, then one record per row, each ended by a line
    /// feed. CSV.swift's `CSVWriter` does the quoting (a field with a comma, a quote or a line break
    /// is quoted, quotes doubled). With `bom` the bytes start with the UTF-8 byte order mark.
    public static func data(_ sheet: Sheet, bom: Bool = false) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, codecType: UTF8.self, newline: .lf)
        var out = Data(bom ? byteOrderMark : [])
        try withExtendedLifetime(writer) {
            try writer.write(row: sheet.header)
            for row in sheet.rows {
                try writer.write(row: row)
            }
            // CSVWriter starts each record after the first with a newline; end the last one too.
            guard let written = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
                throw CSVError.cannotWriteStream
            }
            out.append(written)
        }
        out.append(contentsOf: Array(writer.configuration.newline.utf8))
        return out
    }
}
