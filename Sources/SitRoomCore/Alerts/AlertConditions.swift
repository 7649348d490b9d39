import Foundation

/// A rule that holds right now for one subject. An alert is raised for it if none is active.
public struct AlertCondition: Equatable, Sendable {
    public var rule: AlertRule
    public var subject: String
    public var text: String
    public var severity: Severity

    public var alertId: String { Alert.id(rule: rule, subject: subject) }
}

extension Board {
    /// Every rule that holds at `now`, worst first; with `subjects`, only those about these ids.
    public func alertConditions(_ rules: AlertRules, at now: Date, subjects: Set<String>? = nil) -> [AlertCondition] {
        var out: [AlertCondition] = []
        if let subjects {
            for id in subjects { if let h = hospitals[id] { out += h.alertConditions(rules, at: now) } }
        } else {
            for h in hospitals.values { out += h.alertConditions(rules, at: now) }
        }
        if rules.actionOverdue {
            for a in actions.values where a.isOverdue(at: now) && subjects.map({ $0.contains(a.id) }) ?? true {
                out.append(AlertCondition(rule: .actionOverdue, subject: a.id, text: "overdue: \(a.text)", severity: .warning))
            }
        }
        out += capabilityAlertConditions(rules, at: now, subjects: subjects)
        out += securityAlertConditions(rules, at: now, subjects: subjects)
        return out.sorted { ($1.severity, $0.rule.rawValue, $0.text) < ($0.severity, $1.rule.rawValue, $1.text) }
    }
}

extension Hospital {
    func alertConditions(_ rules: AlertRules, at now: Date) -> [AlertCondition] {
        var out: [AlertCondition] = []
        func add(_ rule: AlertRule, _ text: String, _ severity: Severity) {
            out.append(AlertCondition(rule: rule, subject: id, text: "\(name) \(text)", severity: severity))
        }
        switch erState {
        case .closed? where rules.erClosed: add(.erClosed, "ER closed", .critical)
        case .diverting? where rules.erDiverting: add(.erDiverting, "ER diverting", .warning)
        default: break
        }
        if let icu = icuBeds?.value, Self.isLow(icu, below: rules.icuBelow, percent: rules.icuBelowPercent) {
            add(.icuLow, "adult ICU \(icu.available)/\(icu.staffed)", icu.available == 0 ? .critical : .warning)
        }
        if let nicu = nicuBeds?.value, Self.isLow(nicu, below: rules.nicuBelow, percent: rules.nicuBelowPercent) {
            add(.nicuLow, "neonatal ICU \(nicu.available)/\(nicu.staffed)", nicu.available == 0 ? .critical : .warning)
        }
        if rules.doctorsShort {
            var short: [String] = []
            if let d = erDoctors?.value, d.isShort { short.append("ER doctors \(d.onDuty)/\(d.minimum)") }
            if let d = icuDoctors?.value, d.isShort { short.append("ICU doctors \(d.onDuty)/\(d.minimum)") }
            if !short.isEmpty { add(.doctorsShort, short.joined(separator: ", "), .warning) }
        }
        if rules.staleReport, lastCoverageReport != nil, isStale(at: now) {
            add(.staleReport, "report stale", .notice)
        }
        if rules.complianceBelowPercent > 0, let issued = ordersIssued?.value, issued > 0 {
            let complied = ordersComplied?.value ?? 0
            if complied * 100 < issued * rules.complianceBelowPercent {
                add(.complianceLow, "return-to-work compliance \(complied)/\(issued)", .warning)
            }
        }
        return out
    }

    /// Only units that exist (staffed > 0) can run low.
    static func isLow(_ c: Capacity, below: Int, percent: Int) -> Bool {
        guard c.staffed > 0 else { return false }
        return c.available < below || c.available * 100 < c.staffed * percent
    }
}
