import Foundation
import Testing
@testable import SitRoomCore

/// Capability from the shell and the console, through the real binary: `sitroom conditions`,
/// `sitroom where`, `sitroom baseline`, and a `cap` line typed on the console.
@Suite(.serialized) struct CapabilityCommandTests: DemoSuite {
    let demo: DemoData

    init() throws { demo = try DemoData("capability") }

    func export() throws -> BoardDocument {
        let r = sitroom(["export", "--data", data, "--format", "json"])
        guard r.status == 0 else { throw TmuxError(description: "export failed: \(r.stderr)") }
        return try SitRoomJSON.decoder().decode(BoardDocument.self, from: Data(r.stdout.utf8))
    }

    @Test func conditionsPrintsTheTableInitWrote() throws {
        defer { demo.remove() }
        let r = sitroom(["conditions", "--data", data])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 27)
        #expect(lines.first == "Y0010\t[재관류중재술] 심근경색\tSTEMI: reperfusion (myocardial infarction)")
        #expect(r.stderr.isEmpty, "the file and the board agree: \(r.stderr)")
        let file = try String(contentsOfFile: data + "/conditions.tsv", encoding: .utf8)
        #expect(try ConditionTable(tsv: file) == .egenDefault)
    }

    @Test func whereListsCapableERsAndSaysWhenNoneOrUnknown() throws {
        defer { demo.remove() }
        let board = try export().board
        let r = sitroom(["where", "stroke", "--region", "Incheon", "--data", data])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let expected = board.capableHospitals(condition: "Y0020", region: "Incheon", now: Date()).map(\.id)
        #expect(!expected.isEmpty)
        #expect(rows.map { String($0[0]) } == expected)
        #expect(rows.allSatisfy { $0.count == 7 })
        #expect(rows.first.map { String($0[2]) } == "Incheon")
        // 가천대길병원 carries its restriction notice on its line.
        #expect(r.stdout.contains("A1400001\t가천대길병원\tIncheon\tlimited"))
        #expect(r.stdout.contains("분만 불가"))

        // Nobody can take infant bronchoscopy once the last capable ERs say so.
        let capable = board.capableHospitals(condition: "Y0092", now: Date())
        let lines = capable.map { "cap \($0.id) -Y0092 \"no paediatric bronchoscopist\"" }.joined(separator: "\n") + "\n"
        let applied = sitroom(["apply", "--data", data, "--officer", "kim", "--command"], stdin: lines)
        #expect(applied.status == 0, "\(applied.stdout) \(applied.stderr)")
        let none = sitroom(["where", "bron-I", "--data", data])
        #expect(none.status == 1)
        #expect(none.stdout == "no open or limited ER reports Y0092 bron-I (Bronchoscopy, infant) available\n")

        let unknown = sitroom(["where", "strokke", "--data", data])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no condition matches \"strokke\"; closest: Y0020 stroke"))
        let ambiguous = sitroom(["where", "aortic", "--data", data])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("Y0041") && ambiguous.stderr.contains("Y0042"))
    }

    @Test func baselineTakesTheBoardAsItWasAsOneChange() throws {
        defer { demo.remove() }
        let before = try export()
        let r = sitroom(["baseline", "--data", data, "--officer", "kim", "--at=#\(base - 5)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok \(base + 1): "))
        let after = try export()
        #expect(after.seq == base + 1, "one change")
        #expect(after.baselines != before.baselines)
        #expect(after.baselines.national["openERs"]?.by == "kim")
        let shown = sitroom(["baseline", "--data", data])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("figure\tnow\tnormal\tshare\tnormal as of\nopenERs\t"))
        let future = sitroom(["baseline", "--data", data, "--officer", "kim", "--at=#\(base + 50)"])
        #expect(future.status != 0)
    }

    /// A `cap` line typed on the console is saved, and is there when the console opens again.
    @Test func aCapLineOnTheConsoleIsSavedAndKept() throws {
        defer { demo.remove() }
        var tmux: TmuxSession? = try TmuxSession.console(data: data, officer: "kim.duty", width: 100, height: 30)
        try tmux!.waitFor("DEMO")
        tmux!.sendText(":")
        tmux!.sendText("cap snuh -stroke +stemi \"neurosurgeon off tonight\"")
        tmux!.sendKeys("Enter")
        try tmux!.waitFor("saved #\(base + 1)")
        try tmux!.waitFor("서울대학교병원 -stroke +STEMI")
        tmux!.sendText("q")
        tmux = nil  // closes the console
        let cap = try #require(try export().board.capabilities["A1100017"])
        #expect(cap.conditions["Y0020"] == Reported(ConditionStatus(.unavailable, reason: "neurosurgeon off tonight"),
                                                    at: cap.conditions["Y0020"]!.at, by: "kim.duty"))
        #expect(cap.conditions["Y0010"]?.value.availability == .available)

        // Opened again, the console shows the same board: undo takes the cap line back.
        let again = try TmuxSession.console(data: data, officer: "kim.duty", width: 100, height: 30)
        try again.waitFor("DEMO")
        let where1 = sitroom(["where", "stroke", "--data", data])
        #expect(!where1.stdout.contains("A1100017"))
        again.sendText(":")
        again.sendText("cap snuh +stroke")
        again.sendKeys("Enter")
        try again.waitFor("서울대학교병원 +stroke")
        again.sendText("q")
        try again.waitUntil("the console to quit") { _ in sitroom(["where", "stroke", "--data", data]).stdout.contains("A1100017") }
    }
}
