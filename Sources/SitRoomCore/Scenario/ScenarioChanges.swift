import Foundation

/// The changes after a generated scenario's set-up, produced one at a time so that 200,000 of them
/// need not sit in memory together. Exactly `spec.changes` of them.
public struct ScenarioChanges: Sequence, Sendable {
    let generator: ScenarioGenerator

    public var underestimatedCount: Int { generator.spec.changes }

    public func makeIterator() -> Iterator { Iterator(generator) }

    public struct Iterator: IteratorProtocol, Sendable {
        private let g: ScenarioGenerator
        private var index = 0
        private var random: SeededRandom
        private let slots: ScenarioSlots
        private var cursor = 0
        private let events: [ScenarioEvent]
        private var nextEvent = 0
        /// Each hospital's last report, to go on from.
        private var states: [ScenarioHospitalState]
        /// When each hospital's next ER report is due; the one due first reports next.
        private var due: ScenarioDueQueue
        private var participants: [Int]
        private var openActions: [String]
        private var actionSerial: Int
        private var logSerial: Int
        private var callSerial = 0

        /// What the later changes are made of, in per cent (roughly). Hospitals report around the
        /// clock; the HQ's own entries (log, calls, action items) are fewer at night (22–06 KST).
        private enum Kind: Int, CaseIterable {
            case erReport, census, strikeFigures, call, log, newAction, actionStatus, contactCheck
        }
        private static let dayWeights: [Double] = [77, 6, 0.4, 7, 12, 0.8, 1.1, 0.4]
        private static let nightWeights: [Double] = [77, 6, 0.4, 3, 4, 0.2, 0.3, 0.1]

        init(_ generator: ScenarioGenerator) {
            g = generator
            random = SeededRandom(seed: generator.seed, stream: 6)
            let t = generator.timeline
            slots = ScenarioSlots(from: t.changesStart, to: t.end, count: generator.spec.changes)
            // Periods and briefings only where they stay a small part of the changes.
            events = generator.spec.changes >= 200 ? generator.scheduledEvents(from: t.changesStart, to: t.end) : []
            states = generator.baseline
            // The first reports were made at the set-up, a week ago: every hospital is due again.
            due = ScenarioDueQueue(generator.hospitals.indices.map { h in
                (t.start + generator.reportGap(h, jitter: 1), h)
            })
            participants = generator.strikes.map { $0.participants?.value ?? 0 }
            openActions = (1...ScenarioGenerator.setupActions).map(ScenarioGenerator.actionId)
            actionSerial = ScenarioGenerator.setupActions
            logSerial = generator.spec.log
        }

        public mutating func next() -> Change? {
            guard index < g.spec.changes else { return nil }
            let t = slots.time(index, jitter: random.unit(), cursor: &cursor)
            index += 1
            if nextEvent < events.count, events[nextEvent].at <= t {
                nextEvent += 1
                return g.change(for: events[nextEvent - 1], at: t)
            }
            let hour = ScenarioTimeline.kstHour(t)
            var kind = Kind(rawValue: random.weighted(hour >= 22 || hour < 6 ? Self.nightWeights : Self.dayWeights))!
            if kind == .census, g.teaching.isEmpty { kind = .erReport }
            if kind == .contactCheck, g.contacts.isEmpty { kind = .log }
            // A few dozen action items open at any time: new ones while there are few, closing them while there are many.
            if kind == .actionStatus, openActions.count < 20 { kind = .newAction }
            if kind == .newAction, openActions.count > 60 { kind = .actionStatus }
            switch kind {
            case .erReport:
                let h = due.popFirst()
                due.insert(t + g.reportGap(h, jitter: 0.85 + 0.3 * random.unit()), h)
                g.evolve(g.hospitals[h], &states[h], &random)
                let report = g.erReport(g.hospitals[h], states[h], includeAll: false, &random)
                return Change(officer: g.officer(for: g.hospitals[h], &random), at: g.date(t),
                              action: .reportHospital(id: g.hospitals[h].hospital.id, report))
            case .census:
                let h = g.teaching[random.below(g.teaching.count)]
                g.evolveCensus(g.hospitals[h], &states[h], &random)
                var report = HospitalReport()
                g.census(g.hospitals[h], states[h], into: &report)
                return Change(officer: g.nemcOfficer, at: g.date(t), action: .reportHospital(id: g.hospitals[h].hospital.id, report))
            case .strikeFigures:
                // The trainees (most often), the professors, the students; the rally is over soon.
                let s = [0, 1, 3][random.weighted([6, 2.5, 1.5])]
                let old = participants[s]
                // Drifting down slowly (about 0.03 % a report) as some return.
                participants[s] = Swift.max(0, old + Int((Double(old) * (0.01 * random.unit() - 0.0053)).rounded()))
                return Change(officer: g.centralOfficers[0], at: g.date(t),
                              action: .editStrike(id: g.strikes[s].id, StrikePatch(participants: participants[s])))
            case .call:
                callSerial += 1
                return g.call(id: ScenarioGenerator.callId(callSerial), at: t, &random)
            case .log:
                logSerial += 1
                return g.logEntry(id: ScenarioGenerator.logId(logSerial), at: t, &random)
            case .newAction:
                actionSerial += 1
                let id = ScenarioGenerator.actionId(actionSerial)
                openActions.append(id)
                return g.newAction(id: id, at: t, &random)
            case .actionStatus:
                let k = random.below(openActions.count)
                let id = openActions[k]
                let patch: ActionPatch
                switch random.weighted([75, 10, 15]) {
                case 0: patch = ActionPatch(status: .done)
                case 1: patch = ActionPatch(status: .cancelled)
                default: patch = ActionPatch(due: g.date(ScenarioGenerator.halfHour(after: t + random.int(2...24) * 3_600)))
                }
                if patch.status != nil {
                    openActions[k] = openActions[openActions.count - 1]
                    openActions.removeLast()
                }
                return Change(officer: g.centralOfficers[random.below(g.centralOfficers.count)], at: g.date(t),
                              action: .editAction(id: id, patch))
            case .contactCheck:
                let c = g.contacts[random.below(g.contacts.count)]
                return Change(officer: g.centralOfficers[random.below(g.centralOfficers.count)], at: g.date(t),
                              action: .editContact(id: c.id, ContactPatch(lastVerified: g.date(t))))
            }
        }
    }
}

/// Hospitals by when their next report is due, earliest first (a binary heap; ties go to the lower index).
struct ScenarioDueQueue: Sendable {
    private var heap: [(due: Int, index: Int)] = []

    init(_ items: [(Int, Int)]) {
        for (due, index) in items { insert(due, index) }
    }

    private static func before(_ a: (due: Int, index: Int), _ b: (due: Int, index: Int)) -> Bool {
        (a.due, a.index) < (b.due, b.index)
    }

    mutating func insert(_ due: Int, _ index: Int) {
        heap.append((due, index))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the index due first (the queue is never empty: a scenario has hospitals).
    mutating func popFirst() -> Int {
        let first = heap[0].index
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < heap.count, Self.before(heap[left], heap[best]) { best = left }
            if right < heap.count, Self.before(heap[right], heap[best]) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return first
    }
}

/// Something that happens at a time of day rather than at random: a new operational period, a
/// briefing, an action item of the set-up.
struct ScenarioEvent: Sendable {
    enum Kind: Int, Sendable { case period, briefing, action }
    var at: Int
    var kind: Kind
    var order: Int { kind.rawValue }
}

extension ScenarioGenerator {
    // MARK: Events

    /// Operational periods (08:00 and 20:00 KST) and briefings (09:00 and 17:00 KST) strictly inside (from, to).
    func scheduledEvents(from: Int, to: Int) -> [ScenarioEvent] {
        var events: [ScenarioEvent] = []
        var t = ScenarioTimeline.periodStart(containing: from) + 12 * 3_600
        while t < to {
            if t > from { events.append(ScenarioEvent(at: t, kind: .period)) }
            t += 12 * 3_600
        }
        let midnight = from - ScenarioTimeline.positiveMod(from + ScenarioTimeline.kstOffset, 86_400)
        var day = midnight
        while day < to {
            for hour in [9, 17] {
                let b = day + hour * 3_600
                if b > from, b < to { events.append(ScenarioEvent(at: b, kind: .briefing)) }
            }
            day += 86_400
        }
        return events.sorted { ($0.at, $0.order) < ($1.at, $1.order) }
    }

    /// The change an operational period or a briefing makes, entered at `t`.
    func change(for event: ScenarioEvent, at t: Int) -> Change {
        switch event.kind {
        case .period, .action:
            let night = ScenarioTimeline.kstHour(event.at) >= 12
            return Change(officer: centralOfficers[night ? 3 : 0], at: date(t), action: .setIncident(Incident(
                name: incidentName, periodStart: date(ScenarioTimeline.periodStart(containing: event.at)),
                periodHours: 12, isDemo: true)))
        case .briefing:
            let (y, m, d) = Self.civil(days: (event.at + ScenarioTimeline.kstOffset) / 86_400)
            let hour = ScenarioTimeline.kstHour(event.at)
            let hhmm = Self.padded(hour, 2) + Self.padded(0, 2)
            return Change(officer: centralOfficers[1], at: date(t), action: .markBriefing(Briefing(
                id: "b-\(y)\(Self.padded(m, 2))\(Self.padded(d, 2))-\(hhmm)", title: "\(Self.padded(hour, 2)):00 briefing")))
        }
    }

    /// Year, month, day of a day number since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func halfHour(after t: Int) -> Int { (t / 1_800 + 1) * 1_800 }

    // MARK: Hospitals

    /// Who reports for a hospital: mostly its region's desk, sometimes NEMC or the night desk.
    func officer(for h: ScenarioHospital, _ random: inout SeededRandom) -> String {
        switch random.weighted([85, 10, 5]) {
        case 0: deskOfficers[h.region][random.below(deskOfficers[h.region].count)]
        case 1: nemcOfficer
        default: centralOfficers[3 + random.below(2)]
        }
    }

    /// Seconds from one ER report of hospital `h` to its next: its update interval, stretched by how
    /// late it tends to be and by `jitter`.
    func reportGap(_ h: Int, jitter: Double) -> Int {
        Int(Double(hospitals[h].hospital.updateIntervalMinutes * 60) * lateness[h] * jitter)
    }

    /// ER state from one report to the next: mostly as it was, open most of all.
    static let transitions: [ERState: [Double]] = [
        .open: [93, 5, 1.5, 0.5],
        .limited: [25, 65, 7, 3],
        .diverting: [30, 30, 37, 3],
        .closed: [15, 20, 5, 60],
    ]

    /// The figures of a hospital's next report: the state moves, beds and doctors follow it.
    func evolve(_ h: ScenarioHospital, _ s: inout ScenarioHospitalState, _ random: inout SeededRandom) {
        let next = ERState.allCases[random.weighted(Self.transitions[s.state]!)]
        if next != s.state {
            s.reason = next == .open ? "" : random.pick(ScenarioText.reasons[next]!)
            s.state = next
        }
        let (erShare, erCap): (Double, Int) = switch s.state {
        case .open: (0.1 + 0.35 * random.unit(), h.er)
        case .limited: (0.08 * random.unit(), h.er)
        case .diverting: (0, 1)
        case .closed: (0, 0)
        }
        s.er = Self.drift(s.er, staffed: h.er, cap: erCap, target: Int(Double(h.er) * erShare), &random)
        let icuShare = s.state == .open ? 0.08 + 0.22 * random.unit() : 0.1 * random.unit()
        s.icu = Self.drift(s.icu, staffed: h.icu, cap: h.icu, target: Int((Double(h.icu) * icuShare).rounded()), &random)
        s.nicu = Self.drift(s.nicu, staffed: h.nicu, cap: h.nicu, target: Int(Double(h.nicu) * 0.1), &random)
        s.picu = Self.drift(s.picu, staffed: h.picu, cap: h.picu, target: Int(Double(h.picu) * 0.1), &random)
        let m = h.erMinimum
        // Mostly at or above the minimum while open, mostly below it otherwise.
        let doctors = switch s.state {
        case .open: m - 1 + random.weighted([8, 45, 32, 15])
        case .limited: m - random.weighted([40, 45, 15])
        case .diverting: m - random.weighted([20, 60, 20])
        case .closed: random.int(0...max(0, m - 2))
        }
        s.erDoctors = max(0, doctors)
        s.icuDoctors = h.icu > 0 ? max(0, h.icuMinimum + random.int(-1...1)) : 0
    }

    /// Halfway to the target, often give or take a twelfth of the unit, within 0…min(cap, staffed).
    static func drift(_ old: Int, staffed: Int, cap: Int, target: Int, _ random: inout SeededRandom) -> Int {
        guard staffed > 0 else { return 0 }
        let step = max(1, staffed / 12)
        let noise = step * (random.weighted([20, 60, 20]) - 1)
        return min(max((old + target) / 2 + noise, 0), min(cap, staffed))
    }

    /// An ER/ICU report of the figures in `s`. `includeAll` (a first report) gives every unit and
    /// the open incidents; otherwise the neonatal and paediatric ICUs are left out now and then.
    func erReport(
        _ h: ScenarioHospital, _ s: ScenarioHospitalState, includeAll: Bool, _ random: inout SeededRandom
    ) -> HospitalReport {
        HospitalReport(
            erState: s.state, erReason: s.reason,
            erBeds: Capacity(available: s.er, staffed: h.er),
            icuBeds: h.icu > 0 ? Capacity(available: s.icu, staffed: h.icu) : nil,
            nicuBeds: h.nicu > 0 && (includeAll || random.chance(0.6)) ? Capacity(available: s.nicu, staffed: h.nicu) : nil,
            picuBeds: h.picu > 0 && (includeAll || random.chance(0.6)) ? Capacity(available: s.picu, staffed: h.picu) : nil,
            erDoctors: Staffing(onDuty: s.erDoctors, minimum: h.erMinimum),
            icuDoctors: h.icu > 0 ? Staffing(onDuty: s.icuDoctors, minimum: h.icuMinimum) : nil,
            openIncidents: includeAll ? 0 : random.chance(0.15) ? random.weighted([70, 25, 5]) : nil
        )
    }

    /// The trainee census moves slowly: a few return, a few more resign, orders go out and are served.
    func evolveCensus(_ h: ScenarioHospital, _ s: inout ScenarioHospitalState, _ random: inout SeededRandom) {
        if random.chance(0.3) {
            let back = min(s.absent, random.int(0...max(1, s.absent / 100)))
            s.absent -= back
            s.returned = min(h.roll, s.returned + back)
        }
        if random.chance(0.2) { s.resigned = min(h.roll, s.resigned + random.int(0...2)) }
        // Orders go to those who left (absent or since returned).
        if random.chance(0.3) { s.issued = min(h.roll, s.absent + s.returned, s.issued + random.int(0...3)) }
        s.served = min(s.issued, s.served + random.int(0...3))
        if random.chance(0.2) { s.complied = min(s.served, s.complied + random.int(0...2)) }
        if random.chance(0.05) { s.policePost.toggle() }
    }

    func census(_ h: ScenarioHospital, _ s: ScenarioHospitalState, into report: inout HospitalReport) {
        report.traineesOnRoll = h.roll
        report.traineesAbsent = s.absent
        report.resignations = s.resigned
        report.traineesReturned = s.returned
        report.ordersIssued = s.issued
        report.ordersServed = s.served
        report.ordersComplied = s.complied
        report.policePost = s.policePost
    }

    // MARK: Log, calls, actions

    func logEntry(id: String, at t: Int, _ random: inout SeededRandom) -> Change {
        let severity = Severity.allCases[random.weighted(ScenarioText.severityWeights)]
        let template = random.pick(ScenarioText.logTemplates[severity]!)
        let korean = template.text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        var hospital: ScenarioHospital?
        var agency: ScenarioAgencyRow?
        var region = ScenarioNames.regions[0]
        switch template.mention {
        case .hospital:
            hospital = hospitals[random.below(hospitals.count)]
            region = ScenarioNames.regions[hospital!.region]
        case .agency:
            agency = agencies[agencyTable.pick(&random)]
        case .region:
            region = ScenarioNames.regions[random.weighted(ScenarioNames.regions.map(\.weight))]
        case .none:
            break
        }
        let text = ScenarioText.fill(
            template.text,
            hospital: (korean ? hospital?.hospital.name : hospital?.hospital.romanizedName) ?? "",
            agency: agency.map { korean ? $0.short : $0.id.uppercased() } ?? "",
            region: korean ? region.korean : region.roman, random: &random)
        let eventTime = t - (random.chance(0.7) ? random.below(600) : random.below(3_600))
        let officer = hospital.map { deskOfficers[$0.region][random.below(2)] }
            ?? centralOfficers[random.below(centralOfficers.count)]
        return Change(officer: officer, at: date(t), action: .addLog(LogEntry(
            id: id, eventTime: date(eventTime), category: template.category, severity: severity, text: text,
            hospitalId: hospital?.hospital.id, agencyId: agency?.id)))
    }

    func call(id: String, at t: Int, _ random: inout SeededRandom) -> Change {
        let a = agencyTable.pick(&random)
        let people = contactsByAgency[a]
        let contact = !people.isEmpty && random.chance(0.8) ? contacts[people[random.below(people.count)]].id : nil
        return Change(officer: centralOfficers[random.below(centralOfficers.count)], at: date(t), action: .logCall(CallRecord(
            id: id, agencyId: agencies[a].id, contactId: contact,
            outcome: CallOutcome.allCases[random.weighted(ScenarioText.callOutcomeWeights)],
            note: random.pick(ScenarioText.callNotes))))
    }

    func newAction(id: String, at t: Int, _ random: inout SeededRandom) -> Change {
        let template = random.pick(ScenarioText.actionTexts)
        let korean = template.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        let hospital = hospitals[random.below(hospitals.count)]
        let agency = agencies[agencyTable.pick(&random)]
        let region = ScenarioNames.regions[hospital.region]
        let text = ScenarioText.fill(
            template, hospital: korean ? hospital.hospital.name : hospital.hospital.romanizedName,
            agency: korean ? agency.short : agency.id.uppercased(), region: korean ? region.korean : region.roman,
            random: &random)
        let owner = agencies[agencyTable.pick(&random)]
        return Change(officer: centralOfficers[random.below(3)], at: date(t), action: .addAction(ActionItem(
            id: id, text: text, ownerAgencyId: owner.id, due: date(Self.halfHour(after: t + random.int(2...48) * 3_600)))))
    }
}
