import SitRoomCore
import SitRoomStore
import SitRoomWire

/// The journal reader: the record scanner, the payload decoder (binary and JSON) and replay onto
/// the board, as `ChangeLog` does when it opens a data directory or follows another writer.
///
/// The first byte picks what the rest is. Even: a journal file as it lies on disk (the scanner
/// against torn and damaged records). Odd: one record's payload, framed here with a good checksum,
/// so that mutations reach the change decoder instead of stopping at the CRC.
enum JournalFuzz {
    static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let mode = input.first else { return .rejected("empty input") }
        let rest = Array(input.dropFirst())
        if mode & 1 == 0 { return replay(rest) }
        var framed: [UInt8] = []
        JournalRecord.encode(seq: 1, payload: rest, into: &framed)
        return replay(framed)
    }

    static func replay(_ bytes: [UInt8]) -> FuzzOutcome {
        let (records, tail) = JournalScanner.scan(bytes)
        checkScan(records, tail, in: bytes)
        var changes: [Change] = []
        var lastSeq: UInt64?
        for record in records {
            if let lastSeq, record.seq != lastSeq &+ 1 { return .rejected("sequence \(record.seq) after \(lastSeq)") }
            lastSeq = record.seq
            do {
                changes.append(try JournalRecord.decodeChange(record.payload))
            } catch {
                return .rejected("record \(record.seq): \(error)")
            }
        }
        let (_, refusal) = FuzzFixture.applyAll(changes)
        if let refusal { return .rejected(refusal) }
        switch tail {
        case .clean: return .accepted
        case .torn(let offset, let count): return .rejected("torn tail: \(count) bytes at \(offset)")
        case .corrupt(let offset, let next, _): return .rejected("damage at \(offset), resumes at \(next)")
        }
    }

    /// What the scanner reports must describe the bytes it was given: records in order, inside the
    /// file, and a tail that starts where they end. `ChangeLog` truncates the journal at these
    /// offsets, so a wrong one would cut good records.
    private static func checkScan(_ records: [ScannedRecord], _ tail: JournalTail, in bytes: [UInt8]) {
        var end = 0
        for record in records {
            precondition(record.offset == end && record.end <= bytes.count, "record at \(record.offset) outside the scan")
            end = record.end
        }
        switch tail {
        case .clean:
            precondition(end == bytes.count, "clean tail but \(bytes.count - end) bytes unread")
        case .torn(let offset, let count):
            precondition(offset == end && offset + count == bytes.count && count > 0, "torn tail \(offset)+\(count) of \(bytes.count)")
        case .corrupt(let offset, let next, _):
            precondition(offset == end && next > offset && next < bytes.count, "corrupt tail \(offset)→\(next) of \(bytes.count)")
        }
    }
}
