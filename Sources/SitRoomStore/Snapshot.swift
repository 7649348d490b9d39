import SitRoomCore

/// The board at sequence `seq`, as one checksummed file (the body is a `BoardDocument`):
///
///     "SRSNAP01" | u64 seq | u32 CRC-32C of body | u32 body length | body (BinaryEncoder)
public enum Snapshot {
    static let magic = Array("SRSNAP01".utf8)
    static let headerSize = 24

    public static func encode(_ board: Board, seq: UInt64) throws -> [UInt8] {
        let body = try BinaryEncoder().encode(BoardDocument(board, seq: seq))
        var out = magic
        out.reserveCapacity(headerSize + body.count)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: seq >> (8 * UInt64(i)))) }
        let crc = CRC32C.checksum(body)
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i)))) }
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: UInt32(body.count) >> (8 * UInt32(i)))) }
        out.append(contentsOf: body)
        return out
    }

    public static func decode(_ bytes: [UInt8]) throws -> (board: Board, seq: UInt64) {
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else {
            throw StoreError.badSnapshot("not a sitroom snapshot")
        }
        var seq: UInt64 = 0
        for i in 0..<8 { seq |= UInt64(bytes[8 + i]) << (8 * UInt64(i)) }
        let crc = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[16 + $1]) << (8 * UInt32($1)) }
        let length = (0..<4).reduce(0) { $0 | Int(bytes[20 + $1]) << (8 * $1) }
        guard bytes.count == headerSize + length else {
            throw StoreError.badSnapshot("length \(bytes.count - headerSize), header says \(length)")
        }
        let body = Array(bytes[headerSize...])
        guard CRC32C.checksum(body) == crc else { throw StoreError.badSnapshot("checksum mismatch") }
        do {
            let document = try BinaryDecoder().decode(BoardDocument.self, from: body)
            guard document.format == BoardDocument.formatName, (1...BoardDocument.currentVersion).contains(document.version) else {
                throw StoreError.badSnapshot("format \(document.format) version \(document.version) is not known to this sitroom")
            }
            return (document.board, seq)
        } catch {
            throw StoreError.badSnapshot("unreadable body: \(error)")
        }
    }
}
