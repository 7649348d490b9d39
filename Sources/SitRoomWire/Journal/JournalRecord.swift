import Foundation
import SitRoomCore

/// One journal record on disk:
///
///     u32 payload length | u32 CRC-32C of (seq + payload) | u64 seq | payload
///
/// All little-endian. The checksum covers the sequence number so that a record cannot be replayed at
/// another position unnoticed. The payload is the change, tagged by its first byte: 0x03 for the
/// hand-written wire coding followed by the change's `Origin` (what sitroom writes for a change that
/// has one), 0x02 for the same without it (see `WireWriter`), 0x01 for the older generic
/// `Codable` binary coding (still read: most of a burst and of a long replay went to `Codable`'s
/// dynamic dispatch), `{` for JSON (read, for hand-made or older records; Foundation's JSON decoder
/// took ~40 µs a record).
public enum JournalRecord {
    public static let headerSize = 16
    /// A single change is a few hundred bytes; anything near this is damage, not data.
    public static let maxPayload = 16 << 20

    public static func encode(seq: UInt64, payload: [UInt8], into out: inout [UInt8]) {
        var seqBytes = [UInt8](repeating: 0, count: 8)
        for i in 0..<8 { seqBytes[i] = UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i))) }
        let crc = checksum(seqBytes: seqBytes, payload: payload)
        appendLE(UInt32(payload.count), to: &out)
        appendLE(crc, to: &out)
        out.append(contentsOf: seqBytes)
        out.append(contentsOf: payload)
    }

    static let binaryTag: UInt8 = 0x02
    static let originTag: UInt8 = 0x03
    static let legacyBinaryTag: UInt8 = 0x01

    /// Writes the record in place at the end of `out`: header, tag, change, then the length and
    /// checksum patched in, with no intermediate arrays.
    public static func encode(_ change: Change, seq: UInt64, into out: inout [UInt8]) throws {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 8))
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i)))) }
        out.append(change.origin == nil ? binaryTag : originTag)
        var writer = WireWriter()
        swap(&writer.bytes, &out)
        change.write(to: &writer)
        if let origin = change.origin { writer.value(origin) }
        swap(&writer.bytes, &out)
        let length = UInt32(out.count - start - headerSize)
        let crc = out.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[(start + 8)...])) }
        for i in 0..<4 {
            out[start + i] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(i)))
            out[start + 4 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))
        }
    }

    public static func decodeChange(_ payload: ArraySlice<UInt8>) throws -> Change {
        switch payload.first {
        case binaryTag?, originTag?:
            return try payload.withUnsafeBytes { raw in
                var reader = WireReader(raw, position: 1)
                var change = try Change(wire: &reader)
                if payload.first == originTag { change.origin = try reader.value() }
                try reader.finish()
                return change
            }
        case legacyBinaryTag?: return try BinaryDecoder().decode(Change.self, from: Array(payload.dropFirst()))
        case UInt8(ascii: "{")?: return try SitRoomJSON.decoder().decode(Change.self, from: Data(payload))
        default: throw BinaryDecodingError("unknown payload format")
        }
    }

    static func checksum(seqBytes: [UInt8], payload: [UInt8]) -> UInt32 {
        let head = seqBytes.withUnsafeBytes { CRC32C.checksum($0) }
        return payload.withUnsafeBytes { CRC32C.checksum($0, seed: head) }
    }

    private static func appendLE(_ v: UInt32, to out: inout [UInt8]) {
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }
}

/// A record found by the scanner: its sequence number, payload and place in the file.
public struct ScannedRecord {
    public let seq: UInt64
    public let payload: ArraySlice<UInt8>
    public let offset: Int
    public var end: Int { offset + JournalRecord.headerSize + payload.count }
}

/// What follows the last good record of a journal.
public enum JournalTail: Equatable, Sendable {
    /// The file ends exactly after the last good record.
    case clean
    /// Bytes after the last good record that do not form a record, and no good record after them:
    /// a write cut short by a crash. Safe to cut off.
    case torn(offset: Int, bytes: Int)
    /// A bad record followed by good ones: damage, not a torn write. Never cut automatically.
    case corrupt(offset: Int, nextGoodOffset: Int, nextGoodSeq: UInt64)
}

public enum JournalScanner {
    /// Reads every good record from `start`, and says what follows them.
    public static func scan(_ bytes: [UInt8], from start: Int = 0) -> (records: [ScannedRecord], tail: JournalTail) {
        var records: [ScannedRecord] = []
        records.reserveCapacity(framedRecords(in: bytes, from: start))
        var offset = start
        while offset < bytes.count {
            guard let record = record(in: bytes, at: offset) else {
                if let next = nextGoodRecord(in: bytes, after: offset) {
                    return (records, .corrupt(offset: offset, nextGoodOffset: next.offset, nextGoodSeq: next.seq))
                }
                return (records, .torn(offset: offset, bytes: bytes.count - offset))
            }
            records.append(record)
            offset = record.end
        }
        return (records, .clean)
    }

    /// How many records the length fields alone frame, from `start` to the first that does not fit:
    /// the records array is reserved once. Grown by doubling, 200,000 records (48 bytes each) came
    /// to 19 MB for a moment, a quarter of the peak of opening the large scenario.
    static func framedRecords(in bytes: [UInt8], from start: Int) -> Int {
        var count = 0
        var offset = start
        while bytes.count - offset >= JournalRecord.headerSize {
            let length = Int(readLE32(bytes, offset))
            guard length <= JournalRecord.maxPayload, bytes.count - offset - JournalRecord.headerSize >= length else { break }
            count += 1
            offset += JournalRecord.headerSize + length
        }
        return count
    }

    /// A complete record with a good checksum at `offset`, or nil.
    package static func record(in bytes: [UInt8], at offset: Int) -> ScannedRecord? {
        guard bytes.count - offset >= JournalRecord.headerSize else { return nil }
        let length = Int(readLE32(bytes, offset))
        guard length <= JournalRecord.maxPayload, bytes.count - offset - JournalRecord.headerSize >= length else {
            return nil
        }
        let crc = readLE32(bytes, offset + 4)
        let seqStart = offset + 8
        let payloadStart = offset + JournalRecord.headerSize
        let actual = bytes.withUnsafeBytes { raw in
            let head = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[seqStart..<payloadStart]))
            return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[payloadStart..<payloadStart + length]), seed: head)
        }
        guard actual == crc else { return nil }
        var seq: UInt64 = 0
        for i in 0..<8 { seq |= UInt64(bytes[seqStart + i]) << (8 * UInt64(i)) }
        return ScannedRecord(seq: seq, payload: bytes[payloadStart..<payloadStart + length], offset: offset)
    }

    /// Looks for any good record after a bad one, byte by byte (only ever run on damage).
    static func nextGoodRecord(in bytes: [UInt8], after offset: Int) -> ScannedRecord? {
        var probe = offset + 1
        while probe + JournalRecord.headerSize <= bytes.count {
            if let r = record(in: bytes, at: probe), let tag = r.payload.first,
               [JournalRecord.originTag, JournalRecord.binaryTag, JournalRecord.legacyBinaryTag, UInt8(ascii: "{")].contains(tag) {
                return r
            }
            probe += 1
        }
        return nil
    }

    private static func readLE32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
