import Foundation

// GENERATED DATA: the words of a generated scenario. The agencies are real institutions; every
// person, phone number, figure, event and log entry is made up.

struct ScenarioAgencyRow: Sendable {
    var id: String
    var name: String
    /// The Korean name alone, for log texts.
    var short: String
    var kind: AgencyKind
    var area: String
    var notes: String
    /// How much of the HQ's contact list and calls this agency takes.
    var weight: Double
}

enum ScenarioText {
    static let agencies: [ScenarioAgencyRow] = [
        ScenarioAgencyRow(id: "mohw", name: "보건복지부 중앙사고수습본부 MOHW Central HQ", short: "중수본", kind: .ministry,
                          area: "044", notes: "Lead ministry; runs this board.", weight: 3),
        ScenarioAgencyRow(id: "mois", name: "행정안전부 Interior & Safety", short: "행안부", kind: .ministry, area: "044",
                          notes: "중앙재난안전대책본부 liaison; local government coordination.", weight: 1),
        ScenarioAgencyRow(id: "moe", name: "교육부 Education", short: "교육부", kind: .ministry, area: "044",
                          notes: "Medical schools, student leaves of absence.", weight: 0.6),
        ScenarioAgencyRow(id: "moel", name: "고용노동부 Employment & Labor", short: "고용부", kind: .ministry, area: "044",
                          notes: "Labour law questions on resignations and work orders.", weight: 0.5),
        ScenarioAgencyRow(id: "mpva", name: "국가보훈부 Patriots & Veterans Affairs", short: "보훈부", kind: .ministry,
                          area: "044", notes: "Veterans hospitals extend hours and ER capacity.", weight: 0.5),
        ScenarioAgencyRow(id: "mnd", name: "국방부 National Defense", short: "국방부", kind: .military, area: "02",
                          notes: "Military hospitals' ERs open to civilians; military surgeons on loan.", weight: 1),
        ScenarioAgencyRow(id: "molit", name: "국토교통부 Land, Infrastructure & Transport", short: "국토부", kind: .ministry,
                          area: "044", notes: "Air ambulance (닥터헬기) airspace and transport.", weight: 0.5),
        ScenarioAgencyRow(id: "msit", name: "과학기술정보통신부 Science & ICT", short: "과기부", kind: .ministry, area: "044",
                          notes: "Carrier text messages to the public.", weight: 0.4),
        ScenarioAgencyRow(id: "moj", name: "법무부 Justice", short: "법무부", kind: .ministry, area: "02",
                          notes: "Legal advice on return-to-work orders.", weight: 0.5),
        ScenarioAgencyRow(id: "nfa", name: "소방청 National Fire Agency", short: "소방청", kind: .fire, area: "044",
                          notes: "119 ambulances; 119 구급상황관리센터 choose receiving hospitals.", weight: 2.5),
        ScenarioAgencyRow(id: "knpa", name: "경찰청 National Police Agency", short: "경찰청", kind: .police, area: "02",
                          notes: "Police posts at hospitals; rallies and traffic.", weight: 2),
        ScenarioAgencyRow(id: "nemc", name: "국립중앙의료원 중앙응급의료센터 NEMC", short: "NEMC", kind: .health, area: "02",
                          notes: "National ER status, transfer coordination desk, trainee census.", weight: 3),
        ScenarioAgencyRow(id: "kdca", name: "질병관리청 KDCA", short: "질병청", kind: .health, area: "043",
                          notes: "Infectious disease cases among ER patients.", weight: 0.8),
        ScenarioAgencyRow(id: "kha", name: "대한병원협회 Korean Hospital Association", short: "병협", kind: .health, area: "02",
                          notes: "Hospitals' staffing and finances during the action.", weight: 0.8),
        ScenarioAgencyRow(id: "kma", name: "대한의사협회 Korean Medical Association", short: "의협", kind: .other, area: "02",
                          notes: "The doctors' association: talks and rallies.", weight: 0.7),
    ]

    /// Reasons a hospital gives for an ER that is not fully open, by state.
    static let reasons: [ERState: [String]] = [
        .limited: [
            "전공의 이탈로 응급의학과 의료진 부족 — 중증 환자 위주 수용",
            "소아 응급 진료 불가 (소아청소년과 전문의 부재)",
            "야간 응급의학과 전문의 1인 근무",
            "ICU full — ventilated patients via NEMC transfer desk",
            "응급실 병상 포화, 경증 환자 인근 병원 안내",
            "no trauma surgery cover overnight",
            "산부인과 응급 수술 불가",
            "CT 장비 점검 중, 외상 환자 수용 제한",
        ],
        .diverting: [
            "CT 장비 고장 — 119 이송 자제 요청",
            "응급실 과밀: 구급차 우회 요청 (ambulance diversion)",
            "ER full; ambulances to partner hospitals",
            "마취과 인력 부족으로 응급 수술 불가 — 이송 자제",
        ],
        .closed: [
            "응급의학과 전문의 전원 사직 — 응급실 운영 중단",
            "ER closed overnight: no emergency physician on duty",
            "전력 설비 점검으로 일시 폐쇄",
            "의료진 부족으로 야간 응급실 휴진",
        ],
    ]

    /// What a log entry mentions, and so which ids it carries.
    enum Mention { case none, hospital, agency, region }

    struct LogTemplate {
        var category: String
        var mention: Mention
        /// `{H}` the hospital, `{A}` the agency, `{R}` the region, `{N}` a small number, `{M}` minutes, `{P}` a percentage.
        var text: String
    }

    /// Templates by severity: info, notice, warning, critical.
    static let logTemplates: [Severity: [LogTemplate]] = [
        .info: [
            LogTemplate(category: "hospital", mention: .hospital, text: "{H} 응급실 현황 보고 접수"),
            LogTemplate(category: "hospital", mention: .hospital, text: "{H}: status report received by phone"),
            LogTemplate(category: "staffing", mention: .hospital, text: "{H} 전공의 {N}명 복귀 확인"),
            LogTemplate(category: "agency", mention: .agency, text: "{A} 연락관과 통화: 일일 상황 공유"),
            LogTemplate(category: "general", mention: .none, text: "Daily situation report sent to the minister's office"),
            LogTemplate(category: "transfer", mention: .hospital, text: "NEMC 전원조정: {H} 환자 {N}명 인근 권역센터로 전원"),
            LogTemplate(category: "general", mention: .region, text: "{R} 시도 상황실 정기 보고 수신"),
            LogTemplate(category: "supply", mention: .none, text: "Blood supply normal; 혈액원 재고 {N}일분"),
            LogTemplate(category: "orders", mention: .hospital, text: "{H} 업무개시명령 {N}건 송달 완료"),
            LogTemplate(category: "agency", mention: .agency, text: "{A}: liaison confirmed for the night shift"),
        ],
        .notice: [
            LogTemplate(category: "staffing", mention: .hospital, text: "{H} 교수진 준법진료 — 외래 {P}% 축소"),
            LogTemplate(category: "media", mention: .none, text: "Press enquiry about ER waiting times; referred to the spokesperson"),
            LogTemplate(category: "ems", mention: .region, text: "119 구급대 병원 선정 지연 {N}건 ({R})"),
            LogTemplate(category: "hospital", mention: .hospital, text: "{H} 야간 소아 응급 진료 중단 공지"),
            LogTemplate(category: "security", mention: .hospital, text: "Police post set up at {H}; no incidents"),
            LogTemplate(category: "public", mention: .region, text: "재난문자 발송: {R} 지역 응급실 이용 안내"),
            LogTemplate(category: "agency", mention: .agency, text: "{A} 요청: 군 병원 응급실 민간 개방 연장 검토"),
        ],
        .warning: [
            LogTemplate(category: "ems", mention: .hospital, text: "구급차 {M}분 대기 후 {H}에서 우회 (ambulance diverted)"),
            LogTemplate(category: "hospital", mention: .hospital, text: "{H} 응급실 병상 포화, 구급차 수용 곤란 통보"),
            LogTemplate(category: "staffing", mention: .hospital, text: "{H} 중환자실 간호 인력 추가 배치 요청 (야간 {N}명)"),
            LogTemplate(category: "security", mention: .hospital, text: "Crowd at the {H} ER entrance; police requested"),
            LogTemplate(category: "hospital", mention: .hospital, text: "{H}: CT down, trauma patients to partner hospitals"),
        ],
        .critical: [
            LogTemplate(category: "ems", mention: .hospital, text: "심정지 환자 이송 지연 사례 접수 — {H}, 소방청 확인 중"),
            LogTemplate(category: "hospital", mention: .hospital, text: "{H} 응급실 운영 중단 — 인근 병원 수용 요청"),
            LogTemplate(category: "ems", mention: .region, text: "Patient died after a {M}-minute search for an ER in {R}; 경위 조사 착수"),
        ],
    ]

    /// Severities of log entries: mostly info and notice.
    static let severityWeights: [Double] = [55, 30, 12, 3]

    static let callNotes: [String] = [
        "일일 상황 공유", "confirmed tonight's transfer list", "병원 선정 지연 집계 요청",
        "police presence at hospitals: no change", "군 병원 응급실 민간 개방 연장 확인", "left word about tomorrow's briefing",
        "통화중", "asked for the updated trainee census", "업무개시명령 송달 현황 확인", "재난문자 문안 협의",
        "agreed the format of the delay report", "", "", "",
    ]
    static let callOutcomeWeights: [Double] = [65, 20, 15]

    /// Action item texts, with placeholders as in log templates.
    static let actionTexts: [String] = [
        "{R} 권역 응급실 야간 당직 현황 취합", "Collect night ER cover for {R}", "Post officers at the {H} ER",
        "{H} 전원 환자 수용 병원 확보", "군 병원 응급실 민간 개방 연장 협의", "일일 브리핑 자료 작성",
        "업무개시명령 미이행자 명단 정리", "119 병원 선정 지연 사례 분석 보고", "Press Q&A on ER waiting times",
        "공공병원 진료시간 연장 인력 지원 요청", "Verify the contact list of {A}", "{R} 공공의료기관 비상진료 계획 점검",
    ]

    /// Fills a template's placeholders (`{H}` and so on; any other text is kept as it is).
    static func fill(
        _ template: String, hospital: String, agency: String, region: String, random: inout SeededRandom
    ) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let key = rest[rest.index(after: open)...].prefix(2)
            switch key {
            case "H}": out += hospital
            case "A}": out += agency
            case "R}": out += region
            case "N}": out += String(random.int(1...12))
            case "M}": out += String(random.int(15...95))
            case "P}": out += String(random.int(2...6) * 5)
            default:
                out += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[rest.index(open, offsetBy: 3)...]
        }
        out += rest
        return out
    }
}
