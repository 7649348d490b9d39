import Foundation

// GENERATED DATA: a large, made-up situation for scale tests and benchmarks. See ScenarioNames.swift.

/// A large, realistic situation made from a seed: `sitroom init --generate`, and the benchmarks.
///
/// Pure and deterministic: the same spec, seed and `now` give the same changes, on any machine and
/// toolchain (`SeededRandom` does its own arithmetic, and nothing iterates a hashed collection).
/// Applying `setupChanges()` and then every element of `laterChanges()`, in order, to an empty
/// `Board` always succeeds.
///
/// - The set-up: an `incident.set` (marked as a demo: the data is made up), about 15 agencies,
///   `spec.hospitals` hospitals each with a first full report, `spec.contacts` contacts, a few
///   strike actions, then `spec.log` log entries with a few dozen action items and, at their times,
///   the operational periods (08:00 and 20:00 KST) and briefings (09:00 and 17:00 KST).
/// - The later changes: exactly `spec.changes`, produced one at a time: mostly ER/ICU reports, then
///   log entries, calls, trainee census reports, strike figures, action items and their status,
///   contact checks, operational periods and briefings.
///
/// Times are whole seconds over the week before `now`, never going backwards, the set-up first;
/// the later changes run up to a minute before `now`, denser by day than by night (KST).
public struct ScenarioGenerator: Sendable {
    public let spec: ScenarioSpec
    public let seed: UInt64
    /// `now` in whole seconds.
    public let now: Date

    let timeline: ScenarioTimeline
    let incidentName: String
    let agencies: [ScenarioAgencyRow]
    let agencyTable: WeightedTable
    let hospitals: [ScenarioHospital]
    /// Hospitals that have trainee doctors (their census is reported).
    let teaching: [Int]
    /// How late each hospital tends to report, as a share of its update interval: most report
    /// about when it is due, a few (one in four) lag far behind.
    let lateness: [Double]
    let baseline: [ScenarioHospitalState]
    let contacts: [Contact]
    /// Indexes into `contacts`, per agency (in `agencies` order).
    let contactsByAgency: [[Int]]
    let strikes: [StrikeAction]
    /// Officers at each region's desk (in `ScenarioNames.regions` order), and at the centre.
    let deskOfficers: [[String]]
    let centralOfficers: [String]
    let nemcOfficer: String
    static let setupOfficer = "scenario"
    /// Action items in the set-up.
    static let setupActions = 36

    /// `spec` must be within `ScenarioSpec.limits`, with at least one hospital (`ScenarioSpec(parsing:)` checks).
    public init(spec: ScenarioSpec, seed: UInt64 = 1, now: Date) {
        precondition((1...ScenarioSpec.limits.hospitals).contains(spec.hospitals), "hospitals=\(spec.hospitals)")
        precondition([spec.contacts, spec.log, spec.changes].allSatisfy { $0 >= 0 }, "\(spec)")
        self.spec = spec
        self.seed = seed
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        self.now = Date(timeIntervalSince1970: Double(nowSeconds))
        incidentName = "GENERATED – Doctors' collective action (seed \(seed))"
        agencies = ScenarioText.agencies
        agencyTable = WeightedTable(agencies.map(\.weight))

        var officerRandom = SeededRandom(seed: seed, stream: 1)
        var used: Set<String> = []
        func officer(_ suffix: String) -> String {
            let family = ScenarioNames.personName(&officerRandom).familyRoman
            var name = "\(family).\(suffix)"
            var n = 2
            while !used.insert(name).inserted {
                name = "\(family)\(n).\(suffix)"
                n += 1
            }
            return name
        }
        deskOfficers = ScenarioNames.regions.map { region in
            let suffix = region.roman.lowercased()
            return [officer(suffix), officer(suffix)]
        }
        centralOfficers = [officer("mohw"), officer("mohw"), officer("mohw"), officer("night"), officer("night")]
        nemcOfficer = officer("nemc")

        var hospitalRandom = SeededRandom(seed: seed, stream: 2)
        let built = Self.buildHospitals(spec.hospitals, &hospitalRandom)
        let list = built.hospitals
        hospitals = list
        baseline = built.baseline
        teaching = list.indices.filter { list[$0].roll > 0 }
        var latenessRandom = SeededRandom(seed: seed, stream: 7)
        lateness = list.map { _ in
            latenessRandom.chance(0.75) ? 0.85 + 0.2 * latenessRandom.unit() : 1.5 + 2.5 * latenessRandom.unit()
        }

        var contactRandom = SeededRandom(seed: seed, stream: 3)
        (contacts, contactsByAgency) = Self.buildContacts(
            spec.contacts, agencies: agencies, table: agencyTable, before: nowSeconds - ScenarioTimeline.week, &contactRandom)

        let structure = 1 + agencies.count + 2 * spec.hospitals + spec.contacts + 4
        timeline = ScenarioTimeline(
            now: nowSeconds, structureChanges: structure, logEntries: spec.log, changes: spec.changes)
        strikes = Self.buildStrikes(timeline)
    }

    // MARK: The set-up

    /// Every change up to and including the set-up's log entries: what `init --generate` folds
    /// into the snapshot.
    public func setupChanges() -> [Change] {
        var out: [Change] = []
        out.reserveCapacity(1 + agencies.count + 2 * hospitals.count + contacts.count + spec.log + 100)
        var random = SeededRandom(seed: seed, stream: 4)

        // 1. The structure, within the first hour.
        var structure: [(String, ChangeAction)] = []
        structure.append((Self.setupOfficer, .setIncident(Incident(
            name: incidentName, periodStart: date(ScenarioTimeline.periodStart(containing: timeline.structureEnd)),
            periodHours: 12, isDemo: true))))
        for row in agencies {
            structure.append((Self.setupOfficer, .addAgency(Agency(
                id: row.id, name: row.name, kind: row.kind, phone: "\(row.area)-0000-\(1000 + structure.count * 10)",
                notes: row.notes))))
        }
        for h in hospitals { structure.append((Self.setupOfficer, .addHospital(h.hospital))) }
        for c in contacts { structure.append((Self.setupOfficer, .addContact(c))) }
        for s in strikes { structure.append((Self.setupOfficer, .addStrike(s))) }
        for (index, h) in hospitals.enumerated() {
            // The first report of each hospital: its ER figures and, for a teaching hospital, the census.
            var report = erReport(h, baseline[index], includeAll: true, &random)
            if h.roll > 0 { census(h, baseline[index], into: &report) }
            structure.append((officer(for: h, &random), .reportHospital(id: h.hospital.id, report)))
        }
        structure += capabilitySetup()
        let span = timeline.structureEnd - timeline.start
        for (k, (officer, action)) in structure.enumerated() {
            out.append(Change(officer: officer, at: date(timeline.start + k * span / structure.count), action: action))
        }

        // 2. The log entries, with action items, operational periods and briefings at their times.
        var events = scheduledEvents(from: timeline.structureEnd, to: timeline.changesStart)
        var actionRandom = SeededRandom(seed: seed, stream: 5)
        let logSpan = max(1, timeline.changesStart - timeline.structureEnd)
        for n in 0..<Self.setupActions {
            let at = timeline.structureEnd + (n * logSpan + actionRandom.below(logSpan)) / Self.setupActions
            events.append(ScenarioEvent(at: min(at, max(timeline.structureEnd, timeline.changesStart - 1)), kind: .action))
        }
        events.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        let slots = ScenarioSlots(from: timeline.structureEnd, to: timeline.changesStart, count: spec.log)
        var cursor = 0
        var nextEvent = 0
        var actionSerial = 0
        func emit(_ event: ScenarioEvent, at t: Int) {
            if event.kind == .action {
                actionSerial += 1
                out.append(newAction(id: Self.actionId(actionSerial), at: t, &actionRandom))
            } else {
                out.append(change(for: event, at: t))
            }
        }
        for i in 0..<spec.log {
            let t = slots.time(i, jitter: random.unit(), cursor: &cursor)
            while nextEvent < events.count, events[nextEvent].at <= t {
                emit(events[nextEvent], at: events[nextEvent].at)
                nextEvent += 1
            }
            out.append(logEntry(id: Self.logId(i + 1), at: t, &random))
        }
        while nextEvent < events.count {
            emit(events[nextEvent], at: max(events[nextEvent].at, out.last.map { Int($0.at.timeIntervalSince1970) } ?? 0))
            nextEvent += 1
        }
        return out
    }

    /// The changes after the set-up, one at a time: exactly `spec.changes` of them.
    public func laterChanges() -> ScenarioChanges {
        ScenarioChanges(generator: self)
    }

    // MARK: Ids and times

    static func logId(_ n: Int) -> String { "log-" + padded(n, 7) }
    static func callId(_ n: Int) -> String { "call-" + padded(n, 7) }
    static func actionId(_ n: Int) -> String { "act-" + padded(n, 4) }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
}

// MARK: - Building the world

/// A generated hospital and what does not change about it: its beds and minimum staffing.
struct ScenarioHospital: Sendable {
    var hospital: Hospital
    var region: Int
    /// Staffed beds; 0 means the unit does not exist.
    var er: Int
    var icu: Int
    var nicu: Int
    var picu: Int
    var erMinimum: Int
    var icuMinimum: Int
    /// Trainee doctors on the roll; 0 for a hospital without trainees.
    var roll: Int
}

/// The figures a hospital last reported.
struct ScenarioHospitalState: Sendable {
    var state: ERState
    var reason: String
    var er: Int
    var icu: Int
    var nicu: Int
    var picu: Int
    var erDoctors: Int
    var icuDoctors: Int
    var absent: Int
    var resigned: Int
    var returned: Int
    var issued: Int
    var served: Int
    var complied: Int
    var policePost: Bool
}

extension ScenarioGenerator {
    /// Regional centres few, local centres more, local institutions most, registered ERs many.
    static let classWeights: [(HospitalClass, Double)] = [
        (.regionalCentre, 1.5), (.localCentre, 10), (.localInstitution, 48), (.registeredER, 37), (.other, 3.5),
    ]

    static func buildHospitals(
        _ count: Int, _ random: inout SeededRandom
    ) -> (hospitals: [ScenarioHospital], baseline: [ScenarioHospitalState]) {
        let regions = ScenarioNames.regions
        let regionWeights = regions.map(\.weight)
        let classWeights = classWeights.map(\.1)
        // Draw each hospital's region first, so that ids can run in order within each region.
        let regionOf = (0..<count).map { _ in random.weighted(regionWeights) }
        var serial = Array(repeating: 0, count: regions.count)
        var names: Set<String> = []
        var hospitals: [ScenarioHospital] = []
        var baseline: [ScenarioHospitalState] = []
        hospitals.reserveCapacity(count)
        baseline.reserveCapacity(count)
        for r in regionOf {
            let region = regions[r]
            // 1 or 2 apart: room for about 50,000 hospitals a region (ScenarioSpec.limits).
            serial[r] += 1 + random.below(2)
            let id = "G" + padded(region.code, 2) + padded(serial[r], 5)
            let cls = Self.classWeights[random.weighted(classWeights)].0
            let district = random.pick(region.districts)
            var name = ScenarioNames.hospitalName(cls: cls, region: region, district: district, random: &random)
            var tries = 0
            while names.contains(name.korean) {
                tries += 1
                if tries < 20 {
                    name = ScenarioNames.hospitalName(cls: cls, region: region, district: district, random: &random)
                } else {
                    // The common patterns are used up: a branch of one (분원 = branch hospital).
                    let branch = tries - 18
                    let base = ScenarioNames.hospitalName(cls: cls, region: region, district: district, random: &random)
                    name = ("\(base.korean) 제\(branch)분원", "\(base.roman) Branch \(branch)")
                }
            }
            names.insert(name.korean)
            let road = random.pick(ScenarioNames.roads)
            let number = 1 + random.below(400)
            let hospital = Hospital(
                id: id, name: name.korean, romanizedName: name.roman, region: region.roman, hospitalClass: cls,
                address: "\(region.province) \(district.address) \(road) \(number)",
                switchboard: "\(region.area)-0000-\(padded(random.below(10_000), 4))",
                erPhone: "\(region.area)-0000-\(padded(random.below(10_000), 4))",
                updateIntervalMinutes: updateInterval(cls, &random))
            let h = profile(hospital, region: r, &random)
            hospitals.append(h)
            baseline.append(firstState(h, &random))
        }
        return (hospitals, baseline)
    }

    static func updateInterval(_ cls: HospitalClass, _ random: inout SeededRandom) -> Int {
        switch cls {
        case .regionalCentre: 30
        case .localCentre: random.pick([30, 60, 60, 60])
        case .localInstitution: random.pick([60, 120, 120, 180])
        case .registeredER: random.pick([120, 180, 240, 240])
        case .other: random.pick([60, 120, 240])
        }
    }

    /// Beds, minimum staffing and trainees by class.
    static func profile(_ hospital: Hospital, region: Int, _ random: inout SeededRandom) -> ScenarioHospital {
        var h = ScenarioHospital(hospital: hospital, region: region, er: 0, icu: 0, nicu: 0, picu: 0,
                                 erMinimum: 1, icuMinimum: 0, roll: 0)
        switch hospital.hospitalClass {
        case .regionalCentre:
            h.er = random.int(25...60); h.icu = random.int(30...90)
            h.nicu = random.chance(0.9) ? random.int(10...30) : 0
            h.picu = random.chance(0.7) ? random.int(4...16) : 0
            h.erMinimum = random.int(5...8); h.icuMinimum = random.int(4...7); h.roll = random.int(150...750)
        case .localCentre:
            h.er = random.int(15...45); h.icu = random.int(15...60)
            h.nicu = random.chance(0.5) ? random.int(6...20) : 0
            h.picu = random.chance(0.3) ? random.int(4...10) : 0
            h.erMinimum = random.int(3...6); h.icuMinimum = random.int(2...5); h.roll = random.int(40...400)
        case .localInstitution:
            h.er = random.int(6...20); h.icu = random.int(4...20)
            h.nicu = random.chance(0.1) ? random.int(4...8) : 0
            h.erMinimum = random.int(2...3); h.icuMinimum = random.int(1...2)
            h.roll = random.chance(0.4) ? random.int(5...60) : 0
        case .registeredER:
            h.er = random.int(3...10); h.icu = random.chance(0.5) ? random.int(2...8) : 0
            h.erMinimum = random.int(1...2); h.icuMinimum = h.icu > 0 ? 1 : 0
        case .other:
            h.er = random.int(6...30); h.icu = random.int(4...30)
            h.erMinimum = random.int(2...5); h.icuMinimum = random.int(1...3)
            h.roll = random.chance(0.3) ? random.int(10...80) : 0
        }
        return h
    }

    /// Where a hospital stands when the board is set up: most ERs open, trainees mostly gone.
    static func firstState(_ h: ScenarioHospital, _ random: inout SeededRandom) -> ScenarioHospitalState {
        let state = ERState.allCases[random.weighted([75, 17, 5, 3])]
        var s = ScenarioHospitalState(
            state: state, reason: state == .open ? "" : random.pick(ScenarioText.reasons[state]!),
            er: 0, icu: 0, nicu: 0, picu: 0, erDoctors: 0, icuDoctors: 0,
            absent: 0, resigned: 0, returned: 0, issued: 0, served: 0, complied: 0, policePost: false)
        s.er = Int(Double(h.er) * random.unit() * 0.4)
        s.icu = Int(Double(h.icu) * random.unit() * 0.15)
        s.nicu = Int(Double(h.nicu) * random.unit() * 0.2)
        s.picu = Int(Double(h.picu) * random.unit() * 0.2)
        s.erDoctors = h.erMinimum
        s.icuDoctors = h.icuMinimum
        if h.roll > 0 {
            s.absent = Int(Double(h.roll) * (0.82 + 0.13 * random.unit()))
            s.returned = min(h.roll - s.absent, Int(Double(h.roll) * 0.03 * random.unit()))
            s.resigned = Int(Double(s.absent) * (0.4 + 0.5 * random.unit()))
            s.issued = Int(Double(s.absent) * (0.9 + 0.1 * random.unit()))
            s.served = Int(Double(s.issued) * (0.9 + 0.1 * random.unit()))
            s.complied = Int(Double(s.served) * 0.04 * random.unit())
            s.policePost = h.hospital.hospitalClass == .regionalCentre ? random.chance(0.6) : random.chance(0.1)
        }
        return s
    }

    static func buildContacts(
        _ count: Int, agencies: [ScenarioAgencyRow], table: WeightedTable, before: Int, _ random: inout SeededRandom
    ) -> ([Contact], [[Int]]) {
        var contacts: [Contact] = []
        var byAgency = Array(repeating: [Int](), count: agencies.count)
        let roleWeights = ScenarioNames.roles.map(\.1)
        let shiftWeights = ScenarioNames.shifts.map(\.1)
        contacts.reserveCapacity(count)
        for n in 0..<count {
            // The first contacts go one to each agency, the rest where the work is.
            let a = n < agencies.count ? n : table.pick(&random)
            let row = agencies[a]
            let k = byAgency[a].count + 1
            let person = ScenarioNames.personName(&random)
            let verified: Date? = random.chance(0.6)
                ? Date(timeIntervalSince1970: Double(before - random.below(14 * 86_400))) : nil
            byAgency[a].append(contacts.count)
            contacts.append(Contact(
                id: "\(row.id)-\(k)", agencyId: row.id, person: person.korean,
                role: ScenarioNames.roles[random.weighted(roleWeights)].0,
                phone: "\(row.area)-0000-\(padded(random.below(10_000), 4))",
                mobile: "010-0000-\(padded(random.below(10_000), 4))",
                email: "\(person.givenRoman).\(person.familyRoman)\(k)@\(row.id).example",
                shift: ScenarioNames.shifts[random.weighted(shiftWeights)].0,
                escalation: 1 + random.weighted([6, 3, 1]),
                lastVerified: verified))
        }
        return (contacts, byAgency)
    }

    static func buildStrikes(_ timeline: ScenarioTimeline) -> [StrikeAction] {
        let day = 86_400
        func date(_ t: Int) -> Date { Date(timeIntervalSince1970: Double(t)) }
        let setup = Stamp(at: date(timeline.start), by: setupOfficer)
        // A rally on the afternoon (14:00 KST) of the third day.
        let rally = ScenarioTimeline.periodStart(containing: timeline.start + 3 * day) + 6 * 3_600
        return [
            StrikeAction(id: "kira-resign", organisation: "대한전공의협의회 KIRA (trainee doctors)",
                         form: .collectiveResignation, start: date(timeline.start - 9 * day), scope: "nationwide",
                         participants: Reported(9_870, setup), notes: "Trainee doctors away from their posts."),
            StrikeAction(id: "profs-wtr", organisation: "전국의과대학교수 비상대책위원회 (professors)",
                         form: .workToRule, start: date(timeline.start - 2 * day), scope: "university hospitals",
                         participants: Reported(4_200, setup), notes: "52-hour week; outpatient clinics reduced."),
            StrikeAction(id: "kma-rally", organisation: "대한의사협회 KMA", form: .rally, start: date(rally),
                         end: date(rally + 4 * 3_600), scope: "여의도, Seoul", participants: Reported(20_000, setup)),
            StrikeAction(id: "students-leave", organisation: "의과대학 학생 (medical students)", form: .other,
                         start: date(timeline.start - 20 * day), scope: "40 medical schools",
                         participants: Reported(13_500, setup), notes: "Leaves of absence."),
        ]
    }
}
