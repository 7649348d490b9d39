import Foundation

// The capability rules (issue 15). They hold like the others, from the board alone, so that a
// raise and its clear come from any console and from the minute's sync alike:
// - `no-capability/<region>/<code>`: a region where fewer open or limited ERs report a watched
//   condition available than `capableInRegionBelow` (critical when none can), and
//   `no-capability/national/<code>` for the whole country. Only where at least one ER has reported on
//   the condition: a board with no capability reports raises nothing, as a never-reported hospital
//   raises no stale-report alert.
// - `capability-lost/<hospital>`: an open or limited ER reporting fewer conditions available than
//   its normal (its `capabilityCount` baseline) by `capabilityLostBelowNormal` or more (notice).
// - `restriction-rc/<restriction>`: a restriction notice in force at a regional emergency centre.
//
// Cheap on 3,000 hospitals: a count stops at the threshold, and a commit that touched a few
// hospitals looks at their regions only (and at the country, which stops at the first capable ER).

extension AlertRules {
    /// The region word of the country-wide `no-capability` alerts: `no-capability/national/Y0020`.
    public static let nationalRegion = "national"

    /// The codes watched on `table`: the listed ones the table holds, or the whole table.
    public func watched(in table: ConditionTable) -> [Condition] {
        guard !watchedConditions.isEmpty else { return table.conditions }
        return watchedConditions.compactMap { table.condition(code: $0) }
    }

    var capabilityRulesOn: Bool {
        capableInRegionBelow > 0 || capableNationallyBelow > 0 || capabilityLostBelowNormal > 0 || restrictionAtRegionalCentre
    }
}

/// What a commit that touched `subjects` can change for the capability rules.
struct CapabilityAlertScope {
    /// nil: everything.
    var hospitals: Set<String>?
    var regions: Set<String>?
    var restrictions: Set<String>?

    static let everything = CapabilityAlertScope(hospitals: nil, regions: nil, restrictions: nil)
}

extension Board {
    /// The hospitals, regions and restrictions that `subjects` (hospital or restriction ids) reach.
    func capabilityScope(_ subjects: Set<String>?) -> CapabilityAlertScope {
        guard let subjects else { return .everything }
        var ids = Set<String>()
        var restrictionIds = Set<String>()
        for s in subjects {
            if hospitals[s] != nil { ids.insert(s) }
            if let r = restrictions[s] {
                ids.insert(r.hospitalId)
                restrictionIds.insert(s)
            }
        }
        if !ids.isEmpty {
            for r in restrictions.values where ids.contains(r.hospitalId) { restrictionIds.insert(r.id) }
        }
        // A hospital with no capability report counts for no region (it reports nothing, is capable of
        // nothing), so a commit about one does not recount its region.
        let regions = Set(ids.compactMap { capabilities[$0] == nil ? nil : hospitals[$0]?.region })
        return CapabilityAlertScope(hospitals: ids, regions: regions, restrictions: restrictionIds)
    }

    /// `subjects` with the alert subjects the capability rules may hold for what they touched, so
    /// that their alerts clear on the same commit.
    func capabilityAlertSubjects(_ subjects: Set<String>, _ rules: AlertRules) -> Set<String> {
        guard rules.capabilityRulesOn else { return subjects }
        let scope = capabilityScope(subjects)
        var out = subjects.union(scope.restrictions ?? [])
        guard let regions = scope.regions, !regions.isEmpty else { return out }
        for c in rules.watched(in: conditions) {
            for region in regions { out.insert("\(region)/\(c.code)") }
            out.insert("\(AlertRules.nationalRegion)/\(c.code)")
        }
        return out
    }

    /// The capability rules that hold at `now`; with `subjects`, only what those reach.
    func capabilityAlertConditions(_ rules: AlertRules, at now: Date, subjects: Set<String>?) -> [AlertCondition] {
        guard rules.capabilityRulesOn else { return [] }
        let scope = capabilityScope(subjects)
        var out: [AlertCondition] = []
        let watched = rules.watched(in: conditions)
        if !watched.isEmpty, rules.capableInRegionBelow > 0 || rules.capableNationallyBelow > 0 {
            out += noCapability(watched, rules, scope)
        }
        if rules.capabilityLostBelowNormal > 0 { out += capabilityLost(watched, rules, scope) }
        if rules.restrictionAtRegionalCentre { out += restrictionsAtCentres(now, scope) }
        return out
    }

    private func noCapability(_ watched: [Condition], _ rules: AlertRules, _ scope: CapabilityAlertScope) -> [AlertCondition] {
        var out: [AlertCondition] = []
        func add(_ region: String, _ place: String, _ c: Condition, capable: Int) {
            let text = capable == 0
                ? "\(place): no open ER can take \(c.short) (\(c.english))"
                : "\(place): only \(capable) open \(capable == 1 ? "ER" : "ERs") can take \(c.short) (\(c.english))"
            out.append(AlertCondition(rule: .noCapability, subject: "\(region)/\(c.code)", text: text,
                                      severity: capable == 0 ? .critical : .warning))
        }
        func isOpen(_ h: Hospital) -> Bool { h.erState == .open || h.erState == .limited }
        if rules.capableInRegionBelow > 0, scope.regions.map({ !$0.isEmpty }) ?? true {
            // One pass over the hospitals of the regions in scope, counting every watched condition.
            var regionIndex: [String: Int] = [:]
            var reported: [Bool] = []
            var capable: [Int] = []
            for h in hospitals.values where !h.region.isEmpty && scope.regions.map({ $0.contains(h.region) }) ?? true {
                guard let cap = capabilities[h.id] else { continue }
                let r: Int
                if let known = regionIndex[h.region] {
                    r = known
                } else {
                    r = regionIndex.count
                    regionIndex[h.region] = r
                    reported += Array(repeating: false, count: watched.count)
                    capable += Array(repeating: 0, count: watched.count)
                }
                let open = isOpen(h)
                for (i, c) in watched.enumerated() {
                    guard let status = cap.conditions[c.code] else { continue }
                    reported[r * watched.count + i] = true
                    if open, status.value.availability == .available { capable[r * watched.count + i] += 1 }
                }
            }
            for (region, r) in regionIndex {
                for (i, c) in watched.enumerated() {
                    let k = r * watched.count + i
                    if reported[k], capable[k] < rules.capableInRegionBelow { add(region, region, c, capable: capable[k]) }
                }
            }
        }
        if rules.capableNationallyBelow > 0, scope.regions.map({ !$0.isEmpty }) ?? true {
            // Per condition, stopping at the threshold: usually at the first capable ER.
            for c in watched {
                var reported = false
                var capable = 0
                for cap in capabilities.values {
                    guard let status = cap.conditions[c.code] else { continue }
                    reported = true
                    if status.value.availability == .available, let h = hospitals[cap.hospitalId], isOpen(h) {
                        capable += 1
                        if capable >= rules.capableNationallyBelow { break }
                    }
                }
                if reported, capable < rules.capableNationallyBelow { add(AlertRules.nationalRegion, "Nationally", c, capable: capable) }
            }
        }
        return out
    }

    private func capabilityLost(_ watched: [Condition], _ rules: AlertRules, _ scope: CapabilityAlertScope) -> [AlertCondition] {
        var out: [AlertCondition] = []
        func check(_ id: String) {
            guard let h = hospitals[id], h.erState == .open || h.erState == .limited,
                  let normal = baselines.hospital(id, BaselineFigure.capabilityCount), let cap = capabilities[id] else { return }
            let now = cap.availableCount(of: conditions)
            guard normal - now >= rules.capabilityLostBelowNormal else { return }
            let lost = watched.filter { cap.availability(of: $0.code) == .unavailable }.map(\.short)
            var text = "\(h.name) can take \(now) of \(conditions.count) conditions, normally \(normal)"
            if !lost.isEmpty {
                text += "; not now: " + lost.prefix(8).joined(separator: ", ") + (lost.count > 8 ? " and \(lost.count - 8) more" : "")
            }
            out.append(AlertCondition(rule: .capabilityLost, subject: id, text: text, severity: .notice))
        }
        if let ids = scope.hospitals {
            for id in ids { check(id) }
        } else {
            for id in baselines.hospitals.keys { check(id) }
        }
        return out
    }

    private func restrictionsAtCentres(_ now: Date, _ scope: CapabilityAlertScope) -> [AlertCondition] {
        var out: [AlertCondition] = []
        func check(_ r: Restriction) {
            guard r.inForce(at: now), let h = hospitals[r.hospitalId], h.hospitalClass == .regionalCentre else { return }
            out.append(AlertCondition(rule: .restrictionAtCentre, subject: r.id,
                                      text: "\(h.name) restriction (\(r.category)): \(r.text)", severity: .warning))
        }
        if let ids = scope.restrictions {
            for id in ids { if let r = restrictions[id] { check(r) } }
        } else {
            for r in restrictions.values { check(r) }
        }
        return out
    }
}
