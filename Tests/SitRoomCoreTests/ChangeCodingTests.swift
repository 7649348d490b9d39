import Foundation
import Testing
@testable import SitRoomCore

@Suite struct ChangeCodingTests {
    @Test func everyKindRoundTripsThroughJSON() throws {
        for (i, action) in Fixture.everyKind.enumerated() {
            let change = Fixture.change(action, at: Double(i))
            let json = try SitRoomJSON.encoder().encode(change)
            let back = try SitRoomJSON.decoder().decode(Change.self, from: json)
            #expect(back == change, "\(action.type)")
            let text = String(decoding: json, as: UTF8.self)
            #expect(text.contains("\"type\":\"\(action.type)\""))
        }
    }

    @Test func changeTimesAreWholeSeconds() {
        let c = Change(officer: "kim", at: Date(timeIntervalSince1970: 100.75), action: .removeLog(id: "x"))
        #expect(c.at == Date(timeIntervalSince1970: 100))
    }

    @Test func lineDefaultsOfficerAndTime() throws {
        let now = Fixture.t0
        let c = try ChangeLine.parse(#"{"type":"hospital.report","id":"A1","report":{"erState":"closed"}}"#, officer: "lee", now: now)
        #expect(c.officer == "lee")
        #expect(c.at == now)
        #expect(c.action == .reportHospital(id: "A1", HospitalReport(erState: .closed)))
        let given = try ChangeLine.parse(
            #"{"officer":"park","at":"2026-11-23T09:00:00Z","type":"log.remove","id":"x"}"#, officer: "lee", now: now)
        #expect(given.officer == "park")
        #expect(given.at == ISO8601DateFormatter().date(from: "2026-11-23T09:00:00Z"))
    }

    @Test func aBriefingLineNeedsOnlyIdAndTitle() throws {
        let now = Fixture.t0
        let c = try ChangeLine.parse(#"{"type":"briefing.mark","record":{"id":"b1","title":"09:00 briefing"}}"#, officer: "kim", now: now)
        #expect(c.action == .markBriefing(Briefing(id: "b1", title: "09:00 briefing", marked: Stamp(at: now, by: "kim"))))
        var board = try Fixture.board()
        try board.apply(c)
        #expect(board.lastBriefing?.marked == Stamp(at: now, by: "kim"))
    }

    @Test(arguments: [
        (#"{"type":"hospital.explode","id":"A1"}"#, "unknown change type \"hospital.explode\""),
        (#"{"type":"hospital.report","report":{}}"#, "missing field \"id\""),
        (#"{"type":"hospital.report","id":"A1","report":{"erState":"limted"}}"#,
         "erState \"limted\" is not one of open, limited, diverting, closed at report.erState"),
        (#"{"type":"log.add","record":{"text":"x","severity":"urgent"}}"#,
         "severity \"urgent\" is not one of info, notice, warning, critical at record.severity"),
        (#"{"type":"hospital.report","id":"A1","report":{"erBeds":{"available":"three","staffed":3}}}"#, "wrong type at report.erBeds.available"),
        ("not json at all", "not valid JSON"),
        ("er snuh l 3/20", "looks like a quick command: add --command"),
    ])
    func badLinesSayWhatIsWrong(line: String, expected: String) {
        do {
            _ = try ChangeLine.parse(line, officer: "kim", now: Fixture.t0)
            Issue.record("accepted a bad line: \(line)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
