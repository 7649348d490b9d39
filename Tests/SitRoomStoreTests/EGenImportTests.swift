import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

/// The E-Gen feed read against a board: item by item, newest figure wins, hand entries that differ
/// show as conflicts, bad items refused whole with the reason.
@Suite struct EGenImportTests {
    /// 2024-12-03 hh:mm in Korea's time (the fixtures' hvidate day).
    static func kst(_ hour: Int, _ minute: Int) -> Date { EGenImport.parseTime(String(format: "20241203%02d%02d00", hour, minute))! }
    static let now = kst(3, 0)

    static func board() throws -> Board {
        var b = Board()
        let hospitals = [
            Hospital(id: "A1100017", name: "서울대학교병원", region: "서울", hospitalClass: .regionalCentre),
            Hospital(id: "A1100007", name: "세브란스병원", region: "서울", hospitalClass: .localCentre),
            Hospital(id: "A1100009", name: "서울아산병원", region: "서울", hospitalClass: .localCentre),
            Hospital(id: "A1100010", name: "삼성서울병원", region: "서울", hospitalClass: .localCentre),
        ]
        for h in hospitals { try b.apply(Change(officer: "kim", at: kst(0, 0), action: .addHospital(h))) }
        // SNUH reported by hand at 00:30, long before the feed's 02:05.
        try b.apply(Change(officer: "kim", at: kst(0, 30), action: .reportHospital(
            id: "A1100017", HospitalReport(erBeds: Capacity(available: 3, staffed: 36), icuBeds: Capacity(available: 2, staffed: 58)))))
        // Severance reported by hand at 02:30, after the feed's 01:50: its ER beds stay.
        try b.apply(Change(officer: "park", at: kst(2, 30), action: .reportHospital(
            id: "A1100007", HospitalReport(erBeds: Capacity(available: 6, staffed: 45)))))
        return b
    }

    static func source(_ name: String) throws -> EGenImport.Source {
        EGenImport.Source(name: name, response: try EGenResponse.parse(EGenResponseTests.fixture(name)))
    }

    static func applied(_ plan: ImportPlan, to board: Board) throws -> Board {
        var b = board
        for planned in plan.changes { try b.apply(planned.change) }
        return b
    }

    @Test func realTimeItemsBecomeFeedReportsAndBadItemsAreRefusedWithTheReason() throws {
        let board = try Self.board()
        let plan = EGenImport.plan([try Self.source("realtime-beds.xml")], into: board, officer: "kim", now: Self.now)
        #expect(plan.changes.map(\.change.action.subjectId) == ["A1100017", "A1100007"])
        #expect(plan.changes.allSatisfy { $0.change.officer == "kim" && $0.change.at == Self.now })
        #expect(plan.skipped.map(\.description) == [
            "skipped realtime-beds.xml item 3 (A1100009 서울아산병원): hvec \"여섯\" is not a number",
            "skipped realtime-beds.xml item 4 (A1100010 삼성서울병원): no hvidate (the input time of the figures)",
            "skipped realtime-beds.xml item 5: hospital A1199999 없는병원 is not on the board (sitroom import hospitals adds it)",
        ])
        #expect(plan.preamble == ["realtime-beds.xml: 5 items, page 1 of 1"])

        let b = try Self.applied(plan, to: board)
        let snuh = try #require(b.hospitals["A1100017"])
        #expect(snuh.erBeds == Reported(Capacity(available: 4, staffed: 36), at: Self.kst(2, 5), by: "E-Gen"))
        #expect(snuh.icuBeds == Reported(Capacity(available: 3, staffed: 58), at: Self.kst(2, 5), by: "E-Gen"))
        #expect(snuh.nicuBeds?.value == Capacity(available: 2, staffed: 2), "no staffed count on the board: the free beds")
        let equipment = try #require(b.capabilities["A1100017"]?.equipment)
        #expect(equipment["hvctayn"] == Reported(1, at: Self.kst(2, 5), by: "E-Gen"))
        #expect(equipment["hvoxyayn"]?.value == 0)
        #expect(b.feedConflicts["A1100017"] == nil, "the hand entry was hours older")

        // Severance: hvec -2 is taken as 0 free, but the hand report of 02:30 is newer and stays;
        // it was entered within the hour of the feed and differs, so both show.
        let sev = try #require(b.hospitals["A1100007"])
        #expect(sev.erBeds == Reported(Capacity(available: 6, staffed: 45), at: Self.kst(2, 30), by: "park"))
        #expect(b.feedConflicts["A1100007"] == [FeedConflict(
            figure: "ER beds", hand: "6/45", handStamp: Stamp(at: Self.kst(2, 30), by: "park"),
            feed: "0/45", feedStamp: Stamp(at: Self.kst(1, 50), by: "E-Gen"))])
        let detail = try #require(plan.changes.last?.detail)
        #expect(detail.contains("1 newer on the board kept") && detail.contains("differs from a hand entry: ER beds"))
        #expect(detail.contains("hvec -2: more patients than beds, taken as 0 free"))
    }

    @Test func importingTheSameResponseAgainChangesNothing() throws {
        let once = try Self.applied(
            EGenImport.plan([try Self.source("realtime-beds.xml")], into: try Self.board(), officer: "kim", now: Self.now),
            to: try Self.board())
        let again = EGenImport.plan([try Self.source("realtime-beds.xml")], into: once, officer: "kim", now: Self.now)
        #expect(again.changes.isEmpty, "the standing conflict is on the board already")
        #expect(again.unchanged == 2)
        #expect(once.feedConflicts["A1100007"]?.count == 1)
    }

    @Test func severeConditionItemsSetCapabilityAtTheRealTimeItemsTime() throws {
        let board = try Self.board()
        let plan = EGenImport.plan([try Self.source("realtime-beds.xml"), try Self.source("severe-conditions.xml")],
                                   into: board, officer: "kim", now: Self.now)
        #expect(plan.skipped.map(\.description).last
            == "skipped severe-conditions.xml item 3 (A1100010 삼성서울병원): MKioskTy3 (SAH) \"maybe\" is not Y, N or 정보미제공")
        let b = try Self.applied(plan, to: board)
        let snuh = try #require(b.capabilities["A1100017"])
        #expect(snuh.conditions["Y0010"] == Reported(ConditionStatus(.available), at: Self.kst(2, 5), by: "E-Gen"))
        #expect(snuh.conditions["Y0020"]?.value == ConditionStatus(.unavailable))
        #expect(snuh.conditions["Y0100"]?.value == ConditionStatus(.unknown, reason: "NICU 병상 확인 필요"))
        #expect(snuh.availableCount(of: b.conditions) == 24)
        let sev = try #require(b.capabilities["A1100007"])
        #expect(sev.conditions["Y0070"]?.value == ConditionStatus(.unavailable, reason: "소아 야간 불가"))
        #expect(sev.conditions["Y0070"]?.at == Self.kst(1, 50))
        // The report line: a whole list as its count, the real-time item's equipment counted.
        let details = plan.changes.compactMap(\.detail)
        #expect(details.first { $0.hasPrefix("A1100017") }?.contains("ER beds, ICU beds, neonatal ICU beds, 10 equipment items") == true,
                "\(details)")
        #expect(details.last?.hasPrefix("A1100007 세브란스병원: all 27 conditions") == true, "\(details)")
    }

    @Test func aSevereItemWithoutARealTimeItemTakesTheImportsTime() throws {
        let plan = EGenImport.plan([try Self.source("severe-conditions.xml")], into: try Self.board(), officer: "kim", now: Self.now)
        let b = try Self.applied(plan, to: try Self.board())
        #expect(b.capabilities["A1100017"]?.conditions["Y0020"]?.stamp == Stamp(at: Self.now, by: "E-Gen"))
    }

    @Test func anInputTimeInTheFutureOrNotATimeIsRefused() throws {
        let xml = """
            <response><header><resultCode>00</resultCode><resultMsg>OK</resultMsg></header><body><items>
            <item><hpid>A1100017</hpid><hvidate>20241203040000</hvidate><hvec>4</hvec></item>
            <item><hpid>A1100007</hpid><hvidate>20241332020000</hvidate><hvec>4</hvec></item>
            <item><hpid>A1100009</hpid><hvidate>20241203020000</hvidate><hvctayn>maybe</hvctayn><hvec>x</hvec></item>
            </items></body></response>
            """
        let source = EGenImport.Source(name: "f.xml", response: try EGenResponse.parse(Data(xml.utf8)))
        let plan = EGenImport.plan([source], into: try Self.board(), officer: "kim", now: Self.now)
        #expect(plan.changes.isEmpty)
        #expect(plan.skipped.map(\.description) == [
            "skipped f.xml item at line 2 (A1100017 서울대학교병원): hvidate 2024-12-02T19:00:00Z is in the future",
            "skipped f.xml item at line 3 (A1100007 세브란스병원): hvidate \"20241332020000\" is not a time (yyyyMMddHHmmss)",
            "skipped f.xml item at line 4 (A1100009 서울아산병원): hvec \"x\" is not a number; hvctayn \"maybe\" is not Y or N",
        ])
    }

    @Test func aFeedReportIsUndoneFigureByFigureConflictsIncluded() throws {
        let board = try Self.board()
        let plan = EGenImport.plan([try Self.source("realtime-beds.xml"), try Self.source("severe-conditions.xml")],
                                   into: board, officer: "kim", now: Self.now)
        var b = board
        var undos: [Undo] = []
        for planned in plan.changes {
            undos.append(try #require(b.inverse(of: planned.change)))
            try b.apply(planned.change)
        }
        #expect(b != board)
        for undo in undos.reversed() { try b.apply(Change(officer: "lee", at: Self.now, action: undo.action)) }
        #expect(b.hospitals == board.hospitals)
        #expect(b.capabilities == board.capabilities)
        #expect(b.feedConflicts == board.feedConflicts)
    }

    @Test func aFeedReportFromAfterTheChangeIsRefusedByTheBoard() throws {
        var b = try Self.board()
        let report = FeedReport(asOf: Self.now.addingTimeInterval(3600), erBeds: Capacity(available: 1, staffed: 36))
        #expect(throws: ChangeError.self) {
            try b.apply(Change(officer: "kim", at: Self.now, action: .reportFeed(id: "A1100017", report)))
        }
    }

    @Test func inputTimesAreKoreasTime() {
        #expect(EGenImport.parseTime("20241203020500") == Date(timeIntervalSince1970: 1_733_159_100))
        #expect(EGenImport.parseTime("202412030205") == Date(timeIntervalSince1970: 1_733_159_100))
        for bad in ["", "2024120302050", "20240230020500", "2024120325000", "２０２４１２０３０２０５００"] {
            #expect(EGenImport.parseTime(bad) == nil, "\(bad)")
        }
    }
}
