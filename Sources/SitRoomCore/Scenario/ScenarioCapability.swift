import Foundation

// GENERATED DATA: made-up capability for the large scenario (issue 15), so that the capability
// matrix and `where` are measured on a board that has it.

extension ScenarioGenerator {
    /// Likelihood that an ER of a class can treat a condition: the regional centres nearly all,
    /// registered ERs few.
    static func capabilityShare(_ cls: HospitalClass) -> Double {
        switch cls {
        case .regionalCentre: 0.9
        case .localCentre: 0.7
        case .localInstitution: 0.35
        case .registeredER: 0.1
        case .other: 0.3
        }
    }

    static let restrictionTexts: [(category: String, text: String)] = [
        ("paediatric", "소아 야간 진료 불가 22:00–08:00"),
        ("obstetric", "분만 불가 — 산부인과 전문의 부재"),
        ("general", "응급실 전문의 1인 근무, 중증 외 수용 제한"),
        ("surgery", "흉부외과 당직 없음 (토·일)"),
    ]

    /// For the set-up, after the hospitals' first reports: one capability report per hospital (every
    /// condition of E-Gen's table, the equipment, the hours, a day's visits), a restriction notice
    /// at about one hospital in thirty, and the baselines of normal time (a tenth more ERs capable
    /// of each condition, a fifth more ER doctors).
    func capabilitySetup() -> [(String, ChangeAction)] {
        var random = SeededRandom(seed: seed, stream: 11)
        let table = ConditionTable.egenDefault
        var out: [(String, ChangeAction)] = []
        var capable = Dictionary(uniqueKeysWithValues: table.codes.map { ($0, 0) })
        for (index, h) in hospitals.enumerated() {
            let share = Self.capabilityShare(h.hospital.hospitalClass)
            var conditions: [String: ConditionStatus] = [:]
            for c in table.conditions {
                let availability: Availability = random.chance(0.05) ? .unknown : random.chance(share) ? .available : .unavailable
                conditions[c.code] = ConditionStatus(availability)
                let open = baseline[index].state == .open || baseline[index].state == .limited
                if open, availability == .available { capable[c.code, default: 0] += 1 }
            }
            var equipment: [String: Int] = [:]
            for item in Equipment.egen {
                equipment[item.code] = item.isCount ? random.below(4) : (random.chance(share + 0.1) ? 1 : 0)
            }
            let total = h.er * random.int(3...8)
            let severe = Int(Double(total) * (0.1 + 0.2 * random.unit()))
            let report = CapabilityReport(
                conditions: conditions, equipment: equipment,
                hours: random.chance(0.9) ? .allDay : .restricted("08:00–22:00"),
                visits: ERVisits(total: total, severe: severe, mild: total - severe))
            out.append((officer(for: h, &random), .reportCapability(id: h.hospital.id, report)))
            if random.chance(1.0 / 30) {
                let (category, text) = random.pick(Self.restrictionTexts)
                out.append((officer(for: h, &random), .addRestriction(Restriction(
                    id: "rst-" + h.hospital.id, hospitalId: h.hospital.id, text: text, category: category,
                    from: date(timeline.start)))))
            }
        }
        var national = Dictionary(uniqueKeysWithValues: capable.map { (BaselineFigure.capable($0.key), Int(Double($0.value) * 1.1)) })
        let doctors = baseline.reduce(0) { $0 + $1.erDoctors }
        national[BaselineFigure.erDoctorsOnDuty] = doctors + doctors / 5
        out.append((Self.setupOfficer, .setBaselines(BaselineValues(
            moment: date(timeline.start - 14 * 86_400), national: national))))
        return out
    }
}
