import SitRoomWire

/// A journal's good records read a chunk at a time: a replay holds one chunk and the record being
/// decoded, not the whole file (18 MB for the large scenario's 200,000 changes, with a 9 MB array
/// of scanned records on top).
enum JournalStream {
    static let chunkSize = 1 << 20

    /// Calls `body` with each good record of `fd` between `start` and `end`, in order, for as long
    /// as it returns true. Returns what `JournalScanner.scan` gives for those bytes read whole: the
    /// bytes of good records from `start` (those handed to `body`), and what follows them (offsets
    /// from `start`; `.clean` when `body` stopped early). Only on damage is the rest read at once,
    /// to look for a good record after the bad one.
    @discardableResult
    static func scan(
        fs: any FileSystem, fd: Int32, from start: Int64 = 0, to end: Int64, chunkSize: Int = chunkSize,
        _ body: (ScannedRecord) throws -> Bool
    ) throws -> (goodBytes: Int, tail: JournalTail) {
        let total = Int(max(0, end - start))
        var buffer: [UInt8] = []
        var bufferStart = 0  // where buffer[0] is, from `start`
        var read = 0
        var fileEnded = false
        while true {
            if read < total, !fileEnded {
                let chunk = try fs.read(fd, count: min(chunkSize, total - read), at: start + Int64(read))
                read += chunk.count
                fileEnded = chunk.isEmpty  // cut shorter since its size was taken
                buffer += chunk
            }
            let more = read < total && !fileEnded
            var position = 0
            while let record = JournalScanner.record(in: buffer, at: position) {
                guard try body(record) else { return (bufferStart + record.end, .clean) }
                position = record.end
            }
            let good = bufferStart + position
            // The record at `position` failed: cut short by the chunk (read on), or bad, or the end.
            if more, isIncomplete(buffer, at: position) {
                buffer.removeFirst(position)
                bufferStart = good
                continue
            }
            guard position < buffer.count || more else { return (good, .clean) }
            var rest = Array(buffer[position...])
            buffer = []
            if more { rest += try fs.read(fd, count: total - read, at: start + Int64(read)) }
            switch JournalScanner.scan(rest).tail {
            case .clean: return (good, .clean)  // not reached: `rest` starts with a bad record
            case .torn(let offset, let bytes): return (good, .torn(offset: good + offset, bytes: bytes))
            case .corrupt(let offset, let next, let nextSeq):
                return (good, .corrupt(offset: good + offset, nextGoodOffset: good + next, nextGoodSeq: nextSeq))
            }
        }
    }

    /// Whether the bytes from `offset` are the start of a record the length field says is longer.
    static func isIncomplete(_ bytes: [UInt8], at offset: Int) -> Bool {
        let left = bytes.count - offset
        guard left >= JournalRecord.headerSize else { return true }
        let length = Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        return length <= JournalRecord.maxPayload && left - JournalRecord.headerSize < length
    }
}
