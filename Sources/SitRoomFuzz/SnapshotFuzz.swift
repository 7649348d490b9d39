import SitRoomCore
import SitRoomStore
import SitRoomWire

/// The snapshot reader: header, checksum and the board's binary decoding, as `ChangeLog` reads a
/// data directory's snapshot when it opens it.
///
/// The first byte picks what the rest is. Even: a snapshot file as it lies on disk. Odd: a
/// snapshot's body, given a header with the right length and checksum here, so that mutations
/// reach the decoder instead of stopping at the CRC: the wire coding's ("SRSNAP05"), with bit 4
/// set the same before the alert rules ("SRSNAP04"), with bit 3 set before the roster ("SRSNAP03"), with bit 2 set the wire coding before the new
/// tables ("SRSNAP02"), or with bit 1 set the older generic coding's ("SRSNAP01"); sitroom still
/// reads them all.
enum SnapshotFuzz {
    static let magic = Array("SRSNAP05".utf8)
    static let version4Magic = Array("SRSNAP04".utf8)
    static let version3Magic = Array("SRSNAP03".utf8)
    static let previousMagic = Array("SRSNAP02".utf8)
    static let legacyMagic = Array("SRSNAP01".utf8)

    static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let mode = input.first else { return .rejected("empty input") }
        let rest = Array(input.dropFirst())
        if mode & 1 == 0 { return read(rest) }
        return read(framed(rest, magic: mode & 2 != 0 ? legacyMagic : mode & 4 != 0 ? previousMagic
                                        : mode & 8 != 0 ? version3Magic
                                        : mode & 16 != 0 ? version4Magic : magic))
    }

    static func read(_ bytes: [UInt8]) -> FuzzOutcome {
        do {
            let (board, seq) = try Snapshot.decode(bytes)
            // A snapshot that reads must write back: compaction re-encodes the board it loaded.
            _ = try Snapshot.encode(board, seq: seq)
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    /// `body` behind a good header: magic | u64 seq | u32 CRC-32C | u32 length.
    static func framed(_ body: [UInt8], magic: [UInt8] = magic) -> [UInt8] {
        var out = magic
        let seq: UInt64 = 42
        let crc = Castagnoli.checksum(body)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: UInt32(body.count) >> (8 * UInt32(i)))) }
        return out + body
    }
}
