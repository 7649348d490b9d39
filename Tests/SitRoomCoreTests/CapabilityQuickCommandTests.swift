import Foundation
import Testing
@testable import SitRoomCore

/// `cap` and `restrict` on the quick command line.
@Suite struct CapabilityQuickCommandTests {
    static let now = QuickCommandTests.now
    static let seoul = QuickCommandTests.seoul

    static func context(_ board: Board = QuickCommandTests.board) -> QuickCommandContext {
        QuickCommandContext(board: board, now: now, timeZone: seoul, newId: { "\($0)-new" })
    }

    func change(_ line: String, board: Board = QuickCommandTests.board) throws -> (action: ChangeAction, summary: String) {
        guard case .change(let action, let summary) = try QuickCommandParser.parse(line, Self.context(board)) else {
            Issue.record("\(line) made no change")
            throw QuickCommandError("no change")
        }
        return (action, summary)
    }

    func error(_ line: String, board: Board = QuickCommandTests.board) -> String? {
        do {
            let result = try QuickCommandParser.parse(line, Self.context(board))
            Issue.record("\(line) was accepted: \(result)")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func capReportsConditionsWithTheReasonOnTheOnesNotAvailable() throws {
        let (action, summary) = try change("cap snuh -stroke +stemi \"neurosurgeon off tonight\"")
        #expect(action == .reportCapability(id: "A1100017", CapabilityReport(conditions: [
            "Y0020": ConditionStatus(.unavailable, reason: "neurosurgeon off tonight"), "Y0010": ConditionStatus(.available)])))
        #expect(summary == "서울대학교병원 -stroke +STEMI “neurosurgeon off tonight”")
        // The typical update, in keys: ":" + the line + Enter.
        #expect(":cap snuh -stroke +stemi".count + 1 < 30)
    }

    @Test func capTakesCodesKoreanNamesCommasUnknownAndKeys() throws {
        let (action, _) = try change("cap 서울대 ?Y0120 -뇌경색,sah hours=08:00-22:00 visits=120/30 ct=0 ecmo=yes pvent=2")
        #expect(action == .reportCapability(id: "A1100017", CapabilityReport(
            conditions: ["Y0120": ConditionStatus(.unknown), "Y0020": ConditionStatus(.unavailable), "Y0031": ConditionStatus(.unavailable)],
            equipment: ["hvctayn": 0, "hvecmoayn": 1, "hv10": 2], hours: .restricted("08:00-22:00"),
            visits: ERVisits(total: 120, severe: 30, mild: 90))))
        let (allDay, summary) = try change("cap snuh +burns hours=24h \"burns unit reopened\"")
        #expect(allDay == .reportCapability(id: "A1100017", CapabilityReport(
            conditions: ["Y0120": ConditionStatus(.available, reason: "burns unit reopened")], hours: .allDay)))
        #expect(summary == "서울대학교병원 +burns hours 24h “burns unit reopened”")
        // The change applies to the board it was read against.
        var board = QuickCommandTests.board
        try board.apply(Change(officer: "kim", at: Self.now, action: allDay))
        #expect(board.capabilities["A1100017"]?.availability(of: "Y0120") == .available)
    }

    @Test func capRefusesWhatItCannotRead() {
        #expect(error("cap") == "cap needs a hospital, like cap 서울대 -stroke +stemi \"neurosurgeon off tonight\"")
        #expect(error("cap -stroke") == "cap needs a hospital, like cap 서울대 -stroke +stemi \"neurosurgeon off tonight\"")
        #expect(error("cap snuh") == "cap needs a condition (+available -not ?unknown), equipment, hours= or visits=, like cap 서울대 -stroke +stemi \"neurosurgeon off tonight\"")
        #expect(error("cap snuh -aortic") == "\"aortic\" matches 2 conditions: Y0041 aortaT (Aortic emergency, thoracic); Y0042 aortaA (Aortic emergency, abdominal)")
        #expect(error("cap snuh +strok3")?.hasPrefix("no condition matches \"strok3\"; closest: Y0020 stroke") == true)
        #expect(error("cap snuh +stroke -stroke") == "stroke is given twice (at -stroke)")
        #expect(error("cap snuh \"short of staff\"") == "\"short of staff\": a reason goes with a condition, like cap 서울대 -stroke +stemi \"neurosurgeon off tonight\"")
        #expect(error("cap snuh ct=2") == "ct=2 needs yes or no (1 or 0), like ct=0")
        #expect(error("cap snuh visits=120") == "visits=120 needs total/severe[/mild], like visits=120/30")
        #expect(error("cap snuh wifi=1")?.hasPrefix("unknown key \"wifi\"; keys for cap: hours visits ct mri") == true)
        #expect(error("cap snuh -") == "- needs a condition after -, like -stroke")
    }

    @Test func restrictPostsANoticeAndEndsIt() throws {
        let (action, summary) = try change("restrict snuh \"소아 야간 진료 불가 22:00–08:00\" cat=paediatric until=08:00")
        let until = ISO8601.parse("2026-11-23T23:00:00Z")!  // 08:00 KST tomorrow
        #expect(action == .addRestriction(Restriction(id: "rst-new", hospitalId: "A1100017", text: "소아 야간 진료 불가 22:00–08:00",
                                                      category: "paediatric", from: Self.now, until: until)))
        #expect(summary.hasPrefix("서울대학교병원 restricted [paediatric] until "))
        #expect(summary.hasSuffix(": 소아 야간 진료 불가 22:00–08:00"))

        var board = QuickCommandTests.board
        try board.apply(Change(officer: "kim", at: Self.now, action: action))
        let (second, _) = try change("restrict snuh 분만 불가", board: board)
        guard case .addRestriction(var r) = second else { Issue.record("not an add"); return }
        r.id = "rst-2"
        try board.apply(Change(officer: "kim", at: Self.now, action: .addRestriction(r)))
        #expect(r.text == "분만 불가" && r.category == "general" && r.until == nil)

        let (end, endSummary) = try change("restrict snuh end", board: board)
        #expect(end == .endRestrictions(ids: ["rst-2", "rst-new"]) || end == .endRestrictions(ids: ["rst-new", "rst-2"]))
        #expect(endSummary == "서울대학교병원 restriction ended: 2 restrictions")
        try board.apply(Change(officer: "kim", at: Self.now, action: end))
        #expect(board.restrictions(of: "A1100017", at: Self.now).isEmpty)
        #expect(error("restrict snuh end", board: board) == "서울대학교병원 has no restriction to end")
    }

    @Test func restrictRefusesWhatItCannotRead() {
        #expect(error("restrict")?.hasPrefix("restrict needs a hospital") == true)
        #expect(error("restrict snuh")?.hasPrefix("restrict needs the text of the notice") == true)
        #expect(error("restrict snuh x cat=\"two words\"") == "cat=\"two words\" needs one word, like cat=paediatric")
        #expect(error("restrict snuh x until=soon") == "until \"soon\" is not a time (\(TimeExpression.examples))")
        #expect(error("restrict snuh x level=3") == "unknown key \"level\"; keys for restrict: cat from until")
    }

    @Test func capAndRestrictComplete() {
        func complete(_ line: String) -> (candidates: [String], completed: String) {
            QuickCommandCompletion.complete(line, Self.context())
        }
        #expect(complete("cap").completed == "cap ")
        #expect(complete("cap snuh -str").completed == "cap snuh -stroke ")
        #expect(complete("cap snuh -stroke,sa").completed == "cap snuh -stroke,SAH ")
        #expect(complete("cap snuh ec").completed == "cap snuh ecmo=")
        #expect(complete("cap snuh hours=2").completed == "cap snuh hours=24h ")
        #expect(complete("restrict snuh e").completed == "restrict snuh end ")
        #expect(complete("restrict snuh un").completed == "restrict snuh until=")
    }
}
