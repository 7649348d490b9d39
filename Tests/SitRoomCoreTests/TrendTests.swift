import Foundation
import Testing
@testable import SitRoomCore

@Suite struct TrendTests {
    static let t0 = Fixture.t0
    static func at(hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    // MARK: TrendSeries

    @Test func eachBucketHoldsTheLastValueAtOrBeforeItsEnd() {
        var s = TrendSeries()
        s.record(5, at: Self.at(hours: 1.5))
        s.record(7, at: Self.at(hours: 6.5))
        s.record(2, at: Self.at(hours: 13))
        // 4 buckets of 6 hours over the day ending at 24:00: they end at 6, 12, 18 and 24.
        #expect(s.buckets(4, endingAt: Self.at(hours: 24)) == [5, 7, 2, 2])
        #expect(s.buckets(24, endingAt: Self.at(hours: 24)).prefix(8) == [nil, 5, 5, 5, 5, 5, 7, 7])
    }

    @Test func bucketsBeforeAnyDataAreEmpty() {
        var s = TrendSeries()
        #expect(s.buckets(3, endingAt: Self.t0) == [nil, nil, nil])
        s.record(4, at: Self.at(hours: 21))
        #expect(s.buckets(6, endingAt: Self.at(hours: 24)) == [nil, nil, nil, nil, nil, 4])
    }

    @Test func aValueMadeExactlyAtABucketsEndIsInThatBucket() {
        var s = TrendSeries()
        s.record(1, at: Self.at(hours: 0))
        s.record(2, at: Self.at(hours: 12))
        s.record(3, at: Self.at(hours: 24))
        #expect(s.buckets(2, endingAt: Self.at(hours: 24)) == [2, 3])
        // One second earlier, each bucket ends just before the change.
        #expect(s.buckets(2, endingAt: Self.at(hours: 24).addingTimeInterval(-1)) == [1, 2])
        #expect(s.value(at: Self.at(hours: 12)) == 2)
        #expect(s.value(at: Self.at(hours: 12).addingTimeInterval(-1)) == 1)
        #expect(s.value(at: Self.at(hours: -1)) == nil)
    }

    @Test func aGapIsRecordedAndDrawnAsNothing() {
        var s = TrendSeries()
        s.record(nil, at: Self.at(hours: 1))  // nothing known yet: nothing stored
        #expect(s.samples.isEmpty)
        s.record(3, at: Self.at(hours: 2))
        s.record(nil, at: Self.at(hours: 10))
        s.record(6, at: Self.at(hours: 20))
        #expect(s.buckets(4, endingAt: Self.at(hours: 24)) == [3, nil, nil, 6])
        #expect(s.range(endingAt: Self.at(hours: 24)) == 3...6)
    }

    @Test func equalValuesAreNotStoredAndTimesNeverGoBack() {
        var s = TrendSeries()
        s.record(3, at: Self.at(hours: 1))
        s.record(3, at: Self.at(hours: 2))
        #expect(s.samples.count == 1)
        s.record(4, at: Self.at(hours: 2))
        s.record(5, at: Self.at(hours: 1.5))  // dated before the latest: counts at the latest's time
        #expect(Array(s.samples) == [.init(at: Self.at(hours: 1), value: 3), .init(at: Self.at(hours: 2), value: 5)])
        s.record(3, at: Self.at(hours: 2))  // the same moment again, back to the value before it
        #expect(Array(s.samples) == [.init(at: Self.at(hours: 1), value: 3)])
    }

    @Test func theRangeIncludesTheValueWhenTheWindowStarts() {
        var s = TrendSeries()
        s.record(9, at: Self.at(hours: -30))
        s.record(4, at: Self.at(hours: 5))
        s.record(6, at: Self.at(hours: 6))
        #expect(s.range(endingAt: Self.at(hours: 24)) == 4...9)
        #expect(s.range(endingAt: Self.at(hours: 40)) == 6...6)  // 4 was over by 16:00
        #expect(TrendSeries().range(endingAt: Self.t0) == nil)
    }

    @Test func oldSamplesAreDroppedButTheOneAtTheWindowsStartIsKept() {
        var s = TrendSeries()
        // A week of one change a minute: 10,080 records.
        for minute in 0..<(7 * 24 * 60) { s.record(minute % 50, at: Self.t0.addingTimeInterval(Double(minute * 60))) }
        let end = Self.t0.addingTimeInterval(Double((7 * 24 * 60 - 1) * 60))
        // The last 24 hours and one before them, plus at most the slack of the amortised compaction.
        #expect(s.samples.count == 24 * 60 + 1)
        #expect(s.samples.first!.at <= end.addingTimeInterval(-TrendSeries.day))
        #expect(s.buckets(24, endingAt: end).allSatisfy { $0 != nil })
        #expect(s.range(endingAt: end) == 0...49)
    }

    @Test func recordingIsConstantTimeNotLinearInTheHistory() {
        // 200,000 records one second apart, 24-hour window: if each record touched every sample
        // kept (86,400), this would take minutes; amortised O(1), well under a second in debug.
        var s = TrendSeries()
        let clock = ContinuousClock()
        let took = clock.measure {
            for i in 0..<200_000 { s.record(i % 7, at: Self.t0.addingTimeInterval(Double(i))) }
        }
        #expect(took < .seconds(5), "\(took)")
        #expect(s.samples.count <= 86_401)
    }

    @Test func zeroBucketsIsNothing() {
        var s = TrendSeries()
        s.record(1, at: Self.t0)
        #expect(s.buckets(0, endingAt: Self.t0) == [])
        #expect(s.buckets(1, endingAt: Self.t0) == [1])
    }

    // MARK: BoardTrends

    static func report(_ id: String, hours: Double, state: ERState? = nil, er: Int? = nil, icu: Int? = nil,
                       docs: Int? = nil, absent: Int? = nil) -> Change {
        Change(officer: "kim", at: at(hours: hours), action: .reportHospital(id: id, HospitalReport(
            erState: state, erBeds: er.map { Capacity(available: $0, staffed: 40) },
            icuBeds: icu.map { Capacity(available: $0, staffed: 40) }, erDoctors: docs.map { Staffing(onDuty: $0, minimum: 2) },
            traineesOnRoll: absent.map { _ in 500 }, traineesAbsent: absent
        )))
    }

    static func add(_ id: String, hours: Double) -> Change {
        Change(officer: "kim", at: at(hours: hours), action: .addHospital(Hospital(id: id, name: "병원 \(id)")))
    }

    /// Feeds changes one by one, as the console does; returns the trends and the final board.
    static func feed(_ changes: [Change], into trends: inout BoardTrends, board: inout Board, from seq: UInt64 = 0) throws {
        for (i, change) in changes.enumerated() {
            try board.apply(change)
            trends.record(seq: seq + UInt64(i) + 1, change: change, board: board)
        }
    }

    @Test func nationalFiguresAreSumsOverTheHospitalsThatReportThem() throws {
        var board = Board()
        var trends = BoardTrends()
        try Self.feed([
            Self.add("A", hours: 0), Self.add("B", hours: 0),
            Self.report("A", hours: 1, state: .open, er: 5, icu: 2, absent: 100),
            Self.report("B", hours: 7, state: .limited, er: 3, icu: 0),
            Self.report("A", hours: 13, state: .diverting, er: 0),
            Self.report("B", hours: 19, state: .open, absent: 50),
        ], into: &trends, board: &board)
        let end = Self.at(hours: 24)
        #expect(trends.series(.erBedsAvailable).buckets(4, endingAt: end) == [5, 8, 3, 3])
        #expect(trends.series(.icuAvailable).buckets(4, endingAt: end) == [2, 2, 2, 2])
        #expect(trends.series(.traineesAbsent).buckets(4, endingAt: end) == [100, 100, 100, 150])
        #expect(trends.series(.ersNotOpen).buckets(4, endingAt: end) == [0, 1, 2, 1])
        // Per hospital.
        #expect(trends.series(.erBedsAvailable, of: "A").buckets(4, endingAt: end) == [5, 5, 0, 0])
        #expect(trends.series(.erDoctorsOnDuty, of: "A").buckets(4, endingAt: end) == [nil, nil, nil, nil])
        #expect(trends.series(.icuAvailable, of: "nope").buckets(2, endingAt: end) == [nil, nil])
        #expect(trends.seq == 6)
        // The incremental totals agree with the summary of the board.
        let s = board.summary(at: end)
        #expect(trends.series(.erBedsAvailable).latest?.value == s.erBeds.available)
        #expect(trends.series(.ersNotOpen).latest?.value == s.count(.limited) + s.count(.diverting) + s.count(.closed))
    }

    @Test func aRemovedHospitalLeavesTheTotalsAndItsOwnSeriesGoes() throws {
        var board = Board()
        var trends = BoardTrends()
        try Self.feed([
            Self.add("A", hours: 0), Self.add("B", hours: 0),
            Self.report("A", hours: 1, er: 5, docs: 4), Self.report("B", hours: 2, er: 3),
            Change(officer: "kim", at: Self.at(hours: 10), action: .removeHospital(id: "A")),
            Change(officer: "kim", at: Self.at(hours: 11), action: .removeHospital(id: "B")),
        ], into: &trends, board: &board)
        #expect(trends.series(.erBedsAvailable).buckets(4, endingAt: Self.at(hours: 12)) == [nil, nil, 8, nil])
        #expect(trends.series(.erDoctorsOnDuty, of: "A").samples.isEmpty)
    }

    @Test func theStartingBoardIsTheValueAtTheWindowsStart() throws {
        var board = Board()
        var none = BoardTrends()
        try Self.feed([Self.add("A", hours: -30), Self.report("A", hours: -29, er: 6, icu: 1, docs: 3)], into: &none, board: &board)
        var trends = BoardTrends(board: board, seq: 2, at: Self.at(hours: 0))
        try Self.feed([Self.report("A", hours: 18, er: 2)], into: &trends, board: &board, from: 2)
        #expect(trends.series(.erBedsAvailable).buckets(4, endingAt: Self.at(hours: 24)) == [6, 6, 2, 2])
        #expect(trends.series(.erDoctorsOnDuty, of: "A").buckets(2, endingAt: Self.at(hours: 24)) == [3, 3])
        // An empty board (nothing made yet) records nothing.
        #expect(BoardTrends(board: Board(), seq: 0, at: Self.t0).series(.erBedsAvailable).samples.isEmpty)
    }

    @Test func changesAlreadyRecordedAreIgnoredAndASkippedOneLooksAtEverything() throws {
        var board = Board()
        var trends = BoardTrends()
        try Self.feed([Self.add("A", hours: 0), Self.report("A", hours: 1, er: 5)], into: &trends, board: &board)
        // Seen again (a follower reading what it already had): nothing changes.
        let before = trends
        trends.record(seq: 2, change: Self.report("A", hours: 1, er: 5), board: board)
        #expect(trends == before)
        // Changes 3 and 4 were made elsewhere and never shown to us; 5 arrives with the board after it.
        try board.apply(Self.add("B", hours: 2))
        try board.apply(Self.report("B", hours: 2, er: 7))
        let fifth = Self.report("A", hours: 3, er: 1)
        try board.apply(fifth)
        trends.record(seq: 5, change: fifth, board: board)
        #expect(trends.seq == 5)
        #expect(trends.series(.erBedsAvailable).latest?.value == 8)
        #expect(trends.series(.erBedsAvailable, of: "B").latest?.value == 7)
    }

    @Test func trendsReadWhileTheConsoleWentOnCatchUpWithItsBoard() throws {
        var board = Board()
        var trends = BoardTrends()
        try Self.feed([Self.add("A", hours: 0), Self.report("A", hours: 1, er: 5)], into: &trends, board: &board)
        // Read up to change 2 on another thread; meanwhile the console committed 3 and 4.
        try board.apply(Self.add("B", hours: 2))
        try board.apply(Self.report("B", hours: 2, er: 7))
        trends.catchUp(to: board, seq: 4, at: Self.at(hours: 2))
        #expect(trends.seq == 4)
        #expect(trends.series(.erBedsAvailable).latest?.value == 12)
        // Trends that already reach further (the history was read past the console's board) stay.
        let ahead = trends
        trends.catchUp(to: Board(), seq: 3, at: Self.at(hours: 3))
        #expect(trends == ahead)
    }

    @Test func aChangeLooksOnlyAtItsOwnHospital() throws {
        // Another hospital's figures are not read again on each change: its contribution stays as
        // recorded even if the board passed in says otherwise (proof that the update is O(1)).
        var board = Board()
        var trends = BoardTrends()
        try Self.feed([Self.add("A", hours: 0), Self.add("B", hours: 0), Self.report("B", hours: 1, er: 4)], into: &trends, board: &board)
        var doctored = board
        try doctored.apply(Self.report("B", hours: 2, er: 9))
        let change = Self.report("A", hours: 2, er: 1)
        try doctored.apply(change)
        trends.record(seq: 4, change: change, board: doctored)
        #expect(trends.series(.erBedsAvailable).latest?.value == 5)
    }

    @Test func changesReadTogetherAreEachRecordedWithTheirOwnBoard() throws {
        var board = Board()
        var oneByOne = BoardTrends()
        try Self.feed([Self.add("A", hours: 0)], into: &oneByOne, board: &board)
        var together = oneByOne
        let before = board
        let batch = [Self.report("A", hours: 1, er: 5), Self.report("A", hours: 7, er: 2), Self.report("A", hours: 15, er: 9)]
        try Self.feed(batch, into: &oneByOne, board: &board, from: 1)
        together.record(batch.enumerated().map { (seq: UInt64($0.offset + 2), change: $0.element) }, before: before, after: board)
        #expect(together == oneByOne)
        #expect(together.series(.erBedsAvailable).buckets(3, endingAt: Self.at(hours: 17)) == [5, 2, 9])
        // A board they do not apply to: everything looked at once, with the board after them.
        var confused = BoardTrends()
        confused.record([(seq: 7, change: Self.report("Z", hours: 2, er: 1)), (seq: 8, change: Self.report("Z", hours: 3, er: 2))],
                        before: Board(), after: board)
        #expect(confused.seq == 8)
        #expect(confused.series(.erBedsAvailable).latest?.value == 9)
    }

    @Test func aLongDayOfChangesKeepsOnlyTheWindowInMemory() throws {
        var board = Board()
        var trends = BoardTrends()
        var changes = [Self.add("A", hours: 0)]
        for i in 0..<5_000 { changes.append(Self.report("A", hours: Double(i) / 60, er: i % 30)) }  // a change a minute
        try Self.feed(changes, into: &trends, board: &board)
        let end = Self.at(hours: 4999.0 / 60)
        #expect(trends.series(.erBedsAvailable).samples.count <= 24 * 60 + 1 + 32)
        #expect(trends.series(.erBedsAvailable, of: "A").range(endingAt: end) == 0...29)
    }
}
