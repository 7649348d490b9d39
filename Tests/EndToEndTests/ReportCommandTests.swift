import Foundation
import Testing
@testable import SitRoomCore

/// `sitroom report`: the real binary on the demo, a briefing marked with `apply`, then a change.
@Suite struct ReportCommandTests: DemoSuite {
    let demo: DemoData
    init() throws { demo = try DemoData("report") }

    /// Every file in the data directory with its size, to show that a report writes nothing.
    func files() throws -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        let fm = FileManager.default
        for name in try fm.subpathsOfDirectory(atPath: data) {
            let attrs = try fm.attributesOfItem(atPath: data + "/" + name)
            out[name] = (attrs[.size] as? NSNumber)?.uint64Value ?? 0
        }
        return out
    }

    @Test func theReportNamesTheBriefingAndWhatChangedSince() throws {
        defer { demo.remove() }
        let briefing = sitroom(["apply", "--data", data, "--officer", "kim.duty"],
                               stdin: #"{"type":"briefing.mark","record":{"id":"b1","title":"09:00 briefing"}}"# + "\n")
        #expect(briefing.status == 0, "\(briefing.stdout) \(briefing.stderr)")
        let changes = """
            {"type":"hospital.report","id":"A1100017","report":{"erState":"closed","erReason":"CT와 MRI 정전 / power failure"}}
            {"type":"log.add","record":{"severity":"critical","text":"SNUH ER closed after a power failure","hospitalId":"A1100017"}}
            """
        let applied = sitroom(["apply", "--data", data, "--officer", "park.seoul"], stdin: changes + "\n")
        #expect(applied.status == 0, "\(applied.stdout) \(applied.stderr)")
        #expect(applied.stdout == "ok \(demo.base + 2)\nok \(demo.base + 3)\n")

        let before = try files()
        let r = sitroom(["report", "--data", data, "--format", "txt", "--tz", "Asia/Seoul", "--officer", "kim.duty"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try files() == before, "a report must not write to the data directory")
        let text = r.stdout
        #expect(text.contains("SITREP following “09:00 briefing”"))
        #expect(text.contains("Prepared by         kim.duty"))
        // base+4, base+5: in the same commit as the two lines, the er-closed alert raised and SNUH's
        // capability-lost notice cleared (a closed ER is not counted as losing conditions).
        #expect(text.contains("board as of change #\(demo.base + 5)"))
        #expect(text.contains(" KST"))
        // Section 3: SNUH's ER, open at the briefing, closed now, with the reason; nothing else changed.
        let lines = text.split(separator: "\n").map(String.init)
        let changesAt = try #require(lines.firstIndex { $0.hasPrefix("3. CHANGES AT HOSPITALS") })
        let strikesAt = try #require(lines.firstIndex { $0.hasPrefix("4. STRIKE STATUS") })
        let section3 = lines[changesAt..<strikesAt]
        let snuh = try #require(section3.first { $0.contains("서울대학교병원") })
        #expect(snuh.contains("LIMITED") && snuh.contains("CLOSED") && snuh.contains("park.seoul"), "\(snuh)")
        #expect(section3.contains { $0.contains("CT와 MRI 정전 / power failure") })
        #expect(section3.filter { $0.contains("Seoul") || $0.contains("Gyeonggi") || $0.contains("Incheon") }.count == 1)
        #expect(section3.contains { $0.contains("No bed or doctor figure moved.") })
        // Section 5: the log entry made after the briefing, and only that one.
        #expect(text.contains("1 log entry since then, 1 warning or critical"))
        #expect(text.contains("SNUH ER closed after a power failure [서울대학교병원]"))
        let closed = try #require(lines.first { $0.hasPrefix("  ERs closed ") })
        #expect(closed.split(separator: " ").suffix(3) == ["3", "2", "+1"], "\(closed)")

        let md = sitroom(["report", "--data", data, "--format", "md", "--tz", "Asia/Seoul", "--officer", "kim.duty"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# SITUATION REPORT (SITREP) — DEMO"))
        #expect(md.stdout.contains("## 3. Changes at hospitals since then"))
        #expect(md.stdout.contains("| 서울대학교병원 | Seoul | LIMITED | CLOSED |"))
        #expect(md.stdout.contains("(since “09:00 briefing”, marked by kim.duty)"))
    }

    @Test func sinceTakesASequenceNumberOrATimeAndRefusesNonsense() throws {
        defer { demo.remove() }
        let bySeq = sitroom(["report", "--data", data, "--since", "#\(demo.base - 1)", "--tz", "UTC"])
        #expect(bySeq.status == 0, "\(bySeq.stderr)")
        #expect(bySeq.stdout.contains("SITREP since change #\(demo.base - 1)"))
        #expect(bySeq.stdout.contains(" UTC"))

        let byTime = sitroom(["report", "--data", data, "--since", "-2h", "--format", "md"])
        #expect(byTime.status == 0, "\(byTime.stderr)")
        #expect(byTime.stdout.contains("- **Report:** SITREP since "))

        // No briefing marked (the demo has its own): a new situation whose operational period is current.
        let fresh = demo.root + "/fresh"
        #expect(sitroom(["init", "--data", fresh]).status == 0)
        let start = ISO8601.format(Date().addingTimeInterval(-3600))
        #expect(sitroom(["apply", "--data", fresh], stdin: #"{"type":"incident.set","record":{"name":"Test","periodStart":"\#(start)","periodHours":12,"isDemo":false}}"# + "\n").status == 0)
        let noBriefing = sitroom(["report", "--data", fresh, "--format", "md"])
        #expect(noBriefing.stdout.contains("SITREP for the operational period (no briefing marked yet)"), "\(noBriefing.stdout) \(noBriefing.stderr)")

        for bad in ["yesterday", "#x", "#999999", "+2h"] {
            let r = sitroom(["report", "--data", data, "--since", bad])
            #expect(r.status == 1, "\(bad)")
            #expect(r.stderr.contains("--since"), "\(bad): \(r.stderr)")
        }

        // A briefing marked with an earlier time than the demo's last changes: the board at that time.
        let at = ISO8601.format(Date().addingTimeInterval(-3600))
        let late = sitroom(["apply", "--data", data, "--officer", "kim"],
                           stdin: #"{"at":"\#(at)","type":"briefing.mark","record":{"id":"b0","title":"noon briefing"}}"# + "\n")
        #expect(late.status == 0, "\(late.stderr)")
        let r = sitroom(["report", "--data", data, "--format", "md"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("SITREP following “noon briefing”"))
    }
}
