import Foundation
import SitRoomChangeStore
@testable import SitRoomWire
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The sparklines are seeded from a history walk that keeps only the hospitals, reading the journal
/// a chunk at a time. Both must give what the whole-board walk over the whole journal gave.
@Suite struct HospitalsOnlyHistoryTests {
    static let now = HistoryTrendsTests.now

    /// Two days of hospital reports with other tables' changes between them, some of which look at
    /// the hospitals (a log entry about one) and some of which need tables the walk leaves out.
    static func mixedDays() -> [Change] {
        var out = [Change(officer: "kim", at: now.addingTimeInterval(-51 * 3600),
                          action: .addAgency(Agency(id: "knpa", name: "National Police Agency", kind: .police)))]
        for (i, report) in HistoryTrendsTests.twoDays().enumerated() {
            out.append(report)
            let at = report.at
            switch i % 5 {
            case 1: out.append(Change(officer: "lee", at: at, action: .addLog(LogEntry(
                id: "log-\(i)", eventTime: at, text: "ER 상황 \(i)", hospitalId: "H\(1 + i % 3)"))))
            case 2: out.append(Change(officer: "lee", at: at, action: .addContact(Contact(id: "c\(i)", agencyId: "knpa", person: "Officer \(i)"))))
            case 3: out.append(Change(officer: "lee", at: at, action: .editHospital(id: "H2", HospitalPatch(address: "street \(i)"))))
            default: break
            }
        }
        return out
    }

    @Test func trendsFromTheHospitalsAloneEqualThoseFromWholeBoards() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: 90, background: false)  // several generations
        let all = Self.mixedDays()
        for c in all { #expect(log.commit(c).seq != nil) }
        let history = try History.open(dir)
        let start = Self.now.addingTimeInterval(-TrendSeries.day)
        var whole: BoardTrends?
        try history.replay(from: .time(start), starting: { board, seq in
            whole = BoardTrends(board: board, seq: seq, at: start)
        }) { seq, change, board in
            whole?.record(seq: seq, change: change, board: board)
        }
        let seeded = try history.trends(endingAt: Self.now)
        #expect(seeded == whole)
        #expect(seeded.seq == UInt64(all.count))
        #expect(seeded.series(.erBedsAvailable).buckets(96, endingAt: Self.now).allSatisfy { $0 != nil })
    }

    @Test func aHospitalsOnlySnapshotHasTheWholeBoardsHospitals() throws {
        var board = Board(incident: Incident(name: "drill", periodStart: Self.now))
        for c in Self.mixedDays().prefix(200) { try board.apply(c) }
        let bytes = try Snapshot.encode(board, seq: 200)
        let (partial, seq) = try Snapshot.decode(bytes, hospitalsOnly: true)
        #expect(seq == 200)
        #expect(partial.hospitals == board.hospitals)
        #expect(partial.incident == board.incident)
        #expect(partial.log.isEmpty && partial.contacts.isEmpty)
        var damaged = bytes
        damaged[damaged.count - 1] ^= 1  // past the hospitals: still refused, the whole body is checksummed
        #expect(throws: StoreError.self) { try Snapshot.decode(damaged, hospitalsOnly: true) }
    }

    /// A journal of `count` records, as bytes.
    static func journal(_ count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for n in 1...count { try JournalRecord.encode(Sample.logEntry(n), seq: UInt64(n), into: &bytes) }
        return bytes
    }

    /// The records `JournalStream` hands on, reading `chunk` bytes at a time, and what it says follows them.
    static func streamed(_ bytes: [UInt8], chunk: Int, in tmp: TempDir) throws -> (seqs: [UInt64], good: Int, tail: JournalTail) {
        let path = tmp.sub("journal-\(chunk)-\(bytes.count)")
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let fs = PosixFileSystem()
        let fd = try fs.open(path, O_RDONLY, 0)
        defer { fs.close(fd) }
        var seqs: [UInt64] = []
        let (good, tail) = try JournalStream.scan(fs: fs, fd: fd, to: Int64(bytes.count), chunkSize: chunk) { (record: ScannedRecord) throws -> Bool in
            let change = try JournalRecord.decodeChange(record.payload)
            #expect(change == Sample.logEntry(Int(record.seq)))
            seqs.append(record.seq)
            return true
        }
        return (seqs, good, tail)
    }

    @Test(arguments: [1, 5, 16, 61, 4096, JournalStream.chunkSize])
    func streamingGivesWhatScanningTheWholeFileGives(chunk: Int) throws {
        let tmp = TempDir()
        let clean = try Self.journal(40)
        var torn = clean
        torn.removeLast(7)
        var damaged = clean
        damaged[clean.count / 2] ^= 0x40  // a bad record in the middle, good ones after it
        var badLength = clean
        let third = JournalScanner.scan(clean).records[2].offset
        badLength[third + 3] = 0xFF  // a length field past the largest payload
        for bytes in [clean, torn, damaged, badLength, []] {
            let whole = JournalScanner.scan(bytes)
            let streamed = try Self.streamed(bytes, chunk: chunk, in: tmp)
            #expect(streamed.seqs == whole.records.map(\.seq))
            #expect(streamed.good == whole.records.last?.end ?? 0)
            #expect(streamed.tail == whole.tail)
        }
        guard case .corrupt = JournalScanner.scan(damaged).tail else { Issue.record("the damage must be in the middle"); return }
        guard case .torn = JournalScanner.scan(torn).tail else { Issue.record("the tail must be torn"); return }
        #expect(JournalScanner.scan(badLength).records.count == 2)
    }
}
