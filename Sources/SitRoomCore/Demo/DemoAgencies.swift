import Foundation

// DEMO DATA: agencies, their contacts and calls to them.
// The agencies are real; every person, phone number and e-mail address is FICTIONAL
// (numbers use the unassigned 0000 exchange, e-mail addresses the reserved .example domain).

struct DemoContactRow {
    var person: String
    var role: String
    var shift: String
    var escalation: Int
    /// Days before now the entry was last checked, if ever.
    var verifiedDaysAgo: Int?
}

struct DemoAgencyRow {
    var id: String
    var name: String
    var kind: AgencyKind
    /// Area code of the agency's fictional numbers.
    var area: String
    var notes: String
    var contacts: [DemoContactRow]
}

struct DemoCallRow {
    var id: String
    var agencyId: String
    /// Escalation-ordered contact number within the agency (1-based), or nil for the agency's main line.
    var contact: Int?
    var outcome: CallOutcome
    var note: String
    var minutesAgo: Int
    var by: String
}

extension DemoSituation {
    static func addAgencies(to builder: inout DemoBuilder) {
        let rows = agencyRows()
        for (a, row) in rows.enumerated() {
            builder.setup(by: "demo", .addAgency(Agency(
                id: row.id, name: row.name, kind: row.kind,
                phone: "\(row.area)-0000-\(1000 + a * 10)", notes: row.notes
            )))
        }
        let clock = builder.clock
        var serial = 0
        var verifications: [(id: String, at: Int)] = []
        for (a, row) in rows.enumerated() {
            for (c, contact) in row.contacts.enumerated() {
                serial += 1
                let id = "\(row.id)-\(c + 1)"
                // Checked around 09:00 KST that day (never later than half an hour ago).
                let verified = contact.verifiedDaysAgo.map {
                    min(clock.kstMidnight - $0 * 86_400 + 9 * 3600 + serial * 60, clock.now - 1800 - serial * 60)
                }
                // A check made before the board was set up is part of the contact; a later one is an edit.
                let verifiedAtSetup = verified.flatMap { $0 <= clock.setupTime ? $0 : nil }
                if let verified, verifiedAtSetup == nil { verifications.append((id, verified)) }
                builder.setup(by: "demo", .addContact(Contact(
                    id: id, agencyId: row.id, person: contact.person, role: contact.role,
                    phone: "\(row.area)-0000-\(1000 + a * 10 + c + 1)",
                    mobile: "010-0000-\(5000 + serial)",
                    email: "duty\(c + 1)@\(row.id).example",
                    shift: contact.shift, escalation: contact.escalation,
                    lastVerified: verifiedAtSetup.map(clock.date)
                )))
            }
        }
        for check in verifications {
            // Entered after the set-up (a check days ago is recorded when the board was set up),
            // so that the contact always exists before its edit, whatever the time of day.
            builder.add(at: max(check.at, clock.setupTime + 3600), by: "han.mohw", .editContact(
                id: check.id, ContactPatch(lastVerified: clock.date(check.at))))
        }
    }

    static func addCalls(to builder: inout DemoBuilder) {
        for call in callRows() {
            builder.add(minutesAgo: call.minutesAgo, by: call.by, .logCall(CallRecord(
                id: call.id, agencyId: call.agencyId, contactId: call.contact.map { "\(call.agencyId)-\($0)" },
                outcome: call.outcome, note: call.note
            )))
        }
    }

    static func agencyRows() -> [DemoAgencyRow] {
        typealias C = DemoContactRow
        return [
            DemoAgencyRow(
                id: "mohw", name: "보건복지부 중앙사고수습본부 MOHW Central HQ", kind: .ministry, area: "044",
                notes: "Lead ministry; 중수본 상황실 runs this board.",
                contacts: [
                    C(person: "김민준", role: "상황실장 duty chief", shift: "day 08-20", escalation: 1, verifiedDaysAgo: 1),
                    C(person: "이서연", role: "상황실장 duty chief", shift: "night 20-08", escalation: 1, verifiedDaysAgo: 1),
                    C(person: "박지훈", role: "응급의료과장 head of emergency care", shift: "24h", escalation: 2,
                      verifiedDaysAgo: 3),
                ]),
            DemoAgencyRow(
                id: "mois", name: "행정안전부 Interior & Safety", kind: .ministry, area: "044",
                notes: "중앙재난안전대책본부 liaison; local government coordination.",
                contacts: [
                    C(person: "최수아", role: "연락관 liaison", shift: "day 08-20", escalation: 1, verifiedDaysAgo: 2),
                    C(person: "정도윤", role: "재난상황실 당직 duty officer", shift: "24h", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "moe", name: "교육부 Education", kind: .ministry, area: "044",
                notes: "Medical schools, student leaves of absence.",
                contacts: [
                    C(person: "강하은", role: "의대정원정책팀 연락관 liaison", shift: "day 09-18", escalation: 1,
                      verifiedDaysAgo: 4),
                    C(person: "조현우", role: "비상당직 duty officer", shift: "night 18-09", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "moel", name: "고용노동부 Employment & Labor", kind: .ministry, area: "044",
                notes: "Labour law questions on resignations and work orders.",
                contacts: [
                    C(person: "윤지민", role: "연락관 liaison", shift: "day 09-18", escalation: 1, verifiedDaysAgo: 6),
                    C(person: "장서준", role: "노사협력과 당직 duty officer", shift: "24h", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "mpva", name: "국가보훈부 Patriots & Veterans Affairs", kind: .ministry, area: "044",
                notes: "Veterans hospitals (중앙보훈병원 etc.) extend hours and ER capacity.",
                contacts: [
                    C(person: "임채원", role: "보훈의료과 연락관 liaison", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 2),
                    C(person: "한예준", role: "당직 duty officer", shift: "night 20-08", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "mnd", name: "국방부 National Defense", kind: .military, area: "02",
                notes: "Military hospitals' ERs open to civilians; military surgeons on loan.",
                contacts: [
                    C(person: "오지아", role: "보건정책과 연락관 liaison", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 1),
                    C(person: "서건우", role: "국군의무사령부 상황장교 duty officer", shift: "24h", escalation: 2,
                      verifiedDaysAgo: 5),
                    C(person: "신유나", role: "보건복지관 director", shift: "day 08-18", escalation: 3),
                ]),
            DemoAgencyRow(
                id: "molit", name: "국토교통부 Land, Infrastructure & Transport", kind: .ministry, area: "044",
                notes: "Air ambulance (닥터헬기) airspace and transport.",
                contacts: [
                    C(person: "권태민", role: "항공안전 연락관 liaison", shift: "day 08-20", escalation: 1),
                    C(person: "황보라", role: "항공교통본부 당직 duty officer", shift: "24h", escalation: 2,
                      verifiedDaysAgo: 9),
                ]),
            DemoAgencyRow(
                id: "msit", name: "과학기술정보통신부 Science & ICT", kind: .ministry, area: "044",
                notes: "Carrier text messages to the public; network resilience.",
                contacts: [
                    C(person: "안재현", role: "통신재난관리 연락관 liaison", shift: "day 09-18", escalation: 1,
                      verifiedDaysAgo: 7),
                    C(person: "송다은", role: "당직 duty officer", shift: "24h", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "moj", name: "법무부 Justice", kind: .ministry, area: "02",
                notes: "Legal advice on return-to-work orders.",
                contacts: [
                    C(person: "류성민", role: "법무심의관실 연락관 liaison", shift: "day 09-18", escalation: 1,
                      verifiedDaysAgo: 3),
                    C(person: "전하린", role: "당직 duty officer", shift: "night 18-09", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "nfa", name: "소방청 National Fire Agency", kind: .fire, area: "044",
                notes: "119 ambulances; 119 구급상황관리센터 choose receiving hospitals.",
                contacts: [
                    C(person: "홍승우", role: "119종합상황실장 duty chief", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 0),
                    C(person: "고은비", role: "119종합상황실장 duty chief", shift: "night 20-08", escalation: 1,
                      verifiedDaysAgo: 0),
                    C(person: "문준서", role: "구급정책과장 head of EMS policy", shift: "day 08-18", escalation: 3),
                ]),
            DemoAgencyRow(
                id: "knpa", name: "경찰청 National Police Agency", kind: .police, area: "02",
                notes: "Police posts at hospitals; rallies and traffic.",
                contacts: [
                    C(person: "양소율", role: "치안상황실 연락관 liaison", shift: "24h", escalation: 1, verifiedDaysAgo: 1),
                    C(person: "손민재", role: "경비과 당직 duty officer", shift: "day 08-20", escalation: 2),
                    C(person: "배수빈", role: "경비국장실 director's office", shift: "day 09-18", escalation: 3),
                ]),
            DemoAgencyRow(
                id: "seoul", name: "서울특별시 Seoul Metropolitan Government", kind: .localGovernment, area: "02",
                notes: "Seoul public hospitals (서울의료원, 보라매병원, 동부병원); 25 borough health centres.",
                contacts: [
                    C(person: "백도현", role: "시민건강국 상황실장 duty chief", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 2),
                    C(person: "허지우", role: "재난안전상황실 당직 duty officer", shift: "night 20-08", escalation: 1),
                    C(person: "유시온", role: "보건의료정책과장 head of health policy", shift: "day 09-18", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "gyeonggi", name: "경기도 Gyeonggi Province", kind: .localGovernment, area: "031",
                notes: "Trauma transfer coordination for south and north Gyeonggi.",
                contacts: [
                    C(person: "노은서", role: "보건건강국 상황실장 duty chief", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 1),
                    C(person: "심재윤", role: "재난안전상황실 당직 duty officer", shift: "night 20-08", escalation: 1),
                    C(person: "곽나연", role: "응급의료팀장 emergency care lead", shift: "day 09-18", escalation: 2,
                      verifiedDaysAgo: 12),
                ]),
            DemoAgencyRow(
                id: "incheon", name: "인천광역시 Incheon Metropolitan City", kind: .localGovernment, area: "032",
                notes: "Island and airport patients; 인천광역시의료원.",
                contacts: [
                    C(person: "성태호", role: "건강체육국 연락관 liaison", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 2),
                    C(person: "차예린", role: "재난상황실 당직 duty officer", shift: "24h", escalation: 2),
                ]),
            DemoAgencyRow(
                id: "nemc", name: "국립중앙의료원 중앙응급의료센터 NEMC", kind: .health, area: "02",
                notes: "National ER status (NEDIS), transfer coordination desk, trainee census.",
                contacts: [
                    C(person: "주원석", role: "전원조정 상황실장 transfer desk chief", shift: "day 08-20", escalation: 1,
                      verifiedDaysAgo: 0),
                    C(person: "우하늘", role: "전원조정 상황실장 transfer desk chief", shift: "night 20-08",
                      escalation: 1, verifiedDaysAgo: 0),
                    C(person: "민서윤", role: "센터장실 director's office", shift: "day 09-18", escalation: 3),
                ]),
        ]
    }

    static func callRows() -> [DemoCallRow] {
        [
            DemoCallRow(id: "call-001", agencyId: "nemc", contact: 2, outcome: .reached,
                        note: "NICU transfer list for Ewha Mokdong confirmed", minutesAgo: 610, by: "yoon.night"),
            DemoCallRow(id: "call-002", agencyId: "nfa", contact: 2, outcome: .noAnswer,
                        note: "119 상황실 통화중", minutesAgo: 480, by: "yoon.night"),
            DemoCallRow(id: "call-003", agencyId: "nfa", contact: 3, outcome: .reached,
                        note: "병원 선정 지연 집계 양식 합의 / agreed the delay report format", minutesAgo: 474,
                        by: "yoon.night"),
            DemoCallRow(id: "call-004", agencyId: "knpa", contact: 1, outcome: .reached,
                        note: "Yeouido rally: police estimate and traffic plan coming by noon", minutesAgo: 250,
                        by: "han.mohw"),
            DemoCallRow(id: "call-005", agencyId: "moe", contact: 1, outcome: .leftMessage,
                        note: "의대생 휴학 집계 제출 독촉 메시지 남김", minutesAgo: 200, by: "han.mohw"),
            DemoCallRow(id: "call-006", agencyId: "mnd", contact: 2, outcome: .noAnswer,
                        note: "no answer at 의무사령부 duty desk", minutesAgo: 150, by: "kim.duty"),
            DemoCallRow(id: "call-007", agencyId: "mnd", contact: 1, outcome: .reached,
                        note: "군 병원 응급실 민간 개방 연장 검토 중, 오늘 중 회신", minutesAgo: 140, by: "kim.duty"),
            DemoCallRow(id: "call-008", agencyId: "gyeonggi", contact: 1, outcome: .reached,
                        note: "Ajou diverting: Ansan and Anyang take south Gyeonggi trauma", minutesAgo: 70,
                        by: "choi.gg"),
            DemoCallRow(id: "call-009", agencyId: "incheon", contact: 1, outcome: .reached,
                        note: "인하대병원 우회 관련 보도 사실관계 확인 요청", minutesAgo: 45, by: "jung.incheon"),
            DemoCallRow(id: "call-010", agencyId: "moj", contact: nil, outcome: .leftMessage,
                        note: "left message on the main line re: legal opinion", minutesAgo: 30, by: "han.mohw"),
            DemoCallRow(id: "call-011", agencyId: "seoul", contact: 1, outcome: .reached,
                        note: "서울의료원 야간 진료 연장 인력 지원 확정", minutesAgo: 15, by: "park.seoul"),
        ]
    }
}
