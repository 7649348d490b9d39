import Foundation

/// A situation report in the shape of an ICS-209 summary: header, national figures with their change
/// since a baseline (normally the last briefing), hospitals of concern, changes at hospitals, strike
/// status, significant events, action items, alerts, inter-agency contacts and ER capability.
///
/// Pure: the same boards, times and options give the same report. Render it with `text(width:)`
/// (plain text in aligned columns) or `markdown`.
public struct SitRep: Sendable {
    /// What the report counts from; said in its header.
    public enum Basis: Sendable, Equatable {
        /// The last briefing marked (the usual case).
        case briefing(Briefing)
        /// No briefing marked: the start of the current operational period.
        case periodStart
        /// No briefing marked and the operational period is not current: this many hours back.
        case hoursAgo(Int)
        /// A time the officer asked for.
        case time(Date)
        /// Just after the change with this sequence number.
        case seq(UInt64)
    }

    public struct Options: Sendable {
        /// Who prepared the report.
        public var officer: String
        public var timeZone: TimeZone
        /// The thresholds that decide which hospitals are of concern (those the alerts use).
        public var rules: AlertRules
        /// The board's sequence number, stated in the header so that the report can be traced.
        public var seq: UInt64?
        /// Longest list of log entries, alerts and changed hospitals; the rest are counted ("and 7 more").
        public var listLimit: Int

        public init(
            officer: String, timeZone: TimeZone = TimeZone(identifier: "Asia/Seoul")!, rules: AlertRules = .defaults,
            seq: UInt64? = nil, listLimit: Int = 20
        ) {
            self.officer = officer
            self.timeZone = timeZone
            self.rules = rules
            self.seq = seq
            self.listLimit = listLimit
        }
    }

    public let diff: BriefingDiff
    public var title: String
    /// Shown above everything, e.g. that the data is a demo.
    public var notice: String?
    public var header: [Field]
    public var sections: [Section]
    public var footer: String

    /// The report on `current` (the board at `now`) against `baseline` (the board at `since`).
    public init(baseline: Board, current: Board, since: Date, now: Date, basis: Basis, options: Options) {
        let diff = BriefingDiff(from: baseline, to: current, since: since, now: now)
        self.diff = diff
        let b = Builder(baseline: baseline, current: current, diff: diff, basis: basis, options: options,
                        f: SitRepFormat(timeZone: options.timeZone, now: now))
        title = "SITUATION REPORT (SITREP) — " + SitRepFormat.clean(current.incident.name)
        notice = current.incident.isDemo ? "DEMO — fictional data for training and testing, not a real situation" : nil
        header = b.header()
        sections = [
            b.national(), b.hospitalsOfConcern(), b.hospitalChanges(), b.strikes(), b.events(), b.actionItems(),
            b.alerts(), b.contacts(), b.capability(),
            SitRepSecurity(current: current, since: diff.since, now: now, f: b.f, limit: b.limit).section(),
        ].enumerated().map { Section(number: $0.offset + 1, title: $0.element.0, blocks: $0.element.1) }
        footer = "End of SITREP. Prepared by \(SitRepFormat.clean(options.officer)) at \(b.f.dateTime(now))."
    }

    /// Plain text, `width` display cells wide (Korean characters count two).
    public func text(width: Int = 100) -> String { SitRepText.render(self, width: width) }

    public var markdown: String { SitRepMarkdown.render(self) }
}

/// Builds the sections; each returns a title and its blocks.
private struct Builder {
    let baseline: Board
    let current: Board
    let diff: BriefingDiff
    let basis: SitRep.Basis
    let options: SitRep.Options
    let f: SitRepFormat

    typealias Field = SitRep.Field
    typealias Table = SitRep.Table
    typealias Built = (String, [SitRep.Block])

    var since: Date { diff.since }
    var now: Date { diff.now }
    var limit: Int { max(1, options.listLimit) }

    func clean(_ s: String) -> String { SitRepFormat.clean(s) }
    func n(_ x: Int) -> String { Format.grouped(x) }

    /// "“09:00 briefing”", "the start of the operational period", ...: what "then" is.
    var basisPhrase: String {
        switch basis {
        case .briefing(let b): "“\(clean(b.title))”"
        case .periodStart: "the start of the operational period"
        case .hoursAgo(let h): "\(h) hours before this report"
        case .time: "the time asked for"
        case .seq(let s): "change #\(s)"
        }
    }

    func hospitalName(_ id: String) -> String {
        clean(current.hospitals[id]?.name ?? baseline.hospitals[id]?.name ?? id)
    }

    func agencyName(_ id: String) -> String {
        clean(current.agencies[id]?.name ?? baseline.agencies[id]?.name ?? id)
    }

    func stamp(_ s: Stamp?) -> String {
        guard let s else { return "—" }
        return "\(f.short(s.at)) \(clean(s.by))"
    }

    // MARK: Header

    func header() -> [Field] {
        let incident = current.incident
        var report: String
        switch basis {
        case .briefing(let b): report = "SITREP following “\(clean(b.title))”"
        case .periodStart: report = "SITREP for the operational period (no briefing marked yet)"
        case .hoursAgo(let h): report = "SITREP for the last \(h) hours (no briefing marked yet)"
        case .time(let t): report = "SITREP since \(f.dateTime(t))"
        case .seq(let s): report = "SITREP since change #\(s)"
        }
        var covered = "\(f.dateTime(since)) to \(f.dateTime(now))"
        switch basis {
        case .briefing(let b): covered += " (since “\(clean(b.title))”, marked by \(clean(b.marked.by)))"
        case .periodStart: covered += " (since the start of the operational period; no briefing marked)"
        case .hoursAgo(let h): covered += " (the last \(h) hours; no briefing marked and the operational period is not current)"
        case .time: break
        case .seq(let s): covered += " (since change #\(s))"
        }
        let period = incident.periodStart.timeIntervalSince1970 == 0
            ? "not set"
            : "\(f.dateTime(incident.periodStart)) to \(f.dateTime(incident.periodEnd)) (\(incident.periodHours) hours)"
        var preparedAt = f.dateTime(now)
        if let seq = options.seq { preparedAt += ", board as of change #\(seq)" }
        return [
            Field("Incident", clean(incident.name)),
            Field("Report", report),
            Field("Operational period", period),
            Field("Period covered", covered),
            Field("Prepared by", clean(options.officer)),
            Field("Prepared at", preparedAt),
            Field("Times", "\(f.zoneName) (\(options.timeZone.identifier)); a time without a date is on \(String(f.dateTime(now).prefix(10)))"),
        ]
    }

    // MARK: 1. National figures

    func national() -> Built {
        let before = diff.summaryBefore, after = diff.summaryNow, d = diff.national
        var rows: [[String]] = []
        func single(_ label: String, _ figure: BriefingDiff.NationalFigure, _ suffix: (NationalSummary) -> String = { _ in "" }) {
            let delta = d[figure]
            rows.append([label, n(delta.new) + suffix(after), n(delta.old) + suffix(before), Format.signed(delta.change)])
        }
        func pair(_ label: String, _ a: BriefingDiff.NationalFigure, _ s: BriefingDiff.NationalFigure,
                  _ suffix: (NationalSummary) -> String = { _ in "" }) {
            let da = d[a], ds = d[s]
            rows.append([label, "\(n(da.new))/\(n(ds.new))" + suffix(after), "\(n(da.old))/\(n(ds.old))" + suffix(before),
                         da.change == 0 && ds.change == 0 ? "0" : "\(Format.signed(da.change))/\(Format.signed(ds.change))"])
        }
        rows.append(["Hospitals on the board", n(after.hospitals), n(before.hospitals), Format.signed(after.hospitals - before.hospitals)])
        single("ERs open", .erOpen)
        single("ERs limited", .erLimited)
        single("ERs diverting", .erDiverting)
        single("ERs closed", .erClosed)
        func noStatus(_ s: NationalSummary) -> Int { s.hospitals - s.erStates.values.reduce(0, +) }
        if noStatus(after) > 0 || noStatus(before) > 0 {
            rows.append(["ERs with no status reported", n(noStatus(after)), n(noStatus(before)),
                         Format.signed(noStatus(after) - noStatus(before))])
        }
        pair("ER beds available/staffed", .erBedsAvailable, .erBedsStaffed)
        pair("Adult ICU beds available/staffed", .icuAvailable, .icuStaffed)
        pair("Neonatal ICU beds available/staffed", .nicuAvailable, .nicuStaffed)
        pair("Paediatric ICU beds available/staffed", .picuAvailable, .picuStaffed)
        single("Hospitals short of ER doctors", .shortOfDoctors)
        single("Hospitals with a stale or no report", .stale)
        pair("Trainee doctors absent/on roll", .traineesAbsent, .traineesOnRoll) {
            " (" + Format.percent($0.traineesAbsent, of: $0.traineesOnRoll) + ")"
        }
        single("Trainees returned to work", .traineesReturned)
        single("Resignations submitted", .resignations)
        single("Return-to-work orders issued", .ordersIssued)
        single("Orders served", .ordersServed)
        single("Orders complied with", .ordersComplied) { " (" + Format.percent($0.ordersComplied, of: $0.ordersIssued) + ")" }
        single("Open action items", .openActions)
        single("Overdue action items", .overdueActions)
        let table = Table(["Figure", "Now", "Then", "Change"], align: [.left, .right, .right, .right], rows: rows)
        return ("National figures", [
            .paragraph("Now: \(f.dateTime(now)). Then: at \(basisPhrase), \(f.dateTime(since)). Beds and doctors are the sum of the latest report of every hospital."),
            .table(table),
        ])
    }

    // MARK: 2. Hospitals of concern

    struct Concern {
        var hospital: Hospital
        var items: [(rank: Int, text: String)]
        var rank: Int { items.map(\.rank).min() ?? 99 }
    }

    func concerns() -> [Concern] {
        let hospitalRules: Set<AlertRule> = [.erClosed, .erDiverting, .icuLow, .nicuLow, .doctorsShort, .staleReport]
        var activeAlerts: [String: [Alert]] = [:]
        for a in current.alerts.values where hospitalRules.contains(a.rule) { activeAlerts[a.subject, default: []].append(a) }
        var out: [Concern] = []
        for h in current.hospitals.values {
            var items: [(rank: Int, text: String)] = []
            func reason(_ s: ERStatus) -> String { s.reason.isEmpty ? "" : " (\(clean(s.reason)))" }
            if let s = h.erStatus?.value {
                switch s.state {
                case .closed: items.append((0, "ER closed" + reason(s)))
                case .diverting: items.append((1, "ER diverting" + reason(s)))
                case .limited: items.append((2, "ER limited" + reason(s)))
                case .open: break
                }
            }
            let holding = h.alertConditions(options.rules, at: now)
            for c in holding {
                switch c.rule {
                case .icuLow: items.append((3, "adult ICU low"))
                case .nicuLow: items.append((4, "neonatal ICU low (\(Format.of(h.nicuBeds?.value)))"))
                case .doctorsShort:
                    var parts: [String] = []
                    if let d = h.erDoctors?.value, d.isShort { parts.append("ER doctors \(d.onDuty) of minimum \(d.minimum)") }
                    if let d = h.icuDoctors?.value, d.isShort { parts.append("ICU doctors \(d.onDuty) of minimum \(d.minimum)") }
                    items.append((5, "short of doctors: " + parts.joined(separator: ", ")))
                case .staleReport:
                    let ago = h.lastCoverageReport.map { Format.ago($0.at, now: now) } ?? "? ago"
                    items.append((6, "report stale (last \(ago); expected every \(h.updateIntervalMinutes) min)"))
                default: break
                }
            }
            if h.lastCoverageReport == nil { items.append((7, "no coverage report yet")) }
            let held = Set(holding.map(\.rule))
            for a in (activeAlerts[h.id] ?? []).sorted(by: { $0.rule.rawValue < $1.rule.rawValue }) where !held.contains(a.rule) {
                items.append((8, "\(a.rule.label) alert still active (raised \(f.short(a.raised.at)))"))
            }
            if !items.isEmpty { out.append(Concern(hospital: h, items: items)) }
        }
        return out.sorted { ($0.rank, $0.hospital.name, $0.hospital.id) < ($1.rank, $1.hospital.name, $1.hospital.id) }
    }

    func hospitalsOfConcern() -> Built {
        let list = concerns()
        guard !list.isEmpty else { return ("Hospitals of concern", [.paragraph("None: every ER open, ICUs and doctors above their thresholds, every report current.")]) }
        func count(_ rank: Int) -> Int { list.filter { $0.items.contains { $0.rank == rank } }.count }
        let kinds = [(0, "ER closed"), (1, "ER diverting"), (2, "ER limited"), (3, "adult ICU low"), (4, "neonatal ICU low"),
                     (5, "short of doctors"), (6, "report stale"), (7, "no report yet"), (8, "alert still active")]
        let counts = kinds.compactMap { count($0.0) > 0 ? "\($0.1) \(count($0.0))" : nil }
        let summary = "\(list.count) of \(current.hospitals.count) hospitals (\(counts.joined(separator: ", "))), worst first. "
            + "Beds: available/staffed. Docs: ER doctors on duty/minimum. Reported: the last ER/ICU report."
        let rows = list.map { c -> [String] in
            let h = c.hospital
            var concern = c.items.map(\.text).joined(separator: "; ")
            if let last = h.lastCoverageReport { concern += " — reported by \(clean(last.by))" }
            return [clean(h.name), clean(h.region), SitRepFormat.state(h.erState), Format.of(h.erBeds?.value),
                    Format.of(h.icuBeds?.value), Format.of(h.erDoctors?.value),
                    h.lastCoverageReport.map { f.short($0.at) } ?? "never", concern]
        }
        let table = Table(["Hospital", "Region", "ER", "ER beds", "Adult ICU", "Docs", "Reported", "Concern"],
                          align: [.left, .left, .left, .right, .right, .right, .left, .left], rows: rows, wrapsLast: true)
        return ("Hospitals of concern", [.paragraph(summary), .table(table)])
    }

    // MARK: 3. Changes at hospitals

    func hospitalChanges() -> Built {
        var blocks: [SitRep.Block] = []
        if diff.erChanges.isEmpty && diff.hospitalMoves.isEmpty && diff.hospitalsAdded.isEmpty && diff.hospitalsRemoved.isEmpty {
            return ("Changes at hospitals since then", [.paragraph("No ER status, bed or doctor figure changed since \(basisPhrase).")])
        }
        blocks.append(.heading("ER status"))
        if diff.erChanges.isEmpty {
            blocks.append(.paragraph("No ER changed its status."))
        } else {
            let rows = diff.erChanges.map { c -> [String] in
                [clean(c.hospital.name), clean(c.hospital.region), SitRepFormat.state(c.old?.state), SitRepFormat.state(c.new?.state),
                 stamp(c.reported), c.new.map { clean($0.reason) } ?? ""]
            }
            blocks.append(.table(Table(["Hospital", "Region", "Then", "Now", "Reported", "Reason"], rows: rows, wrapsLast: true)))
        }
        blocks.append(.heading("Beds and doctors (then → now)"))
        if diff.hospitalMoves.isEmpty {
            blocks.append(.paragraph("No bed or doctor figure moved."))
        } else {
            func beds(_ m: BriefingDiff.HospitalMoves) -> Int {
                [m.erBeds, m.icuBeds, m.nicuBeds, m.picuBeds].reduce(0) { $0 + (($1?.new?.available ?? 0) - ($1?.old?.available ?? 0)) }
            }
            let sorted = diff.hospitalMoves.sorted { (beds($0), $0.hospital.name, $0.hospital.id) < (beds($1), $1.hospital.name, $1.hospital.id) }
            let rows = sorted.prefix(limit).map { m -> [String] in
                var moved: [String] = []
                func cap(_ label: String, _ c: BriefingDiff.Move<Capacity>?) {
                    if let c { moved.append("\(label) \(Format.of(c.old)) → \(Format.of(c.new))") }
                }
                func staff(_ label: String, _ d: BriefingDiff.Move<Staffing>?) {
                    if let d { moved.append("\(label) \(Format.of(d.old)) → \(Format.of(d.new))") }
                }
                cap("ER beds", m.erBeds)
                cap("adult ICU", m.icuBeds)
                cap("NICU", m.nicuBeds)
                cap("PICU", m.picuBeds)
                staff("ER doctors", m.erDoctors)
                staff("ICU doctors", m.icuDoctors)
                // No-break spaces inside each figure: plain text wraps between figures, not inside one.
                return [clean(m.hospital.name), clean(m.hospital.region),
                        moved.map { $0.replacingOccurrences(of: " ", with: "\u{A0}") }.joined(separator: "; ")]
            }
            blocks.append(.table(Table(["Hospital", "Region", "Moved"], rows: Array(rows), wrapsLast: true)))
            blocks.append(.paragraph(sorted.count > limit
                ? "Largest falls in available beds first; and \(sorted.count - limit) more hospitals whose figures moved."
                : "Largest falls in available beds first. Beds are available/staffed, doctors on duty/minimum; — is not reported."))
        }
        func names(_ list: [BriefingDiff.HospitalRef]) -> String {
            list.map { $0.region.isEmpty ? clean($0.name) : "\(clean($0.name)) (\(clean($0.region)))" }.joined(separator: ", ")
        }
        if !diff.hospitalsAdded.isEmpty { blocks.append(.paragraph("Added to the board: " + names(diff.hospitalsAdded) + ".")) }
        if !diff.hospitalsRemoved.isEmpty { blocks.append(.paragraph("Removed from the board: " + names(diff.hospitalsRemoved) + ".")) }
        return ("Changes at hospitals since then", blocks)
    }

    // MARK: 4. Strike status

    func strikes() -> Built {
        func phase(_ s: StrikeAction) -> Int { s.isActive(at: now) ? 0 : s.start > now ? 1 : 2 }
        let list = current.strikes.values.sorted { (phase($0), $0.start, $0.organisation, $0.id) < (phase($1), $1.start, $1.organisation, $1.id) }
        guard !list.isEmpty || !diff.strikeChanges.isEmpty else {
            return ("Strike status", [.paragraph("No collective action on the board.")])
        }
        let changes = Dictionary(uniqueKeysWithValues: diff.strikeChanges.map { ($0.id, $0) })
        let records = list.map { s -> SitRep.Record in
            var when: String
            switch phase(s) {
            case 0: when = s.end.map { "under way, \(f.dateTime(s.start)) to \(f.dateTime($0))" } ?? "under way since \(f.dateTime(s.start)), no end announced"
            case 1: when = "planned, " + (s.end.map { "\(f.dateTime(s.start)) to \(f.dateTime($0))" } ?? "from \(f.dateTime(s.start))")
            default: when = "ended, \(f.dateTime(s.start)) to \(f.dateTime(s.end ?? s.start))"
            }
            var fields = [Field("Action", SitRepFormat.form(s.form) + ", " + when)]
            if !s.scope.isEmpty { fields.append(Field("Scope", clean(s.scope))) }
            if let p = s.participants {
                var text = n(p.value)
                switch changes[s.id]?.kind {
                case .added?: text += " (new on the board since then)"
                case .changed?:
                    let old = changes[s.id]?.participants.old
                    text += " (" + (old.map { Format.signed(p.value - $0) + " since then" } ?? "first reported since then") + ")"
                default: text += " (no change since then)"
                }
                text += "; reported \(f.short(p.at)) by \(clean(p.by))"
                fields.append(Field("Participants", text))
            } else {
                fields.append(Field("Participants", "not reported"))
            }
            if !s.notes.isEmpty { fields.append(Field("Notes", clean(s.notes))) }
            return SitRep.Record(title: clean(s.organisation), fields: fields)
        }
        var blocks: [SitRep.Block] = [.records(records)]
        let removed = diff.strikeChanges.filter { $0.kind == .removed }
        if !removed.isEmpty {
            blocks.append(.paragraph("Removed from the board since then: "
                + removed.map { "\(clean($0.organisation)) (\(SitRepFormat.form($0.form)))" }.joined(separator: "; ") + "."))
        }
        return ("Strike status", blocks)
    }

    // MARK: 5. Significant events

    func events() -> Built {
        let entries = diff.newLog
        guard !entries.isEmpty else { return ("Significant events since then", [.paragraph("No entries in the situation log since \(basisPhrase).")]) }
        func major(_ e: LogEntry) -> Bool { e.severity >= .warning }
        let ordered = entries.filter(major) + entries.filter { !major($0) }
        let shown = ordered.prefix(limit)
        let rows = shown.map { e -> [String] in
            var text = clean(e.text)
            var about: [String] = []
            if let h = e.hospitalId { about.append(hospitalName(h)) }
            if let a = e.agencyId { about.append(agencyName(a)) }
            if !about.isEmpty { text += " [" + about.joined(separator: "; ") + "]" }
            return [f.short(e.eventTime), SitRepFormat.severity(e.severity), clean(e.entered.by), text]
        }
        let majors = entries.filter(major).count
        var blocks: [SitRep.Block] = [
            .paragraph("\(entries.count) log \(entries.count == 1 ? "entry" : "entries") since then, \(majors) warning or critical; "
                + "those first, then the others, each in order of time."),
            .table(Table(["Time", "Severity", "By", "Event"], rows: Array(rows), wrapsLast: true)),
        ]
        let rest = ordered.dropFirst(limit)
        if !rest.isEmpty {
            let counts = Severity.allCases.reversed().compactMap { s -> String? in
                let k = rest.filter { $0.severity == s }.count
                return k > 0 ? "\(k) \(SitRepFormat.severity(s).lowercased())" : nil
            }
            blocks.append(.paragraph("And \(rest.count) more in the situation log (\(counts.joined(separator: ", ")))."))
        }
        return ("Significant events since then", blocks)
    }

    // MARK: 6. Action items

    func actionItems() -> Built {
        let open = current.actions.values.filter { $0.status == .open }
            .sorted { ($0.due ?? .distantFuture, $0.id) < ($1.due ?? .distantFuture, $1.id) }
        let opened = Set(diff.actionsOpened.map(\.id))
        let overdue = open.filter { $0.isOverdue(at: now) }.count
        let done = diff.actionsClosed.filter { $0.action.status == .done }.count
        let cancelled = diff.actionsClosed.count - done
        var blocks: [SitRep.Block] = [.paragraph(
            "Open: \(open.count) (\(overdue) overdue). Opened since then: \(diff.actionsOpened.count). "
                + "Closed since then: \(done) done, \(cancelled) cancelled.")]
        blocks.append(.heading("Open, by due time"))
        if open.isEmpty {
            blocks.append(.paragraph("No open action items."))
        } else {
            let rows = open.map { a -> [String] in
                var status = a.isOverdue(at: now) ? "OVERDUE by \(Format.age(of: a.due, now: now))" : "open"
                if opened.contains(a.id) { status += ", new" }
                return [a.due.map(f.short) ?? "no due time", status, agencyName(a.ownerAgencyId), clean(a.text)]
            }
            blocks.append(.table(Table(["Due", "Status", "Owner", "Action"], rows: rows, wrapsLast: true)))
        }
        if !diff.actionsClosed.isEmpty {
            blocks.append(.heading("Closed since then"))
            let rows = diff.actionsClosed.map { c -> [String] in
                [c.closed.map { f.short($0.at) } ?? "—", c.action.status.rawValue, c.closed.map { clean($0.by) } ?? "—",
                 agencyName(c.action.ownerAgencyId), clean(c.action.text)]
            }
            blocks.append(.table(Table(["Closed", "As", "By", "Owner", "Action"], rows: rows, wrapsLast: true)))
        }
        return ("Action items", blocks)
    }

    // MARK: 7. Alerts

    func alerts() -> Built {
        let active = current.alerts.values.sorted { ($1.severity, $0.raised.at, $0.text, $0.id) < ($0.severity, $1.raised.at, $1.text, $1.id) }
        let unacknowledged = active.filter { !$0.isAcknowledged }
        func bySeverity(_ list: [Alert]) -> String {
            let parts = Severity.allCases.reversed().compactMap { s -> String? in
                let k = list.filter { $0.severity == s }.count
                return k > 0 ? "\(k) \(SitRepFormat.severity(s).lowercased())" : nil
            }
            return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        }
        var blocks: [SitRep.Block] = [.paragraph(
            "Raised since then: \(diff.alertsRaised.count)\(bySeverity(diff.alertsRaised)). Cleared since then: \(diff.alertsCleared.count). "
                + "Active now: \(active.count), of which \(unacknowledged.count) not acknowledged.")]
        func more(_ total: Int, _ what: String) { if total > limit { blocks.append(.paragraph("And \(total - limit) more \(what).")) } }
        if !diff.alertsRaised.isEmpty {
            blocks.append(.heading("Raised since then"))
            let rows = diff.alertsRaised.prefix(limit).map { a -> [String] in
                let state: String
                if let c = a.cleared {
                    state = "cleared \(f.short(c.at))"
                } else if let ack = a.acknowledged {
                    state = "acknowledged by \(clean(ack.by))"
                } else {
                    state = "active"
                }
                return [f.short(a.raised.at), SitRepFormat.severity(a.severity), state, clean(a.text)]
            }
            blocks.append(.table(Table(["Raised", "Severity", "Now", "Alert"], rows: Array(rows), wrapsLast: true)))
            more(diff.alertsRaised.count, "raised since then")
        }
        if !diff.alertsCleared.isEmpty {
            blocks.append(.heading("Cleared since then"))
            let rows = diff.alertsCleared.prefix(limit).map { a -> [String] in
                [f.short(a.cleared!.at), f.short(a.raised.at), SitRepFormat.severity(a.severity), clean(a.text)]
            }
            blocks.append(.table(Table(["Cleared", "Raised", "Severity", "Alert"], rows: Array(rows), wrapsLast: true)))
            more(diff.alertsCleared.count, "cleared since then")
        }
        if !unacknowledged.isEmpty {
            blocks.append(.heading("Active, not acknowledged (worst first, then longest waiting)"))
            let rows = unacknowledged.prefix(limit).map { a -> [String] in
                [f.short(a.raised.at), SitRepFormat.severity(a.severity), clean(a.text)]
            }
            blocks.append(.table(Table(["Raised", "Severity", "Alert"], rows: Array(rows), wrapsLast: true)))
            more(unacknowledged.count, "active and not acknowledged")
        }
        return ("Alerts", blocks)
    }

    // MARK: 9. ER capability (SitRepCapability.swift)

    func capability() -> Built {
        SitRepCapability(baseline: baseline, current: current, since: since, now: now, basisPhrase: basisPhrase, f: f, limit: limit).section()
    }

    // MARK: 8. Inter-agency contacts

    func contacts() -> Built {
        let oldCalls = Set(baseline.calls.map(\.id))
        let calls = current.calls.filter { $0.at >= since && !oldCalls.contains($0.id) }
        let agencies = current.agenciesByName
        guard !agencies.isEmpty else { return ("Inter-agency contacts", [.paragraph("No agencies on the board.")]) }
        let rows = agencies.map { a -> [String] in
            let people = current.contacts(of: a.id)
            let reached = people.filter { $0.lastReached != nil }.max { ($0.lastReached!, $1.id) < ($1.lastReached!, $0.id) }
            let mine = calls.filter { $0.agencyId == a.id }
            let outcomes = CallOutcome.allCases.compactMap { o -> String? in
                let k = mine.filter { $0.outcome == o }.count
                return k > 0 ? "\(k) \(SitRepFormat.outcome(o))" : nil
            }
            return [clean(a.name), "\(people.count)", reached.map { "\(f.short($0.lastReached!)) \(clean($0.person))" } ?? "never",
                    "\(mine.count)", outcomes.joined(separator: ", ")]
        }
        return ("Inter-agency contacts", [
            .paragraph("\(calls.count) \(calls.count == 1 ? "call" : "calls") logged since then (Calls, with their outcomes). "
                + "Last reached: the latest call that reached someone there, and whom."),
            .table(Table(["Agency", "Contacts", "Last reached", "Calls", "Outcomes"],
                         align: [.left, .right, .left, .right, .left], rows: rows, wrapsLast: true)),
        ])
    }
}
