/// CRC-32C (Castagnoli), as LevelDB and ext4 use for their records.
///
/// Slicing-by-8: eight bytes per step through eight tables. Opening a large directory checks every
/// byte of its snapshot and journal (35 MB for the large scenario), where a table lookup per byte
/// took about a tenth of the startup.
enum CRC32C {
    /// Table k (at offset 256 k) advances a byte's contribution by k more bytes.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 {
                let previous = t[256 * (k - 1) + i]
                t[256 * k + i] = (previous >> 8) ^ t[Int(previous & 0xff)]
            }
        }
        return t
    }()

    static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        var crc = ~seed
        tables.withUnsafeBufferPointer { t in
            var offset = 0
            let count = bytes.count
            while count - offset >= 8 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let lo = UInt32(truncatingIfNeeded: word) ^ crc
                let hi = UInt32(truncatingIfNeeded: word >> 32)
                crc = t[1792 + Int(lo & 0xff)] ^ t[1536 + Int((lo >> 8) & 0xff)]
                    ^ t[1280 + Int((lo >> 16) & 0xff)] ^ t[1024 + Int(lo >> 24)]
                    ^ t[768 + Int(hi & 0xff)] ^ t[512 + Int((hi >> 8) & 0xff)]
                    ^ t[256 + Int((hi >> 16) & 0xff)] ^ t[Int(hi >> 24)]
                offset += 8
            }
            while offset < count {
                crc = t[Int((crc ^ UInt32(bytes[offset])) & 0xff)] ^ (crc >> 8)
                offset += 1
            }
        }
        return ~crc
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
