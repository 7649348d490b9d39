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

    /// Emoji sequences are written as the screen draws them (`SafeText.drawn`), so that the text
    /// report's columns stay aligned in any terminal it is printed in.
    @Test func emojiNamesAreWrittenAsTheScreenDrawsThem() throws {
        let now = SitRepFixture.demoNow
        let baseline = DemoSituation.board(now: now)
        var current = baseline
        let t = now.addingTimeInterval(60)
        let names = ["ASCII Reference Hospital", "👨‍👩‍👧‍👦 Family Clinic", "🇰🇷 Flag Hospital", "👍🏽 Skin Tone", "1️⃣ Keycap"]
        for (i, name) in names.enumerated() {
            try current.apply(Change(officer: "kim", at: t, action: .addHospital(Hospital(id: "EX\(i)", name: name, region: "Seoul"))))
            try current.apply(Change(officer: "kim", at: t, action: .reportHospital(id: "EX\(i)", HospitalReport(
                erState: .closed, erBeds: Capacity(available: 0, staffed: 5)))))
        }
        let report = SitRep(baseline: baseline, current: current, since: now, now: t.addingTimeInterval(60),
                            basis: .periodStart, options: SitRep.Options(officer: "kim"))
        let txt = report.text(width: 120)
        for (format, out) in [("txt", txt), ("md", report.markdown)] {
            for name in names { #expect(out.contains(SafeText.string(name)), "\(format): \(name)") }
            let odd = out.unicodeScalars.filter {
                let v = $0.value
                return v == 0x200D || v == 0xFE0F || v == 0x20E3 || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v)
            }
            #expect(odd.isEmpty, "\(format): \(odd.map { String($0.value, radix: 16) })")
        }
        // In the table of hospitals of concern, "CLOSED" starts in one column on every row.
        let lines = txt.split(separator: "\n").map(String.init)
        let columns = try names.map { name in
            let line = try #require(lines.first { $0.contains(SafeText.string(name)) && $0.contains("CLOSED") }, "\(name)")
            return DisplayWidth.of(line[..<line.range(of: "CLOSED")!.lowerBound])
        }
        #expect(Set(columns).count == 1, "\(columns)")
    }
}
