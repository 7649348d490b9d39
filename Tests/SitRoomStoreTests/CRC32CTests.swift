@testable import SitRoomWire
import Testing
@testable import SitRoomStore

@Suite struct CRC32CTests {
    /// The byte-at-a-time definition, to check the eight-at-a-time one against.
    static func reference(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
        var crc = ~seed
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    @Test func knownValues() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([]) == 0)
    }

    /// Every length up to 40 (the tail loop, the 8-byte steps and both together), at every
    /// alignment, and chained through a seed as the journal chains its seq and payload.
    @Test func agreesWithTheDefinitionAtEveryLengthAndOffset() {
        var state: UInt32 = 12345
        let data: [UInt8] = (0..<64).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        for start in 0..<8 {
            for length in 0...40 {
                let slice = Array(data[start..<start + length])
                let fast = data.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
                #expect(fast == Self.reference(slice), "start \(start) length \(length)")
                let head = Array(slice.prefix(length / 2)), tail = Array(slice.dropFirst(length / 2))
                let chained = tail.withUnsafeBytes { CRC32C.checksum($0, seed: CRC32C.checksum(head)) }
                #expect(chained == fast)
            }
        }
    }
}
