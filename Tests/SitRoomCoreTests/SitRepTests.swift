import Foundation
import Testing
@testable import SitRoomCore

/// The demo day at a fixed time, briefed at 19:00 KST, then the last half hour of the demo
/// and a few scripted changes; the report is prepared at 19:43:20 KST.
enum SitRepFixture {
    /// 2026-11-23 19:33:20 KST: the demo's clock.
    static let demoNow = Date(timeIntervalSince1970: 1_795_430_000)
    /// 19:00:00 KST: the briefing.
    static let briefingAt = Date(timeIntervalSince1970: 1_795_428_000)
    /// 19:43:20 KST: the report.
    static let now = demoNow.addingTimeInterval(600)
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    static func at(_ minutesAfterDemoNow: Double) -> Date { demoNow.addingTimeInterval(minutesAfterDemoNow * 60) }

    static func sync(_ board: inout Board, at time: Date) throws {
        for c in board.alertChanges(.defaults, at: time, officer: "rules") { try board.apply(c) }
    }

    /// The board at the briefing (the baseline), and the board at `now`.
    static func boards() throws -> (baseline: Board, current: Board) {
        // The demo's own alerts and briefings left out: this fixture runs the rules at its own times.
        let derived: Set<ChangeAction.Kind> = [.raiseAlert, .acknowledgeAlert, .clearAlert, .markBriefing]
        let demo = DemoSituation.changes(now: demoNow).filter { !derived.contains($0.action.kind) }
        var board = Board()
        for c in demo where c.at <= briefingAt { try board.apply(c) }
        try sync(&board, at: briefingAt)
        try board.apply(Change(officer: "kim.duty", at: briefingAt, action: .markBriefing(Briefing(id: "b-1900", title: "19:00 briefing"))))
        let baseline = board
        // The rest of the demo, with the alert rules run as the console would every few minutes.
        for c in demo where c.at > briefingAt { try board.apply(c) }
        try sync(&board, at: demoNow)
        // Then the scripted changes.
        let scripted: [(Double, String, ChangeAction)] = [
            (1, "park.seoul", .reportHospital(id: "A1100017", HospitalReport(
                erState: .closed, erReason: "CT와 MRI 정전 / power failure in imaging", erBeds: Capacity(available: 0, staffed: 30),
                erDoctors: Staffing(onDuty: 2, minimum: 6)))),
            (2, "yoon.night", .reportHospital(id: "A1100004", HospitalReport(
                erState: .limited, erReason: "전문의 1명 복귀, 경증만 수용 / one specialist back, minor cases only",
                erBeds: Capacity(available: 4, staffed: 18), erDoctors: Staffing(onDuty: 1, minimum: 3)))),
            (3, "lee.nemc", .reportHospital(id: "A1100009", HospitalReport(
                icuBeds: Capacity(available: 1, staffed: 60), traineesAbsent: 540, traineesReturned: 40, ordersComplied: 40))),
            (4, "lee.nemc", .editStrike(id: "strike-kira", StrikePatch(participants: 9_301))),
            (5, "kim.duty", .addLog(LogEntry(
                id: "log-s1", eventTime: at(0), severity: .critical,
                text: "서울대학교병원 응급실 폐쇄 — 영상 장비 정전 / SNUH ER closed after a power failure in imaging",
                hospitalId: "A1100017", agencyId: "nfa"))),
            (6, "kim.duty", .addAction(ActionItem(
                id: "act-s1", text: "Confirm SNUH power restoration time with KEPCO", ownerAgencyId: "mohw", due: at(60)))),
            (7, "kim.duty", .editAction(id: "act-002", ActionPatch(status: .done))),
            (8, "kim.duty", .logCall(CallRecord(id: "call-s1", agencyId: "knpa", contactId: "knpa-1", outcome: .reached,
                                                note: "extra patrol at SNUH"))),
            (8.5, "kim.duty", .logCall(CallRecord(id: "call-s2", agencyId: "nfa", contactId: "nfa-1", outcome: .noAnswer))),
            (9, "kim.duty", .addLog(LogEntry(
                id: "log-s2", eventTime: at(8), category: "coordination", severity: .info,
                text: "119 informed: SNUH ER closed, ambulances to Severance and Seoul St. Mary's", agencyId: "nfa"))),
        ]
        for (minutes, officer, action) in scripted { try board.apply(Change(officer: officer, at: at(minutes), action: action)) }
        try sync(&board, at: now)
        try board.apply(Change(officer: "kim.duty", at: now, action: .acknowledgeAlert(id: "er-closed/A1100017", note: "diverting via 119")))
        return (baseline, board)
    }

    static func report() throws -> SitRep {
        let (baseline, current) = try boards()
        let briefing = try #require(current.lastBriefing)
        return SitRep(baseline: baseline, current: current, since: briefing.marked.at, now: now, basis: .briefing(briefing),
                      options: SitRep.Options(officer: "kim.duty", timeZone: seoul, seq: 412))
    }

    /// Expected reports live next to this file in Reports/; SITROOM_RECORD=1 rewrites them for review.
    static func expected(_ name: String, file: String = #filePath) -> (path: String, text: String?) {
        let path = (file as NSString).deletingLastPathComponent + "/Reports/" + name
        return (path, try? String(contentsOfFile: path, encoding: .utf8))
    }
}

@Suite struct SitRepTests {
    @Test(arguments: ["txt", "md"])
    func theDemoReportMatchesTheReviewedOne(format: String) throws {
        let report = try SitRepFixture.report()
        let text = format == "txt" ? report.text() : report.markdown
        let (path, expected) = SitRepFixture.expected("sitrep-demo.\(format)")
        if ProcessInfo.processInfo.environment["SITROOM_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let want = try #require(expected, "missing \(path); run with SITROOM_RECORD=1 and review it")
        #expect(text == want)
    }

    @Test func theReportIsDeterministic() throws {
        let a = try SitRepFixture.report(), b = try SitRepFixture.report()
        #expect(a.text() == b.text())
        #expect(a.markdown == b.markdown)
    }

    @Test func noLineIsWiderThanThePageAndNothingReadsNil() throws {
        let report = try SitRepFixture.report()
        for width in [80, 100, 132] {
            for line in report.text(width: width).split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
            }
        }
        for text in [report.text(), report.markdown] {
            #expect(!text.contains("nil"))
            #expect(!text.contains("Optional("))
            #expect(!text.contains("A1100017"))  // names, not ids
        }
    }

    @Test func tableColumnsLineUpUnderKoreanNames() throws {
        let text = try SitRepFixture.report().text()
        let lines = text.split(separator: "\n").map(String.init)
        // In the hospitals of concern, the region column starts at the same display column on every row.
        let header = try #require(lines.firstIndex { $0.hasPrefix("  Hospital") && $0.contains("Region") && $0.contains("Reported") })
        let column = DisplayWidth.of(lines[header].prefix { $0 != "R" })
        var checked = 0
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("  ") else { break }
            if line.hasPrefix("    ") { continue }  // the concern, on the line below
            guard let range = line.range(of: "Seoul") ?? line.range(of: "Gyeonggi") ?? line.range(of: "Incheon") else { continue }
            #expect(DisplayWidth.of(line[..<range.lowerBound]) == column, "\(line)")
            checked += 1
        }
        #expect(checked > 5)
    }

    @Test func timesAreInTheGivenZone() throws {
        let (baseline, current) = try SitRepFixture.boards()
        let briefing = try #require(current.lastBriefing)
        let utc = SitRep(baseline: baseline, current: current, since: briefing.marked.at, now: SitRepFixture.now,
                         basis: .briefing(briefing), options: SitRep.Options(officer: "kim", timeZone: TimeZone(identifier: "UTC")!))
        #expect(utc.text().contains("Prepared at         2026-11-23 10:43 UTC"))
        #expect(try SitRepFixture.report().text().contains("Prepared at         2026-11-23 19:43 KST, board as of change #412"))
    }

    @Test func withoutABriefingTheHeaderSaysWhatItCountsFrom() throws {
        let board = DemoSituation.board(now: SitRepFixture.demoNow)
        let report = SitRep(baseline: board, current: board, since: board.incident.periodStart, now: SitRepFixture.demoNow,
                            basis: .periodStart, options: SitRep.Options(officer: "kim"))
        let text = report.markdown
        #expect(text.contains("SITREP for the operational period (no briefing marked yet)"))
        #expect(text.contains("since the start of the operational period; no briefing marked"))
        #expect(text.contains("No ER status, bed or doctor figure changed since the start of the operational period."))
    }

    @Test func displayWidthCountsHangulAsTwo() {
        #expect(DisplayWidth.of("서울대학교병원") == 14)
        #expect(DisplayWidth.of("SNUH 서울") == 9)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("—→") == 2)
        // The Yijing hexagrams: two cells to glibc's wcwidth (so to ncurses and tmux) and to Python's
        // wcwidth. (Compared with glibc 2.36 over every assigned scalar, the table now differs only on
        // rare format characters and a few rare wide letters.)
        #expect(DisplayWidth.of("\u{4DC0}\u{4DFF}") == 4)
    }

    @Test func markdownEscapesTextFromTheBoard() {
        #expect(SitRepMarkdown.escape("a|b *c* <d>") == "a\\|b \\*c\\* \\<d\\>")
        #expect(SitRepFormat.clean("line\none\u{1B}[31m\u{202E}x") == "line one [31m\u{FFFD}x")
    }
}
