import Foundation

/// The SITREP's capability section (issue 15): the national figures now against their normal-time
/// baselines, capability by condition (now, then, normal), ERs on restricted hours, restrictions in
/// force and ER visits against normal. Counts use the baselines' own definitions
/// (`Board.baselineValues`), so that "now" and "normal" are counted the same way.
struct SitRepCapability {
    let baseline: Board
    let current: Board
    let since: Date
    let now: Date
    /// What "then" is, e.g. "“19:00 briefing”".
    let basisPhrase: String
    let f: SitRepFormat
    let limit: Int

    typealias Table = SitRep.Table

    func clean(_ s: String) -> String { SitRepFormat.clean(s) }
    func n(_ x: Int) -> String { Format.grouped(x) }

    static let title = "ER capability"

    /// The national figures with a normal value, and how the SITREP names them.
    static let figures: [(name: String, label: String)] = [
        (BaselineFigure.openERs, "ERs open or limited"),
        (BaselineFigure.allDayERs, "24-hour ERs"),
        (BaselineFigure.erBedsStaffed, "ER beds staffed"),
        (BaselineFigure.erBedsAvailable, "ER beds available"),
        (BaselineFigure.icuBedsAvailable, "Adult ICU beds available"),
        (BaselineFigure.erDoctorsOnDuty, "ER doctors"),
    ]

    static let visitFigures: [(name: String, label: String)] = [
        (BaselineFigure.visitsTotal, "ER visits"),
        (BaselineFigure.visitsSevere, "Severe"),
        (BaselineFigure.visitsMild, "Mild"),
    ]

    func section() -> (String, [SitRep.Block]) {
        let nowValues = current.baselineValues(at: now).national
        let thenValues = baseline.baselineValues(at: since).national
        let normal = current.baselines.national
        let reporting = current.capabilities.values.filter { !$0.conditions.isEmpty }.count
        let inForce = current.restrictions.values.filter { $0.inForce(at: now) }
        if current.capabilities.isEmpty && normal.isEmpty && current.restrictions.isEmpty && baseline.restrictions.isEmpty {
            return (Self.title, [.paragraph("No ER has reported capability, hours or visits, no restriction notice is on the board "
                + "and no normal-time baseline is set (sitroom baseline --at MOMENT).")])
        }
        var blocks: [SitRep.Block] = [.paragraph(
            "Now: \(f.dateTime(now)). Then: at \(basisPhrase). Normal: \(normalPhrase(normal)). "
                + "\(n(reporting)) of \(n(current.hospitals.count)) hospitals have reported capability; "
                + "\(n(inForce.count)) restriction \(inForce.count == 1 ? "notice" : "notices") in force.")]
        blocks += againstNormal(nowValues, thenValues, normal)
        blocks += byCondition(nowValues, thenValues, normal)
        blocks += restrictedHours(nowValues, thenValues, normal)
        blocks += restrictions(inForce)
        blocks += visits(nowValues, thenValues, normal)
        return (Self.title, blocks)
    }

    /// "the baseline as of 2026-11-16 09:00 KST, set by lee.nemc" (the newest of the national values).
    func normalPhrase(_ normal: [String: Reported<Int>]) -> String {
        guard let newest = normal.values.max(by: { ($0.at, $0.by) < ($1.at, $1.by) }) else {
            return "no baseline set (sitroom baseline --at MOMENT)"
        }
        return "the baseline as of \(f.dateTime(newest.at)), set by \(clean(newest.by))"
    }

    /// `1,504 vs 1,850 normal (81%); then 1,530`.
    func vsNormal(_ now: Int, _ normal: Int?, then: Int?) -> String {
        var text = n(now)
        if let normal { text += " vs \(n(normal)) normal (\(Format.percent(now, of: normal)))" }
        if let then { text += "; then \(n(then))" }
        return text
    }

    // MARK: Now against normal

    func againstNormal(_ now: [String: Int], _ then: [String: Int], _ normal: [String: Reported<Int>]) -> [SitRep.Block] {
        let fields = Self.figures.compactMap { name, label -> SitRep.Field? in
            guard let value = normal[name]?.value else { return nil }
            return SitRep.Field(label, vsNormal(now[name] ?? 0, value, then: then[name]))
        }
        guard !fields.isEmpty else { return [] }
        return [.heading("Now against normal"), .fields(fields)]
    }

    // MARK: Capability by condition

    func byCondition(_ now: [String: Int], _ then: [String: Int], _ normal: [String: Reported<Int>]) -> [SitRep.Block] {
        let table = current.conditions
        guard !current.capabilities.isEmpty else {
            return [.heading("Capability by condition"), .paragraph("No ER has reported capability yet.")]
        }
        let open = current.hospitals.values.filter { $0.erState == .open || $0.erState == .limited }
        var unavailable: [String: Int] = [:]
        var unknown: [String: Int] = [:]
        for h in open {
            let cap = current.capabilities[h.id]
            for c in table.conditions {
                switch cap?.availability(of: c.code) ?? .unknown {
                case .available: break
                case .unavailable: unavailable[c.code, default: 0] += 1
                case .unknown: unknown[c.code, default: 0] += 1
                }
            }
        }
        let rows = table.conditions.map { c -> [String] in
            let key = BaselineFigure.capable(c.code)
            let nowCount = now[key] ?? 0
            let normalCount = normal[key]?.value
            return [clean(c.code), n(nowCount), then[key].map(n) ?? "—", then[key].map { Format.signed(nowCount - $0) } ?? "—",
                    normalCount.map(n) ?? "—", normalCount.map { Format.percent(nowCount, of: $0) } ?? "—",
                    n(unavailable[c.code] ?? 0), n(unknown[c.code] ?? 0), clean(c.short) + " — " + clean(c.english)]
        }
        return [
            .heading("Capability by condition"),
            .paragraph("Open or limited ERs reporting each condition available (of \(n(open.count)) open or limited now); "
                + "Unavailable: those reporting it not available; Unknown: those with no report on it."),
            .table(Table(["Code", "Now", "Then", "Change", "Normal", "Of normal", "Unavailable", "Unknown", "Condition"],
                         align: [.left, .right, .right, .right, .right, .right, .right, .right, .left], rows: rows, wrapsLast: true)),
        ]
    }

    // MARK: ERs on restricted hours

    func restrictedHours(_ now: [String: Int], _ then: [String: Int], _ normal: [String: Reported<Int>]) -> [SitRep.Block] {
        let restricted = current.hospitals.values.compactMap { h -> (Hospital, Reported<ERHours>)? in
            guard h.erState != .closed, let hours = current.capabilities[h.id]?.hours, !hours.value.isAllDay else { return nil }
            return (h, hours)
        }.sorted { ($0.0.region, $0.0.name, $0.0.id) < ($1.0.region, $1.0.name, $1.0.id) }
        let reported = current.capabilities.values.filter { $0.hours != nil }.count
        var blocks: [SitRep.Block] = [
            .heading("ERs on restricted hours"),
            .paragraph("24-hour ERs (open or limited): " + vsNormal(now[BaselineFigure.allDayERs] ?? 0, normal[BaselineFigure.allDayERs]?.value,
                                                                    then: then[BaselineFigure.allDayERs])
                + ". On restricted hours: \(n(restricted.count)) of \(n(reported)) ERs reporting their hours."),
        ]
        guard !restricted.isEmpty else { return blocks }
        let rows = restricted.prefix(limit).map { h, hours -> [String] in
            [clean(h.name), clean(h.region), SitRepFormat.state(h.erState), "\(f.short(hours.at)) \(clean(hours.by))", clean(hours.value.text)]
        }
        blocks.append(.table(Table(["Hospital", "Region", "ER", "Reported", "Hours"], rows: Array(rows), wrapsLast: true)))
        if restricted.count > limit { blocks.append(.paragraph("And \(restricted.count - limit) more ERs on restricted hours.")) }
        return blocks
    }

    // MARK: Restrictions in force

    func restrictions(_ inForce: [Restriction]) -> [SitRep.Block] {
        let list = inForce.sorted { ($0.from, $0.hospitalId, $0.id) < ($1.from, $1.hospitalId, $1.id) }
        let before = Set(baseline.restrictions.values.filter { $0.inForce(at: since) }.map(\.id))
        let started = list.filter { !before.contains($0.id) }.count
        let lifted = before.filter { id in !(current.restrictions[id]?.inForce(at: now) ?? false) }.count
        var blocks: [SitRep.Block] = [
            .heading("Restrictions in force"),
            .paragraph("\(n(list.count)) in force, \(n(started)) of them new since then; \(n(lifted)) ended or expired since then."),
        ]
        guard !list.isEmpty else { return blocks }
        let rows = list.prefix(limit).map { r -> [String] in
            let h = current.hospitals[r.hospitalId]
            var from = f.short(r.from)
            if !before.contains(r.id) { from += ", new" }
            return [clean(h?.name ?? r.hospitalId), clean(h?.region ?? ""), clean(r.category), from,
                    r.until.map(f.short) ?? "until ended", clean(r.text) + " — \(clean(r.entered.by))"]
        }
        blocks.append(.table(Table(["Hospital", "Region", "Category", "From", "Until", "Restriction"], rows: Array(rows), wrapsLast: true)))
        if list.count > limit { blocks.append(.paragraph("And \(list.count - limit) more restrictions in force.")) }
        return blocks
    }

    // MARK: ER visits

    func visits(_ now: [String: Int], _ then: [String: Int], _ normal: [String: Reported<Int>]) -> [SitRep.Block] {
        let reporting = current.capabilities.values.filter { $0.visits != nil }.count
        guard reporting > 0 || Self.visitFigures.contains(where: { normal[$0.name] != nil }) else { return [] }
        let rows = Self.visitFigures.map { name, label -> [String] in
            let value = now[name] ?? 0
            let base = normal[name]?.value
            return [label, n(value), then[name].map(n) ?? "—", base.map(n) ?? "—", base.map { Format.percent(value, of: $0) } ?? "—"]
        }
        return [
            .heading("ER visits against normal"),
            .paragraph("The sum of the latest day's visits each ER reported (\(n(reporting)) \(reporting == 1 ? "ER" : "ERs") reporting)."),
            .table(Table(["Visits", "Now", "Then", "Normal", "Of normal"], align: [.left, .right, .right, .right, .right], rows: rows)),
        ]
    }
}
