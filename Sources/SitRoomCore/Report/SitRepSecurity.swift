import Foundation

/// The SITREP's "Hospital security" section: open incidents, the incidents since the report's
/// basis by type and region, staff injured, the police response (median and worst, notified to on
/// scene) and the hospitals above the normal security level.
struct SitRepSecurity {
    let current: Board
    let since: Date
    let now: Date
    let f: SitRepFormat
    let limit: Int

    func clean(_ s: String) -> String { SitRepFormat.clean(s) }

    func hospitalName(_ id: String) -> String { clean(current.hospitals[id]?.name ?? id) }

    func region(_ id: String) -> String {
        let r = current.hospitals[id]?.region ?? ""
        return r.isEmpty ? "(no region)" : clean(r)
    }

    func section() -> (String, [SitRep.Block]) {
        let title = "Hospital security"
        let all = Array(current.securityIncidents.values)
        let levels = current.hospitalSecurity.values.filter { $0.currentLevel > .normal && current.hospitals[$0.hospitalId] != nil }
        guard !all.isEmpty || !levels.isEmpty else {
            return (title, [.paragraph("No security incidents on the board; every hospital at the normal security level.")])
        }
        let open = all.filter(\.isOpen).sorted(by: SecurityIncident.listOrder)
        let recent = all.filter { $0.occurred.at >= since || $0.reported.at >= since }
        let injured = recent.reduce(0) { $0 + $1.staffInjured }
        let waiting = open.filter(\.isWaitingForPolice).count
        var blocks: [SitRep.Block] = [.paragraph(
            "\(open.count) open (\(waiting) waiting for police); \(recent.count) since then, \(injured) staff injured in them.")]

        if !open.isEmpty {
            blocks.append(.heading("Open incidents"))
            let rows = open.prefix(limit).map { i -> [String] in
                [i.id, hospitalName(i.hospitalId), current.securityTypes.label(i.type), f.short(i.occurred.at), step(i),
                 i.staffInjured > 0 ? "\(i.staffInjured)" : "", clean(i.text)]
            }
            blocks.append(.table(SitRep.Table(["Id", "Hospital", "Type", "Occurred", "Now", "Injured", "What happened"],
                                              align: [.left, .left, .left, .left, .left, .right, .left], rows: Array(rows), wrapsLast: true)))
            if open.count > limit { blocks.append(.paragraph("And \(open.count - limit) more open.")) }
        }

        if !recent.isEmpty {
            blocks.append(.heading("Since then, by type and region"))
            var counts: [String: [String: Int]] = [:]
            for i in recent { counts[current.securityTypes.label(i.type), default: [:]][region(i.hospitalId), default: 0] += 1 }
            let rows = counts.keys.sorted().map { type -> [String] in
                let byRegion = counts[type]!.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                return [type, "\(byRegion.reduce(0) { $0 + $1.value })", byRegion.map { "\($0.key) \($0.value)" }.joined(separator: ", ")]
            }
            blocks.append(.table(SitRep.Table(["Type", "Incidents", "Regions"], align: [.left, .right, .left], rows: rows, wrapsLast: true)))
        }

        let responses = all.filter { ($0.onScene?.at ?? .distantPast) >= since }.compactMap { i in i.policeResponse.map { (i, $0) } }
        if responses.isEmpty {
            blocks.append(.paragraph("Police response: no arrival on scene since then."))
        } else {
            let sorted = responses.map(\.1).sorted()
            let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            let worst = responses.max { $0.1 < $1.1 }!
            blocks.append(.paragraph(
                "Police response (notified to on scene) since then, \(responses.count) arrival\(responses.count == 1 ? "" : "s"): median \(Format.age(median)), worst \(Format.age(worst.1)) (\(worst.0.id) \(hospitalName(worst.0.hospitalId)))."))
        }
        let stillWaiting = open.filter(\.isWaitingForPolice).map { ($0, now.timeIntervalSince($0.notified!.at)) }.max { $0.1 < $1.1 }
        if let (i, waited) = stillWaiting {
            blocks.append(.paragraph("Longest still waiting for police: \(i.id) \(hospitalName(i.hospitalId)), \(Format.age(waited)) since notified."))
        }

        if levels.isEmpty {
            blocks.append(.paragraph("Every hospital at the normal security level."))
        } else {
            blocks.append(.heading("Hospitals above the normal security level"))
            let rows = levels.sorted { ($1.currentLevel, hospitalName($0.hospitalId)) < ($0.currentLevel, hospitalName($1.hospitalId)) }
                .map { s -> [String] in
                    [hospitalName(s.hospitalId), s.currentLevel == .normal ? "normal" : s.currentLevel.rawValue.uppercased(),
                     s.level.map { "\(f.short($0.at)) \(clean($0.by))" } ?? "—", clean(current.policeLink(of: s.hospitalId) ?? "none linked")]
                }
            blocks.append(.table(SitRep.Table(["Hospital", "Level", "Set", "Police post"], rows: rows, wrapsLast: true)))
        }
        return (title, blocks)
    }

    /// Where an open incident stands, in words.
    func step(_ i: SecurityIncident) -> String {
        if let onScene = i.onScene { return "police on scene \(f.short(onScene.at))" }
        if let notified = i.notified { return "WAITING FOR POLICE \(Format.age(now.timeIntervalSince(notified.at)))" }
        return "police not called"
    }
}
