import Foundation

// DEMO DATA: the incidents, levels and police posts below are made up.

extension DemoSituation {
    /// Hospital security: police posts for the large hospitals, one hospital at level high, and a
    /// handful of incidents in every state, one of them with the police late.
    static func addSecurity(to builder: inout DemoBuilder) {
        let posts: [(hospital: String, contact: String?, text: String)] = [
            ("A1100017", "knpa-1", "혜화지구대 02-0000-2101"),
            ("A1100008", "knpa-1", "안암지구대 02-0000-2102"),
            ("A1100007", nil, "신촌지구대 02-0000-2103"),
            ("A1100009", nil, "풍납지구대 02-0000-2104"),
            ("A1100010", nil, "일원지구대 02-0000-2105"),
            ("A1100012", nil, "반포지구대 02-0000-2106"),
        ]
        for post in posts {
            builder.setup(by: "demo", .security(.police(hospitalId: post.hospital, contactId: post.contact, text: post.text)))
        }
        builder.add(minutesAgo: 240, by: "han.mohw", .security(.level(hospitalId: "A1100017", .elevated)))
        builder.add(minutesAgo: 175, by: "han.mohw", .security(.level(hospitalId: "A1100008", .high)))

        let clock = builder.clock
        func stamp(_ minutesAgo: Int) -> Stamp { Stamp(at: clock.dateAgo(minutes: minutesAgo), by: "") }
        func open(_ id: String, _ hospital: String, _ type: String, _ severity: Severity, injured: Int = 0, occurred: Int, reported: Int,
                  by officer: String, _ text: String) {
            builder.add(minutesAgo: reported, by: officer, .security(.open(SecurityIncident(
                id: id, hospitalId: hospital, type: type, severity: severity, text: text, staffInjured: injured,
                occurred: stamp(occurred), reported: stamp(reported)))))
        }
        func step(_ id: String, _ step: SecurityStep, minutesAgo: Int, enteredAgo: Int? = nil, by officer: String,
                  police: PoliceNotice? = nil, outcome: SecurityOutcome? = nil, note: String = "") {
            builder.add(minutesAgo: enteredAgo ?? minutesAgo, by: officer, .security(.step(id: id, SecurityStepReport(
                step: step, at: clock.dateAgo(minutes: minutesAgo), police: police, outcome: outcome, note: note))))
        }

        // Closed yesterday evening: mediated by the hospital, police never called.
        open("S1", "A1100012", "illegal-practice", .notice, occurred: 1000, reported: 990, by: "yoon.night",
             "무면허 대진의 진료 의혹 unlicensed locum suspected in the ER")
        step("S1", .resolved, minutesAgo: 900, by: "yoon.night", outcome: .warning, note: "보건소 현장점검 health centre inspected")
        // Closed this morning: an arrest, police on scene in 18 minutes.
        open("S2", "A1100007", "disorder", .warning, occurred: 360, reported: 352, by: "kim.duty",
             "응급실 대기 항의 난동 brawl over ER waiting times")
        step("S2", .notified, minutesAgo: 348, enteredAgo: 346, by: "kim.duty", police: PoliceNotice(text: "112", caller: "병원 보안팀"))
        step("S2", .onScene, minutesAgo: 330, by: "kim.duty")
        step("S2", .resolved, minutesAgo: 300, by: "kim.duty", outcome: .arrest, note: "1명 현행범 체포 one arrested")
        // Open, police on scene: a families' sit-in at the Anam ER (the hospital is at level high).
        open("S3", "A1100008", "sit-in", .warning, occurred: 200, reported: 190, by: "han.mohw",
             "보호자 30여 명 응급실 앞 농성 families' sit-in at the ER entrance")
        step("S3", .notified, minutesAgo: 185, by: "han.mohw", police: PoliceNotice(contactId: "knpa-1", caller: "han.mohw"))
        step("S3", .onScene, minutesAgo: 171, by: "han.mohw")
        // Open, police late: notified over half an hour ago and not yet there.
        open("S4", "A1100017", "violence", .critical, injured: 1, occurred: 38, reported: 33, by: "lee.nemc",
             "주취 환자가 간호사 폭행 drunk patient assaulted a nurse")
        step("S4", .notified, minutesAgo: 31, by: "lee.nemc", police: PoliceNotice(text: "112", caller: "응급실 간호사 ER nurse"))
        // Open, just reported: police not yet called.
        open("S5", "A1100009", "threat", .warning, occurred: 12, reported: 8, by: "park.seoul",
             "응급실 의료진 전화 협박 threats by phone against ER staff")
    }
}
