import Foundation
import Testing
@testable import SitRoomCore

/// The SITREP's capability section on a small board: three ERs, three conditions, a baseline from
/// before the walk-out, a briefing, then a capability lost, hours restricted and a restriction.
enum CapabilitySitRepFixture {
    static let t0 = Fixture.t0  // 2026-11-23 19:33:20 KST
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    static func report() throws -> SitRep {
        var board = Board()
        func apply(_ minutes: Double, _ action: ChangeAction, by officer: String = "kim.duty") throws {
            try board.apply(Change(officer: officer, at: at(minutes), action: action))
        }
        let table = ConditionTable(["Y0010", "Y0020", "Y0111"].compactMap { ConditionTable.egenDefault.condition(code: $0) })
        try apply(0, .setConditions(table))
        try apply(0, .addHospital(Hospital(id: "H1", name: "서울대학교병원", region: "Seoul", hospitalClass: .regionalCentre)))
        try apply(0, .addHospital(Hospital(id: "H2", name: "세브란스병원", region: "Seoul", hospitalClass: .localCentre)))
        try apply(0, .addHospital(Hospital(id: "H3", name: "부산대학교병원", region: "Busan", hospitalClass: .regionalCentre)))
        for (id, doctors) in [("H1", 10), ("H2", 8), ("H3", 6)] {
            try apply(0, .reportHospital(id: id, HospitalReport(erState: .open, erDoctors: Staffing(onDuty: doctors, minimum: 4))))
        }
        try apply(0, .setBaselines(BaselineValues(moment: t0.addingTimeInterval(-7 * 86_400), national: [
            BaselineFigure.openERs: 3, BaselineFigure.allDayERs: 3, BaselineFigure.erDoctorsOnDuty: 30,
            BaselineFigure.capable("Y0010"): 3, BaselineFigure.capable("Y0020"): 3, BaselineFigure.capable("Y0111"): 2,
            BaselineFigure.visitsTotal: 600, BaselineFigure.visitsSevere: 150, BaselineFigure.visitsMild: 450,
        ])), by: "lee.nemc")
        func cap(_ minutes: Double, _ id: String, _ conditions: [String: ConditionStatus] = [:], hours: ERHours? = nil,
                 visits: ERVisits? = nil, by officer: String = "kim.duty") throws {
            try apply(minutes, .reportCapability(id: id, CapabilityReport(conditions: conditions, hours: hours, visits: visits)), by: officer)
        }
        try cap(1, "H1", ["Y0010": .init(.available), "Y0020": .init(.available), "Y0111": .init(.available)], hours: .allDay,
                visits: ERVisits(total: 200, severe: 50, mild: 150), by: "park.seoul")
        try cap(2, "H2", ["Y0010": .init(.available), "Y0020": .init(.unavailable)], hours: .allDay,
                visits: ERVisits(total: 150, severe: 40, mild: 110), by: "park.seoul")
        try cap(3, "H3", ["Y0010": .init(.available)], hours: .restricted("08:00–22:00"), by: "choi.busan")
        try apply(4, .addRestriction(Restriction(id: "r0", hospitalId: "H3", text: "분만 불가", category: "obstetric", from: at(4))),
                  by: "choi.busan")
        try apply(10, .markBriefing(Briefing(id: "b1", title: "19:40 briefing")))
        let baseline = board
        let since = at(10)
        try cap(12, "H1", ["Y0020": .init(.unavailable, reason: "neurosurgeon off tonight")], visits: ERVisits(total: 180, severe: 45, mild: 135),
                by: "park.seoul")
        try cap(14, "H2", hours: .restricted("09:00–18:00"), by: "park.seoul")
        try apply(16, .reportHospital(id: "H2", HospitalReport(erDoctors: Staffing(onDuty: 5, minimum: 4))), by: "park.seoul")
        try apply(18, .addRestriction(Restriction(id: "r1", hospitalId: "H1", text: "소아 야간 진료 불가 22:00–08:00", category: "paediatric",
                                                  from: at(18), until: at(12 * 60))), by: "park.seoul")
        try apply(20, .endRestrictions(ids: ["r0"]), by: "choi.busan")
        let briefing = try #require(board.lastBriefing)
        return SitRep(baseline: baseline, current: board, since: since, now: at(30), basis: .briefing(briefing),
                      options: SitRep.Options(officer: "kim.duty", timeZone: seoul, seq: 30))
    }

    /// Section 9 of a rendering, from its heading to the next section's.
    static func section(_ text: String, from heading: String, to end: String) -> String {
        guard let start = text.range(of: heading), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.lowerBound..<stop.lowerBound])
    }
}

@Suite struct SitRepCapabilityTests {
    @Test func theSectionInPlainText() throws {
        let text = try CapabilitySitRepFixture.report().text(width: 100)
        let section = CapabilitySitRepFixture.section(text, from: "9. ER CAPABILITY", to: "\n10. HOSPITAL SECURITY")
        #expect(section == """
            9. ER CAPABILITY
            ----------------
              Now: 2026-11-23 20:03 KST. Then: at “19:40 briefing”. Normal: the baseline as of 2026-11-16 19:33
              KST, set by lee.nemc. 3 of 3 hospitals have reported capability; 1 restriction notice in force.

              Now against normal
              ERs open or limited  3 vs 3 normal (100%); then 3
              24-hour ERs          1 vs 3 normal (33%); then 2
              ER doctors           21 vs 30 normal (70%); then 24

              Capability by condition
              Open or limited ERs reporting each condition available (of 3 open or limited now); Unavailable:
              those reporting it not available; Unknown: those with no report on it.
              Code   Now  Then  Change  Normal  Of normal  Unavailable  Unknown  Condition
              -----  ---  ----  ------  ------  ---------  -----------  -------  -------------------------------
              Y0010    3     3       0       3       100%            0        0  STEMI — STEMI: reperfusion
                                                                                 (myocardial infarction)
              Y0020    0     1      -1       3         0%            2        1  stroke — Stroke (cerebral
                                                                                 infarction): reperfusion
              Y0111    1     1       0       2        50%            0        2  deliv — Delivery (obstetric
                                                                                 emergency)

              ERs on restricted hours
              24-hour ERs (open or limited): 1 vs 3 normal (33%); then 2. On restricted hours: 2 of 3 ERs
              reporting their hours.
              Hospital        Region  ER    Reported          Hours
              --------------  ------  ----  ----------------  -----------
              부산대학교병원  Busan   open  19:36 choi.busan  08:00–22:00
              세브란스병원    Seoul   open  19:47 park.seoul  09:00–18:00

              Restrictions in force
              1 in force, 1 of them new since then; 1 ended or expired since then.
              Hospital        Region  Category    From        Until        Restriction
              --------------  ------  ----------  ----------  -----------  -------------------------------------
              서울대학교병원  Seoul   paediatric  19:51, new  11-24 07:33  소아 야간 진료 불가 22:00–08:00 —
                                                                           park.seoul

              ER visits against normal
              The sum of the latest day's visits each ER reported (2 ERs reporting).
              Visits     Now  Then  Normal  Of normal
              ---------  ---  ----  ------  ---------
              ER visits  330   350     600        55%
              Severe      85    90     150        57%
              Mild       245   260     450        54%

            """, "\(section)")
    }

    @Test func theSectionInMarkdown() throws {
        let md = try CapabilitySitRepFixture.report().markdown
        let section = CapabilitySitRepFixture.section(md, from: "## 9. ER capability", to: "\n## 10. Hospital security")
        #expect(section == """
            ## 9. ER capability

            Now: 2026-11-23 20:03 KST. Then: at “19:40 briefing”. Normal: the baseline as of 2026-11-16 19:33 KST, set by lee.nemc. 3 of 3 hospitals have reported capability; 1 restriction notice in force.

            ### Now against normal

            - **ERs open or limited:** 3 vs 3 normal (100%); then 3
            - **24-hour ERs:** 1 vs 3 normal (33%); then 2
            - **ER doctors:** 21 vs 30 normal (70%); then 24

            ### Capability by condition

            Open or limited ERs reporting each condition available (of 3 open or limited now); Unavailable: those reporting it not available; Unknown: those with no report on it.

            | Code | Now | Then | Change | Normal | Of normal | Unavailable | Unknown | Condition |
            |---|--:|--:|--:|--:|--:|--:|--:|---|
            | Y0010 | 3 | 3 | 0 | 3 | 100% | 0 | 0 | STEMI — STEMI: reperfusion (myocardial infarction) |
            | Y0020 | 0 | 1 | -1 | 3 | 0% | 2 | 1 | stroke — Stroke (cerebral infarction): reperfusion |
            | Y0111 | 1 | 1 | 0 | 2 | 50% | 0 | 2 | deliv — Delivery (obstetric emergency) |

            ### ERs on restricted hours

            24-hour ERs (open or limited): 1 vs 3 normal (33%); then 2. On restricted hours: 2 of 3 ERs reporting their hours.

            | Hospital | Region | ER | Reported | Hours |
            |---|---|---|---|---|
            | 부산대학교병원 | Busan | open | 19:36 choi.busan | 08:00–22:00 |
            | 세브란스병원 | Seoul | open | 19:47 park.seoul | 09:00–18:00 |

            ### Restrictions in force

            1 in force, 1 of them new since then; 1 ended or expired since then.

            | Hospital | Region | Category | From | Until | Restriction |
            |---|---|---|---|---|---|
            | 서울대학교병원 | Seoul | paediatric | 19:51, new | 11-24 07:33 | 소아 야간 진료 불가 22:00–08:00 — park.seoul |

            ### ER visits against normal

            The sum of the latest day's visits each ER reported (2 ERs reporting).

            | Visits | Now | Then | Normal | Of normal |
            |---|--:|--:|--:|--:|
            | ER visits | 330 | 350 | 600 | 55% |
            | Severe | 85 | 90 | 150 | 57% |
            | Mild | 245 | 260 | 450 | 54% |

            """, "\(section)")
    }

    @Test func aBoardWithoutCapabilitySaysSo() throws {
        var board = Board()
        try board.apply(Fixture.change(.addHospital(Fixture.snuh)))
        let report = SitRep(baseline: board, current: board, since: Fixture.t0, now: Fixture.t0, basis: .time(Fixture.t0),
                            options: SitRep.Options(officer: "kim"))
        let section = try #require(report.sections.first { $0.title == "ER capability" })
        #expect(section.blocks == [.paragraph("No ER has reported capability, hours or visits, no restriction notice is on the board "
            + "and no normal-time baseline is set (sitroom baseline --at MOMENT).")])
    }
}
