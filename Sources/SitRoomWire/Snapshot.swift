import SitRoomChangeStore
import SitRoomCore

/// The board at sequence `seq`, as one checksummed file:
///
///     magic | u64 seq | u32 CRC-32C of body | u32 body length | body
///
/// "SRSNAP05" (written): the body is the board in the wire coding (`BoardWire`), the SRSNAP02 body
/// followed by the tables added since (capability's, then security's, then the roster, then the
/// alert rules and the figures' origins). "SRSNAP04" (still read): the same up to the roster.
/// "SRSNAP03" (still read): the same without the roster. "SRSNAP02" (still read): that body up to the
/// briefings; the new tables start empty. "SRSNAP01" (still read): the body is a
/// `BoardDocument` in the generic `BinaryEncoder` coding.
public enum Snapshot {
    static let magic = Array("SRSNAP05".utf8)
    static let version = 5
    static let version4Magic = Array("SRSNAP04".utf8)
    static let version3Magic = Array("SRSNAP03".utf8)
    static let version2Magic = Array("SRSNAP02".utf8)
    static let legacyMagic = Array("SRSNAP01".utf8)
    package static let headerSize = 24

    public static func encode(_ board: Board, seq: UInt64) throws -> [UInt8] {
        var writer = WireWriter()
        writer.bytes.reserveCapacity(1 << 16)
        writer.bytes += magic
        writer.bytes += repeatElement(0, count: headerSize - magic.count)
        BoardWire.write(board, seq: seq, to: &writer)
        var out = writer.bytes
        let body = out.count - headerSize
        let crc = out.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        for i in 0..<8 { out[8 + i] = UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i))) }
        for i in 0..<4 {
            out[16 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))
            out[20 + i] = UInt8(truncatingIfNeeded: UInt32(body) >> (8 * UInt32(i)))
        }
        return out
    }

    /// The board in `bytes`; with `hospitalsOnly`, a board of the incident and the hospitals alone
    /// (the rest of the body is checksummed, not decoded).
    public static func decode(_ bytes: [UInt8], hospitalsOnly: Bool = false) throws -> (board: Board, seq: UInt64) {
        let seq = try verify(bytes)
        let head = Array(bytes[0..<8])
        do {
            if head == legacyMagic {
                let board = try legacyBoard(Array(bytes[headerSize...]))
                return (hospitalsOnly ? BoardWire.hospitalsOf(board) : board, seq)
            }
            return try bytes.withUnsafeBytes { raw in
                var reader = WireReader(raw, position: headerSize)
                if hospitalsOnly { return (try BoardWire.readHospitals(&reader), seq) }
                return (try BoardWire.read(&reader, seq: seq, version: snapshotVersion(head)), seq)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.badSnapshot("unreadable body: \(error)")
        }
    }

    /// The sequence number of the snapshot in `bytes`, once its header, length and checksum are
    /// found good; the body is not decoded.
    package static func verify(_ bytes: [UInt8]) throws -> UInt64 {
        guard bytes.count >= headerSize else { throw StoreError.badSnapshot("not a sitroom snapshot") }
        let head = Array(bytes[0..<8])
        guard head == magic || head == version4Magic || head == version3Magic || head == version2Magic || head == legacyMagic else { throw StoreError.badSnapshot("not a sitroom snapshot") }
        var seq: UInt64 = 0
        for i in 0..<8 { seq |= UInt64(bytes[8 + i]) << (8 * UInt64(i)) }
        let crc = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[16 + $1]) << (8 * UInt32($1)) }
        let length = (0..<4).reduce(0) { $0 | Int(bytes[20 + $1]) << (8 * $1) }
        guard bytes.count == headerSize + length else {
            throw StoreError.badSnapshot("length \(bytes.count - headerSize), header says \(length)")
        }
        let actual = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        guard actual == crc else { throw StoreError.badSnapshot("checksum mismatch") }
        return seq
    }

    private static func snapshotVersion(_ head: [UInt8]) -> Int {
        switch head {
        case version2Magic: 2
        case version3Magic: 3
        case version4Magic: 4
        default: version
        }
    }

    private static func legacyBoard(_ body: [UInt8]) throws -> Board {
        let document = try BinaryDecoder().decode(BoardDocument.self, from: body)
        guard document.format == BoardDocument.formatName, (1...BoardDocument.currentVersion).contains(document.version) else {
            throw StoreError.badSnapshot("format \(document.format) version \(document.version) is not known to this sitroom")
        }
        return document.board
    }
}
