@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct JournalScanMemoryTests {
    /// The records array is reserved once from the length fields, not grown by doubling; a torn
    /// tail or damage stops the count where the records stop fitting.
    @Test func theRecordsArrayIsReservedOnce() throws {
        var bytes: [UInt8] = []
        for n in 1...300 { try JournalRecord.encode(Sample.logEntry(n), seq: UInt64(n), into: &bytes) }
        let (records, tail) = JournalScanner.scan(bytes)
        #expect(tail == .clean && records.count == 300)
        #expect(records.capacity < 300 + 300 / 8, "capacity \(records.capacity): grown, not reserved")
        #expect(JournalScanner.framedRecords(in: bytes + [1, 2, 3], from: 0) == 300)
        #expect(JournalScanner.framedRecords(in: Array(bytes.dropLast()), from: 0) == 299)
        #expect(JournalScanner.framedRecords(in: bytes, from: records[100].offset) == 200)
    }
}
