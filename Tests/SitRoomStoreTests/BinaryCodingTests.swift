import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct BinaryCodingTests {
    @Test func demoBoardRoundTripsThroughASnapshot() throws {
        let board = DemoSituation.board(now: Sample.t0)
        #expect(board.hospitals.count >= 40)
        let bytes = try Snapshot.encode(board, seq: 42)
        let (back, seq) = try Snapshot.decode(bytes)
        #expect(seq == 42)
        #expect(back == board)
        #expect(try Snapshot.encode(back, seq: 42) == bytes, "the same board gives the same bytes")
    }

    @Test func optionalsAndNestedValuesKeepTheirPlaces() throws {
        var h = Hospital(id: "A1", name: "한림대학교성심병원")
        h.icuBeds = Reported(Capacity(available: 0, staffed: 12), at: Sample.t0, by: "lee")
        h.policePost = Reported(true, at: Sample.t0, by: "kim")
        let back = try BinaryDecoder().decode(Hospital.self, from: BinaryEncoder().encode(h))
        #expect(back == h)
        let list: [Int?] = [1, nil, 3]
        #expect(throws: EncodingError.self, "silently mis-encoding would be worse") { try BinaryEncoder().encode(list) }
        let nested = [[1, 2], [], [3]]
        #expect(try BinaryDecoder().decode([[Int]].self, from: BinaryEncoder().encode(nested)) == nested)
    }

    @Test func damagedSnapshotIsRefused() throws {
        var bytes = try Snapshot.encode(DemoSituation.board(now: Sample.t0), seq: 7)
        bytes[bytes.count / 2] ^= 0x10
        #expect(throws: StoreError.badSnapshot("checksum mismatch")) { try Snapshot.decode(bytes) }
        #expect(throws: StoreError.self) { try Snapshot.decode(Array(bytes.prefix(30))) }
    }
}
