import Foundation
import SitRoomChangeStore
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct HistoryTrendsTests {
    static let now = Sample.t0

    /// Two days of reports from three hospitals, one every 10 minutes, with their `at` times spread
    /// over those days (hospitals added 50 hours ago).
    static func twoDays() -> [Change] {
        var out: [Change] = []
        let ids = ["H1", "H2", "H3"]
        for id in ids {
            out.append(Change(officer: "kim", at: now.addingTimeInterval(-50 * 3600), action: .addHospital(Hospital(id: id, name: "병원 \(id)"))))
        }
        for step in 0..<(48 * 6) {
            let id = ids[step % 3]
            let at = now.addingTimeInterval(Double(-48 * 3600 + step * 600))
            out.append(Change(officer: "kim", at: at, action: .reportHospital(id: id, HospitalReport(
                erState: step % 7 == 0 ? .limited : .open, erBeds: Capacity(available: step % 11, staffed: 20),
                icuBeds: Capacity(available: step % 5, staffed: 10), erDoctors: Staffing(onDuty: 2 + step % 3, minimum: 3)))))
        }
        return out
    }

    /// What a console that had been running all along would have.
    static func fedOneByOne(_ changes: [Change]) throws -> BoardTrends {
        var board = Board()
        var trends = BoardTrends()
        for (i, change) in changes.enumerated() {
            try board.apply(change)
            trends.record(seq: UInt64(i + 1), change: change, board: board)
        }
        return trends
    }

    @Test func seededFromTheHistoryTheTrendsMatchThoseOfAConsoleRunningAllDay() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: 50, background: false)  // many generations, most in history/
        let all = Self.twoDays()
        for c in all { #expect(log.commit(c).seq != nil) }
        let seeded = try History.open(dir).trends(endingAt: Self.now)
        let reference = try Self.fedOneByOne(all)
        #expect(seeded.seq == UInt64(all.count))
        for figure in BoardTrends.National.allCases {
            #expect(seeded.series(figure).buckets(48, endingAt: Self.now) == reference.series(figure).buckets(48, endingAt: Self.now))
            #expect(seeded.series(figure).range(endingAt: Self.now) == reference.series(figure).range(endingAt: Self.now))
        }
        for figure in BoardTrends.PerHospital.allCases {
            #expect(seeded.series(figure, of: "H2").buckets(96, endingAt: Self.now)
                    == reference.series(figure, of: "H2").buckets(96, endingAt: Self.now))
        }
        // Every bucket of the last 24 hours has a value: the start came from the board at that time.
        #expect(seeded.series(.erBedsAvailable).buckets(96, endingAt: Self.now).allSatisfy { $0 != nil })
        // Only the window was replayed: nothing older than its start is kept but the value at it.
        #expect(seeded.series(.erBedsAvailable).samples.first!.at >= Self.now.addingTimeInterval(-TrendSeries.day))
    }

    /// The console (`TrendSeeding`, then `ConsoleSession`) starts the trends from the board as it
    /// is when the history cannot give them.
    @Test func aDataDirectoryWithoutHistoryStartsTheTrendsNow() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let log = try ChangeLog.open(dir)
        log.policy = CompactionPolicy(maxRecords: 50, background: false)
        _ = Self.twoDays().map { log.commit($0) }
        // A data directory from before history was kept: its old generations are gone.
        try FileManager.default.removeItem(atPath: dir.path + "/history")
        #expect(throws: StoreError.self) { try History.open(dir).trends(endingAt: Self.now) }
        let trends = (try? History.open(dir).trends(endingAt: Self.now)) ?? BoardTrends(board: log.board, seq: log.seq, at: Self.now)
        #expect(trends.seq == log.seq)
        let buckets = trends.series(.erBedsAvailable).buckets(4, endingAt: Self.now)
        #expect(buckets == [nil, nil, nil, log.board.summary(at: Self.now).erBeds.available])
    }

    @Test func aFreshDirectoryHasBlankTrends() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        let trends = try History.open(dir).trends(endingAt: Self.now)
        #expect(trends.seq == 0)
        #expect(trends.series(.erBedsAvailable).samples.isEmpty)
    }
}
