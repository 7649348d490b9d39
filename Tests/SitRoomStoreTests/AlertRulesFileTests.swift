import Foundation
import Testing
@testable import SitRoomCore
@testable import SitRoomStore

@Suite struct AlertRulesFileTests {
    @Test func theDefaultFileSaysTheDefaults() throws {
        #expect(try AlertRulesFile.parse(AlertRulesFile.defaultText) == .defaults)
    }

    @Test func everyThresholdIsRead() throws {
        let rules = try AlertRulesFile.parse("""
            [er]
            closed = false
            diverting = false
            [icu]
            adult_below = 2
            adult_below_percent = 15
            neonatal_below = 3
            neonatal_below_percent = 20
            [doctors]
            below_minimum = false
            [reports]
            stale = false
            [actions]
            overdue = false
            [strike]
            compliance_below_percent = 30
            [console]
            bell = true
            """)
        var expected = AlertRules()
        expected.erClosed = false
        expected.erDiverting = false
        expected.icuBelow = 2
        expected.icuBelowPercent = 15
        expected.nicuBelow = 3
        expected.nicuBelowPercent = 20
        expected.doctorsShort = false
        expected.staleReport = false
        expected.actionOverdue = false
        expected.complianceBelowPercent = 30
        expected.bell = true
        #expect(rules == expected)
    }

    @Test(arguments: [
        ("[icu]\nadult_bellow = 2", "unknown key icu.adult_bellow"),
        ("[icu]\nadult_below_percent = 150", "icu.adult_below_percent must be a whole number from 0 to 100"),
        ("[er]\nclosed = \"yes\"", "er.closed must be true or false"),
        ("[alarms]\nx = 1", "unknown section [alarms]"),
        ("[er\nclosed = true", "line 1"),
    ])
    func mistakesAreNamed(text: String, message: String) {
        #expect {
            try AlertRulesFile.parse(text)
        } throws: { error in
            (error as? AlertRulesError)?.message.contains(message) ?? false
        }
    }

    @Test func aMissingFileMeansTheDefaultsAndInitWritesOne() throws {
        let tmp = TempDir()
        let dir = try Sample.newDirectory(tmp)
        #expect(try AlertRulesFile.load(from: dir) == .defaults)
        try AlertRulesFile.writeDefault(in: dir)
        #expect(try String(contentsOfFile: AlertRulesFile.path(in: dir), encoding: .utf8) == AlertRulesFile.defaultText)
        try "[icu]\nadult_below = 4\n".write(toFile: AlertRulesFile.path(in: dir), atomically: true, encoding: .utf8)
        #expect(try AlertRulesFile.load(from: dir).icuBelow == 4)
        try AlertRulesFile.writeDefault(in: dir)  // leaves an existing file alone
        #expect(try AlertRulesFile.load(from: dir).icuBelow == 4)
    }

    @Test func aCommitRaisesItsAlertInTheSameFsync() throws {
        let tmp = TempDir()
        let (dir, log) = try Sample.newLog(tmp)
        let t = Sample.t0
        _ = log.commit(Change(officer: "kim", at: t, action: .addHospital(Hospital(id: "H1", name: "서울대학교병원"))))
        let results = log.commit(
            [Change(officer: "kim", at: t, action: .reportHospital(id: "H1", HospitalReport(erState: .closed)))],
            deriving: { $0.alertChanges(.defaults, at: t, officer: "kim", subjects: ["H1"]) })
        #expect(results.map(\.seq) == [2, 3])
        #expect(log.board.alerts["er-closed/H1"] != nil)
        #expect(try ChangeLog.open(dir).board == log.board)
        // Nothing left to derive: an empty commit writes nothing.
        #expect(log.commit([], deriving: { $0.alertChanges(.defaults, at: t, officer: "kim") }).isEmpty)
        #expect(log.seq == 3)
    }
}
