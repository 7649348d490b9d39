import Foundation

// DEMO DATA: strike actions, the activity log of the last day and the action items.
// The organisations are real; every date, figure, event and quote is FICTIONAL.

/// When a log entry happened.
enum DemoWhen {
    /// Minutes before now.
    case ago(Int)
    /// At the start of the current operational period (08:00 or 20:00 KST).
    case periodStart
    /// At the start of the previous operational period.
    case previousPeriodStart
    /// At 00:00 KST today (the KMA walk-out).
    case midnight
}

struct DemoLogRow {
    var when: DemoWhen
    /// Minutes between the event and its entry in the log.
    var enteredAfter: Int
    var by: String
    var category: String
    var severity: Severity
    var text: String
    var hospitalId: String? = nil
    var agencyId: String? = nil
}

struct DemoActionRow {
    var text: String
    var owner: String
    var createdAgo: Int
    /// Minutes after now (negative: before now).
    var dueIn: Int
    var by: String
    /// A later status change: (new status, minutes ago, officer).
    var then: (ActionStatus, Int, String)? = nil
}

extension DemoSituation {
    static func addStrikes(to builder: inout DemoBuilder) {
        let clock = builder.clock
        let day = 86_400
        let midnight = clock.kstMidnight
        let strikes = [
            StrikeAction(
                id: "strike-kira", organisation: "대한전공의협의회 Korea Intern Resident Association (KIRA)",
                form: .collectiveResignation, start: clock.date(midnight - 10 * day + 6 * 3600),
                scope: "전국 수련병원 전공의 사직서 제출 및 근무 이탈 / residents at training hospitals nationwide",
                participants: Reported(9_215, at: clock.date(clock.setupTime - 4 * 3600), by: "lee.nemc"),
                notes: "Return-to-work orders issued under 의료법 §59; most residents not complying."
            ),
            StrikeAction(
                id: "strike-kma", organisation: "대한의사협회 Korean Medical Association (KMA)",
                form: .walkout, start: clock.date(midnight), end: clock.date(midnight + day),
                scope: "개원의 전면 휴진 1일 / one-day nationwide closure of clinics",
                participants: Reported(11_400, at: clock.date(clock.setupTime - 2 * 3600), by: "lee.nemc"),
                notes: "Clinics must post closure notices; 휴진 신고율 monitored by local health centres."
            ),
            StrikeAction(
                id: "strike-kma-rally", organisation: "대한의사협회 Korean Medical Association (KMA)",
                form: .rally, start: clock.date(midnight + 3 * day + 14 * 3600),
                end: clock.date(midnight + 3 * day + 18 * 3600),
                scope: "여의도 전국의사 총궐기대회 / national doctors' rally at Yeouido, Seoul",
                participants: Reported(20_000, at: clock.date(clock.setupTime - 3600), by: "han.mohw"),
                notes: "Organisers' estimate; police estimate awaited."
            ),
            StrikeAction(
                id: "strike-profs", organisation: "전국의과대학교수 비상대책위원회 Medical professors' emergency committee",
                form: .workToRule, start: clock.date(midnight - 6 * day),
                scope: "주 52시간 준법진료, 외래·비응급 수술 축소 / 52-hour week, fewer outpatient clinics",
                participants: Reported(4_100, at: clock.date(clock.setupTime - 5 * 3600), by: "lee.nemc")
            ),
        ]
        for strike in strikes {
            builder.setup(by: "demo", .addStrike(strike))
        }
        builder.add(minutesAgo: 185, by: "lee.nemc", .editStrike(id: "strike-kira", StrikePatch(participants: 9_288)))
        builder.add(minutesAgo: 95, by: "han.mohw", .editStrike(id: "strike-kma", StrikePatch(
            participants: 12_650, notes: "휴진 신고율 31% (보건소 집계) / 31% of clinics reported closed")))
    }

    static func addLog(to builder: inout DemoBuilder) {
        let clock = builder.clock
        for (index, row) in logRows().enumerated() {
            let event: Int
            switch row.when {
            case .ago(let minutes): event = clock.ago(minutes: minutes)
            case .periodStart: event = clock.periodStart
            case .previousPeriodStart: event = clock.periodStart - 12 * 3600
            case .midnight: event = clock.kstMidnight
            }
            let id = "log-" + zeroPadded(index + 1)
            builder.add(at: event + row.enteredAfter * 60, by: row.by, .addLog(LogEntry(
                id: id, eventTime: clock.date(event), category: row.category, severity: row.severity,
                text: row.text, hospitalId: row.hospitalId, agencyId: row.agencyId
            )))
        }
    }

    static func addActions(to builder: inout DemoBuilder) {
        let clock = builder.clock
        for (index, row) in actionRows().enumerated() {
            let id = "act-" + zeroPadded(index + 1)
            builder.add(minutesAgo: row.createdAgo, by: row.by, .addAction(ActionItem(
                id: id, text: row.text, ownerAgencyId: row.owner, due: clock.date(clock.now + row.dueIn * 60)
            )))
            if let then = row.then {
                builder.add(minutesAgo: then.1, by: then.2, .editAction(id: id, ActionPatch(status: then.0)))
            }
        }
    }

    /// 7 → "007".
    static func zeroPadded(_ n: Int, width: Int = 3) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func logRows() -> [DemoLogRow] {
        [
            DemoLogRow(
                when: .previousPeriodStart, enteredAfter: 5, by: "han.mohw", category: "status", severity: .info,
                text: "교대 브리핑: 운영기간 시작, 수도권 응급의료기관 현황 점검 / shift handover, period opened",
                agencyId: "mohw"),
            DemoLogRow(
                when: .ago(1410), enteredAfter: 10, by: "lee.nemc", category: "strike", severity: .warning,
                text: "KIRA: collective resignation continues; NEMC census shows no meaningful return of residents",
                agencyId: "nemc"),
            DemoLogRow(
                when: .ago(1380), enteredAfter: 4, by: "lee.nemc", category: "coordination", severity: .info,
                text: "중앙응급의료센터 전원조정 상황실 24시간 운영 확대 / NEMC transfer desk now 24h",
                agencyId: "nemc"),
            DemoLogRow(
                when: .ago(1330), enteredAfter: 12, by: "yoon.night", category: "transport", severity: .notice,
                text: "119 구급대 병원 선정 지연 서울 평균 38분 (전주 대비 +14분)", agencyId: "nfa"),
            DemoLogRow(
                when: .ago(1290), enteredAfter: 6, by: "park.seoul", category: "status", severity: .warning,
                text: "고려대 안암병원 CT 장비 고장 보고 — 외상 환자 수용 제한", hospitalId: "A1100008"),
            DemoLogRow(
                when: .ago(1240), enteredAfter: 15, by: "han.mohw", category: "security", severity: .notice,
                text: "KNPA stepping up patrols at 11 tertiary hospitals; posts at SNUH and Severance",
                agencyId: "knpa"),
            DemoLogRow(
                when: .ago(1200), enteredAfter: 20, by: "han.mohw", category: "media", severity: .info,
                text: "대한의사협회 기자회견: 전면 휴진 강행, 개원의 휴진 안내문 게시 요청", agencyId: "mohw"),
            DemoLogRow(
                when: .midnight, enteredAfter: 3, by: "yoon.night", category: "strike", severity: .critical,
                text: "KMA nationwide one-day walk-out began at 00:00 KST (대한의사협회 전면 휴진 돌입)",
                agencyId: "mohw"),
            DemoLogRow(
                when: .ago(1150), enteredAfter: 25, by: "kim.duty", category: "coordination", severity: .info,
                text: "국방부: 국군수도병원 등 군 병원 12곳 응급실 민간인 진료 개방 유지", agencyId: "mnd"),
            DemoLogRow(
                when: .ago(1100), enteredAfter: 18, by: "kim.duty", category: "coordination", severity: .info,
                text: "MPVA: veterans hospitals extend evening clinics; 중앙보훈병원 ER takes overflow",
                hospitalId: "A1100053", agencyId: "mpva"),
            DemoLogRow(
                when: .ago(1040), enteredAfter: 7, by: "yoon.night", category: "status", severity: .critical,
                text: "순천향대 서울병원 응급실 운영 중단 — 응급의학과 전문의 전원 사직", hospitalId: "A1100004"),
            DemoLogRow(
                when: .ago(1000), enteredAfter: 9, by: "choi.gg", category: "transport", severity: .warning,
                text: "Ajou trauma centre full; south Gyeonggi trauma routed to Korea Univ Ansan and Hallym Sacred Heart",
                hospitalId: "A1300002", agencyId: "gyeonggi"),
            DemoLogRow(
                when: .ago(950), enteredAfter: 30, by: "han.mohw", category: "coordination", severity: .notice,
                text: "교육부: 40개 의대 휴학계 제출 현황 집계 요청", agencyId: "moe"),
            DemoLogRow(
                when: .ago(900), enteredAfter: 20, by: "han.mohw", category: "coordination", severity: .info,
                text: "MOEL opens a counselling line on nurses' extended duties (PA) during the action",
                agencyId: "moel"),
            DemoLogRow(
                when: .ago(860), enteredAfter: 11, by: "lee.nemc", category: "strike", severity: .notice,
                text: "업무개시명령 송달 현황 집계: 수도권 수련병원 송달률 96%", agencyId: "mohw"),
            DemoLogRow(
                when: .ago(820), enteredAfter: 35, by: "han.mohw", category: "coordination", severity: .info,
                text: "Justice: legal opinion on non-compliance with return-to-work orders expected today",
                agencyId: "moj"),
            DemoLogRow(
                when: .ago(780), enteredAfter: 14, by: "jung.incheon", category: "media", severity: .warning,
                text: "보도: 인천 '응급실 뺑뺑이' 사망 의심 사례 — 사실 확인 중 / media report of a death after refusals",
                hospitalId: "A1400002", agencyId: "incheon"),
            DemoLogRow(
                when: .periodStart, enteredAfter: 5, by: "han.mohw", category: "status", severity: .info,
                text: "Shift handover: new operational period opened; duty desk to chase overdue hospital reports",
                agencyId: "mohw"),
            DemoLogRow(
                when: .ago(700), enteredAfter: 8, by: "kim.duty", category: "security", severity: .warning,
                text: "세브란스병원 응급실 앞 보호자 항의·소란, 관할 경찰 출동 후 정리", hospitalId: "A1100007",
                agencyId: "knpa"),
            DemoLogRow(
                when: .ago(660), enteredAfter: 22, by: "han.mohw", category: "coordination", severity: .info,
                text: "MSIT: carriers to send a public text on ER use (minor cases to local clinics)", agencyId: "msit"),
            DemoLogRow(
                when: .ago(620), enteredAfter: 16, by: "kim.duty", category: "transport", severity: .info,
                text: "국토교통부: 수도권 닥터헬기 2대 대기, 야간 운항 협조", agencyId: "molit"),
            DemoLogRow(
                when: .ago(580), enteredAfter: 6, by: "kim.duty", category: "status", severity: .warning,
                text: "Ewha Mokdong NICU full — neonatal transfers via NEMC desk", hospitalId: "A1100005",
                agencyId: "nemc"),
            DemoLogRow(
                when: .ago(540), enteredAfter: 40, by: "han.mohw", category: "coordination", severity: .notice,
                text: "행정안전부 주관 17개 시도 비상진료체계 점검 회의", agencyId: "mois"),
            DemoLogRow(
                when: .ago(480), enteredAfter: 5, by: "jung.incheon", category: "status", severity: .warning,
                text: "Inha ER diverting: no cardiothoracic surgeon; 119 asked to take chest trauma to Gil",
                hospitalId: "A1400002", agencyId: "nfa"),
            DemoLogRow(
                when: .ago(420), enteredAfter: 18, by: "lee.nemc", category: "strike", severity: .info,
                text: "의대 교수 비대위: 주 52시간 준법진료 유지, 외래 축소 계속"),
            DemoLogRow(
                when: .ago(360), enteredAfter: 4, by: "choi.gg", category: "status", severity: .critical,
                text: "한림대동탄성심병원 응급실 운영 중단 통보 / Dongtan Sacred Heart ER closed", hospitalId: "A1300012",
                agencyId: "gyeonggi"),
            DemoLogRow(
                when: .ago(300), enteredAfter: 12, by: "park.seoul", category: "coordination", severity: .info,
                text: "Seoul: public hospitals (Seoul Medical Center, Boramae) extend evening clinics",
                hospitalId: "A1100035", agencyId: "seoul"),
            DemoLogRow(
                when: .ago(240), enteredAfter: 10, by: "han.mohw", category: "security", severity: .notice,
                text: "경찰청: 여의도 집회 대비 교통 통제 및 경비 계획 수립 중", agencyId: "knpa"),
            DemoLogRow(
                when: .ago(180), enteredAfter: 9, by: "lee.nemc", category: "strike", severity: .info,
                text: "Asan Medical Center: 21 residents back at work; compliance figures updated", hospitalId: "A1100009"),
            DemoLogRow(
                when: .ago(130), enteredAfter: 7, by: "yoon.night", category: "transport", severity: .notice,
                text: "소방청: 수도권 119 구급상황관리센터 병원 선정 지원 인력 12명 증원", agencyId: "nfa"),
            DemoLogRow(
                when: .ago(90), enteredAfter: 3, by: "park.seoul", category: "status", severity: .critical,
                text: "Anam Hospital now diverting (CT down, ER specialists short) — 119 asked to avoid",
                hospitalId: "A1100008", agencyId: "nfa"),
            DemoLogRow(
                when: .ago(60), enteredAfter: 15, by: "choi.gg", category: "coordination", severity: .info,
                text: "경기도 권역외상센터 전원 조정 회의 결과 공유 (아주대→안산·안양)", agencyId: "gyeonggi"),
            DemoLogRow(
                when: .ago(35), enteredAfter: 10, by: "han.mohw", category: "media", severity: .notice,
                text: "Draft for the ministry's regular press briefing ready for review", agencyId: "mohw"),
            DemoLogRow(
                when: .ago(20), enteredAfter: 5, by: "kim.duty", category: "status", severity: .warning,
                text: "보고 지연 병원 독촉: 한양대병원, 강동경희대병원, 순천향대부천병원 외 / chasing overdue reports"),
        ]
    }

    static func actionRows() -> [DemoActionRow] {
        [
            DemoActionRow(
                text: "응급의료 수가 가산 지침 공문 시행 / issue guidance on emergency care surcharges", owner: "mohw",
                createdAgo: 1180, dueIn: -360, by: "han.mohw", then: (.done, 400, "han.mohw")),
            DemoActionRow(
                text: "군 병원 응급실 민간 개방 연장 여부 회신", owner: "mnd",
                createdAgo: 1140, dueIn: 360, by: "kim.duty"),
            DemoActionRow(
                text: "Daily count of 119 hospital-selection delays by region", owner: "nfa",
                createdAgo: 1320, dueIn: -120, by: "yoon.night"),
            DemoActionRow(
                text: "Share traffic and security plan for the Yeouido rally", owner: "knpa",
                createdAgo: 235, dueIn: 1200, by: "han.mohw"),
            DemoActionRow(
                text: "의대생 휴학 현황 집계 제출", owner: "moe",
                createdAgo: 945, dueIn: -180, by: "han.mohw"),
            DemoActionRow(
                text: "공공병원 야간 진료 연장 인력 지원 예산 확인", owner: "seoul",
                createdAgo: 295, dueIn: -60, by: "park.seoul", then: (.done, 15, "park.seoul")),
            DemoActionRow(
                text: "Agree south Gyeonggi trauma transfer protocol", owner: "gyeonggi",
                createdAgo: 990, dueIn: 180, by: "choi.gg"),
            DemoActionRow(
                text: "닥터헬기 추가 배치 요청 검토", owner: "molit",
                createdAgo: 610, dueIn: 240, by: "kim.duty", then: (.cancelled, 240, "han.mohw")),
        ]
    }
}
