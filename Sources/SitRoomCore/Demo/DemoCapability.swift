import Foundation

// DEMO DATA: what each ER can treat, its equipment, hours and visits, the restriction notices and the
// normal-time baselines from before the walk-out. Every figure, reason and notice is FICTIONAL; the
// condition codes are E-Gen's.

extension DemoSituation {
    /// Conditions a regional centre offers in normal times: all of them.
    static let allConditions = ConditionTable.egenDefault.codes
    /// What a local centre offers in normal times (more where it has a neonatal ICU, see `normalConditions`).
    static let localCentreConditions = [
        "Y0010", "Y0020", "Y0031", "Y0032", "Y0051", "Y0052", "Y0060", "Y0081", "Y0091", "Y0111", "Y0112", "Y0113",
        "Y0141", "Y0142", "Y0160", "Y0171",
    ]
    static let localInstitutionConditions = ["Y0051", "Y0060", "Y0081", "Y0141"]
    static let paediatricConditions: Set = ["Y0070", "Y0082", "Y0092", "Y0100", "Y0172"]

    /// What losing a group of specialists takes away now, and why (reasons as ERs post them).
    static let losses: [(codes: [String], reason: String)] = [
        (["Y0031", "Y0032"], "신경외과 당직 부재 / no neurosurgeon on call"),
        (["Y0111", "Y0112", "Y0113"], "산부인과 전공의 이탈 / obstetric residents out"),
        (["Y0070", "Y0082", "Y0092", "Y0100", "Y0172"], "소아 야간 진료 불가 / no paediatric cover at night"),
        (["Y0041", "Y0042"], "흉부외과 전문의 부재 / no cardiothoracic surgeon"),
        (["Y0020"], "신경과 당직 부재 / no neurologist on call"),
        (["Y0131", "Y0132"], "수지접합 전문의 휴가 / replantation surgeon away"),
    ]

    static func normalConditions(_ row: DemoHospitalRow, index: Int) -> [String] {
        switch row.cls {
        case .regionalCentre:
            // A third of the regional centres never had infant bronchoscopy or infant IR.
            index % 3 == 0 ? allConditions.filter { $0 != "Y0092" && $0 != "Y0172" } : allConditions
        case .localCentre:
            localCentreConditions
                + (row.nicu != nil ? ["Y0070", "Y0082", "Y0100"] : [])
                + (index % 2 == 0 ? ["Y0041", "Y0042", "Y0120"] : ["Y0131", "Y0132", "Y0150"])
        default:
            localInstitutionConditions
        }
    }

    /// Each ER's capability now: what it offers normally, less what its missing doctors take away
    /// (and all of it while the ER is closed or diverting), a condition or two unknown.
    static func capabilityReport(_ row: DemoHospitalRow, index: Int) -> CapabilityReport {
        var report = CapabilityReport()
        let normal = normalConditions(row, index: index)
        for code in normal { report.conditions[code] = ConditionStatus(.available) }
        for (n, loss) in losses.enumerated() where (index + n) % (n + 3) == 0 {
            for code in loss.codes where report.conditions[code] != nil {
                report.conditions[code] = ConditionStatus(.unavailable, reason: loss.reason)
            }
        }
        if index % 7 == 5, let code = normal.last {
            report.conditions[code] = ConditionStatus(.unknown, reason: "확인 중 / being checked")
        }
        // Its notice says so (see `restrictions`).
        if row.id == "A1400001" {
            for code in ["Y0111", "Y0112", "Y0113"] { report.conditions[code] = ConditionStatus(.unavailable, reason: "산부인과 전공의 부재 / no obstetric residents") }
        }
        if row.state == .closed || row.state == .diverting {
            for code in normal { report.conditions[code] = ConditionStatus(.unavailable, reason: row.reason) }
        }
        let big = row.cls == .regionalCentre
        let local = row.cls == .localCentre
        report.equipment = [
            "hvctayn": 1, "hvmriayn": big || local ? 1 : 0, "hvangioayn": big || local ? 1 : 0, "hvventiayn": 1,
            "hvventisoayn": row.nicu != nil ? 1 : 0, "hvincuayn": row.nicu != nil ? 1 : 0, "hvcrrtayn": big || local ? 1 : 0,
            "hvecmoayn": big || (local && index % 2 == 0) ? 1 : 0, "hvoxyayn": index % 11 == 3 ? 1 : 0, "hvhypoayn": big ? 1 : 0,
        ]
        if let picu = row.picu { report.equipment["hv10"] = picu.0 }
        if let nicu = row.nicu { report.equipment["hv11"] = nicu.0 }
        // The ER that lost its angiography suite this week.
        if index % 13 == 6 { report.equipment["hvangioayn"] = 0 }
        report.hours = restrictedHours[row.id].map(ERHours.restricted) ?? .allDay
        report.visits = visits(row, normal: false)
        return report
    }

    static let restrictedHours = [
        "A1400007": "08:00–22:00", "A1400006": "09:00–21:00 (야간 휴진)", "A1300012": "운영 중단 / suspended",
    ]

    /// A day's ER visits: normal, or now (about three in four of normal during the walk-out).
    static func visits(_ row: DemoHospitalRow, normal: Bool) -> ERVisits {
        let perBed = row.cls == .regionalCentre ? 5 : row.cls == .localCentre ? 4 : 3
        let usual = row.er.1 * perBed
        let total = normal ? usual : row.state == .closed ? 0 : usual * 3 / 4
        let severe = total * (row.cls == .regionalCentre ? 30 : 15) / 100
        return ERVisits(total: total, severe: severe, mild: total - severe)
    }

    static func addCapability(to builder: inout DemoBuilder) {
        let clock = builder.clock
        let rows = hospitalRows()
        // The report before the walk-out (the normal capability, a day and a half ago), then today's
        // with the latest ER report, by the same officer.
        for (index, row) in rows.enumerated() {
            let normal = normalConditions(row, index: index)
            builder.setup(by: "lee.nemc", .reportCapability(id: row.id, CapabilityReport(
                conditions: Dictionary(uniqueKeysWithValues: normal.map { ($0, ConditionStatus(.available)) }),
                hours: .allDay, visits: visits(row, normal: true))))
            builder.add(minutesAgo: row.lastAgo, by: row.by, .reportCapability(id: row.id, capabilityReport(row, index: index)))
        }
        builder.setup(by: "lee.nemc", .takeBaselines(normalBaselines(rows, moment: clock.date(clock.kstMidnight - 17 * 86_400))))

        for r in restrictions(clock) {
            builder.add(at: Int(r.entered.at.timeIntervalSince1970), by: r.entered.by, .addRestriction(r))
            if let ended = r.ended {
                builder.add(at: Int(ended.at.timeIntervalSince1970), by: ended.by, .endRestrictions(ids: [r.id]))
            }
        }
    }

    /// Normal times, a week before the walk-out: every ER open around the clock with its usual
    /// conditions, doctors and visits.
    static func normalBaselines(_ rows: [DemoHospitalRow], moment: Date) -> BaselineValues {
        var national: [String: Int] = [:]
        var hospitals: [String: [String: Int]] = [:]
        var capable: [String: Int] = [:]
        var beds = 0, doctors = 0, total = 0, severe = 0, mild = 0
        for (index, row) in rows.enumerated() {
            let normal = normalConditions(row, index: index)
            for code in normal { capable[code, default: 0] += 1 }
            let v = visits(row, normal: true)
            let usualDoctors = row.erDocs.1 + (row.cls == .regionalCentre ? 2 : 1)
            hospitals[row.id] = [
                BaselineFigure.erBedsStaffed: usualBeds(row), BaselineFigure.erDoctorsOnDuty: usualDoctors,
                BaselineFigure.capabilityCount: normal.count, BaselineFigure.visitsTotal: v.total,
            ]
            beds += usualBeds(row)
            doctors += usualDoctors
            total += v.total
            severe += v.severe
            mild += v.mild
        }
        national[BaselineFigure.openERs] = rows.count
        national[BaselineFigure.allDayERs] = rows.count
        national[BaselineFigure.erBedsStaffed] = beds
        national[BaselineFigure.erBedsAvailable] = beds * 3 / 10
        national[BaselineFigure.erDoctorsOnDuty] = doctors
        national[BaselineFigure.visitsTotal] = total
        national[BaselineFigure.visitsSevere] = severe
        national[BaselineFigure.visitsMild] = mild
        for code in allConditions { national[BaselineFigure.capable(code)] = capable[code, default: 0] }
        return BaselineValues(moment: moment, national: national, hospitals: hospitals)
    }

    /// Staffed ER beds in normal times: some were closed for want of doctors.
    static func usualBeds(_ row: DemoHospitalRow) -> Int { row.er.1 + row.er.1 / 8 }

    static func restrictions(_ clock: DemoClock) -> [Restriction] {
        func ago(_ minutes: Int) -> Date { clock.dateAgo(minutes: minutes) }
        func stamp(_ minutes: Int, _ by: String) -> Stamp { Stamp(at: ago(minutes), by: by) }
        return [
            Restriction(id: "rst-001", hospitalId: "A1100007", text: "소아 야간 진료 불가 22:00–08:00 / no paediatric ER at night",
                        category: "paediatric", from: ago(600), entered: stamp(600, "park.seoul")),
            Restriction(id: "rst-002", hospitalId: "A1400002", text: "흉부외과 응급수술 불가 — 대동맥 응급 타 병원 이송 / no emergency cardiothoracic surgery",
                        category: "surgery", from: ago(200), until: ago(-600), entered: stamp(195, "jung.incheon")),
            Restriction(id: "rst-003", hospitalId: "A1400001", text: "분만 불가 (산부인과 전공의 부재) / no deliveries",
                        category: "obstetric", from: ago(330), entered: stamp(320, "jung.incheon")),
            Restriction(id: "rst-004", hospitalId: "A1300012", text: "응급실 운영 중단 / ER closed until further notice",
                        category: "general", from: ago(250), entered: stamp(240, "choi.gg")),
            Restriction(id: "rst-005", hospitalId: "A1100009", text: "CT 점검으로 외상 환자 수용 제한 / CT maintenance: no trauma",
                        category: "imaging", from: ago(240), until: ago(120), entered: stamp(245, "kim.duty")),
            Restriction(id: "rst-006", hospitalId: "A1100013", text: "정신과 폐쇄병동 입원 불가 / no locked-ward admissions",
                        category: "psychiatric", from: ago(420), entered: stamp(415, "park.seoul"), ended: stamp(75, "kim.duty")),
        ]
    }
}
