import Foundation

// DEMO DATA: the hospital table.
// Seoul rows: real NEMC institution id (기관ID), class (응급의료기관코드), address and phones from
// Seoul's public ER list (seoul-er-2022.csv, as of 2022-07-07).
// Gyeonggi (A13xxxxx) and Incheon (A14xxxxx) rows: the names and addresses are real, but the ids are
// INVENTED and the phones (031-555-01xx, 032-555-01xx) are FICTIONAL.
// Every figure (beds, doctors, trainees, orders, states, reasons) is FICTIONAL.

/// One demo hospital: identity, then the figures of its latest report.
struct DemoHospitalRow {
    var id: String
    var name: String
    var roman: String
    var region: String
    /// The address after the province / city prefix.
    var address: String
    var cls: HospitalClass
    var switchboard: String
    var erPhone: String
    /// Expected reporting interval in minutes.
    var every: Int

    var state: ERState = .open
    var reason: String = ""
    /// The ER state and reason of the report before the latest one, when it differs.
    var was: (ERState, String)? = nil
    /// ER beds (available, staffed).
    var er: (Int, Int)
    var icu: (Int, Int)
    var nicu: (Int, Int)? = nil
    var picu: (Int, Int)? = nil
    /// ER doctors (on duty, minimum).
    var erDocs: (Int, Int)
    var icuDocs: (Int, Int)
    var trainees: (onRoll: Int, absent: Int, resigned: Int, returned: Int)? = nil
    var orders: (issued: Int, served: Int, complied: Int)? = nil
    var police: Bool = false
    var incidents: Int = 0
    /// Minutes before now of the latest report.
    var lastAgo: Int
    /// Officer of the latest report.
    var by: String
}

extension DemoSituation {
    static let regionPrefix = ["Seoul": "서울특별시", "Gyeonggi": "경기도", "Incheon": "인천광역시"]

    /// Officers who take over from each other at the reporting desks.
    static let reliefOfficer = [
        "park.seoul": "yoon.night", "kim.duty": "yoon.night", "yoon.night": "kim.duty",
        "lee.nemc": "park.seoul", "choi.gg": "kang.gg", "kang.gg": "choi.gg",
        "jung.incheon": "ahn.incheon", "ahn.incheon": "jung.incheon",
    ]

    /// `openingRound`: every ER also reports before the last briefing, so that what changed since
    /// it means something (without it, the demo as the old fuzz seeds were written from).
    static func addHospitals(to builder: inout DemoBuilder, openingRound: Bool = true) {
        let rows = hospitalRows()
        let sinceBriefing = briefingTimes(builder.clock).last.map { (builder.clock.now - Int($0.time.timeIntervalSince1970)) / 60 }
        for row in rows {
            builder.setup(by: "demo", .addHospital(Hospital(
                id: row.id, name: row.name, romanizedName: row.roman, region: row.region,
                hospitalClass: row.cls,
                address: "\(regionPrefix[row.region] ?? row.region) \(row.address)",
                switchboard: row.switchboard, erPhone: row.erPhone, updateIntervalMinutes: row.every
            )))
        }
        for (index, row) in rows.enumerated() {
            // 1. The trainee census (NEMC, once a day, this morning or last night): trainees, orders, police.
            if row.trainees != nil || row.orders != nil || row.police {
                let censusAgo = max(row.lastAgo + row.every + 30, 480 + (index * 17) % 240)
                builder.add(minutesAgo: censusAgo, by: "lee.nemc", .reportHospital(id: row.id, HospitalReport(
                    traineesOnRoll: row.trainees?.onRoll, traineesAbsent: row.trainees?.absent,
                    resignations: row.trainees?.resigned, traineesReturned: row.trainees?.returned,
                    ordersIssued: row.orders?.issued, ordersServed: row.orders?.served,
                    ordersComplied: row.orders?.complied, policePost: row.police
                )))
            }
            // 2. The report one interval before the latest, by the officer on the other shift.
            let bump = index % 3 + 1
            func earlier(_ c: (Int, Int)) -> Capacity { Capacity(available: min(c.1, c.0 + bump), staffed: c.1) }
            let before = row.was ?? (row.state, row.reason)
            builder.add(
                minutesAgo: row.lastAgo + row.every, by: reliefOfficer[row.by] ?? "kim.duty",
                .reportHospital(id: row.id, HospitalReport(
                    erState: before.0, erReason: before.1, erBeds: earlier(row.er), icuBeds: earlier(row.icu),
                    erDoctors: Staffing(onDuty: row.erDocs.0 + (row.was == nil ? 0 : 1), minimum: row.erDocs.1),
                    icuDoctors: Staffing(onDuty: row.icuDocs.0, minimum: row.icuDocs.1)
                ))
            )
            // 2b. The report the briefing saw: before it, and before the report one interval back.
            if openingRound, let sinceBriefing {
                builder.add(
                    minutesAgo: max(sinceBriefing + 20 + index % 40, row.lastAgo + row.every + 15), by: "kim.duty",
                    .reportHospital(id: row.id, HospitalReport(
                        erState: before.0, erReason: before.1, erBeds: earlier((row.er.0 + bump, row.er.1)),
                        icuBeds: earlier((row.icu.0 + 1, row.icu.1)),
                        nicuBeds: row.nicu.map { earlier($0) }, picuBeds: row.picu.map { earlier($0) },
                        erDoctors: Staffing(onDuty: row.erDocs.0 + (row.was == nil ? 0 : 1), minimum: row.erDocs.1),
                        icuDoctors: Staffing(onDuty: row.icuDocs.0, minimum: row.icuDocs.1)
                    ))
                )
            }
            // 3. The latest report.
            builder.add(minutesAgo: row.lastAgo, by: row.by, .reportHospital(id: row.id, HospitalReport(
                erState: row.state, erReason: row.reason,
                erBeds: Capacity(available: row.er.0, staffed: row.er.1),
                icuBeds: Capacity(available: row.icu.0, staffed: row.icu.1),
                nicuBeds: row.nicu.map { Capacity(available: $0.0, staffed: $0.1) },
                picuBeds: row.picu.map { Capacity(available: $0.0, staffed: $0.1) },
                erDoctors: Staffing(onDuty: row.erDocs.0, minimum: row.erDocs.1),
                icuDoctors: Staffing(onDuty: row.icuDocs.0, minimum: row.icuDocs.1),
                openIncidents: row.incidents
            )))
        }
    }

    // swiftlint:disable function_body_length
    static func hospitalRows() -> [DemoHospitalRow] {
        [
            // MARK: Seoul (real ids, classes and phones from seoul-er-2022.csv)
            DemoHospitalRow(
                id: "A1100017", name: "서울대학교병원", roman: "Seoul National University Hospital", region: "Seoul",
                address: "종로구 대학로 101 (연건동)", cls: .regionalCentre, switchboard: "1588-5700", erPhone: "02-2072-2475",
                every: 30, state: .limited, reason: "전공의 이탈로 응급의학과 의료진 부족 — 중증 환자 위주 수용", was: (.open, ""),
                er: (3, 36), icu: (2, 58), nicu: (1, 22), picu: (0, 12), erDocs: (5, 7), icuDocs: (6, 6),
                trainees: (741, 688, 602, 14), orders: (688, 671, 9), police: true, incidents: 1, lastAgo: 14, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100007", name: "세브란스병원", roman: "Severance Hospital", region: "Seoul",
                address: "서대문구 연세로 50-1 (신촌동)", cls: .localCentre, switchboard: "02-2228-0114", erPhone: "02-2227-7777",
                every: 60, state: .limited, reason: "no paediatric ER cover overnight (소아 응급 야간 진료 중단)",
                er: (6, 45), icu: (0, 70), nicu: (3, 28), picu: (1, 14), erDocs: (6, 6), icuDocs: (5, 6),
                trainees: (612, 571, 530, 9), orders: (571, 560, 6), police: true, lastAgo: 35, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100009", name: "서울아산병원", roman: "Asan Medical Center", region: "Seoul",
                address: "송파구 올림픽로43길 88 (풍납동)", cls: .localCentre, switchboard: "02-3010-3114", erPhone: "02-3010-3333",
                every: 60,
                er: (8, 58), icu: (4, 80), nicu: (2, 30), picu: (2, 15), erDocs: (8, 7), icuDocs: (7, 7),
                trainees: (580, 526, 470, 21), orders: (526, 519, 18), police: true, lastAgo: 22, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100010", name: "삼성서울병원", roman: "Samsung Medical Center", region: "Seoul",
                address: "강남구 일원로 81 (일원동)", cls: .localCentre, switchboard: "02-3410-2114", erPhone: "02-3410-2060",
                every: 60, state: .limited, reason: "응급실 병상 포화, 경증 환자 인근 병원 안내",
                er: (0, 52), icu: (1, 72), nicu: (4, 26), picu: (0, 10), erDocs: (6, 7), icuDocs: (6, 6),
                trainees: (523, 497, 455, 7), orders: (497, 480, 4), incidents: 2, lastAgo: 41, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100012", name: "서울성모병원", roman: "Seoul St. Mary's Hospital", region: "Seoul",
                address: "서초구 반포대로 222 (반포동)", cls: .localCentre, switchboard: "1588-1511", erPhone: "02-2258-2002",
                every: 60,
                er: (5, 40), icu: (0, 64), nicu: (2, 20), picu: (1, 8), erDocs: (6, 6), icuDocs: (5, 5),
                trainees: (346, 312, 280, 11), orders: (312, 300, 10), police: true, lastAgo: 18, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100008", name: "고려대학교의과대학부속병원(안암병원)", roman: "Korea University Anam Hospital", region: "Seoul",
                address: "성북구 고려대로 73 (안암동5가)", cls: .regionalCentre, switchboard: "1577-0083", erPhone: "02-920-5374",
                every: 30, state: .diverting, reason: "CT 장비 고장 및 응급의학과 전문의 부족 — 119 이송 자제 요청",
                was: (.limited, "CT 장비 고장 — 외상 환자 수용 제한"),
                er: (0, 32), icu: (0, 44), nicu: (1, 15), picu: (0, 6), erDocs: (3, 5), icuDocs: (3, 4),
                trainees: (293, 270, 251, 3), orders: (270, 262, 2), police: true, incidents: 1, lastAgo: 9, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100014", name: "고려대학교의과대학부속구로병원", roman: "Korea University Guro Hospital", region: "Seoul",
                address: "구로구 구로동로 148 (구로동)", cls: .regionalCentre, switchboard: "02-2626-1114", erPhone: "02-2626-1550",
                every: 30,
                er: (7, 34), icu: (3, 46), nicu: (2, 18), picu: (1, 6), erDocs: (5, 5), icuDocs: (4, 4),
                trainees: (228, 195, 170, 6), orders: (195, 190, 5), lastAgo: 16, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100043", name: "강동경희대학교의대병원", roman: "Kyung Hee University Hospital at Gangdong", region: "Seoul",
                address: "강동구 동남로 892 (상일동)", cls: .regionalCentre, switchboard: "1577-5800", erPhone: "02-440-7000",
                every: 60,
                er: (6, 28), icu: (2, 36), nicu: (1, 10), erDocs: (4, 4), icuDocs: (3, 4),
                trainees: (142, 118, 101, 4), orders: (118, 112, 3), lastAgo: 75, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100005", name: "이화여자대학교의과대학부속목동병원", roman: "Ewha Womans University Mokdong Hospital",
                region: "Seoul",
                address: "양천구 안양천로 1071 (목동)", cls: .regionalCentre, switchboard: "02-2650-5114", erPhone: "02-2650-5911",
                every: 30, state: .limited, reason: "NICU full — neonatal cases via NEMC transfer desk",
                er: (5, 30), icu: (2, 38), nicu: (0, 24), picu: (0, 8), erDocs: (4, 5), icuDocs: (3, 3),
                trainees: (186, 160, 139, 5), orders: (160, 151, 4), lastAgo: 21, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100013", name: "한양대학교병원", roman: "Hanyang University Hospital", region: "Seoul",
                address: "성동구 왕십리로 222-1 (사근동)", cls: .regionalCentre, switchboard: "02-2290-8114", erPhone: "02-2290-8284",
                every: 30,
                er: (9, 35), icu: (4, 48), nicu: (2, 16), picu: (1, 6), erDocs: (5, 5), icuDocs: (4, 4),
                trainees: (242, 221, 198, 2), orders: (221, 215, 1), police: true, lastAgo: 52, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100035", name: "서울특별시서울의료원", roman: "Seoul Medical Center", region: "Seoul",
                address: "중랑구 신내로 156 (신내동)", cls: .regionalCentre, switchboard: "02-2276-7000", erPhone: "02-2276-7403",
                every: 30,
                er: (12, 30), icu: (5, 24), nicu: (2, 8), erDocs: (5, 4), icuDocs: (3, 3),
                trainees: (78, 41, 30, 9), orders: (41, 41, 12), lastAgo: 11, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100052", name: "국립중앙의료원", roman: "National Medical Center", region: "Seoul",
                address: "중구 을지로 245 (을지로6가)", cls: .other, switchboard: "02-2260-7114", erPhone: "02-2260-7414",
                every: 60,
                er: (10, 32), icu: (3, 30), erDocs: (6, 5), icuDocs: (3, 3),
                trainees: (96, 70, 52, 8), orders: (70, 66, 7), police: true, lastAgo: 25, by: "lee.nemc"),
            DemoHospitalRow(
                id: "A1100006", name: "강북삼성병원", roman: "Kangbuk Samsung Hospital", region: "Seoul",
                address: "종로구 새문안로 29 (평동)", cls: .localCentre, switchboard: "02-2001-2001", erPhone: "02-2001-1009",
                every: 120,
                er: (6, 22), icu: (2, 26), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (118, 103, 92, 1), orders: (103, 99, 1), lastAgo: 64, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100002", name: "건국대학교병원", roman: "Konkuk University Medical Center", region: "Seoul",
                address: "광진구 능동로 120-1 (화양동)", cls: .localCentre, switchboard: "1588-1533", erPhone: "02-2030-5555",
                every: 120, state: .limited, reason: "single ER specialist overnight (야간 응급의학과 전문의 1인 근무)",
                er: (4, 26), icu: (1, 30), nicu: (1, 10), erDocs: (2, 3), icuDocs: (2, 3),
                trainees: (161, 147, 133, 0), orders: (147, 140, 0), lastAgo: 95, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100001", name: "경희대학교병원", roman: "Kyung Hee University Medical Center", region: "Seoul",
                address: "동대문구 경희대로 23 (회기동)", cls: .localCentre, switchboard: "02-958-8114", erPhone: "02-958-8282",
                every: 120,
                er: (5, 24), icu: (1, 32), nicu: (1, 12), erDocs: (3, 3), icuDocs: (3, 3),
                trainees: (177, 160, 144, 2), orders: (160, 153, 2), lastAgo: 58, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100003", name: "중앙대학교병원", roman: "Chung-Ang University Hospital", region: "Seoul",
                address: "동작구 흑석로 102 (흑석동)", cls: .localCentre, switchboard: "1800-1114", erPhone: "02-6299-1338",
                every: 120,
                er: (4, 22), icu: (0, 28), nicu: (2, 10), erDocs: (3, 3), icuDocs: (2, 3),
                trainees: (152, 134, 120, 3), orders: (134, 128, 2), lastAgo: 47, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100015", name: "강남세브란스병원", roman: "Gangnam Severance Hospital", region: "Seoul",
                address: "강남구 언주로 211 (도곡동)", cls: .localCentre, switchboard: "02-2019-3114", erPhone: "02-2019-3333",
                every: 120,
                er: (5, 25), icu: (2, 30), erDocs: (3, 3), icuDocs: (3, 3),
                trainees: (186, 169, 151, 1), orders: (169, 160, 1), lastAgo: 72, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100004", name: "순천향대학교부속서울병원", roman: "Soonchunhyang University Seoul Hospital", region: "Seoul",
                address: "용산구 대사관로 59 (한남동)", cls: .localCentre, switchboard: "02-709-9114", erPhone: "02-709-9117",
                every: 120, state: .closed, reason: "응급의학과 전문의 전원 사직, 응급실 임시 폐쇄 / all ER specialists resigned",
                was: (.limited, "야간 응급의학과 전문의 부재"),
                er: (0, 18), icu: (3, 20), erDocs: (0, 3), icuDocs: (2, 2),
                trainees: (98, 94, 90, 0), orders: (94, 94, 0), lastAgo: 38, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100016", name: "인제대학교상계백병원", roman: "Inje University Sanggye Paik Hospital", region: "Seoul",
                address: "노원구 동일로 1342 (상계동)", cls: .localCentre, switchboard: "02-950-1114", erPhone: "02-950-1119",
                every: 120,
                er: (7, 20), icu: (2, 22), nicu: (1, 8), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (88, 71, 60, 4), orders: (71, 70, 3), lastAgo: 83, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100048", name: "노원을지대학교병원", roman: "Nowon Eulji University Hospital", region: "Seoul",
                address: "노원구 한글비석로 68 (하계동)", cls: .localCentre, switchboard: "02-970-8000", erPhone: "02-970-8282",
                every: 180, state: .limited, reason: "cannot take major trauma: no surgeon on call (중증외상 수용 불가)",
                er: (3, 18), icu: (0, 20), erDocs: (2, 3), icuDocs: (1, 2),
                trainees: (74, 66, 59, 0), orders: (66, 60, 0), lastAgo: 130, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100055", name: "한림대학교강남성심병원", roman: "Hallym University Kangnam Sacred Heart Hospital",
                region: "Seoul",
                address: "영등포구 신길로 1 (대림동)", cls: .localCentre, switchboard: "02-829-5114", erPhone: "02-829-5119",
                every: 120,
                er: (6, 22), icu: (2, 26), nicu: (2, 10), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (121, 99, 88, 2), orders: (99, 95, 2), lastAgo: 66, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100040", name: "서울특별시보라매병원", roman: "SMG-SNU Boramae Medical Center", region: "Seoul",
                address: "동작구 보라매로5길 20 (신대방동)", cls: .localCentre, switchboard: "02-870-2114", erPhone: "02-870-2119",
                every: 120,
                er: (8, 26), icu: (3, 28), nicu: (2, 10), erDocs: (4, 3), icuDocs: (2, 2),
                trainees: (142, 121, 104, 5), orders: (121, 118, 4), lastAgo: 44, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100011", name: "가톨릭대학교여의도성모병원", roman: "Yeouido St. Mary's Hospital", region: "Seoul",
                address: "영등포구 63로 10 (여의도동)", cls: .localCentre, switchboard: "1661-7575", erPhone: "02-3779-1188",
                every: 120,
                er: (4, 16), icu: (1, 18), erDocs: (2, 2), icuDocs: (2, 2),
                trainees: (82, 70, 63, 0), orders: (70, 68, 0), lastAgo: 101, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1121013", name: "가톨릭대학교은평성모병원", roman: "Eunpyeong St. Mary's Hospital", region: "Seoul",
                address: "은평구 통일로 1021 (진관동)", cls: .localCentre, switchboard: "02-1811-7755", erPhone: "1811-7755",
                every: 120, state: .limited, reason: "ICU full — 중환자 전원 수용 불가",
                er: (5, 24), icu: (0, 34), nicu: (1, 12), erDocs: (3, 3), icuDocs: (3, 3),
                trainees: (134, 118, 109, 1), orders: (118, 111, 1), lastAgo: 57, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1120796", name: "이화여자대학교의과대학부속서울병원", roman: "Ewha Womans University Seoul Hospital",
                region: "Seoul",
                address: "강서구 공항대로 260 (마곡동)", cls: .localCentre, switchboard: "1522-7000", erPhone: "02-6986-5119",
                every: 180,
                er: (7, 20), icu: (3, 24), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (64, 55, 47, 1), orders: (55, 52, 1), lastAgo: 150, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100028", name: "강동성심병원", roman: "Kangdong Sacred Heart Hospital", region: "Seoul",
                address: "강동구 성안로 150 (길동)", cls: .localCentre, switchboard: "02-2224-2114", erPhone: "02-2224-2358",
                every: 180,
                er: (6, 20), icu: (2, 22), nicu: (1, 8), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (96, 80, 72, 2), orders: (80, 77, 2), lastAgo: 95, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100053", name: "중앙보훈병원", roman: "Veterans Health Service Medical Center",
                region: "Seoul",
                address: "강동구 진황도로61길 53 (둔촌동)", cls: .localCentre, switchboard: "02-2225-1111", erPhone: "02-2225-1100",
                every: 120,
                er: (11, 24), icu: (6, 30), erDocs: (4, 3), icuDocs: (3, 3),
                trainees: (58, 12, 8, 4), orders: (12, 12, 4), lastAgo: 33, by: "lee.nemc"),
            DemoHospitalRow(
                id: "A1100039", name: "경찰병원", roman: "National Police Hospital", region: "Seoul",
                address: "송파구 송이로 123 (가락동)", cls: .localInstitution, switchboard: "02-3400-1114", erPhone: "02-3400-1300",
                every: 180,
                er: (7, 14), icu: (2, 12), erDocs: (2, 2), icuDocs: (1, 1),
                police: true, lastAgo: 70, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100020", name: "한일병원", roman: "Hanil General Hospital", region: "Seoul",
                address: "도봉구 우이천로 308 (쌍문동)", cls: .localCentre, switchboard: "02-901-3114", erPhone: "02-901-3119",
                every: 180,
                er: (6, 16), icu: (2, 14), erDocs: (2, 2), icuDocs: (1, 1),
                trainees: (24, 17, 14, 1), orders: (17, 16, 1), lastAgo: 340, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100027", name: "원자력병원", roman: "Korea Cancer Center Hospital", region: "Seoul",
                address: "노원구 노원로 75 (공릉동)", cls: .localInstitution, switchboard: "02-970-2114", erPhone: "02-970-2620",
                every: 240,
                er: (4, 12), icu: (1, 12), erDocs: (2, 2), icuDocs: (1, 1),
                trainees: (40, 31, 25, 0), orders: (31, 30, 0), lastAgo: 180, by: "yoon.night"),
            DemoHospitalRow(
                id: "A1100029", name: "서울적십자병원", roman: "Seoul Red Cross Hospital", region: "Seoul",
                address: "종로구 새문안로 9 (평동)", cls: .localInstitution, switchboard: "02-2002-8000", erPhone: "02-2002-8888",
                every: 240,
                er: (5, 10), icu: (1, 10), erDocs: (1, 1), icuDocs: (1, 1),
                lastAgo: 200, by: "park.seoul"),
            DemoHospitalRow(
                id: "A1100022", name: "서울특별시동부병원", roman: "Seoul Dongbu Hospital", region: "Seoul",
                address: "동대문구 무학로 124 (용두동)", cls: .localInstitution, switchboard: "02-920-9114", erPhone: "02-920-9119",
                every: 240,
                er: (6, 10), icu: (2, 10), erDocs: (1, 1), icuDocs: (1, 1),
                lastAgo: 150, by: "kim.duty"),
            DemoHospitalRow(
                id: "A1100038", name: "한림대학교한강성심병원", roman: "Hallym University Hangang Sacred Heart Hospital",
                region: "Seoul",
                address: "영등포구 버드나루로7길 12 (영등포동7가)", cls: .registeredER, switchboard: "02-2639-5114",
                erPhone: "02-2639-5555",
                every: 240,
                er: (4, 12), icu: (1, 16), erDocs: (2, 2), icuDocs: (2, 2),
                trainees: (36, 30, 26, 0), orders: (30, 28, 0), lastAgo: 310, by: "yoon.night"),

            // MARK: Gyeonggi (ids A13xxxxx INVENTED, phones FICTIONAL)
            DemoHospitalRow(
                id: "A1300001", name: "분당서울대학교병원", roman: "Seoul National University Bundang Hospital",
                region: "Gyeonggi",
                address: "성남시 분당구 구미로173번길 82", cls: .localCentre, switchboard: "031-555-0101", erPhone: "031-555-0201",
                every: 60, state: .limited, reason: "응급의학과 전공의 전원 이탈 — 심정지·중증외상 위주 수용",
                er: (4, 40), icu: (1, 56), nicu: (2, 20), picu: (1, 10), erDocs: (5, 6), icuDocs: (5, 5),
                trainees: (287, 264, 238, 6), orders: (264, 255, 5), police: true, lastAgo: 27, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300002", name: "아주대학교병원", roman: "Ajou University Hospital", region: "Gyeonggi",
                address: "수원시 영통구 월드컵로 164", cls: .regionalCentre, switchboard: "031-555-0102", erPhone: "031-555-0202",
                every: 30, state: .diverting, reason: "trauma bays full — major trauma diverted to other centres (권역외상센터 포화)",
                was: (.limited, "권역외상센터 병상 부족"),
                er: (0, 45), icu: (0, 66), nicu: (1, 20), picu: (0, 10), erDocs: (5, 7), icuDocs: (5, 6),
                trainees: (236, 218, 199, 2), orders: (218, 210, 1), police: true, incidents: 2, lastAgo: 12, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300003", name: "한림대학교성심병원", roman: "Hallym University Sacred Heart Hospital", region: "Gyeonggi",
                address: "안양시 동안구 관평로170번길 22", cls: .regionalCentre, switchboard: "031-555-0103", erPhone: "031-555-0203",
                every: 30,
                er: (6, 34), icu: (2, 42), nicu: (2, 14), picu: (1, 6), erDocs: (5, 5), icuDocs: (4, 4),
                trainees: (150, 128, 112, 4), orders: (128, 124, 3), lastAgo: 19, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300004", name: "가톨릭대학교의정부성모병원", roman: "Uijeongbu St. Mary's Hospital", region: "Gyeonggi",
                address: "의정부시 천보로 271", cls: .regionalCentre, switchboard: "031-555-0104", erPhone: "031-555-0204",
                every: 30, state: .limited, reason: "no paediatrician on call — 소아 환자 수용 불가",
                er: (5, 30), icu: (1, 40), nicu: (0, 12), picu: (0, 6), erDocs: (4, 5), icuDocs: (3, 4),
                trainees: (121, 110, 100, 1), orders: (110, 104, 1), lastAgo: 24, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300005", name: "고려대학교안산병원", roman: "Korea University Ansan Hospital", region: "Gyeonggi",
                address: "안산시 단원구 적금로 123", cls: .regionalCentre, switchboard: "031-555-0105", erPhone: "031-555-0205",
                every: 60,
                er: (8, 30), icu: (3, 38), nicu: (2, 12), picu: (1, 5), erDocs: (5, 5), icuDocs: (3, 3),
                trainees: (132, 117, 104, 3), orders: (117, 111, 2), lastAgo: 48, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300006", name: "순천향대학교부천병원", roman: "Soonchunhyang University Bucheon Hospital",
                region: "Gyeonggi",
                address: "부천시 원미구 조마루로 170", cls: .regionalCentre, switchboard: "031-555-0106", erPhone: "031-555-0206",
                every: 60,
                er: (5, 32), icu: (0, 40), nicu: (1, 14), erDocs: (4, 5), icuDocs: (3, 3),
                trainees: (118, 104, 95, 0), orders: (104, 101, 0), lastAgo: 133, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300007", name: "명지병원", roman: "Myongji Hospital", region: "Gyeonggi",
                address: "고양시 덕양구 화수로14번길 55", cls: .regionalCentre, switchboard: "031-555-0107", erPhone: "031-555-0207",
                every: 60,
                er: (9, 28), icu: (4, 34), nicu: (2, 10), erDocs: (4, 4), icuDocs: (3, 3),
                trainees: (72, 51, 43, 5), orders: (51, 50, 5), lastAgo: 37, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300008", name: "분당차병원", roman: "CHA Bundang Medical Center", region: "Gyeonggi",
                address: "성남시 분당구 야탑로 59", cls: .localCentre, switchboard: "031-555-0108", erPhone: "031-555-0208",
                every: 120,
                er: (6, 26), icu: (2, 30), nicu: (3, 24), picu: (1, 6), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (128, 114, 103, 2), orders: (114, 108, 2), lastAgo: 61, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300009", name: "가톨릭대학교성빈센트병원", roman: "St. Vincent's Hospital", region: "Gyeonggi",
                address: "수원시 팔달구 중부대로 93", cls: .localCentre, switchboard: "031-555-0109", erPhone: "031-555-0209",
                every: 120, state: .limited, reason: "ER beds full (응급실 병상 포화)",
                er: (0, 24), icu: (1, 30), nicu: (1, 10), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (112, 101, 92, 0), orders: (101, 95, 0), incidents: 1, lastAgo: 53, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300010", name: "인제대학교일산백병원", roman: "Inje University Ilsan Paik Hospital", region: "Gyeonggi",
                address: "고양시 일산서구 주화로 170", cls: .localCentre, switchboard: "031-555-0110", erPhone: "031-555-0210",
                every: 120,
                er: (6, 22), icu: (2, 24), nicu: (1, 8), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (84, 70, 63, 1), orders: (70, 68, 1), lastAgo: 88, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300011", name: "국민건강보험공단일산병원", roman: "NHIS Ilsan Hospital", region: "Gyeonggi",
                address: "고양시 일산동구 일산로 100", cls: .localCentre, switchboard: "031-555-0111", erPhone: "031-555-0211",
                every: 180,
                er: (8, 20), icu: (3, 22), erDocs: (3, 2), icuDocs: (2, 2),
                trainees: (66, 38, 29, 6), orders: (38, 38, 8), lastAgo: 121, by: "kang.gg"),
            DemoHospitalRow(
                id: "A1300012", name: "한림대학교동탄성심병원", roman: "Hallym University Dongtan Sacred Heart Hospital",
                region: "Gyeonggi",
                address: "화성시 큰재봉길 7", cls: .localCentre, switchboard: "031-555-0112", erPhone: "031-555-0212",
                every: 180, state: .closed, reason: "ER closed until further notice — two ER specialists resigned",
                was: (.limited, "응급의학과 전문의 2인 사직 예정"),
                er: (0, 20), icu: (2, 24), erDocs: (0, 3), icuDocs: (2, 2),
                trainees: (70, 63, 58, 0), orders: (63, 61, 0), lastAgo: 96, by: "choi.gg"),
            DemoHospitalRow(
                id: "A1300013", name: "용인세브란스병원", roman: "Yongin Severance Hospital", region: "Gyeonggi",
                address: "용인시 기흥구 동백죽전대로 363", cls: .localCentre, switchboard: "031-555-0113", erPhone: "031-555-0213",
                every: 180,
                er: (7, 20), icu: (3, 20), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (42, 36, 31, 0), orders: (36, 35, 0), lastAgo: 250, by: "kang.gg"),

            // MARK: Incheon (ids A14xxxxx INVENTED, phones FICTIONAL)
            DemoHospitalRow(
                id: "A1400001", name: "가천대길병원", roman: "Gachon University Gil Medical Center", region: "Incheon",
                address: "남동구 남동대로774번길 21", cls: .regionalCentre, switchboard: "032-555-0101", erPhone: "032-555-0201",
                every: 30, state: .limited, reason: "중증 환자 외 수용 제한 (권역외상센터 우선)",
                er: (4, 42), icu: (1, 60), nicu: (2, 26), picu: (1, 8), erDocs: (5, 6), icuDocs: (5, 5),
                trainees: (196, 178, 160, 3), orders: (178, 172, 2), police: true, incidents: 1, lastAgo: 15,
                by: "jung.incheon"),
            DemoHospitalRow(
                id: "A1400002", name: "인하대학교병원", roman: "Inha University Hospital", region: "Incheon",
                address: "중구 인항로 27", cls: .regionalCentre, switchboard: "032-555-0102", erPhone: "032-555-0202",
                every: 30, state: .diverting, reason: "응급실 과밀 및 흉부외과 전문의 부재 — 119 이송 우회 요청",
                er: (0, 38), icu: (0, 46), nicu: (1, 16), picu: (0, 6), erDocs: (3, 5), icuDocs: (3, 4),
                trainees: (168, 155, 141, 1), orders: (155, 150, 1), lastAgo: 20, by: "jung.incheon"),
            DemoHospitalRow(
                id: "A1400003", name: "가톨릭대학교인천성모병원", roman: "Incheon St. Mary's Hospital", region: "Incheon",
                address: "부평구 동수로 56", cls: .regionalCentre, switchboard: "032-555-0103", erPhone: "032-555-0203",
                every: 60,
                er: (6, 30), icu: (2, 36), nicu: (1, 10), erDocs: (4, 4), icuDocs: (3, 3),
                trainees: (104, 92, 84, 2), orders: (92, 88, 1), lastAgo: 42, by: "ahn.incheon"),
            DemoHospitalRow(
                id: "A1400004", name: "인천광역시의료원", roman: "Incheon Medical Center", region: "Incheon",
                address: "동구 방축로 217", cls: .localCentre, switchboard: "032-555-0104", erPhone: "032-555-0204",
                every: 180,
                er: (7, 14), icu: (2, 10), erDocs: (2, 2), icuDocs: (1, 1),
                lastAgo: 90, by: "ahn.incheon"),
            DemoHospitalRow(
                id: "A1400005", name: "가톨릭관동대학교국제성모병원",
                roman: "Catholic Kwandong University International St. Mary's Hospital", region: "Incheon",
                address: "서구 심곡로100번길 25", cls: .localCentre, switchboard: "032-555-0105", erPhone: "032-555-0205",
                every: 120,
                er: (5, 22), icu: (2, 26), nicu: (1, 8), erDocs: (3, 3), icuDocs: (2, 2),
                trainees: (58, 49, 43, 1), orders: (49, 47, 1), lastAgo: 77, by: "ahn.incheon"),
            DemoHospitalRow(
                id: "A1400006", name: "인천세종병원", roman: "Incheon Sejong Hospital", region: "Incheon",
                address: "계양구 계양문화로 20", cls: .localCentre, switchboard: "032-555-0106", erPhone: "032-555-0206",
                every: 240,
                er: (4, 12), icu: (2, 16), picu: (1, 6), erDocs: (2, 2), icuDocs: (2, 2),
                lastAgo: 410, by: "jung.incheon"),
            DemoHospitalRow(
                id: "A1400007", name: "나은병원", roman: "Naeun Hospital", region: "Incheon",
                address: "서구 원적로 23", cls: .localInstitution, switchboard: "032-555-0107", erPhone: "032-555-0207",
                every: 240,
                er: (5, 10), icu: (1, 8), erDocs: (1, 1), icuDocs: (1, 1),
                lastAgo: 140, by: "ahn.incheon"),
        ]
    }
    // swiftlint:enable function_body_length
}
