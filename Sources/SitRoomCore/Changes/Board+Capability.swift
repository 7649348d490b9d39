import Foundation

// Applying the capability changes (issue 15): the condition table, capability reports, restriction
// notices and baselines. Each is checked whole before the board changes.

extension Board {
    mutating func replayCapability(_ change: Change) throws {
        let stamp = change.stamp
        switch change.action {
        case .setConditions(let table):
            try table.validate()
            conditions = table

        case .reportCapability(let id, let report):
            try checkHospital(id)
            try validate(report)
            var cap = capabilities[id] ?? HospitalCapability(hospitalId: id)
            for (code, status) in report.conditions { cap.conditions[code] = Reported(status, stamp) }
            for (code, value) in report.equipment { cap.equipment[code] = Reported(value, stamp) }
            if let hours = report.hours { cap.hours = Reported(hours, stamp) }
            if let visits = report.visits { cap.visits = Reported(visits, stamp) }
            capabilities[id] = cap

        case .revertCapability(let id, let keys, let old):
            try checkHospital(id)
            try require(old.hospitalId == id, "the capability to revert to is hospital \(old.hospitalId)'s, not \(id)'s", field: "record")
            var cap = capabilities[id] ?? HospitalCapability(hospitalId: id)
            for code in keys.conditions { cap.conditions[code] = old.conditions[code] }
            for code in keys.equipment { cap.equipment[code] = old.equipment[code] }
            if keys.hours { cap.hours = old.hours }
            if keys.visits { cap.visits = old.visits }
            capabilities[id] = cap.isEmpty ? nil : cap

        case .addRestriction(var restriction):
            restriction.entered = stamp
            restriction.ended = nil
            try validate(restriction)
            if restrictions[restriction.id] != nil { throw ChangeError.duplicate("restriction", restriction.id) }
            restrictions[restriction.id] = restriction

        case .endRestrictions(let ids):
            try require(!ids.isEmpty, "name at least one restriction to end", field: "ids")
            var ended = restrictions
            for id in ids {
                guard var r = ended[id] else { throw ChangeError.unknown("restriction", id) }
                if let done = r.ended {
                    throw ChangeError("restriction \(id) was ended already by \(done.by) at \(ISO8601.format(done.at))", field: "ids")
                }
                r.ended = stamp
                ended[id] = r
            }
            restrictions = ended

        case .removeRestrictions(let ids):
            for id in ids where restrictions[id] == nil { throw ChangeError.unknown("restriction", id) }
            for id in ids { restrictions[id] = nil }

        case .restoreRestrictions(let records):
            for r in records { try validate(r) }
            for r in records { restrictions[r.id] = r }

        case .setBaselines(let values):
            try validate(values, at: change.at)
            let moment = values.moment ?? stamp.at
            for (name, value) in values.national { baselines.national[name] = Reported(value, at: moment, by: stamp.by) }
            for (id, figures) in values.hospitals {
                for (name, value) in figures { baselines.hospitals[id, default: [:]][name] = Reported(value, at: moment, by: stamp.by) }
            }

        case .takeBaselines(let values):
            guard let moment = values.moment else {
                throw ChangeError("a baseline taken from the board needs the moment it was taken at", field: "moment")
            }
            try validate(values, at: change.at)
            baselines = Baselines(
                national: values.national.mapValues { Reported($0, at: moment, by: stamp.by) },
                hospitals: values.hospitals.mapValues { $0.mapValues { Reported($0, at: moment, by: stamp.by) } })

        case .restoreBaselines(let old):
            baselines = old

        default:
            preconditionFailure("not a capability change: \(change.action.type)")
        }
    }

    private func checkHospital(_ id: String) throws {
        guard hospitals[id] == nil else { return }
        let near = closestHospitalIds(id)
        throw ChangeError("unknown hospital \(id)" + (near.isEmpty ? "" : "; closest: " + near.joined(separator: ", ")), field: "id")
    }

    /// Up to three hospital ids nearest to `id` (edit distance), each with its name.
    func closestHospitalIds(_ id: String, limit: Int = 3) -> [String] {
        let query = Array(id.lowercased())
        return hospitals.values
            .map { (editDistance(query, Array($0.id.lowercased())), $0.id, $0.name) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .prefix(limit).map { "\($0.1) \($0.2)" }
    }

    private func unknownCondition(_ code: String) -> ChangeError {
        ChangeError("unknown condition \(code); \(conditions.suggestion(for: code))", field: "conditions")
    }

    func validate(_ report: CapabilityReport) throws {
        try require(!report.isEmpty, "a capability report must give at least one condition, item of equipment, hours or visits", field: "report")
        for code in report.conditions.keys.sorted() where conditions.condition(code: code) == nil {
            throw unknownCondition(code)
        }
        for (code, value) in report.equipment.sorted(by: { $0.key < $1.key }) {
            guard let item = Equipment.item(code: code) else {
                let near = Equipment.closest(code).map { "\($0.code) (\($0.english))" }.joined(separator: ", ")
                throw ChangeError("unknown equipment \(code); closest: \(near)", field: "equipment")
            }
            try requireCount(value, item.english, field: "equipment")
            if !item.isCount {
                try require(value <= 1, "\(item.english) is yes or no: 1 or 0 (got \(value))", field: "equipment")
            }
        }
        if case .restricted(let hours) = report.hours {
            try requireText(hours, "restricted hours", field: "hours")
        }
        if let v = report.visits {
            try requireCount(v.total, "visits total", field: "visits")
            try requireCount(v.severe, "severe visits", field: "visits")
            try requireCount(v.mild, "mild visits", field: "visits")
            try require(v.severe <= v.total, "severe visits \(v.severe) exceed the total \(v.total)", field: "visits")
            try require(v.mild <= v.total, "mild visits \(v.mild) exceed the total \(v.total)", field: "visits")
        }
    }

    func validate(_ r: Restriction) throws {
        try requireText(r.id, "restriction id", field: "id")
        try checkHospital(r.hospitalId)
        try requireText(r.text, "restriction text", field: "text")
        try requireText(r.category, "restriction category", field: "category")
        try require(!r.category.contains { $0.isWhitespace }, "restriction category \"\(r.category)\" must be one word", field: "category")
        if let until = r.until {
            try require(until > r.from, "the restriction ends (\(ISO8601.format(until))) before it starts (\(ISO8601.format(r.from)))", field: "until")
        }
    }

    func validate(_ values: BaselineValues, at now: Date) throws {
        try require(values.count > 0, "a baseline change must give at least one value", field: "record")
        if let moment = values.moment {
            try require(moment <= now, "a baseline cannot describe a moment in the future (\(ISO8601.format(moment)))", field: "moment")
        }
        for (name, value) in values.national.sorted(by: { $0.key < $1.key }) {
            if name.hasPrefix(BaselineFigure.capablePrefix) {
                let code = String(name.dropFirst(BaselineFigure.capablePrefix.count))
                guard conditions.condition(code: code) != nil else { throw unknownCondition(code) }
            } else {
                try require(BaselineFigure.national.contains(name),
                            "unknown national figure \(name); known: \(BaselineFigure.national.joined(separator: ", ")), \(BaselineFigure.capablePrefix)<code>",
                            field: "national")
            }
            try requireCount(value, name, field: "national")
            try requireAtMostLimit(value, name, field: "national")
        }
        for (id, figures) in values.hospitals.sorted(by: { $0.key < $1.key }) {
            try checkHospital(id)
            for (name, value) in figures.sorted(by: { $0.key < $1.key }) {
                try require(BaselineFigure.perHospital.contains(name),
                            "unknown hospital figure \(name); known: \(BaselineFigure.perHospital.joined(separator: ", "))", field: "hospitals")
                try requireCount(value, name, field: "hospitals")
                try requireAtMostLimit(value, name, field: "hospitals")
            }
        }
    }
}

extension ChangeAction {
    /// `Limits` on the texts and figures a capability change brings in.
    func checkCapabilityLimits() throws {
        switch self {
        case .setConditions(let table):
            for c in table.conditions {
                for (text, label) in [(c.code, "condition code"), (c.korean, "Korean name"), (c.english, "English name"),
                                      (c.short, "short label"), (c.feedField, "feed field")] {
                    try requireLength(text, label, field: "conditions")
                }
            }
        case .reportCapability(let id, let report):
            try requireLength(id, "hospital id", field: "id")
            for (code, status) in report.conditions {
                try requireLength(code, "condition code", field: "conditions")
                try requireLength(status.reason, "reason", field: "conditions")
            }
            for (code, value) in report.equipment {
                try requireLength(code, "equipment code", field: "equipment")
                try requireAtMostLimit(value, code, field: "equipment")
            }
            if let hours = report.hours { try requireLength(hours.text, "hours", field: "hours") }
            if let v = report.visits {
                for n in [v.total, v.severe, v.mild] { try requireAtMostLimit(n, "visits", field: "visits") }
            }
        case .addRestriction(let r):
            try requireLength(r.id, "restriction id", field: "id")
            try requireLength(r.text, "restriction text", field: "text")
            try requireLength(r.category, "restriction category", field: "category")
        case .endRestrictions(let ids):
            for id in ids { try requireLength(id, "restriction id", field: "ids") }
        case .setBaselines(let values), .takeBaselines(let values):
            for name in values.national.keys { try requireLength(name, "figure name", field: "national") }
            for (id, figures) in values.hospitals {
                try requireLength(id, "hospital id", field: "hospitals")
                for name in figures.keys { try requireLength(name, "figure name", field: "hospitals") }
            }
        default:
            break
        }
    }
}

extension Board {
    /// The hospital's restrictions in force at `now`, newest first.
    public func restrictions(of hospitalId: String, at now: Date) -> [Restriction] {
        restrictions.values.filter { $0.hospitalId == hospitalId && $0.inForce(at: now) }
            .sorted { ($1.from, $1.id) < ($0.from, $0.id) }
    }

    /// Every restriction in force at `now`, by hospital id.
    public func restrictionsInForce(at now: Date) -> [String: [Restriction]] {
        var out: [String: [Restriction]] = [:]
        for r in restrictions.values where r.inForce(at: now) { out[r.hospitalId, default: []].append(r) }
        for key in out.keys { out[key]!.sort { ($1.from, $1.id) < ($0.from, $0.id) } }
        return out
    }

    /// The open or limited ERs reporting `code` available: those in `region` first (when given;
    /// compared without case), then the freshest report first, then by name.
    public func capableHospitals(condition code: String, region: String? = nil, now: Date) -> [Hospital] {
        capableEntries(condition: code, region: region, now: now).map(\.hospital)
    }

    /// `capableHospitals` with what a list shows beside each: the report and the restrictions in force.
    public func capableEntries(condition code: String, region: String? = nil, now: Date) -> [CapableHospital] {
        let wanted = region?.trimmingCharacters(in: .whitespaces).lowercased()
        // Once for all: asking each hospital would scan every restriction per hospital.
        let inForce = restrictionsInForce(at: now)
        var out: [CapableHospital] = []
        for (id, cap) in capabilities {
            guard let status = cap.conditions[code], status.value.availability == .available,
                  let h = hospitals[id], h.erState == .open || h.erState == .limited else { continue }
            let same = wanted.map { !$0.isEmpty && h.region.lowercased() == $0 } ?? false
            out.append(CapableHospital(hospital: h, status: status, sameRegion: same, restrictions: inForce[id] ?? []))
        }
        return out.sorted { a, b in
            if a.sameRegion != b.sameRegion { return a.sameRegion }
            if a.status.at != b.status.at { return a.status.at > b.status.at }
            return (a.hospital.name, a.hospital.id) < (b.hospital.name, b.hospital.id)
        }
    }

    /// A hospital's capability, empty when none was reported.
    public func capability(of hospitalId: String) -> HospitalCapability {
        capabilities[hospitalId] ?? HospitalCapability(hospitalId: hospitalId)
    }
}

/// One line of `where`: an ER that can take the condition now.
public struct CapableHospital: Sendable, Equatable {
    public var hospital: Hospital
    /// The condition's report (its stamp says how fresh).
    public var status: Reported<ConditionStatus>
    public var sameRegion: Bool
    public var restrictions: [Restriction]
}
