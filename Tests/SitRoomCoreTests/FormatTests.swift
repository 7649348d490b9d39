import Foundation
import Testing
@testable import SitRoomCore

/// `Format` is how figures, ages, times and zones read on the screen and in the SITREP alike.
@Suite struct FormatTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    /// 2026-11-23 19:33:20 KST.
    static let now = Date(timeIntervalSince1970: 1_795_430_000)

    @Test func agesReadInTheUnitThatMatters() {
        #expect(Format.age(0) == "<1m")
        #expect(Format.age(59) == "<1m")
        #expect(Format.age(-30) == "<1m", "a time a little ahead of the clock is not a negative age")
        #expect(Format.age(60) == "1m")
        #expect(Format.age(38 * 60 + 59) == "38m")
        #expect(Format.age(3600 + 36 * 60) == "1h36")
        #expect(Format.age(7 * 3600) == "7h00")
        #expect(Format.age(2 * 86_400 + 5) == "2d")
        #expect(Format.age(of: nil, now: Self.now) == "—")
        #expect(Format.ago(Self.now.addingTimeInterval(-20), now: Self.now) == "<1m ago")
        #expect(Format.ago(Self.now.addingTimeInterval(-34 * 60), now: Self.now) == "34m ago")
    }

    @Test func figuresAreGroupedByThousands() {
        #expect(Format.grouped(0) == "0")
        #expect(Format.grouped(999) == "999")
        #expect(Format.grouped(1_000) == "1,000")
        #expect(Format.grouped(12_345_678) == "12,345,678")
        #expect(Format.grouped(-4_100) == "-4,100")
        #expect(Format.signed(12) == "+12")
        #expect(Format.signed(-1_392) == "-1,392")
        #expect(Format.signed(0) == "0")
        #expect(Format.of(Capacity(available: 279, staffed: 1_392)) == "279/1,392")
        #expect(Format.compact(Capacity(available: 279, staffed: 1_392)) == "279/1392")
        #expect(Format.of(nil as Capacity?) == "—")
        #expect(Format.of(Staffing(onDuty: 4, minimum: 6)) == "4/6")
        #expect(Format.percent(7_134, of: 8_062) == "88%")
        #expect(Format.percent(57, of: 200) == "29%", "a half rounds up, without a binary fraction's error")
        #expect(Format.percent(1, of: 0) == "—")
        #expect(Format.percent(0.884) == "88%")
        #expect(Format.percent(nil) == "—")
    }

    @Test func timesAreInTheZoneGivenWithItsUsualName() {
        #expect(Format.time(Self.now, Self.seoul) == "19:33")
        #expect(Format.dateTime(Self.now, Self.seoul) == "11-23 19:33")
        #expect(Format.clock(Self.now, Self.seoul) == "2026-11-23 19:33:20")
        #expect(Format.shortClock(Self.now, Self.seoul) == "11-23 19:33:20")
        #expect(Format.fullDateTime(Self.now, Self.seoul) == "2026-11-23 19:33 KST")
        #expect(Format.zoneName(Self.seoul, at: Self.now) == "KST")
        #expect(Format.zoneName(TimeZone(identifier: "UTC")!, at: Self.now) == "UTC")
        #expect(Format.fullDateTime(Self.now, TimeZone(identifier: "UTC")!) == "2026-11-23 10:33 UTC")
        // The same day in the zone is a time; another day has its date (19:33 KST is 10:33 UTC).
        #expect(Format.timeOrDateTime(Self.now.addingTimeInterval(-3600), Self.seoul, today: Self.now) == "18:33")
        #expect(Format.timeOrDateTime(Self.now.addingTimeInterval(-20 * 3600), Self.seoul, today: Self.now) == "11-22 23:33")
    }

    /// The SITREP says an age as the screen does: an action due 30 seconds ago is "OVERDUE by <1m".
    @Test func theSITREPSaysAnAgeAsTheScreenDoes() throws {
        var board = Board()
        try board.apply(Change(officer: "kim", at: Self.now.addingTimeInterval(-600), action: .addAgency(Agency(id: "knpa", name: "Police"))))
        board.actions["a1"] = ActionItem(id: "a1", text: "post officers at the ER", ownerAgencyId: "knpa", due: Self.now.addingTimeInterval(-30))
        let report = SitRep(baseline: board, current: board, since: Self.now.addingTimeInterval(-3600), now: Self.now,
                            basis: .time(Self.now.addingTimeInterval(-3600)), options: .init(officer: "kim", timeZone: Self.seoul))
        let text = report.text(width: 100)
        #expect(text.contains("OVERDUE by <1m"), "\(text)")
        #expect(!text.contains("under 1m"))
    }
}
