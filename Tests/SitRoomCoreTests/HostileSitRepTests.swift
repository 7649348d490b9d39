import Foundation
import Testing
@testable import SitRoomCore

/// A SITREP is printed to terminals and pasted into mail: what the data holds must not reach them raw.
@Suite struct HostileSitRepTests {
    static let hostile = [
        "\u{1B}]0;PWNED\u{07}", "\u{9B}2J", "\u{202E}lanigiro", "zero\u{200B}width", "del\u{7F}\u{08}",
        "e" + String(repeating: "\u{0301}", count: 100), String(repeating: "가", count: 10_000),
    ]

    @Test func noControlOrDirectionCharacterSurvives() throws {
        let now = SitRepFixture.demoNow
        let baseline = DemoSituation.board(now: now)
        var current = baseline
        let t = now.addingTimeInterval(60)
        for (i, s) in Self.hostile.enumerated() {
            for action: ChangeAction in [
                .addHospital(Hospital(id: "HX\(i)", name: s, region: s, hospitalClass: .registeredER)),
                .reportHospital(id: "HX\(i)", HospitalReport(erState: .closed, erReason: s, erBeds: Capacity(available: 0, staffed: 5))),
                .addLog(LogEntry(id: "LX\(i)", eventTime: t, severity: .critical, text: s)),
                .addAgency(Agency(id: "AX\(i)", name: s)),
                .addAction(ActionItem(id: "TX\(i)", text: s, ownerAgencyId: "AX\(i)", due: t)),
            ] {
                // Replayed: a 10,000-character name is over `Limits.textCharacters` today, but a
                // journal written before the limit still opens with it, and the SITREP must cope.
                try current.replay(Change(officer: s, at: t, action: action))
            }
        }
        let report = SitRep(baseline: baseline, current: current, since: now, now: t.addingTimeInterval(60),
                            basis: .periodStart, options: SitRep.Options(officer: Self.hostile[0]))
        let txt = report.text(width: 100)
        let widest = txt.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0
        #expect(widest <= 100, "a 10,000-character name is wrapped or cut, not laid out on one line (\(widest) cells)")
        for (format, out) in [("txt", txt), ("md", report.markdown)] {
            let bad = out.unicodeScalars.filter {
                let v = $0.value
                return (v < 0x20 && $0 != "\n") || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                    || v == 0x200B || v == 0xFEFF
            }
            #expect(bad.isEmpty, "\(format): \(bad.map { String($0.value, radix: 16) })")
            #expect(out.contains("]0;PWNED"), "\(format): the text is still there, made harmless")
            #expect(!out.contains("e" + String(repeating: "\u{0301}", count: SafeText.maxMarks + 1)))
        }
    }
}
